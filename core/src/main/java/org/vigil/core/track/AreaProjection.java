package org.vigil.core.track;

import org.vigil.core.geo.Wgs84;

/**
 * The tracker's local plane: an oblique stereographic projection of the WGS-84 ellipsoid around a
 * configurable area origin (the "double" projection of EPSG method 9809: ellipsoid to the Gaussian
 * conformal sphere, then stereographic; formulas from IOGP Guidance Note 7-2, scale factor 1 at the
 * origin). x is metres east, y metres north of the origin (grid north).
 *
 * <p>Why this projection: it is conformal, so a radar's azimuth is preserved locally (up to the
 * grid convergence, which {@link #convergenceRad} gives per radar), and its scale error grows only
 * with the square of the distance from the origin: {@code k ≈ 1 + d²/4R²}, 1.0003 at 200 km. One
 * plane for the whole area (not one per track) keeps the Kalman state comparable between tracks and
 * the gating grid trivial; the measurement models correct range by {@link #scale} and azimuth by the
 * convergence. Good for an area of a few hundred kilometres around the origin; beyond about 500 km
 * the straight-line-is-geodesic simplification costs more than a radar's azimuth error.
 *
 * <p>Immutable apart from the two result fields; {@link #forward} and {@link #inverse} allocate
 * nothing. Not thread-safe (results in fields); one instance per tracker.
 */
public final class AreaProjection {
    static final double A = Wgs84.A;
    static final double F = Wgs84.F;
    static final double E2 = F * (2 - F);
    static final double E = Math.sqrt(E2);

    private final double lat0Deg;
    private final double lon0Deg;
    private final double lambda0;
    private final double radius;
    private final double n;
    private final double c;
    private final double sinChi0;
    private final double cosChi0;

    /** Result of the last {@link #forward}: plane metres. */
    public double x;

    public double y;
    /** Result of the last {@link #inverse}: degrees. */
    public double latDeg;

    public double lonDeg;

    public AreaProjection(double originLatDeg, double originLonDeg) {
        if (!(originLatDeg > -85 && originLatDeg < 85) || !(originLonDeg >= -180 && originLonDeg <= 180)) {
            throw new IllegalArgumentException("area origin out of range: " + originLatDeg + "," + originLonDeg);
        }
        this.lat0Deg = originLatDeg;
        this.lon0Deg = originLonDeg;
        double phi0 = Math.toRadians(originLatDeg);
        this.lambda0 = Math.toRadians(originLonDeg);
        double s0 = Math.sin(phi0);
        double w = 1 - E2 * s0 * s0;
        double rho0 = A * (1 - E2) / Math.pow(w, 1.5);
        double nu0 = A / Math.sqrt(w);
        this.radius = Math.sqrt(rho0 * nu0);
        double cos0 = Math.cos(phi0);
        this.n = Math.sqrt(1 + E2 * cos0 * cos0 * cos0 * cos0 / (1 - E2));
        double s1 = (1 + s0) / (1 - s0);
        double s2 = (1 - E * s0) / (1 + E * s0);
        double w1 = Math.pow(s1 * Math.pow(s2, E), n);
        double sinChi00 = (w1 - 1) / (w1 + 1);
        this.c = (n + s0) * (1 - sinChi00) / ((n - s0) * (1 + sinChi00));
        double w2 = c * w1;
        this.sinChi0 = (w2 - 1) / (w2 + 1);
        this.cosChi0 = Math.sqrt(1 - sinChi0 * sinChi0);
    }

    public double originLatDeg() {
        return lat0Deg;
    }

    public double originLonDeg() {
        return lon0Deg;
    }

    /** Radius of the conformal sphere, metres. */
    public double sphereRadius() {
        return radius;
    }

    /** Latitude/longitude (degrees) to plane; result in {@link #x}, {@link #y}. */
    public void forward(double latDeg, double lonDeg) {
        double phi = Math.toRadians(latDeg);
        double dl = Math.toRadians(lonDeg) - lambda0;
        if (dl > Math.PI) dl -= 2 * Math.PI;
        else if (dl < -Math.PI) dl += 2 * Math.PI;
        double bigLambda = n * dl;
        double sp = Math.sin(phi);
        double sa = (1 + sp) / (1 - sp);
        double sb = (1 - E * sp) / (1 + E * sp);
        double w = c * Math.pow(sa * Math.pow(sb, E), n);
        double sinChi = (w - 1) / (w + 1);
        double cosChi = Math.sqrt(Math.max(0, 1 - sinChi * sinChi));
        double cosL = Math.cos(bigLambda);
        double b = 1 + sinChi * sinChi0 + cosChi * cosChi0 * cosL;
        x = 2 * radius * cosChi * Math.sin(bigLambda) / b;
        y = 2 * radius * (sinChi * cosChi0 - cosChi * sinChi0 * cosL) / b;
    }

    /** Plane to latitude/longitude (degrees); result in {@link #latDeg}, {@link #lonDeg}. */
    public void inverse(double px, double py) {
        double g = 2 * radius * Math.tan(Math.PI / 4 - Math.asin(sinChi0) / 2);
        double h = 4 * radius * Math.tan(Math.asin(sinChi0)) + g;
        double i = Math.atan2(px, h + py);
        double j = Math.atan2(px, g - py) - i;
        double chi = Math.asin(sinChi0) + 2 * Math.atan((py - px * Math.tan(j / 2)) / (2 * radius));
        double bigLambda = j + 2 * i;
        double lambda = bigLambda / n + lambda0;
        double psi = 0.5 * Math.log((1 + Math.sin(chi)) / (c * (1 - Math.sin(chi)))) / n;
        double phi = 2 * Math.atan(Math.exp(psi)) - Math.PI / 2;
        for (int it = 0; it < 8; it++) {
            double sp = Math.sin(phi);
            double psiI = Math.log(Math.tan(phi / 2 + Math.PI / 4) * Math.pow((1 - E * sp) / (1 + E * sp), E / 2));
            double next = phi - (psiI - psi) * Math.cos(phi) * (1 - E2 * sp * sp) / (1 - E2);
            if (Math.abs(next - phi) < 1e-14) {
                phi = next;
                break;
            }
            phi = next;
        }
        latDeg = Math.toDegrees(phi);
        double lon = Math.toDegrees(lambda);
        if (lon >= 180) lon -= 360;
        else if (lon < -180) lon += 360;
        lonDeg = lon;
    }

    /**
     * Point scale factor at plane position (px, py): plane distance / ellipsoid distance, to second
     * order (the conformal-sphere stereographic term; the ellipsoid-to-sphere part is stationary at
     * the origin by construction of n and c).
     */
    public double scale(double px, double py) {
        return 1 + (px * px + py * py) / (4 * radius * radius);
    }

    /**
     * Grid convergence at (latDeg, lonDeg): the angle, clockwise, from grid north to true north,
     * radians. A true azimuth a measured there is grid azimuth {@code a + convergence}.
     * Computed numerically from a 1 km step along the meridian; call once per radar, not per plot.
     */
    public double convergenceRad(double latDeg, double lonDeg) {
        forward(latDeg, lonDeg);
        double x0 = x;
        double y0 = y;
        forward(latDeg + 0.009, lonDeg);
        return Math.atan2(x - x0, y - y0);
    }
}
