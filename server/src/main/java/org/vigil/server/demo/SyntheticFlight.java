package org.vigil.server.demo;

/**
 * One synthetic aircraft on one leg: identity, the leg, and its kinematic state, moved along the
 * great circle towards the destination by {@link #advance}. Mutable and reused: when a leg ends
 * the slot is filled with the next flight (see {@link SyntheticTraffic}), so nothing is allocated
 * while frames are produced.
 *
 * <p>Flight profile (a plausible airliner, not a performance model): climb at 2500 fpm below
 * 10000 ft, 1800 fpm to FL240, 1000 fpm above; cruise at the chosen level; descend on a
 * 3 NM per 1000 ft path that ends at the destination's elevation at the airport reference point.
 * Speed follows the altitude: 170 kt after take-off, 250 kt below 10000 ft, then up to the cruise
 * speed; 210 kt and 150 kt on the approach. Acceleration is limited to 1.5 kt/s. General aviation
 * flies at 130 kt and climbs at 700 fpm. Overflights enter at a gate at cruise level and leave at
 * another gate.
 *
 * <p>Invariant: the state is a function of the leg and of the sequence of {@code advance} times
 * only, so the same schedule gives the same numbers.
 */
final class SyntheticFlight {
    static final double EARTH_RADIUS_NM = 3440.065;

    enum Role { AIRLINER, EMERGENCY, NO_CALLSIGN }

    // --- identity
    Role role = Role.AIRLINER;
    int icao;
    long callsign;          // packed, 0 when the aircraft sends no identification
    int category;           // emitter category within set A (TC 4)
    int squawk;             // octal digits as decimal
    int nic;
    int nacP;
    int vrSource;
    int geoMinusBaroFt;

    // --- leg
    DemoAirspace.Place from;
    DemoAirspace.Place to;
    int cruiseAltitudeFt;
    double cruiseSpeedKt;
    boolean generalAviation;

    // --- kinematics
    double lat, lon, altitudeFt, groundspeedKt, trackDeg, verticalRateFpm;
    long stateNanos;
    boolean finished;

    // --- transmit schedule (see SyntheticTraffic), index = message kind
    final long[] nextNanos = new long[SyntheticTraffic.KINDS];
    boolean nextOdd;

    /** Places the aircraft at the start of its leg: on the runway, or at a gate at cruise. */
    void startLeg(long timeNanos) {
        lat = from.lat;
        lon = from.lon;
        finished = false;
        stateNanos = timeNanos;
        trackDeg = bearingDeg(lat, lon, to.lat, to.lon);
        verticalRateFpm = 0;
        if (from.gate) {
            altitudeFt = cruiseAltitudeFt;
            groundspeedKt = cruiseSpeedKt;
        } else {
            altitudeFt = from.elevationFt;
            groundspeedKt = generalAviation ? 70 : 150;
        }
    }

    /** Moves the state forward to {@code timeNanos}; sets {@link #finished} at the end of the leg. */
    void advance(long timeNanos) {
        if (timeNanos <= stateNanos || finished) return;
        step((timeNanos - stateNanos) / 1e9);
        stateNanos = timeNanos;
    }

    /** One integration step of dt seconds. */
    void step(double dt) {
        if (finished) return;
        double remaining = distanceNm(lat, lon, to.lat, to.lon);
        double travelled = groundspeedKt * dt / 3600.0;
        if (remaining <= Math.max(to.gate ? 2.0 : 0.3, 1.5 * travelled)) {
            finished = true;
            return;
        }
        trackDeg = bearingDeg(lat, lon, to.lat, to.lon);

        boolean descending = !to.gate
                && remaining <= (altitudeFt - to.elevationFt) / 1000.0 * 3.0 + 4.0
                && altitudeFt > to.elevationFt;
        if (descending) {
            double minutes = Math.max(remaining / Math.max(groundspeedKt, 60.0) * 60.0, 0.05);
            double needed = -(altitudeFt - to.elevationFt) / minutes;
            verticalRateFpm = Math.max(needed, generalAviation ? -1000 : -3500);
        } else if (altitudeFt < cruiseAltitudeFt) {
            verticalRateFpm = generalAviation ? 700 : altitudeFt < 10_000 ? 2500 : altitudeFt < 24_000 ? 1800 : 1000;
        } else {
            verticalRateFpm = 0;
            altitudeFt = cruiseAltitudeFt;
        }
        altitudeFt += verticalRateFpm * dt / 60.0;
        if (!descending && verticalRateFpm > 0 && altitudeFt > cruiseAltitudeFt) altitudeFt = cruiseAltitudeFt;
        if (!to.gate && altitudeFt < to.elevationFt) altitudeFt = to.elevationFt;

        double target = targetSpeedKt(descending);
        double dv = target - groundspeedKt;
        double maxDv = 1.5 * dt;
        groundspeedKt += Math.max(-maxDv, Math.min(maxDv, dv));

        moveAlong(trackDeg, groundspeedKt * dt / 3600.0);
    }

    private double targetSpeedKt(boolean descending) {
        if (generalAviation) return descending && altitudeFt - to.elevationFt < 1500 ? 90 : 130;
        if (descending) {
            double agl = altitudeFt - to.elevationFt;
            if (agl < 2500) return 150;
            if (agl < 7000) return 210;
        } else if (!from.gate && altitudeFt - from.elevationFt < 1500) {
            return 170;
        }
        if (altitudeFt < 10_000) return 250;
        double top = Math.max(cruiseAltitudeFt, 10_001);
        double f = Math.min(1.0, (altitudeFt - 10_000) / (top - 10_000));
        return 290 + (cruiseSpeedKt - 290) * f;
    }

    private void moveAlong(double bearingDeg, double distanceNm) {
        double d = distanceNm / EARTH_RADIUS_NM;
        double b = Math.toRadians(bearingDeg);
        double p1 = Math.toRadians(lat), l1 = Math.toRadians(lon);
        double sinP2 = Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b);
        double p2 = Math.asin(sinP2);
        double l2 = l1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * sinP2);
        lat = Math.toDegrees(p2);
        lon = Math.toDegrees(l2);
    }

    /** Great-circle distance (haversine), nautical miles. */
    static double distanceNm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2);
        double dp = p2 - p1, dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_NM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** Initial great-circle course from the first point to the second, degrees 0..360. */
    static double bearingDeg(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2), dl = Math.toRadians(lon2 - lon1);
        double y = Math.sin(dl) * Math.cos(p2);
        double x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
        double deg = Math.toDegrees(Math.atan2(y, x));
        return deg < 0 ? deg + 360 : deg;
    }
}
