package org.vigil.server.cli;

import org.vigil.server.picture.Theatre;
import org.vigil.server.theatre.TheatreException;
import org.vigil.server.theatre.TheatreLoader;

/**
 * The command line's access to theatres: everything below it takes the {@link Theatre} it is
 * given. Theatres are data (docs/THEATRES.md), read by {@link TheatreLoader}.
 */
public final class Theatres {
    private Theatres() {}

    /** A built-in theatre by name; its data is part of the build, so a problem is a build defect. */
    public static Theatre builtIn(String name) {
        try {
            return TheatreLoader.load(name);
        } catch (TheatreException e) {
            throw new IllegalStateException("built-in theatre " + name + " is broken:\n" + e.getMessage(), e);
        }
    }
}
