package org.vigil.core.geo;

import static org.vigil.core.geo.Wgs84.A;
import static org.vigil.core.geo.Wgs84.B;
import static org.vigil.core.geo.Wgs84.E2;
import static org.vigil.core.geo.Wgs84.F;

/**
 * The direct geodesic problem on the WGS-84 ellipsoid: from a point, along an initial azimuth,
 * for a distance, where does one arrive? Vincenty's iterative solution (Survey Review 23, 1975),
 * written from the published formulas.
 *
 * <p>Why not GeographicLib, which solves this more generally: its {@code Direct} allocates close
 * to 1 KB per call, and this runs once per radar plot. Vincenty's direct solution always converges
 * (only the inverse problem has trouble near antipodes) and agrees with GeographicLib to well under
 * a millimetre for radar ranges; {@code GeodesicDirectTest} checks that against GeographicLib.
 *
 * <p>Reusable and allocation-free: {@link #solve} writes {@link #latDeg} and {@link #lonDeg}.
 * One instance per thread.
 */
public final class GeodesicDirect {

    private static final int MAX_ITERATIONS = 50;

    /** Result of the last {@link #solve}: latitude in [-90, 90], longitude in [-180, 180). */
    public double latDeg;

    public double lonDeg;

    /**
     * Destination from ({@code latDeg}, {@code lonDeg}) along azimuth {@code azimuthRad} (clockwise
     * from north) for {@code distanceMetres} (>= 0) on the ellipsoid.
     */
    public void solve(double fromLatDeg, double fromLonDeg, double azimuthRad, double distanceMetres) {
        if (distanceMetres == 0) {
            latDeg = fromLatDeg;
            lonDeg = Angles.norm180(fromLonDeg);
            return;
        }
        double sinAlpha1 = Math.sin(azimuthRad);
        double cosAlpha1 = Math.cos(azimuthRad);
        // reduced latitude U1: tan U1 = (1 - f) tan(phi1)
        double phi1 = Math.toRadians(fromLatDeg);
        double u1 = Math.atan2((1 - F) * Math.sin(phi1), Math.cos(phi1));
        double sinU1 = Math.sin(u1);
        double cosU1 = Math.cos(u1);
        double sigma1 = Math.atan2(sinU1, cosU1 * cosAlpha1);
        double sinAlpha = cosU1 * sinAlpha1;
        double cos2Alpha = 1 - sinAlpha * sinAlpha;
        double uSq = cos2Alpha * (A * A - B * B) / (B * B);
        double bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
        double bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));

        double sigma0 = distanceMetres / (B * bigA);
        double sigma = sigma0;
        double sinSigma = 0;
        double cosSigma = 1;
        double cos2SigmaM = 0;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            cos2SigmaM = Math.cos(2 * sigma1 + sigma);
            sinSigma = Math.sin(sigma);
            cosSigma = Math.cos(sigma);
            double c2 = cos2SigmaM * cos2SigmaM;
            double deltaSigma = bigB
                    * sinSigma
                    * (cos2SigmaM
                            + bigB
                                    / 4
                                    * (cosSigma * (-1 + 2 * c2)
                                            - bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * c2)));
            double next = sigma0 + deltaSigma;
            boolean converged = Math.abs(next - sigma) < 1e-13;
            sigma = next;
            if (converged) break;
        }
        // recompute the trigonometry for the final sigma
        cos2SigmaM = Math.cos(2 * sigma1 + sigma);
        sinSigma = Math.sin(sigma);
        cosSigma = Math.cos(sigma);

        double x = sinU1 * sinSigma - cosU1 * cosSigma * cosAlpha1;
        double phi2 = Math.atan2(
                sinU1 * cosSigma + cosU1 * sinSigma * cosAlpha1, (1 - F) * Math.sqrt(sinAlpha * sinAlpha + x * x));
        double lambda = Math.atan2(sinSigma * sinAlpha1, cosU1 * cosSigma - sinU1 * sinSigma * cosAlpha1);
        double c = F / 16 * cos2Alpha * (4 + F * (4 - 3 * cos2Alpha));
        double l = lambda
                - (1 - c)
                        * F
                        * sinAlpha
                        * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
        latDeg = Math.toDegrees(phi2);
        lonDeg = Angles.norm180(fromLonDeg + Math.toDegrees(l));
    }

    /**
     * Radius of curvature of the ellipsoid's normal section at latitude {@code latDeg} in the
     * direction {@code azimuthRad} (Euler's formula from the meridian and prime-vertical radii).
     */
    public static double radiusInAzimuth(double latDeg, double azimuthRad) {
        double s = Math.sin(Math.toRadians(latDeg));
        double w2 = 1 - E2 * s * s;
        double n = A / Math.sqrt(w2); // prime vertical
        double m = A * (1 - E2) / (w2 * Math.sqrt(w2)); // meridian
        double sa = Math.sin(azimuthRad);
        double ca = Math.cos(azimuthRad);
        return m * n / (m * sa * sa + n * ca * ca);
    }
}
