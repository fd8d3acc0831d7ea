package org.vigil.core.radar;

import org.vigil.core.geo.GeodesicDirect;

/**
 * Puts a radar plot on the map: from the measured slant range and azimuth, the aircraft's height
 * and the radar's position, the WGS-84 latitude and longitude.
 *
 * <p>Model, in two steps.
 * <ol>
 * <li>Ground range. Radar antenna, aircraft and the earth's centre form a triangle with sides
 *   R + h_radar, R + h_aircraft and the slant range rho. Its angle at the centre, gamma, follows
 *   exactly from the law of cosines, written in the form that stays accurate for short ranges:
 *   {@code sin²(gamma/2) = (rho² - (h_a - h_r)²) / (4 (R + h_r)(R + h_a))}. The ground range
 *   (at sea level) is {@code R * gamma}. R is the ellipsoid's radius of curvature at the radar in
 *   the plot's azimuth (Euler), so the sphere osculates the ellipsoid along the path. This is exact
 *   spherical trigonometry, not the 4/3-earth model: the 4/3 effective radius describes how
 *   refraction bends the beam, which matters when converting a measured elevation angle; here no
 *   elevation is measured, the height comes from Mode C, and the bent path is only centimetres
 *   longer than the straight chord at radar ranges.</li>
 * <li>Destination. From the radar along the azimuth for the ground range on the WGS-84 ellipsoid
 *   ({@link GeodesicDirect}).</li>
 * </ol>
 *
 * <p>Heights. Mode C reports pressure altitude (standard atmosphere, 1013.25 hPa), which is used as
 * the geometric height above sea level: off by QNH and temperature, typically a few hundred metres.
 * Its effect on position is small: d(ground range)/d(height) is about (h_a - h_r) / ground range,
 * so 300 m of height error at FL350 and 100 NM moves the plot about 17 m. Sea level versus the
 * ellipsoid (geoid height, up to ±100 m) shifts both heights alike and is negligible here. Plots
 * without usable Mode C are projected at the site's assumed height and flagged
 * {@link RadarPlot#ALTITUDE_ASSUMED}; for a primary contact at 100 NM the error of assuming
 * 25 000 ft when the truth is 5 000 ft is about 0.3 NM, which the consumer must treat as such.
 *
 * <p>Reusable, allocation-free; one instance per thread.
 */
public final class PlotProjection {
    private final GeodesicDirect geodesic = new GeodesicDirect();

    /**
     * Projects {@code plot} (its {@code rhoMetres}, {@code thetaRad}, {@code altitudeMetres}) from
     * {@code site}; fills lat/lon, ground range, projection height, accuracies and flags.
     * @return false (position left NaN) when range or azimuth is missing or not finite
     */
    public boolean project(RadarSite site, RadarPlot plot) {
        double rho = plot.rhoMetres;
        double theta = plot.thetaRad;
        plot.rangeSigmaMetres = site.rangeSigmaMetres();
        plot.azimuthSigmaRad = site.azimuthSigmaRad();
        if (!(rho >= 0) || Double.isInfinite(rho) || Double.isNaN(theta) || Double.isInfinite(theta)) return false;
        double h = plot.altitudeMetres;
        if (Double.isNaN(h)) {
            h = site.assumedHeightMetres();
            plot.flags |= RadarPlot.ALTITUDE_ASSUMED;
        }
        plot.projectionHeightMetres = h;
        double s = groundRange(site.latDeg(), site.heightMetres(), h, rho, theta);
        if (s < 0) {
            s = 0;
            plot.flags |= RadarPlot.GROUND_RANGE_CLAMPED;
        }
        plot.groundRangeMetres = s;
        geodesic.solve(site.latDeg(), site.lonDeg(), theta, s);
        plot.latDeg = geodesic.latDeg;
        plot.lonDeg = geodesic.lonDeg;
        return true;
    }

    /**
     * Sea-level ground range for slant range {@code rho} between a radar at {@code radarHeight} and a
     * target at {@code targetHeight} (metres); -1 when rho is shorter than the height difference
     * (no such triangle).
     */
    public static double groundRange(
            double radarLatDeg, double radarHeight, double targetHeight, double rho, double azimuthRad) {
        double r = GeodesicDirect.radiusInAzimuth(radarLatDeg, azimuthRad);
        double dh = targetHeight - radarHeight;
        double num = rho * rho - dh * dh;
        if (num < 0) return -1;
        double k = num / (4 * (r + radarHeight) * (r + targetHeight));
        if (k > 1) k = 1; // longer than the earth's diameter: only garbage gets here
        return r * 2 * Math.asin(Math.sqrt(k));
    }
}
