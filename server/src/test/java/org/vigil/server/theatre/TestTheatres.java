package org.vigil.server.theatre;

import org.vigil.core.qra.Posture;
import org.vigil.server.picture.Theatre;

/** Built-in theatres' data for tests that need one part of a theatre. */
public final class TestTheatres {
    private TestTheatres() {}

    /** A fresh copy of a built-in theatre's QRA posture (the posture follows orders, so each test gets its own). */
    public static Posture posture(String builtIn) {
        try {
            return TheatreLoader.load(builtIn).posture();
        } catch (TheatreException e) {
            throw new IllegalStateException("built-in theatre " + builtIn + ": " + e.getMessage(), e);
        }
    }

    /** A built-in theatre's area of interest. */
    public static Theatre.Area area(String builtIn) {
        try {
            return TheatreLoader.load(builtIn).area();
        } catch (TheatreException e) {
            throw new IllegalStateException("built-in theatre " + builtIn + ": " + e.getMessage(), e);
        }
    }
}
