package org.vigil.core.geo;

/** The WGS-84 ellipsoid (NIMA TR8350.2), the datum of every position Vigil handles. */
public final class Wgs84 {
    /** Semi-major axis, metres. */
    public static final double A = 6_378_137.0;
    /** Flattening. */
    public static final double F = 1 / 298.257223563;
    /** Semi-minor axis, metres. */
    public static final double B = A * (1 - F);
    /** First eccentricity squared. */
    public static final double E2 = F * (2 - F);

    private Wgs84() {}
}
