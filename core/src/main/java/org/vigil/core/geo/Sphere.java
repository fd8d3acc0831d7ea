package org.vigil.core.geo;

/**
 * Navigation on a sphere of the mean earth radius: great-circle distance, initial bearing and
 * destination. Used where smoothness and speed matter more than the ellipsoid's last 0.5 %: the
 * simulator's kinematics (flights need only be self-consistent; the sensors measure the truth on
 * the ellipsoid with {@link GeodesicDirect}) and flight-plan route geometry (a deviation alarm in
 * tens of NM). {@code SphereTest} measures the error against GeographicLib's ellipsoid.
 * Static, allocation-free: results that are two numbers go into the caller's {@code double[2]}.
 */
public final class Sphere {
    /** Mean earth radius (IUGG), metres. */
    public static final double EARTH_RADIUS_M = 6_371_008.8;

    private Sphere() {}

    /** Great-circle distance in metres (haversine). */
    public static double distanceM(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2);
        double dp = p2 - p1, dl = Math.toRadians(lon2 - lon1);
        double a =
                Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Initial great-circle bearing from point 1 to point 2, degrees [0, 360). */
    public static double bearingDeg(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2), dl = Math.toRadians(lon2 - lon1);
        double y = Math.sin(dl) * Math.cos(p2);
        double x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
        return Angles.norm360(Math.toDegrees(Math.atan2(y, x)));
    }

    /** Point at {@code distanceM} along {@code bearingDeg} from (lat, lon): out[0] lat, out[1] lon in [-180, 180). */
    public static void destination(double lat, double lon, double bearingDeg, double distanceM, double[] out) {
        destinationUnwrapped(lat, lon, bearingDeg, distanceM, out);
        out[1] = Angles.norm180(out[1]);
    }

    /**
     * As {@link #destination} but the longitude is left as computed (lon plus the change, not wrapped):
     * flight-plan route expansion has always used it so, and wrapping would change its last bits.
     */
    public static void destinationUnwrapped(double lat, double lon, double bearingDeg, double distanceM, double[] out) {
        double d = distanceM / EARTH_RADIUS_M, b = Math.toRadians(bearingDeg), p1 = Math.toRadians(lat);
        double sp1 = Math.sin(p1), cp1 = Math.cos(p1), sd = Math.sin(d), cd = Math.cos(d);
        double sp2 = sp1 * cd + cp1 * sd * Math.cos(b);
        double p2 = Math.asin(Math.max(-1, Math.min(1, sp2)));
        double l2 = Math.toRadians(lon) + Math.atan2(Math.sin(b) * sd * cp1, cd - sp1 * sp2);
        out[0] = Math.toDegrees(p2);
        out[1] = Math.toDegrees(l2);
    }
}
