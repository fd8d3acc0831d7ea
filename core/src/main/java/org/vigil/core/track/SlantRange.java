package org.vigil.core.track;

/**
 * Slant range to ground range and back, on a sphere of radius R: radar at height hr, target at
 * height ht, angle gamma at the earth's centre. Law of cosines, in the form that stays accurate at
 * short range: {@code rho² = (ht - hr)² + 4 (R + hr)(R + ht) sin²(gamma / 2)}, ground range
 * {@code g = R gamma} at sea level.
 */
public final class SlantRange {
    private SlantRange() {}

    /** Ground range (metres) for slant range {@code rho}; 0 when rho is shorter than the height difference. */
    public static double toGround(double rho, double radarHeight, double targetHeight, double radius) {
        double dh = targetHeight - radarHeight;
        double num = rho * rho - dh * dh;
        if (!(num > 0)) return 0;
        double k = num / (4 * (radius + radarHeight) * (radius + targetHeight));
        if (k > 1) k = 1;
        return radius * 2 * Math.asin(Math.sqrt(k));
    }

    /** Slant range (metres) for ground range {@code g}. */
    public static double toSlant(double g, double radarHeight, double targetHeight, double radius) {
        double dh = targetHeight - radarHeight;
        double s = Math.sin(g / (2 * radius));
        return Math.sqrt(dh * dh + 4 * (radius + radarHeight) * (radius + targetHeight) * s * s);
    }
}
