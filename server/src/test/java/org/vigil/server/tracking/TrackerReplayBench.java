package org.vigil.server.tracking;

import java.nio.file.Path;
import org.vigil.core.radar.*;
import org.vigil.core.track.*;
import org.vigil.server.replay.*;

/**
 * Tracker throughput on a recorded run (docs/BENCHMARKS.md "Tracker"): replays DIR, decodes and
 * adapts as the pipeline does, and times only the tracker's {@code accept} calls (System.nanoTime
 * around each, about 25 ns of overhead per detection). Not a test: run by hand,
 * {@code TrackerReplayBench DIR [imm|cv]} (with the pipeline's terminal areas; {@code -Dbench.aerodromes=false}
 * without, e.g. to run it against a tracker from before they existed).
 */
public final class TrackerReplayBench {
    static long trackerNanos, detections;

    public static void main(String[] a) throws Exception {
        ReplayFiles run = ReplayFiles.open(Path.of(a[0]));
        TrackerConfig c = TrackingPipeline.centreOn(new TrackerConfig(), run.radars());
        if (a.length > 1) c.motion = Motion.of(a[1]);
        Tracker tr = new Tracker(c, null);
        for (RadarSite s : run.radars())
            tr.addSensor(SensorConfig.radar(
                    s.key(),
                    s.name(),
                    s.latDeg(),
                    s.lonDeg(),
                    s.heightMetres(),
                    s.rotationPeriodSeconds(),
                    s.rangeSigmaMetres(),
                    s.azimuthSigmaRad()));
        tr.addSensor(SensorConfig.reports(TrackingPipeline.ADSB_SENSOR_ID, SensorKind.ADSB, "ADS-B"));
        // the terminal areas as the pipeline sets them; -Dbench.aerodromes=false for a tracker build without them
        if (Boolean.parseBoolean(System.getProperty("bench.aerodromes", "true")))
            TrackingPipeline.addAerodromes(tr, c.originLatDeg, c.originLonDeg);
        ModeSDetections md =
                new ModeSDetections(TrackingPipeline.ADSB_SENSOR_ID).setArea(c.originLatDeg, c.originLonDeg, 1e6);
        RadarPlotDetections rd = new RadarPlotDetections();
        Detection det = new Detection();
        org.vigil.codec.modes.ModeSMessage m = new org.vigil.codec.modes.ModeSMessage();
        org.vigil.codec.modes.CprResolver cpr = new org.vigil.codec.modes.CprResolver();
        long[] maxLive = {0};
        long wall0 = System.nanoTime();
        Replayer.Summary sum = run.run(ReplaySinks.none()
                .withPlots(p -> {
                    if (rd.toDetection(p, det)) feed(tr, det);
                })
                .withFrames((buf, off, len, t, ml, sig) -> {
                    if (!org.vigil.codec.modes.ModeSDecoder.decode(buf, off, len, t, m)) return;
                    cpr.resolve(m);
                    if (md.toDetection(m, det)) {
                        feed(tr, det);
                        if ((detections & 4095) == 0) maxLive[0] = Math.max(maxLive[0], tr.liveTracks());
                    }
                }));
        long t0 = System.nanoTime();
        tr.flush();
        trackerNanos += System.nanoTime() - t0;
        double wall = (System.nanoTime() - wall0) / 1e9;
        double data = (sum.lastNanos() - sum.firstNanos()) / 1e9;
        int confirmed = 0;
        for (int s = 0; s < tr.slotCount(); s++) {
            SystemTrack t = tr.trackAt(s);
            if (t != null && t.confirmed()) confirmed++;
        }
        System.out.printf(
                "motion=%s detections=%d (adsb %d, plots %d) tracker %.2f s -> %.0f detections/s; whole replay %.1f s for %.0f s of data; per 5 s of data %.1f ms, per 10 s %.1f ms; live tracks max %d, confirmed at end %d, gate evals %d, clusters %d%n",
                c.motion,
                detections,
                md.detections(),
                rd.detections(),
                trackerNanos / 1e9,
                detections / (trackerNanos / 1e9),
                wall,
                data,
                trackerNanos / 1e6 / (data / 5),
                trackerNanos / 1e6 / (data / 10),
                maxLive[0],
                confirmed,
                tr.gateEvaluations(),
                tr.clustersSolved());
    }

    static void feed(Tracker tr, Detection d) {
        long t0 = System.nanoTime();
        tr.accept(d);
        trackerNanos += System.nanoTime() - t0;
        detections++;
    }
}
