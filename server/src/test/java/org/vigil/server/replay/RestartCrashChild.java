package org.vigil.server.replay;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.vigil.core.radar.RadarSite;
import org.vigil.core.sim.Scenario;
import org.vigil.server.recording.RecordedEvents;
import org.vigil.server.recording.Recorder;
import org.vigil.server.recording.RecorderConfig;
import org.vigil.server.recording.RecordingManifest;
import org.vigil.server.recording.RecordingTap;

/**
 * The process {@link RestartCrashTest} kills and restarts: {@code DIR ingest MINUTES} records the
 * default scenario's live sensors through the pipeline as fast as it can (printing progress, never
 * finishing cleanly: it waits to be killed); {@code DIR restart MINUTES WINDOW_MINUTES} rebuilds
 * the picture with {@link Restart} and resumes the scenario where the journal ends, to the end.
 */
public final class RestartCrashChild {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String mode = args[1];
        double minutes = Double.parseDouble(args[2]);
        Scenario sc = RecordFixture.scenario();
        List<RadarSite> radars = RecordFixture.radars(sc);
        try (Recorder rec = Recorder.open(RecorderConfig.embedded(dir))) {
            RecordingTap tap = new RecordingTap(rec);
            RecordedEvents events = new RecordedEvents(rec);
            RecordFixture.Pipeline p = new RecordFixture.Pipeline(radars, events);
            long skip = 0;
            if (mode.equals("ingest")) {
                RecordingManifest.of(radars, sc.name()).write(dir);
            } else {
                Duration window = Duration.ofSeconds(Math.round(Double.parseDouble(args[3]) * 60));
                long t0 = System.nanoTime();
                Restart.Result r =
                        Restart.rebuild(rec, RecordingManifest.read(dir).radars(), p.sinks(), events, window, p::flush);
                double wall = (System.nanoTime() - t0) / 1e9;
                skip = r.replay().items("frames") + r.replay().items("radar-blocks");
                System.out.printf(
                        java.util.Locale.ROOT,
                        "REBUILT wall=%.2f exact=%b raw=%d data_s=%.0f matched=%d recovered=%d suppressed=%d unmatched=%d divergences=%d open_alerts=%d%n",
                        wall,
                        r.exact(),
                        r.replay().delivered(),
                        (r.replay().lastNanos() - r.replay().firstNanos()) / 1e9,
                        r.storedMatched(),
                        r.recovered(),
                        r.suppressed(),
                        r.unmatched(),
                        r.divergences(),
                        r.openAlerts().size());
                System.out.flush();
            }
            RecordFixture.LiveSensors s = new RecordFixture.LiveSensors(sc, p, tap, skip);
            double end = minutes * 60;
            for (double t = 10; t <= end; t += 10) {
                s.advanceTo(t);
                p.flush(); // events reach the store as they happen (the writer's generator buffers)
                System.out.printf(
                        java.util.Locale.ROOT, "AT %.0f raw=%d events=%d%n", t, tap.recorded(), events.recorded());
                System.out.flush();
            }
            if (mode.equals("ingest")) {
                System.out.println("WAITING");
                System.out.flush();
                // Killed here at the latest; if the test that started us died, do not outlive it for long.
                Thread.sleep(300_000);
                System.exit(3);
            }
            p.tracking.finish();
            p.flush();
            rec.sync();
            System.out.println("DONE");
        }
    }

    private RestartCrashChild() {}
}
