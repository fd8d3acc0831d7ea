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
        subcommands = {
            TheatreCommand.ListCommand.class,
            TheatreCommand.CheckCommand.class,
            TheatreCommand.ResponsivenessCommand.class
        })
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
    /**
     * {@code vigil theatre responsiveness NAME --from D --to D}: the weekly responsiveness report over
     * the theatre's area for its QRA rotations (docs/QRA.md "Posture by date").
     */
    @Command(
            name = "responsiveness",
            mixinStandardHelpOptions = true,
            description = "Weekly report of the QRA posture by date: who holds which base, covered share and minutes.")
    static final class ResponsivenessCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR|NAME", description = "Theatre directory or built-in name.")
        String theatre;

        @CommandLine.Option(names = "--from", required = true, description = "First day, YYYY-MM-DD (UTC).")
        java.time.LocalDate from;

        @CommandLine.Option(names = "--to", required = true, description = "Last day, YYYY-MM-DD (UTC), inclusive.")
        java.time.LocalDate to;

        @CommandLine.Option(names = "--level", defaultValue = "250", description = "Target flight level (default 250).")
        double flightLevel;

        @CommandLine.Option(names = "--speed", defaultValue = "450", description = "Target speed, kt (default 450).")
        double speedKt;

        @CommandLine.Option(
                names = "--motion",
                defaultValue = "OPENING",
                description = "OPENING (flies away from each unit) or STATIONARY (default OPENING).")
        org.vigil.core.qra.TargetMotion motion;

        @CommandLine.Option(
                names = "--resolution",
                defaultValue = "10",
                description = "Grid resolution, km (default 10).")
        double resolutionKm;

        @Override
        public Integer call() {
            Theatre t;
            try {
                t = TheatreLoader.load(theatre);
            } catch (TheatreException e) {
                System.err.println(e.getMessage());
                return 1;
            }
            Theatre.Area a = t.area();
            List<org.vigil.core.qra.PostureByDate.Week> weeks;
            try {
                weeks = org.vigil.core.qra.PostureByDate.weekly(
                        t.posture(),
                        org.vigil.core.qra.MapGrid.of(a.south(), a.north(), a.west(), a.east(), resolutionKm),
                        org.vigil.core.qra.GeoPredicate.EVERYWHERE,
                        flightLevel * 100,
                        speedKt,
                        motion,
                        org.vigil.core.qra.InterceptOptions.defaults(),
                        from,
                        to);
            } catch (IllegalArgumentException e) {
                System.err.println("vigil theatre responsiveness: " + e.getMessage());
                return 1;
            }
            System.out.printf(
                    java.util.Locale.ROOT,
                    "%s: target FL%.0f %.0f kt %s, %.0f km grid over %.1f..%.1f N, %.1f..%.1f E%n",
                    t.name(),
                    flightLevel,
                    speedKt,
                    motion.name().toLowerCase(java.util.Locale.ROOT),
                    resolutionKm,
                    a.south(),
                    a.north(),
                    a.west(),
                    a.east());
            System.out.println("week                     covered (worst/mean)  mean min  worst min  bases");
            for (var line : org.vigil.server.qra.QraApi.weeksView(weeks)) {
                System.out.printf(
                        java.util.Locale.ROOT,
                        "%s..%s  %5.1f %% / %5.1f %%     %8s  %9s  %s%n",
                        line.get("from"),
                        line.get("to"),
                        100 * (Double) line.get("worstCoveredShare"),
                        100 * (Double) line.get("meanCoveredShare"),
                        line.get("meanMinutes") == null ? "-" : line.get("meanMinutes"),
                        line.get("worstCoveredMinutes") == null ? "-" : line.get("worstCoveredMinutes"),
                        line.get("bases"));
                for (Object c : (List<?>) line.get("changes")) System.out.println("    rotation change " + c);
            }
            return 0;
        }
    }
}
