package org.vigil.core.qra;

import org.vigil.core.geo.GeodesicDirect;
import org.vigil.core.geo.GeodesicInverse;
import org.vigil.core.geo.Units;

/**
 * The predicted path of a target: a chain of geodesic legs flown at given ground speeds, starting
 * at the target's current position at time 0 (now). The last leg continues along its geodesic
 * without end. Positions before the start (needed for the trail point behind a target that has
 * just appeared) extend the first leg backwards.
 *
 * <p>Reusable and allocation-free once built: {@link #straight} and {@link #route} overwrite it
 * (up to the capacity given at construction); {@link #pointAtArc} writes into a caller-owned
 * {@link GeodesicDirect}. Invariants: legs 0..legs-1 are contiguous (leg k+1 starts where leg k
 * ends), {@code legStartArc} and {@code legStartTime} are non-decreasing, the last leg's length is
 * infinite. The aim point moves along the path at most at {@link #maxSpeedMps()}, which is what
 * makes the solver's Lipschitz bound hold.
 */
public final class TargetPath {
    private final double[] lat0;
    private final double[] lon0;
    private final double[] azimuthRad;
    private final double[] lengthM;
    private final double[] speedMps;
    private final double[] startArcM;
    private final double[] startTimeS;
    private final GeodesicInverse inverse = new GeodesicInverse();
    private int legs;
    private double altitudeFt;
    private double maxSpeedMps;

    /** @param maxLegs how many route legs this path can hold (a straight path needs 1) */
    public TargetPath(int maxLegs) {
        if (maxLegs < 1) throw new IllegalArgumentException("maxLegs must be >= 1");
        lat0 = new double[maxLegs + 1];
        lon0 = new double[maxLegs + 1];
        azimuthRad = new double[maxLegs + 1];
        lengthM = new double[maxLegs + 1];
        speedMps = new double[maxLegs + 1];
        startArcM = new double[maxLegs + 1];
        startTimeS = new double[maxLegs + 1];
    }

    /** A target flying straight on (along the geodesic of) its current track at constant ground speed. */
    public TargetPath straight(double latDeg, double lonDeg, double altitudeFt, double groundSpeedKt, double trackDeg) {
        checkPosition(latDeg, lonDeg, altitudeFt);
        checkSpeed(groundSpeedKt);
        if (!Double.isFinite(trackDeg)) throw new IllegalArgumentException("target track must be finite");
        this.altitudeFt = altitudeFt;
        legs = 1;
        set(0, latDeg, lonDeg, Math.toRadians(trackDeg), Double.POSITIVE_INFINITY, groundSpeedKt * Units.KT, 0, 0);
        maxSpeedMps = speedMps[0];
        return this;
    }

    /**
     * A target following a route: from its current position to {@code wpLat/wpLon[0]} at
     * {@code speedKt[0]}, then to waypoint 1 at {@code speedKt[1]}, and so on; after the last
     * waypoint it continues straight at the last speed.
     */
    public TargetPath route(
            double latDeg,
            double lonDeg,
            double altitudeFt,
            double[] wpLat,
            double[] wpLon,
            double[] speedKt,
            int count) {
        if (count < 1 || count + 1 > lat0.length)
            throw new IllegalArgumentException("route needs 1.." + (lat0.length - 1) + " waypoints");
        checkPosition(latDeg, lonDeg, altitudeFt);
        for (int i = 0; i < count; i++) checkPosition(wpLat[i], wpLon[i], altitudeFt);
        this.altitudeFt = altitudeFt;
        double lat = latDeg, lon = lonDeg, arc = 0, time = 0, lastAz = 0;
        maxSpeedMps = 0;
        legs = 0;
        for (int i = 0; i < count; i++) {
            checkSpeed(speedKt[i]);
            inverse.solve(lat, lon, wpLat[i], wpLon[i]);
            double len = inverse.distanceM;
            if (len < 1) continue; // a waypoint on top of the previous one adds no leg
            double v = speedKt[i] * Units.KT;
            if (v == 0)
                throw new IllegalArgumentException(
                        "route leg " + (i + 1) + " has zero speed: the target would never get past it");
            set(legs++, lat, lon, inverse.azimuth1Rad, len, v, arc, time);
            maxSpeedMps = Math.max(maxSpeedMps, v);
            arc += len;
            time += len / v;
            lastAz = inverse.azimuth2Rad;
            lat = wpLat[i];
            lon = wpLon[i];
        }
        if (legs == 0)
            throw new IllegalArgumentException("route has no length: every waypoint is on the target's position");
        double vLast = speedKt[count - 1] * Units.KT;
        set(legs++, lat, lon, lastAz, Double.POSITIVE_INFINITY, vLast, arc, time);
        maxSpeedMps = Math.max(maxSpeedMps, vLast);
        return this;
    }

    /** Bad input is rejected here, at the API boundary, so the solver never sees NaN geometry. */
    private static void checkPosition(double lat, double lon, double altFt) {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("target/waypoint position out of range: " + lat + ", " + lon);
        }
        if (!(altFt >= -2000 && altFt <= 100_000))
            throw new IllegalArgumentException("target altitude out of range: " + altFt + " ft");
    }

    private static void checkSpeed(double kt) {
        if (!(kt >= 0 && kt < 5000)) throw new IllegalArgumentException("target ground speed must be in [0, 5000) kt");
    }

    private void set(int k, double lat, double lon, double az, double len, double v, double arc, double time) {
        lat0[k] = lat;
        lon0[k] = lon;
        azimuthRad[k] = az;
        lengthM[k] = len;
        speedMps[k] = v;
        startArcM[k] = arc;
        startTimeS[k] = time;
    }

    public double altitudeFt() {
        return altitudeFt;
    }

    /** Highest ground speed on the path, m/s. */
    public double maxSpeedMps() {
        return maxSpeedMps;
    }

    /** Path length flown from now to time {@code t} (s >= 0; negative t extrapolates the first leg backwards). */
    public double arcAt(double t) {
        if (t <= 0) return t * speedMps[0];
        int k = legs - 1;
        while (k > 0 && startTimeS[k] > t) k--;
        return startArcM[k] + (t - startTimeS[k]) * speedMps[k];
    }

    /** Position at path length {@code s} (metres from the current position; negative = behind), written into {@code out}. */
    public void pointAtArc(double s, GeodesicDirect out) {
        if (s < 0) {
            out.solve(lat0[0], lon0[0], azimuthRad[0] + Math.PI, -s);
            return;
        }
        int k = legs - 1;
        while (k > 0 && startArcM[k] > s) k--;
        out.solve(lat0[k], lon0[k], azimuthRad[k], s - startArcM[k]);
    }

    /** Target position at time t (no trail), into {@code out}. */
    public void positionAt(double t, GeodesicDirect out) {
        pointAtArc(arcAt(t), out);
    }

    int legs() {
        return legs;
    }
}
