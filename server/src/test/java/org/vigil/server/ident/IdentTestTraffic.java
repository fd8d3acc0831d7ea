package org.vigil.server.ident;

import org.vigil.core.track.Detection;
import org.vigil.core.track.SensorConfig;
import org.vigil.core.track.SensorKind;
import org.vigil.core.track.Tracker;
import org.vigil.core.track.TrackerConfig;

/** A real tracker fed with one aircraft's ADS-B reports, for the identification stage tests. */
final class IdentTestTraffic {
    static final long T0 = 1_650_445_200_000_000_000L; // 2022-04-20T09:00:00Z
    static final int SENSOR = 0x1_0000;

    final Tracker tracker;
    private final Detection d = new Detection();

    IdentTestTraffic(IdentStage stage) {
        TrackerConfig c = new TrackerConfig();
        c.originLatDeg = 43.5;
        c.originLonDeg = 28.5;
        tracker = new Tracker(c, stage);
        tracker.addSensor(SensorConfig.reports(SENSOR, SensorKind.ADSB, "ADS-B"));
        stage.bind(tracker);
    }

    /**
     * Flies an aircraft east at about 450 kt from (43.5 N, 27.0 E), one report a second.
     * @param mode3A Mode 3/A code as 12 bits (e.g. 07700), or Detection.ABSENT
     */
    void fly(int icao, long callsign, int mode3A, int fromSecond, int toSecond) {
        for (int s = fromSecond; s < toSecond; s++) {
            d.reset();
            d.timeNanos = T0 + s * 1_000_000_000L;
            d.sensorId = SENSOR;
            d.kind = SensorKind.ADSB;
            d.latDeg = 43.5;
            d.lonDeg = 27.0 + s * 0.0032;
            d.horizontalSigmaMetres = 15;
            d.altitudeMetres = 10_000;
            d.icao = icao;
            d.callsign = callsign;
            d.mode3A = mode3A;
            tracker.accept(d);
        }
        tracker.flush();
    }
}
