package org.vigil.server.cli;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vigil.core.track.TrackerConfig;
import org.vigil.server.picture.Picture;
import org.vigil.server.pipeline.ModeSPipeline;
import org.vigil.server.radar.RadarConfig;
import org.vigil.server.replay.ReplayFiles;
import org.vigil.server.replay.ReplaySinks;
import org.vigil.server.replay.Replayer;
import org.vigil.server.replay.TrackingReplay;
import org.vigil.server.tracking.TrackingPipeline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil replay DIR | FILE...}: runs recorded inputs, merged in data-time order, as fast as
 * possible through the Mode S pipeline, radar plot decoding and the flight-plan store, and prints
 * what came through; the multi-sensor tracker takes the decoded Mode S messages and the plots, and
 * writes events ({@code --events}) and, against truth, quality metrics ({@code --metrics}).
 * Truth: {@code --truth FILE}, or with {@code --metrics} alone the truth file the sim manifest names.
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description =
                "Replay a `vigil sim` output directory or capture files, merged in data-time order, as fast as possible.",
        footer = {
            "",
            "Examples:",
            "  vigil sim black-sea-2022 --out run1 --duration 10m && vigil replay run1",
            "  vigil replay capture.beast.gz radar.pcap --radar-config radars.json --start 2024-05-01T12:00:00Z",
            "  vigil replay --recording .vigil --from 2022-04-20T09:00:00Z --to 2022-04-20T09:30:00Z",
            "  vigil replay --recording .vigil --serve 8081"
        })
public final class ReplayCommand implements Callable<Integer> {
    @Parameters(
            arity = "0..*",
            paramLabel = "DIR|FILE",
            description = "A `vigil sim` output directory (with manifest.json), or capture files: Beast, AVR, SBS "
                    + "(gzip detected), ASTERIX raw/.ff/pcap, ICAO FPL text.")
    List<Path> inputs;

    @Option(
            names = "--start",
            paramLabel = "TIME",
            description = "Captures: UTC start, e.g. 2024-05-01T12:00:00Z: the date of ASTERIX times of day and where "
                    + "receiver clocks start (default: the first file's modification time).")
    String start;

    @Option(
            names = "--radar-config",
            paramLabel = "FILE",
            description = "Captures: the radar sites ASTERIX files need (see docs/RADAR.md).")
    Path radarConfig;

    @Option(
            names = "--truth",
            paramLabel = "TRUTH.jsonl",
            description =
                    "Ground truth to score the tracker against (default with --metrics: the truth file of the sim manifest).")
    Path truth;

    @Option(
            names = "--events",
            paramLabel = "OUT.jsonl",
            description =
                    "Write the tracker's and identification's events (identities, rules, alerts) as one time-ordered "
                            + "JSON Lines stream (docs/EVENTS.md).")
    Path events;

    @Option(
            names = "--metrics",
            paramLabel = "OUT.json",
            description = "Write the track-quality metrics as JSON (needs truth: --truth, or a sim directory's own).")
    Path metrics;

    @Option(
            names = "--baseline",
            description = "Run the plain constant-velocity Kalman + GNN baseline instead of the IMM tracker.")
    boolean baseline;

    @Option(
            names = "--threads",
            paramLabel = "N",
            defaultValue = "2",
            description =
                    "Threads for the picture: 2 (default) decodes into the aircraft table on the replaying thread"
                            + " and runs the tracker, identification and events on a second (same events as 1); 1 runs all on one.")
    int threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code --recording DIR [--from] [--to] [--speed] [--serve]}: a period of what a running Vigil recorded. */
    @CommandLine.Mixin
    PlaybackCommand playback = new PlaybackCommand();

    /** {@code --theatre}: the airspace, rules and posture identification runs with (also for --recording). */
    @CommandLine.Mixin
    TheatreOption theatre = new TheatreOption();

    /**
     * The consumers of a replay: the whole picture, Mode S through its decoder into the aircraft
     * table and the tracker, plots to the tracker, flight plans to its store.
     */
    static ReplaySinks sinks(Picture p) {
        ReplaySinks s =
                ReplaySinks.none().withFrames(p.modeS()).withMessages(p.modeS()).withPlots(p.radarSink());
        return p.flightPlans() == null ? s : s.withFlightPlans(p.flightPlans()::apply);
    }

    @Override
    public Integer call() throws Exception {
        if (playback.requested()) {
            if (inputs != null && !inputs.isEmpty()) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--recording plays a recording: give no DIR|FILE with it");
            }
            playback.theatre = theatre.loadOr(spec.commandLine(), playback.recordedTheatre());
            return playback.call();
        }
        if (inputs == null || inputs.isEmpty()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "give a sim directory or capture files (or --recording DIR)");
        }
        ReplayFiles run;
        try {
            run = open();
        } catch (IllegalArgumentException e) {
            System.err.println("vigil replay: " + e.getMessage());
            return 2;
        }
        Path truthFile = truth != null ? truth : metrics != null ? run.truth() : null;
        if (metrics != null && truthFile == null) {
            System.err.println("vigil replay: --metrics needs truth: give --truth TRUTH.jsonl (captures have none)");
            return 2;
        }
        if (truthFile != null && !Files.isReadable(truthFile)) {
            System.err.println("vigil replay: cannot read truth file " + truthFile);
            return 2;
        }
        TrackerConfig config = new TrackerConfig();
        if (baseline) config.motion = org.vigil.core.track.Motion.CV;
        // the sim directory's theatre (its manifest) unless --theatre names another
        org.vigil.server.picture.Theatre chosen = theatre.loadOr(spec.commandLine(), run.theatre());
        System.out.println("Theatre: " + chosen.name()
                + (theatre.theatre == null && run.theatre() != null ? " (the directory's)" : ""));
        try (OutputStream eventsOut = events == null ? null : Files.newOutputStream(events)) {
            // the one picture assembly, as a live server's, owned by this thread (deterministic)
            TrackingReplay.Session tracking = TrackingReplay.open(
                    run,
                    new TrackingReplay.Options(
                                    config, eventsOut, truthFile, null, TrackingReplay.DEFAULT_SAMPLE_SECONDS)
                            .withIdentification(chosen));
            Picture picture = tracking.picture();
            if (threads < 1 || threads > 2) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--threads is 1 or 2, not " + threads);
            }
            long t0 = System.nanoTime();
            Replayer.Summary s;
            long cpu0 = org.vigil.server.replay.PictureStages.threadCpuNanos();
            String threadsLine;
            if (threads == 2) {
                org.vigil.server.replay.PictureStages stages = org.vigil.server.replay.PictureStages.split(picture);
                try (stages) {
                    s = run.run(stages.sinks());
                }
                threadsLine = String.format(
                        Locale.ROOT,
                        "Threads: replaying thread (reading, decoding, aircraft table) %.2f CPU-s, second stage"
                                + " (tracker, identification, events) %.2f CPU-s, %,d waits for a free slot%n",
                        (org.vigil.server.replay.PictureStages.threadCpuNanos() - cpu0) / 1e9,
                        stages.secondStageCpuNanos() / 1e9,
                        stages.waits());
            } else {
                s = run.run(sinks(picture));
                threadsLine = String.format(
                        Locale.ROOT,
                        "Threads: one, %.2f CPU-s%n",
                        (org.vigil.server.replay.PictureStages.threadCpuNanos() - cpu0) / 1e9);
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            TrackingReplay.Result r = tracking.finish(s, (System.nanoTime() - t0) / 1e9);
            print(run, s, picture, wall);
            System.out.print(threadsLine);
            printTracking(r, config);
            printIdentification(tracking.ident());
            if (metrics != null) TrackingReplay.writeJson(r.metrics(), metrics);
            else if (r.metrics() != null) printMetrics(r.metrics());
        }
        return 0;
    }

    private static void printTracking(TrackingReplay.Result r, TrackerConfig config) {
        TrackingPipeline.Stats st = r.stats();
        System.out.printf(
                Locale.ROOT,
                "Tracker (%s): %,d detections (%,d ADS-B reports, %,d radar plots), %d tracks live, %d confirmed, %,d events%n",
                config.motion == org.vigil.core.track.Motion.CV ? "baseline CV Kalman + GNN" : "IMM CV/CT + GNN",
                st.processed(),
                st.reportDetections(),
                st.plotDetections(),
                st.liveTracks(),
                st.confirmedTracks(),
                r.events());
        StringBuilder b = new StringBuilder("  refused:");
        st.rejected().forEach((k, v) -> {
            if (v > 0) b.append(' ').append(k).append('=').append(v);
        });
        System.out.println(b);
    }

    private static void printIdentification(org.vigil.server.ident.IdentStage ident) {
        if (ident == null) return;
        Map<String, Integer> byRule = new java.util.TreeMap<>();
        int open = ident.withEngine(e -> {
            for (org.vigil.core.ident.Alert a : e.openAlerts()) byRule.merge(a.cause.id, 1, Integer::sum);
            return e.openAlerts().size();
        });
        StringBuilder b = new StringBuilder();
        byRule.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        System.out.printf(
                Locale.ROOT,
                "Identification: %,d track updates identified, %d alerts open at the end%s%n",
                ident.updates(),
                open,
                b.length() == 0 ? "" : ":" + b);
    }

    private static void printMetrics(java.util.Map<String, Object> m) {
        System.out.printf(
                Locale.ROOT,
                "Quality: OSPA %.0f m, %s breaks, %s swaps, %s false tracks, %s missed truth instants, "
                        + "position error %.1f m, initiation latency mean %.1f s max %.1f s%n",
                num(m.get("ospa_mean_m")),
                m.get("track_breaks"),
                m.get("swaps"),
                m.get("false_tracks"),
                m.get("missed_truth"),
                num(m.get("position_error_mean_m")),
                num(m.get("initiation_latency_mean_s")),
                num(m.get("initiation_latency_max_s")));
    }

    private static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private ReplayFiles open() throws Exception {
        if (inputs.size() == 1 && Files.isDirectory(inputs.get(0))) {
            if (start != null || radarConfig != null) {
                throw new IllegalArgumentException(
                        "--start and --radar-config are for capture files; a sim directory has its manifest");
            }
            return ReplayFiles.open(inputs.get(0));
        }
        for (Path p : inputs) {
            if (Files.isDirectory(p))
                throw new IllegalArgumentException(p + " is a directory: give one sim directory, or capture files");
        }
        Instant t;
        try {
            t = start != null
                    ? Instant.parse(start)
                    : Files.getLastModifiedTime(inputs.get(0)).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "--start expects a UTC time such as 2024-05-01T12:00:00Z, got '" + start + "'");
        }
        return ReplayFiles.captures(
                inputs,
                radarConfig == null ? List.of() : RadarConfig.load(radarConfig).sites(),
                t);
    }

    private static void print(ReplayFiles run, Replayer.Summary s, Picture p, double wall) {
        String what = run.scenario() != null ? "scenario " + run.scenario() : "captures";
        double span = s.delivered() == 0 ? 0 : (s.lastNanos() - s.firstNanos()) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "Replay of %s from %s: %.0f s of data%n",
                what,
                Instant.ofEpochSecond(0, run.startNanos()),
                span);
        for (Replayer.SourceSummary src : s.sources()) {
            System.out.printf(
                    Locale.ROOT,
                    "  %-28s %-12s %-12s %,12d items %,14d bytes%s%n",
                    src.name(),
                    src.kind(),
                    src.format(),
                    src.delivered(),
                    src.bytes(),
                    rejects(src.rejects()));
        }
        ModeSPipeline.Stats st = p.modeS().stats();
        System.out.printf(
                Locale.ROOT,
                "%,d inputs in %.2f s (%,.0f inputs/s, %.0fx real time): %,d aircraft, %,d frames decoded"
                        + " (%,d copies from other receivers), "
                        + "%,d SBS messages, %,d radar plots, %,d radar service messages, %d flight plans active%n",
                s.delivered(),
                wall,
                s.delivered() / Math.max(wall, 1e-9),
                span / Math.max(wall, 1e-9),
                st.aircraft(),
                st.decodedFrames(),
                st.copyFrames(),
                st.sbsMessages(),
                p.plots(),
                p.serviceMessages(),
                p.flightPlans().size());
    }

    private static String rejects(Map<String, Long> r) {
        if (r.isEmpty()) return "";
        StringBuilder b = new StringBuilder("  rejected:");
        r.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        return b.toString();
    }
}
