package org.vigil.server.cli;

import org.vigil.server.picture.Theatre;
import org.vigil.server.theatre.TheatreException;
import org.vigil.server.theatre.TheatreLoader;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --theatre NAME|DIR}, the same on every command that builds a picture (docs/THEATRES.md). */
final class TheatreOption {
    @Option(
            names = "--theatre",
            paramLabel = "NAME|DIR",
            description = "Theatre: a built-in (see `vigil theatre list`) or a theatre directory (docs/THEATRES.md). "
                    + "Default: the scenario's theatre: key, else the first built-in.")
    String theatre;

    /**
     * {@code --theatre} if given, else the theatre a recording or sim output names ({@code recorded},
     * may be null), else the default; a broken one is a parameter error listing its problems.
     */
    Theatre loadOr(CommandLine cmd, String recorded) {
        if (theatre != null || recorded == null) return load(cmd);
        try {
            return TheatreLoader.load(recorded);
        } catch (TheatreException e) {
            throw new CommandLine.ParameterException(
                    cmd, "the recorded theatre " + recorded + " (override with --theatre):\n" + e.getMessage());
        }
    }

    /** The named theatre, or the default; a broken one is a parameter error listing its problems. */
    Theatre load(CommandLine cmd) {
        try {
            return TheatreLoader.load(theatre == null ? TheatreLoader.defaultName() : theatre);
        } catch (TheatreException e) {
            throw new CommandLine.ParameterException(cmd, "--theatre " + theatre + ":\n" + e.getMessage());
        }
    }
}
