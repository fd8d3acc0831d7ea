package org.vigil.core.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.core.track.ScriptedWorld.S;
import static org.vigil.core.track.ScriptedWorld.T0;
import static org.vigil.core.track.ScriptedWorld.straight;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bad and unusual input: counted, named rejections; never an exception; registration of time. */
class TrackerInputTest {

    @Test
    void badDetectionsAreCountedByReason() {
        Tracker tracker = new Tracker(new TrackerConfig(), null);
        Detection d = new Detection();
        assertThat(tracker.accept(d)).isFalse(); // no time
        d.timeNanos = T0;
        d.sensorId = 77;
        d.kind = SensorKind.RADAR;
        d.rangeMetres = 50_000;
        d.azimuthRad = 1;
        assertThat(tracker.accept(d)).isFalse(); // radar never registered, no position given
        assertThat(tracker.rejected(Rejection.UNKNOWN_SENSOR)).isEqualTo(1);
        d.sensorLatDeg = 51;
        d.sensorLonDeg = 6;
        assertThat(tracker.accept(d)).isTrue(); // registered on the fly from the plot's radar position
        d.timeNanos = T0 + S;
        d.rangeMetres = Double.NaN;
        tracker.accept(d);
        d.rangeMetres = -5;
        tracker.accept(d);
        tracker.flush();
        assertThat(tracker.rejected(Rejection.BAD_MEASUREMENT)).isEqualTo(3);
        assertThat(tracker.liveTracks()).isEqualTo(1);
        assertThat(tracker.sensor(tracker.sensorIndex(77)).kind()).isEqualTo(SensorKind.RADAR);
    }

    @Test
    void randomGarbageNeverThrowsAndEveryDetectionIsAccountedFor() {
        Random rnd = new Random(17);
        Tracker tracker = new Tracker(new TrackerConfig(), new EventLog());
        tracker.addSensor(SensorConfig.radar(1, "R1", 51, 6, 50, 5, 50, Math.toRadians(0.1)));
        long accepted = 0;
        double[] odd = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1, 0, 1e300, -1e300, 1e-300};
        for (int i = 0; i < 50_000; i++) {
            Detection d = new Detection();
            d.timeNanos = T0 + (long) (i * 0.01 * S) + (rnd.nextInt(10) == 0 ? -(long) (rnd.nextDouble() * 5 * S) : 0);
            d.kind = SensorKind.values()[rnd.nextInt(3)];
            d.sensorId = d.kind == SensorKind.RADAR ? 1 : 2 + rnd.nextInt(3);
            d.rangeMetres = rnd.nextInt(8) == 0 ? odd[rnd.nextInt(odd.length)] : rnd.nextDouble() * 400_000;
            d.azimuthRad = rnd.nextInt(8) == 0 ? odd[rnd.nextInt(odd.length)] : rnd.nextDouble() * 20 - 10;
            d.latDeg = rnd.nextInt(8) == 0 ? odd[rnd.nextInt(odd.length)] : 51 + rnd.nextGaussian();
            d.lonDeg = rnd.nextInt(8) == 0 ? odd[rnd.nextInt(odd.length)] : 6 + rnd.nextGaussian();
            d.horizontalSigmaMetres =
                    rnd.nextInt(8) == 0 ? odd[rnd.nextInt(odd.length)] : NacpAccuracy.sigmaMetres(rnd.nextInt(13));
            d.altitudeMetres = rnd.nextInt(4) == 0
                    ? Double.NaN
                    : rnd.nextInt(8) == 0 ? odd[rnd.nextInt(odd.length)] : rnd.nextDouble() * 15_000;
            d.icao = rnd.nextBoolean() ? rnd.nextInt(64) - 2 : Detection.ABSENT;
            d.mode3A = rnd.nextBoolean() ? rnd.nextInt(4200) : Detection.ABSENT;
            d.plotType = rnd.nextInt(4);
            d.rangeSigmaMetres = rnd.nextInt(8) == 0 ? odd[rnd.nextInt(odd.length)] : Double.NaN;
            if (tracker.accept(d)) accepted++;
        }
        tracker.flush();
        // every accepted detection was either processed or refused as unusable when released
        assertThat(tracker.processed()
                        + tracker.rejected(Rejection.BAD_MEASUREMENT)
                        + tracker.rejected(Rejection.REDUNDANT))
                .isEqualTo(accepted);
        assertThat(tracker.rejected(Rejection.FIELD_IGNORED)).isPositive();
        assertThat(tracker.rejected(Rejection.LATE)).isPositive();
        for (int s = 0; s < tracker.slotCount(); s++) {
            SystemTrack t = tracker.trackAt(s);
            if (t == null) continue;
            assertThat(t.x()).isFinite();
            assertThat(t.y()).isFinite();
            assertThat(Double.isNaN(t.altitude()) || Math.abs(t.altitude()) < 40_000)
                    .isTrue();
            assertThat(t.positionSigma()).isFinite();
        }
    }

    @Test
    void radarTimeOffsetIsRemovedBeforeOrderingAndUpdate() {
        double[] errors = new double[2];
        for (int corrected = 0; corrected < 2; corrected++) {
            ScriptedWorld w = new ScriptedWorld(31);
            ScriptedWorld.Radar r = w.radar(0x1903, 0, 0, 4, 30, 0.05, false);
            ScriptedWorld.Target t = w.target("fast", straight(50_000, 30_000, 0, 300));
            t.mode3A = 01357;
            List<Detection> dets = w.generate(200);
            for (Detection d : dets) d.timeNanos += 3 * S; // the radar stamps its plots 3 s late
            w.radars.clear();
            w.radars.add(
                    corrected == 1 ? new ScriptedWorld.Radar(r.config().withRegistration(0, 0, 3 * S), 0, false) : r);
            Tracker tracker = w.tracker(new EventLog());
            IdentityProbe p = new IdentityProbe(tracker, w.targets, 3000);
            ScriptedWorld.run(tracker, dets, 4, p);
            errors[corrected] = p.rmsError(0);
        }
        assertThat(errors[1]).isLessThan(120);
        assertThat(errors[0]).isGreaterThan(600); // 3 s at 300 m/s = 900 m along track
    }
}
