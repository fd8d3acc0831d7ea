package org.vigil.core.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.core.track.ScriptedWorld.NM;
import static org.vigil.core.track.ScriptedWorld.S;
import static org.vigil.core.track.ScriptedWorld.T0;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue #14 item 1: initiation that rejects clutter. A clutter plot next to a runway must not make
 * the departing aircraft's track start at 1,600 kt, and random clutter must never give a track
 * confirmed above the physical limits; the clutter map and track existence make dense clutter
 * confirm fewer false tracks.
 */
class TrackInitiationTest {
    static final int RADAR = 0x1901;

    /** Records every confirmation's ground speed. */
    static final class Confirmations implements TrackListener {
        final List<Double> speeds = new ArrayList<>();
        double fastestUpdate;

        @Override
        public void confirmed(SystemTrack t, long time) {
            speeds.add(t.groundSpeed());
        }

        @Override
        public void updated(SystemTrack t, long time) {
            fastestUpdate = Math.max(fastestUpdate, t.groundSpeed());
        }
    }

    static Detection plot(double t, double x, double y, boolean secondary, double alt) {
        Detection d = new Detection();
        d.kind = SensorKind.RADAR;
        d.sensorId = RADAR;
        d.timeNanos = T0 + (long) (t * S);
        d.rangeMetres = Math.hypot(x, y);
        double az = Math.atan2(x, y);
        d.azimuthRad = az < 0 ? az + 2 * Math.PI : az;
        if (secondary) {
            d.plotType = Detection.PLOT_COMBINED;
            d.mode3A = 01234;
            d.altitudeMetres = alt;
        } else {
            d.plotType = Detection.PLOT_PRIMARY;
        }
        return d;
    }

    private static Tracker tracker(TrackerConfig c, TrackListener l) {
        Tracker t = new Tracker(c, l);
        // radar at the plane origin (the area origin), 5 s scans, 50 m / 0.08°
        t.addSensor(SensorConfig.radar(RADAR, "R", c.originLatDeg, c.originLonDeg, 0, 5, 50, Math.toRadians(0.08)));
        return t;
    }

    /** A departure north from a runway 40 km east of the radar; a clutter plot 2 NM from its first plot. */
    private static Confirmations takeOff(TrackerConfig c, long[] implausible) {
        Confirmations l = new Confirmations();
        Tracker tr = tracker(c, l);
        double x0 = 40_000, y0 = 0;
        tr.accept(plot(0, x0 - 2 * NM, y0 + 0.3 * NM, false, Double.NaN)); // clutter, one scan before
        for (int scan = 1; scan <= 12; scan++) {
            double t = scan * 5.0;
            double v = Math.min(130, 70 + 5 * scan); // accelerating, 140 to 250 kt
            tr.accept(plot(t, x0, y0 + v * (t - 5), true, 200 + 8 * (t - 5)));
        }
        tr.advance(T0 + 70 * S);
        implausible[0] = tr.rejected(Rejection.IMPLAUSIBLE_MOTION);
        return l;
    }

    @Test
    void clutterNextToARunwayDoesNotStartTheDepartureAtTwiceTheSpeedOfSound() {
        long[] implausible = new long[1];
        Confirmations l = takeOff(new TrackerConfig(), implausible);
        assertThat(l.speeds).as("the departure is confirmed once").hasSize(1);
        assertThat(l.speeds.get(0)).as("speed at confirmation, m/s").isLessThan(200);
        assertThat(l.fastestUpdate).isLessThan(200);

        // without the limits the same plots confirm a track far above any aircraft's speed
        TrackerConfig off = new TrackerConfig();
        off.maxSpeedMetresPerSecond = off.maxLowSpeedMetresPerSecond = 1e6;
        off.maxAccelerationMetresPerSecond2 = off.maxClimbMetresPerSecond = 1e6;
        Confirmations l0 = takeOff(off, implausible);
        assertThat(l0.speeds)
                .as("speeds at confirmation without limits, m/s (issue #14: 1,638 kt)")
                .anySatisfy(v -> assertThat(v).isGreaterThan(700));
    }

    @Test
    void aFastTargetWithoutTransponderConfirmsAfterFivePlotsInARow() {
        List<Long> confirmedAt = new ArrayList<>();
        TrackListener l = new TrackListener() {
            @Override
            public void confirmed(SystemTrack t, long time) {
                confirmedAt.add((time - T0) / S);
            }
        };
        Tracker tr = tracker(new TrackerConfig(), l);
        // 450 m/s (875 kt), primary only, north-east at 80 km: a plot every 5 s scan
        for (int scan = 0; scan < 8; scan++) {
            double t = scan * 5.0;
            tr.accept(plot(t, 60_000 + 318 * t, 50_000 + 318 * t, false, Double.NaN));
        }
        tr.advance(T0 + 45 * S);
        assertThat(confirmedAt).as("confirmed at, s").containsExactly(20L);

        // the same target seen only three times (what a clutter alignment gives): not confirmed
        confirmedAt.clear();
        Tracker tr3 = tracker(new TrackerConfig(), l);
        for (int scan = 0; scan < 3; scan++) {
            double t = scan * 5.0;
            tr3.accept(plot(t, 60_000 + 318 * t, 50_000 + 318 * t, false, Double.NaN));
        }
        tr3.advance(T0 + 45 * S);
        assertThat(confirmedAt).isEmpty();
    }

    /** Dense random clutter (uniform in range and azimuth) for {@code minutes}: confirmation speeds. */
    private static Confirmations clutter(TrackerConfig c, int perScan, int minutes, long seed) {
        Confirmations l = new Confirmations();
        Tracker tr = tracker(c, l);
        Random r = new Random(seed);
        for (int scan = 0; scan < minutes * 12; scan++) {
            List<Detection> plots = new ArrayList<>();
            for (int i = 0; i < perScan; i++) {
                double az = r.nextDouble() * 2 * Math.PI;
                double rho = 2_000 + r.nextDouble() * 60_000;
                Detection d = new Detection();
                d.kind = SensorKind.RADAR;
                d.sensorId = RADAR;
                d.timeNanos = T0 + (long) ((scan * 5 + az / (2 * Math.PI) * 5) * S);
                d.rangeMetres = rho;
                d.azimuthRad = az;
                d.plotType = Detection.PLOT_PRIMARY;
                plots.add(d);
            }
            plots.sort((a, b) -> Long.compare(a.timeNanos, b.timeNanos));
            for (Detection d : plots) tr.accept(d);
        }
        tr.flush();
        return l;
    }

    @Test
    void denseClutterIsNeverConfirmedAbovePhysicalLimitsAndExistenceConfirmsFewerFalseTracks() {
        TrackerConfig c = new TrackerConfig();
        Confirmations with = clutter(c, 60, 20, 14);
        assertThat(with.speeds).allSatisfy(v -> assertThat(v).isLessThanOrEqualTo(c.maxSpeedMetresPerSecond));
        assertThat(with.fastestUpdate).isLessThanOrEqualTo(c.maxSpeedMetresPerSecond);

        // bare M-of-N, no limits: the same clutter confirms more tracks, some far above any aircraft's speed
        TrackerConfig bare = new TrackerConfig();
        bare.maxSpeedMetresPerSecond = bare.maxLowSpeedMetresPerSecond = 1e6;
        bare.maxAccelerationMetresPerSecond2 = bare.maxClimbMetresPerSecond = 1e6;
        bare.confirmExistence = 0;
        bare.dropExistence = 0;
        Confirmations without = clutter(bare, 60, 20, 14);
        System.out.printf(
                "clutter 60/scan, 20 min: confirmed false tracks %d (limits + existence) vs %d (bare M-of-N), "
                        + "fastest %.0f vs %.0f m/s%n",
                with.speeds.size(),
                without.speeds.size(),
                with.speeds.stream().mapToDouble(v -> v).max().orElse(0),
                without.speeds.stream().mapToDouble(v -> v).max().orElse(0));
        assertThat(without.speeds).anySatisfy(v -> assertThat(v).isGreaterThan(c.maxSpeedMetresPerSecond));
        assertThat(with.speeds.size()).isLessThan(without.speeds.size() * 3 / 4);
    }

    @Test
    void clutterMapLearnsAHotCellAndExistenceNeedsMoreThere() {
        ClutterMap map = new ClutterMap(32, 32, 500_000, 600, 5e-11);
        long t = T0;
        assertThat(map.density(0, 10_000, 1.0, 5, t)).isEqualTo(5e-11);
        // 2 plots a scan in one cell near the radar for 20 minutes
        for (int i = 0; i < 480; i++) {
            t += 5 * S;
            map.note(0, 10_000, 1.0, t);
            map.note(0, 11_000, 1.01, t);
        }
        double hot = map.density(0, 10_500, 1.0, 5, t);
        assertThat(hot).isGreaterThan(100 * 5e-11);
        assertThat(map.density(0, 100_000, 3.0, 5, t)).isEqualTo(5e-11);
        assertThat(map.density(1, 10_500, 1.0, 5, t)).as("per radar").isEqualTo(5e-11);
        // the same three plots: existence over a quiet cell confirms, over the hot cell it does not
        double quiet = TrackExistence.initial(1e-11, 5e-11);
        double busy = TrackExistence.initial(1e-11, hot);
        for (int i = 0; i < 2; i++) {
            quiet = TrackExistence.hit(quiet, 2, Math.log(1e12), 5e-11, 0.9);
            busy = TrackExistence.hit(busy, 2, Math.log(1e12), hot, 0.9);
        }
        assertThat(quiet).isGreaterThan(0.99);
        assertThat(busy).isLessThan(0.99);
        assertThat(TrackExistence.missed(0.9, 2, 0.9)).isLessThan(0.2);
    }
}
