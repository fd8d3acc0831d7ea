package org.vigil.server.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.codec.modes.ModeSMessage;
import org.vigil.core.track.Detection;
import org.vigil.core.track.SensorKind;
import org.vigil.core.track.TrackerConfig;
import org.vigil.server.radar.SurveillanceReports;

/** CAT062 system tracks as fused input: used where we do not see the aircraft, never on top of our own sensors. */
class SystemTrackInputTest {
    static final long T0 = 1_650_445_200_000_000_000L;
    static final int OURS = 0x4BA9C1, THEIRS = 0x4A8263;
    static final double MPS_TO_DEG = 1 / 111_195.0;

    static ModeSMessage adsb(long t, double lat) {
        ModeSMessage m = new ModeSMessage();
        m.timeNanos = t;
        m.icao = OURS;
        m.crcOk = true;
        m.lat = lat;
        m.lon = 28.0;
        m.altitudeFt = 35_000;
        return m;
    }

    static Detection update(long t, int icao, int mode3A, double lat, double lon) {
        Detection d = new Detection();
        d.timeNanos = t;
        d.sensorId = SurveillanceReports.SYSTEM_TRACK_SENSOR_BASE | 25 << 8 | 200;
        d.kind = SensorKind.MLAT;
        d.latDeg = lat;
        d.lonDeg = lon;
        d.horizontalSigmaMetres = 50;
        if (icao >= 0) d.icao = icao;
        if (mode3A >= 0) d.mode3A = mode3A;
        d.altitudeMetres = 9_000;
        return d;
    }

    @Test
    void systemTracksFillInWhereOurSensorsDoNotSeeAndAreNeverCountedTwice() {
        TrackingPipeline p = TrackingPipeline.startingWhereDataIs(new TrackerConfig(), null);
        // our own ADS-B sees OURS northbound at 230 m/s for 40 s; the other tracker reports OURS and THEIRS every 4 s
        for (int i = 0; i <= 80; i++) {
            long t = T0 + i * 500_000_000L;
            p.onDecoded(adsb(t, 43.0 + 230 * 0.5 * i * MPS_TO_DEG));
            if (i % 8 == 0) {
                p.onSystemTrack(update(t, OURS, 01234, 43.0 + 230 * 0.5 * i * MPS_TO_DEG, 28.0), 1);
                // without its address, by Mode 3/A and position: still ours
                p.onSystemTrack(update(t, -1, 01234, 43.0 + 230 * 0.5 * i * MPS_TO_DEG, 28.0003), 1);
                p.onSystemTrack(update(t, THEIRS, 04521, 44.0 - 200 * 0.5 * i * MPS_TO_DEG, 29.0), 2);
            }
        }
        p.finish();
        assertThat(p.systemTracks()).isEqualTo(33);
        // the first update of OURS may come before our own track contributes; every later one is covered
        assertThat(p.systemTracksCovered()).isGreaterThanOrEqualTo(20);
        List<SystemTrackView> tracks = p.views(true);
        assertThat(tracks).extracting(SystemTrackView::icao).containsExactlyInAnyOrder("4BA9C1", "4A8263");
        assertThat(p.stats().rejected()).containsKey("system_track_covered");
    }
}
