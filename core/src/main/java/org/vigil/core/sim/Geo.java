package org.vigil.core.sim;

/**
 * Spherical-earth navigation for the simulator's kinematics: great-circle distance, initial
 * bearing and destination. A sphere of the WGS-84 mean radius is used because flights only need
 * to be smooth and self-consistent (errors of 0.3 % in distance do not matter to a tracker test);
 * the sensors measure the truth on the ellipsoid ({@code org.vigil.core.radar}).
 * Static, allocation-free: results that are two numbers go into the caller's {@code double[2]}.
 */
public final class Geo {
    /** Mean earth radius (IUGG), metres. */
    public static final double EARTH_RADIUS_M = 6_371_008.8;
    public static final double NM = 1852.0;
    public static final double FT = 0.3048;
    /** Knots to metres per second. */
    public static final double KT = NM / 3600.0;
    public static final double G = 9.80665;

    private Geo() {}

    /** Great-circle distance in metres (haversine). */
    public static double distanceM(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2);
        double dp = p2 - p1, dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Initial great-circle bearing from point 1 to point 2, degrees [0, 360). */
    public static double bearingDeg(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2), dl = Math.toRadians(lon2 - lon1);
        double y = Math.sin(dl) * Math.cos(p2);
        double x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
        return norm360(Math.toDegrees(Math.atan2(y, x)));
    }

    /** Point at {@code distanceM} along {@code bearingDeg} from (lat, lon): out[0] lat, out[1] lon. */
    public static void destination(double lat, double lon, double bearingDeg, double distanceM, double[] out) {
        double d = distanceM / EARTH_RADIUS_M, b = Math.toRadians(bearingDeg), p1 = Math.toRadians(lat);
        double sp1 = Math.sin(p1), cp1 = Math.cos(p1), sd = Math.sin(d), cd = Math.cos(d);
        double sp2 = sp1 * cd + cp1 * sd * Math.cos(b);
        double p2 = Math.asin(Math.max(-1, Math.min(1, sp2)));
        double l2 = Math.toRadians(lon) + Math.atan2(Math.sin(b) * sd * cp1, cd - sp1 * sp2);
        out[0] = Math.toDegrees(p2);
        out[1] = norm180(Math.toDegrees(l2));
    }

    /** Angle into [0, 360). */
    public static double norm360(double deg) {
        double r = deg % 360.0;
        return r < 0 ? r + 360.0 : r;
    }

    /** Angle into [-180, 180). */
    public static double norm180(double deg) {
        double r = (deg + 180.0) % 360.0;
        if (r < 0) r += 360.0;
        return r - 180.0;
    }
}
