package org.vigil.core.qra;

import java.time.Instant;

/** Shared fixtures for the QRA tests. */
final class QraTestData {
    /** 2022-04-20T09:00Z, inside the NL F-35 rotation (the default scenario's start). */
    static final long APRIL_20 = Instant.parse("2022-04-20T09:00:00Z").toEpochMilli();

    private QraTestData() {}

    /**
     * A simple interceptor: no climb time or distance, subsonic Mach {@code sub} everywhere,
     * supersonic {@code sup} (NaN for none), radius {@code radiusNm}, supersonic factor 0.5.
     */
    static AircraftProfile flat(String type, double sub, double sup, double radiusNm) {
        return new AircraftProfile(
                type,
                type,
                60000,
                new double[] {0, 60000},
                new double[] {0, 0},
                new double[] {0, 0},
                new double[] {60000},
                new double[] {sub},
                new double[] {sup},
                radiusNm,
                0.5,
                "test");
    }

    /** A profile with a real climb table (the F-16 shape of the defaults). */
    static AircraftProfile climbing(String type) {
        return new AircraftProfile(
                type,
                type,
                50000,
                new double[] {0, 10000, 20000, 30000, 40000, 50000},
                new double[] {0, 45, 90, 150, 240, 420},
                new double[] {0, 4, 9, 17, 30, 55},
                new double[] {10000, 25000, 60000},
                new double[] {0.8, 0.85, 0.9},
                new double[] {Double.NaN, Double.NaN, 1.5},
                430,
                0.5,
                "test");
    }

    static Base base(String icao, double lat, double lon) {
        return new Base(icao, icao, lat, lon, 0);
    }
}
