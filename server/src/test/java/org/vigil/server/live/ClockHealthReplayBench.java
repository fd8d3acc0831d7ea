package org.vigil.server.live;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.event.EventSink;
import org.vigil.core.radar.RadarSite;
import org.vigil.core.sim.RadarSpec;
import org.vigil.core.sim.Scenario;
import org.vigil.server.cli.Theatres;
import org.vigil.server.picture.Picture;
import org.vigil.server.recording.Recorder;
import org.vigil.server.recording.RecorderConfig;
import org.vigil.server.recording.RecordingTap;
import org.vigil.server.replay.ReplaySinks;
import org.vigil.server.replay.Replayer;
import org.vigil.server.sim.LiveSimulation;
import org.vigil.server.sim.ScenarioLoader;
import org.vigil.server.sim.SimFeed;

/**
 * Benchmark (docs/BENCHMARKS.md "Issue 13: clock ticks and health"), run only with
 * {@code -Dvigil.bench=true}: a live run of {@code black-sea-2022} (simulator advanced by hand,
 * recorded with its clock ticks) is replayed from its journal into a fresh picture, alternately
 * as before issue 13 (frames, plots and plans only: clock ticks read but dropped, no feed health)
 * and with the ticks and the health model on ({@link org.vigil.server.replay.PictureSinks#of}). Replay thread CPU
 * time; medians of the rounds after the warm-up.
 */
class ClockHealthReplayBench {
    static final java.lang.management.ThreadMXBean MX = java.lang.management.ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    @Test
    void replayThroughputWithAndWithoutClockTicksAndHealth() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("vigil.bench"), "benchmark: run with -Dvigil.bench=true");
        double minutes = Double.parseDouble(System.getProperty("vigil.bench.minutes", "20"));
        int warmup = 2, rounds = Integer.getInteger("vigil.bench.rounds", 5);
        Scenario sc = ScenarioLoader.load("black-sea-2022");
        List<RadarSite> radars = new ArrayList<>();
        for (RadarSpec r : sc.radars()) radars.add(SimFeed.site(r));
        try (Recorder rec = Recorder.open(RecorderConfig.embedded(dir))) {
            try (LiveServer server =
                    new LiveServer(Theatres.builtIn("black-sea-2022"), "127.0.0.1", 0, null, new RecordingTap(rec))) {
                server.addInput(new LiveSimulation(server, sc, 1, false)).advanceTo(minutes * 60);
            }
            rec.sync();
            long[][] cpu = new long[2][rounds];
            long[] inputs = new long[2];
            long[] ticks = new long[2];
            for (int r = 0; r < warmup + rounds; r++) {
                for (int mode = 0; mode < 2; mode++) {
                    Picture p = Picture.builder(Theatres.builtIn("black-sea-2022"))
                            .events(EventSink.NONE)
                            .build();
                    ReplaySinks sinks = mode == 1
                            ? org.vigil.server.replay.PictureSinks.of(p)
                            : ReplaySinks.none()
                                    .withFrames((b, o, l, t, m, s) -> p.modeS().accept(b, o, l, t, s))
                                    .withPlots(p.radarSink())
                                    .withFlightPlans(p.flightPlans()::apply);
                    long c0 = MX.getCurrentThreadCpuTime();
                    Replayer.Summary s = Replayer.recording(rec.raw(), radars, Long.MIN_VALUE, Long.MAX_VALUE, sinks);
                    long c = MX.getCurrentThreadCpuTime() - c0;
                    if (r >= warmup) cpu[mode][r - warmup] = c;
                    inputs[mode] = s.delivered();
                    ticks[mode] = s.items("clock-ticks");
                }
            }
            for (int mode = 0; mode < 2; mode++) {
                long[] c = cpu[mode].clone();
                Arrays.sort(c);
                long median = c[c.length / 2];
                System.out.printf(
                        java.util.Locale.ROOT,
                        "BENCH %s: %d inputs (%d clock ticks), median %.3f s CPU (rounds %s), %.0f inputs per CPU second%n",
                        mode == 0 ? "before (no ticks, no health)" : "clock ticks + health",
                        inputs[mode],
                        ticks[mode],
                        median / 1e9,
                        Arrays.toString(Arrays.stream(cpu[mode])
                                .mapToObj(x -> String.format(java.util.Locale.ROOT, "%.3f", x / 1e9))
                                .toArray()),
                        inputs[mode] / (median / 1e9));
            }
        }
    }
}
