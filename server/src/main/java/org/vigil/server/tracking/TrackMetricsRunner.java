package org.vigil.server.tracking;

import org.vigil.core.metrics.MetricsConfig;
import org.vigil.core.metrics.TrackQualityEvaluator;
import org.vigil.core.metrics.TrackQualityResult;
import org.vigil.core.track.AreaProjection;
import org.vigil.core.track.SystemTrack;
import org.vigil.core.track.Tracker;

/**
 * Scores the tracker against the simulator's truth: a {@link TrackSampler} that, at each sampling
 * instant, hands the truth states of that instant (with their {@link SensorCoverage} situation
 * label) and every live track extrapolated to the instant to a {@link TrackQualityEvaluator}
 * (tentative tracks are passed as such and ignored by it).
 *
 * <p>Instants: {@link #firstInstant} and {@link #interval} give instants that fall on truth lines
 * (the truth is written every {@code truthInterval}); truth states at other times are skipped.
 * Tracks are extrapolated in a straight line from their own estimate time, which is within a
 * fraction of a second of the instant when sampling is driven by {@link TrackingPipeline}.
 */
public final class TrackMetricsRunner implements TrackSampler {
    private final TruthStates truth;
    private final SensorCoverage coverage;
    private final TrackQualityEvaluator evaluator;
    private final long startNanos;
    private int next;
    private long instants;

    public TrackMetricsRunner(TruthStates truth, SensorCoverage coverage, MetricsConfig config, long startNanos) {
        this.truth = truth;
        this.coverage = coverage;
        this.evaluator = new TrackQualityEvaluator(config);
        this.startNanos = startNanos;
    }

    /** The sampling interval: the wanted one rounded up to a whole number of truth intervals. */
    public static long interval(double wantedSeconds, double truthIntervalSeconds) {
        double ti = truthIntervalSeconds > 0 ? truthIntervalSeconds : 1;
        return Math.round(Math.max(1, Math.ceil(wantedSeconds / ti - 1e-9)) * ti * 1e9);
    }

    /** First instant: the first truth state's time (instants then fall on truth lines). */
    public long firstInstant() {
        return truth.size() == 0 ? startNanos : truth.timeNanos(0);
    }

    @Override
    public void sample(Tracker tracker, long instant) {
        while (next < truth.size() && truth.timeNanos(next) < instant) next++;
        evaluator.beginInstant((instant - startNanos) * 1e-9);
        while (next < truth.size() && truth.timeNanos(next) == instant) {
            int i = next++;
            String label = coverage == null
                    ? null
                    : coverage.situation(
                            truth.latDeg(i), truth.lonDeg(i), truth.altitudeFt(i), truth.transponder(i), truth.adsb(i));
            evaluator.truth(
                    truth.truthId(i),
                    truth.latDeg(i),
                    truth.lonDeg(i),
                    truth.altitudeFt(i) * org.vigil.core.geo.Units.FT,
                    label);
        }
        AreaProjection p = tracker.projection();
        for (int slot = 0, n = tracker.slotCount(); slot < n; slot++) {
            SystemTrack t = tracker.trackAt(slot);
            if (t == null) continue;
            p.inverse(t.xAt(instant), t.yAt(instant));
            evaluator.track(t.trackNumber(), p.latDeg, p.lonDeg, t.altitude(), t.confirmed());
        }
        evaluator.endInstant();
        instants++;
    }

    public long instants() {
        return instants;
    }

    public TrackQualityResult result() {
        return evaluator.result();
    }
}
