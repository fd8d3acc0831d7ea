package org.vigil.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vigil.server.theatre.TheatreChoice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil bench false-alerts --theatre black-sea-2022 --theatre baltic --seeds 5 --hours 24}:
 * benchmarks of the whole picture on simulated data (issue #14); output in docs/IDENTIFICATION.md.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks of the picture on simulated data.",
        subcommands = {BenchCommand.FalseAlerts.class})
public final class BenchCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** False alerts per 1,000 civil flight-hours per rule, and the detection delay of every scripted event. */
    @Command(
            name = "false-alerts",
            mixinStandardHelpOptions = true,
            description = "Busy simulated traffic (airlines and general aviation between all the theatre's airports, "
                    + "its radars with clutter and ADS-B receivers) through the full picture (the replay path); "
                    + "reports false alerts per 1,000 civil flight-hours per rule and the detection delay of "
                    + "every scripted event, over seeds and theatres.")
    static final class FalseAlerts implements Callable<Integer> {
        @Option(
                names = "--theatre",
                paramLabel = "NAME|DIR",
                description = "Theatre (repeatable; default black-sea-2022). Its default scenario gives the "
                        + "scripted events, sensors and QRA units.")
        List<String> theatres = new ArrayList<>();

        @Option(names = "--seeds", paramLabel = "N", description = "Seeds per theatre (1..N; default 5).")
        int seeds = 5;

        @Option(
                names = "--first-seed",
                paramLabel = "N",
                description = "First seed (default 1): runs seeds N..N+seeds-1, so that a long bench can be split "
                        + "over processes or machines and the reports added up.")
        int firstSeed = 1;

        @Option(names = "--hours", paramLabel = "H", description = "Simulated hours per run (default 24).")
        double hours = 24;

        @Option(names = "--per-hour", paramLabel = "N", description = "Airline departures per hour (default 300).")
        double perHour = 300;

        @Option(
                names = "--ga-per-hour",
                paramLabel = "N",
                description = "General aviation departures per hour (default 40; half ADS-B, half Mode A/C only).")
        double gaPerHour = 40;

        @Option(names = "--out", paramLabel = "FILE", description = "Also write the report (Markdown) here.")
        Path out;

        @Option(
                names = "--work",
                paramLabel = "DIR",
                description = "Directory for the simulated data (default: a temporary one, deleted after each run).")
        Path work;

        @Option(
                names = "--jobs",
                paramLabel = "N",
                description = "Runs (theatre, seed) at a time, each on its own thread (default 1). Every run is "
                        + "independent and deterministic, so the figures do not depend on N; each needs about 1 GB "
                        + "of heap and, for 24 h, about 12 GB of disk for its simulated data while it runs.")
        int jobs = 1;

        @Override
        public Integer call() throws Exception {
            if (theatres.isEmpty()) theatres.add("black-sea-2022");
            if (seeds < 1 || firstSeed < 1 || jobs < 1 || !(hours > 0) || perHour < 0 || gaPerHour < 0) {
                System.err.println(
                        "vigil bench false-alerts: --seeds >= 1, --first-seed >= 1, --jobs >= 1, --hours > 0,"
                                + " rates >= 0");
                return 2;
            }
            FalseAlertBench bench = new FalseAlertBench(perHour, gaPerHour);
            List<java.util.concurrent.Callable<Void>> tasks = new ArrayList<>();
            List<String> order = new ArrayList<>();
            for (String name : theatres) {
                TheatreChoice.Resolved r = TheatreChoice.resolve(name, null, true);
                order.add(r.theatre().name());
                for (int seed = firstSeed; seed < firstSeed + seeds; seed++) {
                    int s = seed;
                    tasks.add(() -> {
                        Path dir = work != null
                                ? work.resolve(r.theatre().name() + "-" + s)
                                : Files.createTempDirectory("vigil-bench-");
                        FalseAlertBench.Run run = bench.run(r.theatre(), r.scenario(), s, hours * 3600, dir);
                        System.out.println(run.summary());
                        System.out.flush();
                        if (work == null) deleteTree(dir);
                        return null;
                    });
                }
            }
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(jobs);
            try {
                for (java.util.concurrent.Future<Void> f : pool.invokeAll(tasks)) f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof Exception x ? x : e;
            } finally {
                pool.shutdownNow();
            }
            // in the order asked for: theatres as given, seeds ascending
            bench.sortRuns(java.util.Comparator.<FalseAlertBench.Run>comparingInt(x -> order.indexOf(x.theatre()))
                    .thenComparingInt(FalseAlertBench.Run::seed));
            String report = bench.report(String.format(
                    Locale.ROOT,
                    "vigil bench false-alerts %s%s--seeds %d --hours %s --per-hour %s --ga-per-hour %s%s",
                    theatres.stream().map(t -> "--theatre " + t + " ").reduce("", String::concat),
                    firstSeed == 1 ? "" : "--first-seed " + firstSeed + " ",
                    seeds,
                    num(hours),
                    num(perHour),
                    num(gaPerHour),
                    jobs == 1 ? "" : " --jobs " + jobs));
            System.out.println(report);
            if (out != null) {
                try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
                    w.print(report);
                }
            }
            return 0;
        }

        private static String num(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }

        private static void deleteTree(Path dir) throws IOException {
            try (var s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }
}
