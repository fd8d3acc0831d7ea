package org.vigil.server.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.vigil.server.picture.Theatre;
import org.vigil.server.theatre.TheatreException;
import org.vigil.server.theatre.TheatreLoader;
import org.vigil.server.theatre.TheatreProblem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code vigil theatre list|check}: the built-in theatres, and the validation of a theatre directory. */
@Command(
        name = "theatre",
        mixinStandardHelpOptions = true,
        description = "List the built-in theatres or check a theatre directory (docs/THEATRES.md).",
        subcommands = {TheatreCommand.ListCommand.class, TheatreCommand.CheckCommand.class})
public final class TheatreCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code vigil theatre list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the built-in theatres.")
    static final class ListCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            List<String> names = TheatreLoader.builtIns();
            for (int i = 0; i < names.size(); i++) {
                TheatreLoader.Summary t;
                try {
                    t = TheatreLoader.summary(names.get(i));
                } catch (TheatreException e) {
                    System.err.println(e.getMessage());
                    return 1;
                }
                Theatre.Area a = t.area();
                System.out.printf(
                        java.util.Locale.ROOT,
                        "%-16s %s%s%n%16s  policed: %s; area %.1f..%.1f N, %.1f..%.1f E%n",
                        t.name(),
                        t.title(),
                        i == 0 ? " (default)" : "",
                        "",
                        String.join(", ", t.policed()),
                        a.south(),
                        a.north(),
                        a.west(),
                        a.east());
            }
            System.out.println("Use one with --theatre NAME; check a directory with `vigil theatre check DIR`.");
            return 0;
        }
    }

    /** {@code vigil theatre check DIR}: every problem with file, line and field; exit 1 when there is any. */
    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = "Check a theatre directory (or a built-in name): every error with file, line and field.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the theatre is valid", "1:it has errors (listed)"})
    static final class CheckCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR|NAME", description = "Theatre directory or built-in name.")
        String theatre;

        @Override
        public Integer call() {
            List<TheatreProblem> problems;
            try {
                problems = TheatreLoader.check(theatre);
            } catch (RuntimeException e) {
                // a loader failing in a way it should have reported: still no stack trace for the user
                System.err.println("vigil theatre check: " + theatre + ": " + e);
                return 1;
            }
            for (TheatreProblem p : problems) System.err.println(p);
            if (!problems.isEmpty()) {
                System.err.printf("vigil theatre check: %s: %d error(s)%n", theatre, problems.size());
                return 1;
            }
            try {
                Theatre t = TheatreLoader.load(theatre);
                System.out.printf(
                        "%s: valid theatre '%s' (%s): %d state(s) policed, %d QRA detachment(s), %d zone(s), "
                                + "%d radar(s), %d receiver(s)%n",
                        theatre,
                        t.name(),
                        t.title(),
                        t.policed().size(),
                        t.posture().size(),
                        t.zones().count(),
                        t.radars().size(),
                        t.receivers().size());
            } catch (TheatreException e) {
                System.err.println(e.getMessage());
                return 1;
            }
            return 0;
        }
    }
}
