package org.vigil.core.sim;

import org.vigil.core.geo.Angles;
import org.vigil.core.geo.Sphere;
import org.vigil.core.geo.Units;

/**
 * Former home of the spherical navigation and units, now in {@code org.vigil.core.geo}
 * ({@link Sphere}, {@link Angles}, {@link Units}). Kept only so that {@code server/qra}, restructured
 * on another branch, compiles until its call sites move; do not use in new code.
 */
@Deprecated
public final class Geo {
    public static final double EARTH_RADIUS_M = Sphere.EARTH_RADIUS_M;
    public static final double NM = Units.NM;
    public static final double FT = Units.FT;
    public static final double KT = Units.KT;
    public static final double G = Units.G;

    private Geo() {}

    public static double distanceM(double lat1, double lon1, double lat2, double lon2) {
        return Sphere.distanceM(lat1, lon1, lat2, lon2);
    }

    public static double bearingDeg(double lat1, double lon1, double lat2, double lon2) {
        return Sphere.bearingDeg(lat1, lon1, lat2, lon2);
    }

    public static void destination(double lat, double lon, double bearingDeg, double distanceM, double[] out) {
        Sphere.destination(lat, lon, bearingDeg, distanceM, out);
    }

    public static double norm360(double deg) {
        return Angles.norm360(deg);
    }

    public static double norm180(double deg) {
        return Angles.norm180(deg);
    }
}
