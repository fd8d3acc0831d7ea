package org.vigil.core.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.core.track.ScriptedWorld.NM;
import static org.vigil.core.track.ScriptedWorld.S;
import static org.vigil.core.track.ScriptedWorld.T0;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue #14 item 2: a track that descends into an aerodrome's terminal area and stops being seen
 * ends there (short coasting, no manoeuvre gate, no run-off on clutter) and is reported landed;
 * a departure climbing out of the same area is not.
 */
class TerminalAreaTest {
    static final int RADAR = TrackInitiationTest.RADAR;

    static final class Log implements TrackListener {
        final List<String> landed = new ArrayList<>();
        final List<Long> deleted = new ArrayList<>();
        double fastestAfter = 0;
        int approach = -1;
        long after = Long.MAX_VALUE;

        @Override
        public void confirmed(SystemTrack t, long time) {
            if (approach < 0) approach = t.trackNumber();
        }

        @Override
        public void updated(SystemTrack t, long time) {
            if (time > after && t.trackNumber() == approach) fastestAfter = Math.max(fastestAfter, t.groundSpeed());
        }

        @Override
        public void deleted(SystemTrack t, long time) {
            if (t.trackNumber() == approach) deleted.add(time);
        }
    }

    /** A plot of the radar at the plane origin: Mode C (and a code) when {@code alt} is given, else primary. */
    private static Detection plot(double t, double x, double y, double alt) {
        return TrackInitiationTest.plot(t, x, y, !Double.isNaN(alt), alt);
    }

    private static Tracker tracker(Log log) {
        TrackerConfig c = new TrackerConfig();
        Tracker t = new Tracker(c, log);
        t.addSensor(SensorConfig.radar(RADAR, "R", c.originLatDeg, c.originLonDeg, 0, 5, 50, Math.toRadians(0.08)));
        // an aerodrome 40 km east of the radar, 150 m above sea level
        AreaProjection p = t.projection();
        p.inverse(40_000, 0);
        t.addAerodrome("ZZAA", p.latDeg, p.lonDeg, 150);
        t.setLandingListener((track, time, aerodrome) -> log.landed.add(aerodrome + "@" + (time - T0) / S));
        return t;
    }

    @Test
    void aLandingTrackEndsAtTheAerodromeAndDoesNotRunOffOnClutter() {
        Log log = new Log();
        Tracker tr = tracker(log);
        // final approach from the north at 70 m/s, 3° glide path, last plot at 1 NM / 250 m above the field
        double t = 0;
        for (double dist = 12 * NM; dist > NM; dist -= 70 * 5, t += 5) {
            tr.accept(plot(t, 40_000, dist, 150 + dist * Math.tan(Math.toRadians(3))));
        }
        log.after = T0 + (long) (t * S);
        // then only ground clutter around the field, two plots a scan within 2 NM (what a track could chase)
        java.util.Random r = new java.util.Random(14);
        for (int k = 0; k < 12; k++, t += 5) {
            for (int i = 0; i < 2; i++) {
                double a = r.nextDouble() * 2 * Math.PI;
                double rho = r.nextDouble() * 2 * NM;
                tr.accept(plot(t + 0.01 * (i + 1), 40_000 + rho * Math.sin(a), rho * Math.cos(a), Double.NaN));
            }
        }
        tr.advance(T0 + (long) ((t + 60) * S));
        assertThat(log.landed).as("landed at").hasSize(1);
        assertThat(log.landed.get(0)).startsWith("ZZAA@");
        assertThat(log.fastestAfter)
                .as("fastest update after the last plot, m/s")
                .isLessThan(150);
        assertThat(log.deleted).hasSize(1);
        // ended within 2.5 scans (+1 s sweep) of the last plot, not the 5 scans of a track in flight
        assertThat((log.deleted.get(0) - log.after) / 1e9).isLessThanOrEqualTo(2.5 * 5 + 1 + 5);
    }

    @Test
    void aDepartureClimbingOutIsNotReportedLanded() {
        Log log = new Log();
        Tracker tr = tracker(log);
        double t = 0;
        for (double dist = 0.5 * NM; dist < 10 * NM; dist += 80 * 5, t += 5) {
            tr.accept(plot(t, 40_000, dist, 160 + dist * 0.1));
        }
        tr.advance(T0 + (long) ((t + 60) * S));
        assertThat(log.approach).isPositive();
        assertThat(log.landed).isEmpty();
        assertThat(log.deleted).hasSize(1);
    }
}
