package org.vigil.core.geo;

/** Angle wrapping in degrees. Static and allocation-free. */
public final class Angles {
    private Angles() {}

    /** Angle into [0, 360). */
    public static double norm360(double deg) {
        double r = deg % 360.0;
        return r < 0 ? r + 360.0 : r;
    }

    /** Angle (or longitude) into [-180, 180). */
    public static double norm180(double deg) {
        double r = (deg + 180.0) % 360.0;
        if (r < 0) r += 360.0;
        return r - 180.0;
    }
}
