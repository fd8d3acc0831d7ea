package org.vigil.core.geo;

import static org.vigil.core.geo.Wgs84.A;
import static org.vigil.core.geo.Wgs84.B;
import static org.vigil.core.geo.Wgs84.F;

/**
 * The inverse geodesic problem on the WGS-84 ellipsoid: distance and azimuths between two points.
 * Vincenty's iterative solution (Survey Review 23, 1975), written from the published formulas.
 *
 * <p>Why our own rather than GeographicLib (which is the reference in {@code GeodesicInverseTest}):
 * the intercept solver and the responsiveness map call this millions of times and GeographicLib
 * allocates on every call. Vincenty's inverse converges slowly or not at all only for nearly
 * antipodal points (about 20,000 km apart); air-policing distances are under 3,000 km. If it has
 * not converged after {@value #MAX_ITERATIONS} iterations the last iterate is kept (its error is
 * then still metres, far below what planning needs) and {@link #converged} says so.
 *
 * <p>Reusable and allocation-free: {@link #solve} writes the public result fields. One instance per
 * thread.
 */
public final class GeodesicInverse {
    private static final int MAX_ITERATIONS = 100;

    /** Geodesic distance of the last {@link #solve}, metres. */
    public double distanceM;
    /** Initial azimuth at the first point, radians clockwise from north, in (-pi, pi]. */
    public double azimuth1Rad;
    /** Forward azimuth at the second point (direction of travel on arrival), radians. */
    public double azimuth2Rad;
    /** False if the iteration hit its limit (nearly antipodal points only). */
    public boolean converged;

    /** Solves from (lat1, lon1) to (lat2, lon2), degrees. */
    public void solve(double lat1Deg, double lon1Deg, double lat2Deg, double lon2Deg) {
        double u1 = reducedLatitude(lat1Deg);
        double u2 = reducedLatitude(lat2Deg);
        solveReduced(Math.sin(u1), Math.cos(u1), Math.sin(u2), Math.cos(u2), Math.toRadians(lon2Deg - lon1Deg));
    }

    /** Reduced (parametric) latitude, radians: tan U = (1 - f) tan(phi). */
    public static double reducedLatitude(double latDeg) {
        double phi = Math.toRadians(latDeg);
        return Math.atan2((1 - F) * Math.sin(phi), Math.cos(phi));
    }

    /**
     * The same from precomputed sine and cosine of both reduced latitudes ({@link #reducedLatitude})
     * and the longitude difference in radians: the map calls this per cell with per-row values, which
     * saves a third of the work.
     */
    public void solveReduced(double sinU1, double cosU1, double sinU2, double cosU2, double l) {
        double lambda = l;
        double sinLambda, cosLambda, sinSigma, cosSigma, sigma, cos2Alpha, cos2SigmaM;
        int i = 0;
        converged = false;
        do {
            sinLambda = Math.sin(lambda);
            cosLambda = Math.cos(lambda);
            double t1 = cosU2 * sinLambda;
            double t2 = cosU1 * sinU2 - sinU1 * cosU2 * cosLambda;
            sinSigma = Math.sqrt(t1 * t1 + t2 * t2);
            if (sinSigma == 0) { // coincident points
                distanceM = 0;
                azimuth1Rad = 0;
                azimuth2Rad = 0;
                converged = true;
                return;
            }
            cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
            sigma = Math.atan2(sinSigma, cosSigma);
            double sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            cos2Alpha = 1 - sinAlpha * sinAlpha;
            // on the equator cos2Alpha is 0 and cos(2 sigma_m) is undefined; its term vanishes anyway
            cos2SigmaM = cos2Alpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cos2Alpha;
            double c = F / 16 * cos2Alpha * (4 + F * (4 - 3 * cos2Alpha));
            double previous = lambda;
            lambda = l
                    + (1 - c)
                            * F
                            * sinAlpha
                            * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
            if (Math.abs(lambda - previous) < 1e-12) {
                converged = true;
                break;
            }
        } while (++i < MAX_ITERATIONS);
        // trigonometry of the final lambda
        sinLambda = Math.sin(lambda);
        cosLambda = Math.cos(lambda);
        double uSq = cos2Alpha * (A * A - B * B) / (B * B);
        double bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
        double bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
        double deltaSigma = bigB
                * sinSigma
                * (cos2SigmaM
                        + bigB
                                / 4
                                * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
                                        - bigB
                                                / 6
                                                * cos2SigmaM
                                                * (-3 + 4 * sinSigma * sinSigma)
                                                * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
        distanceM = B * bigA * (sigma - deltaSigma);
        azimuth1Rad = Math.atan2(cosU2 * sinLambda, cosU1 * sinU2 - sinU1 * cosU2 * cosLambda);
        azimuth2Rad = Math.atan2(cosU1 * sinLambda, -sinU1 * cosU2 + cosU1 * sinU2 * cosLambda);
    }

    /** Distance only, metres (convenience over {@link #solve}). */
    public double distance(double lat1Deg, double lon1Deg, double lat2Deg, double lon2Deg) {
        solve(lat1Deg, lon1Deg, lat2Deg, lon2Deg);
        return distanceM;
    }
}
