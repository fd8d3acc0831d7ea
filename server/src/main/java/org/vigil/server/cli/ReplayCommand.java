package org.vigil.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.vigil.core.flightplan.FlightPlanStore;
import org.vigil.core.flightplan.RouteExpander;
import org.vigil.core.flightplan.RoutePoints;
import org.vigil.core.radar.RadarPlot;
import org.vigil.core.radar.RadarPlotSink;
import org.vigil.server.pipeline.ModeSPipeline;
import org.vigil.server.radar.RadarConfig;
import org.vigil.server.replay.RecordedRun;
import org.vigil.server.replay.ReplaySinks;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil replay DIR | FILE...}: runs recorded inputs, merged in data-time order, as fast as
 * possible through the Mode S pipeline, radar plot decoding and the flight-plan store, and prints
 * what came through. Consumers are combined in {@link #sinks}: a tracker plugs in there.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay a `vigil sim` output directory or capture files, merged in data-time order, as fast as possible.",
        footer = {"", "Examples:",
                "  vigil sim black-sea-2022 --out run1 --duration 10m && vigil replay run1",
                "  vigil replay capture.beast.gz radar.pcap --radar-config radars.json --start 2024-05-01T12:00:00Z"})
public final class ReplayCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "DIR|FILE",
            description = "A `vigil sim` output directory (with manifest.json), or capture files: Beast, AVR, SBS "
                    + "(gzip detected), ASTERIX raw/.ff/pcap, ICAO FPL text.")
    List<Path> inputs;
    @Option(names = "--start", paramLabel = "TIME",
            description = "Captures: UTC start, e.g. 2024-05-01T12:00:00Z: the date of ASTERIX times of day and where "
                    + "receiver clocks start (default: the first file's modification time).")
    String start;
    @Option(names = "--radar-config", paramLabel = "FILE", description = "Captures: the radar sites ASTERIX files need (see docs/RADAR.md).")
    Path radarConfig;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** What the replay feeds: the Mode S picture, a plot count, the flight plans. */
    static final class Picture {
        final ModeSPipeline pipeline = new ModeSPipeline();
        final FlightPlanStore flightPlans = new FlightPlanStore(new RouteExpander(RoutePoints.blackSea()));
        long plots, serviceMessages;
    }

    /** The consumers of a replay; a tracker's sinks are {@link ReplaySinks#tee}d in here. */
    static ReplaySinks sinks(Picture p) {
        return new ReplaySinks(p.pipeline, p.pipeline, new RadarPlotSink() {
            @Override
            public void onPlot(RadarPlot plot) { p.plots++; }

            @Override
            public void onRadarStatus(org.vigil.core.radar.RadarStatus s, org.vigil.core.radar.ServiceMessage m) {
                p.serviceMessages++;
            }
        }, p.flightPlans::apply);
    }

    @Override
    public Integer call() throws Exception {
        RecordedRun run;
        try {
            run = open();
        } catch (IllegalArgumentException e) {
            System.err.println("vigil replay: " + e.getMessage());
            return 2;
        }
        Picture picture = new Picture();
        long t0 = System.nanoTime();
        RecordedRun.Summary s = run.run(sinks(picture));
        double wall = (System.nanoTime() - t0) / 1e9;
        print(run, s, picture, wall);
        return 0;
    }

    private RecordedRun open() throws Exception {
        if (inputs.size() == 1 && Files.isDirectory(inputs.get(0))) {
            if (start != null || radarConfig != null) {
                throw new IllegalArgumentException("--start and --radar-config are for capture files; a sim directory has its manifest");
            }
            return RecordedRun.open(inputs.get(0));
        }
        for (Path p : inputs) {
            if (Files.isDirectory(p)) throw new IllegalArgumentException(p + " is a directory: give one sim directory, or capture files");
        }
        Instant t;
        try {
            t = start != null ? Instant.parse(start) : Files.getLastModifiedTime(inputs.get(0)).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--start expects a UTC time such as 2024-05-01T12:00:00Z, got '" + start + "'");
        }
        return RecordedRun.captures(inputs, radarConfig == null ? List.of() : RadarConfig.load(radarConfig).sites(), t);
    }

    private static void print(RecordedRun run, RecordedRun.Summary s, Picture p, double wall) {
        String what = run.scenario() != null ? "scenario " + run.scenario() : "captures";
        double span = s.delivered() == 0 ? 0 : (s.lastNanos() - s.firstNanos()) / 1e9;
        System.out.printf(Locale.ROOT, "Replay of %s from %s: %.0f s of data%n", what,
                Instant.ofEpochSecond(0, run.startNanos()), span);
        for (RecordedRun.SourceSummary src : s.sources()) {
            System.out.printf(Locale.ROOT, "  %-28s %-12s %-12s %,12d items %,14d bytes%s%n", src.name(), src.kind(), src.format(),
                    src.delivered(), src.bytes(), rejects(src.rejects()));
        }
        ModeSPipeline.Stats st = p.pipeline.stats();
        System.out.printf(Locale.ROOT, "%,d inputs in %.2f s (%,.0f inputs/s, %.0fx real time): %,d aircraft, %,d frames decoded, "
                        + "%,d SBS messages, %,d radar plots, %,d radar service messages, %d flight plans active%n",
                s.delivered(), wall, s.delivered() / Math.max(wall, 1e-9), span / Math.max(wall, 1e-9), st.aircraft(),
                st.decodedFrames(), st.sbsMessages(), p.plots, p.serviceMessages, p.flightPlans.size());
    }

    private static String rejects(Map<String, Long> r) {
        if (r.isEmpty()) return "";
        StringBuilder b = new StringBuilder("  rejected:");
        r.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        return b.toString();
    }
}
