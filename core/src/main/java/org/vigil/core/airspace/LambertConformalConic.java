package org.vigil.core.airspace;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.vigil.core.geo.Wgs84;

/**
 * Lambert conformal conic projection with two standard parallels on the WGS-84 ellipsoid
 * (Snyder, "Map Projections: A Working Manual", USGS PP 1395, 1987, eqs. 15-1 to 15-11, written
 * from the published formulas). Metres east/north of the origin.
 *
 * <p>Why this projection for the 12 NM buffer: it is conformal (shapes and therefore buffer
 * widths are locally undistorted in every direction) and its scale factor depends on latitude
 * only. {@link #forRegion} puts the standard parallels a quarter of the way in from each edge of
 * the region: for a region 38°–50° N (parallels 41° N and 47° N) the scale factor stays within about
 * 0.14 % of 1 between the parallels, under 35 m on a 22.2 km buffer, and within 0.5 % over the
 * whole box. {@link #scale} lets the builder correct the buffer distance for the latitude of each
 * state, which shrinks that further.
 *
 * <p>Immutable and thread-safe.
 */
public final class LambertConformalConic {
    static final double A = Wgs84.A;
    static final double F = Wgs84.F;
    static final double E2 = F * (2 - F);
    static final double E = Math.sqrt(E2);

    /**
     * The projection for a region (lon/lat degrees): standard parallels a quarter of its height in
     * from its south and north edges, origin at its centre.
     */
    public static LambertConformalConic forRegion(org.locationtech.jts.geom.Envelope region) {
        // a region under 2 degrees high still gets parallels 1 degree apart (the cone needs two)
        double quarter = Math.max(region.getHeight() / 4, 0.5);
        double mid = region.centre().y;
        return new LambertConformalConic(mid - quarter, mid + quarter, mid, region.centre().x);
    }

    private final double n;
    private final double aF;
    private final double rho0;
    private final double lon0;

    public LambertConformalConic(double parallel1Deg, double parallel2Deg, double originLatDeg, double originLonDeg) {
        double p1 = Math.toRadians(parallel1Deg);
        double p2 = Math.toRadians(parallel2Deg);
        double m1 = m(p1);
        double m2 = m(p2);
        double t1 = t(p1);
        double t2 = t(p2);
        n = (Math.log(m1) - Math.log(m2)) / (Math.log(t1) - Math.log(t2));
        aF = A * m1 / (n * Math.pow(t1, n));
        rho0 = aF * Math.pow(t(Math.toRadians(originLatDeg)), n);
        lon0 = Math.toRadians(originLonDeg);
    }

    private static double m(double phi) {
        double s = Math.sin(phi);
        return Math.cos(phi) / Math.sqrt(1 - E2 * s * s);
    }

    private static double t(double phi) {
        double s = Math.sin(phi);
        return Math.tan(Math.PI / 4 - phi / 2) / Math.pow((1 - E * s) / (1 + E * s), E / 2);
    }

    /** Easting in metres. */
    double x(double latDeg, double lonDeg) {
        double rho = aF * Math.pow(t(Math.toRadians(latDeg)), n);
        return rho * Math.sin(n * (Math.toRadians(lonDeg) - lon0));
    }

    /** Northing in metres. */
    double y(double latDeg, double lonDeg) {
        double rho = aF * Math.pow(t(Math.toRadians(latDeg)), n);
        return rho0 - rho * Math.cos(n * (Math.toRadians(lonDeg) - lon0));
    }

    double lonDeg(double x, double y) {
        double theta = Math.atan2(x, rho0 - y);
        return Math.toDegrees(theta / n + lon0);
    }

    double latDeg(double x, double y) {
        double dy = rho0 - y;
        double rho = Math.sqrt(x * x + dy * dy);
        double tt = Math.pow(rho / aF, 1 / n);
        double phi = Math.PI / 2 - 2 * Math.atan(tt);
        for (int i = 0; i < 15; i++) {
            double s = Math.sin(phi);
            double next = Math.PI / 2 - 2 * Math.atan(tt * Math.pow((1 - E * s) / (1 + E * s), E / 2));
            if (Math.abs(next - phi) < 1e-13) {
                phi = next;
                break;
            }
            phi = next;
        }
        return Math.toDegrees(phi);
    }

    /** Point scale factor k at a latitude (same in every direction: the projection is conformal). */
    public double scale(double latDeg) {
        double phi = Math.toRadians(latDeg);
        double rho = aF * Math.pow(t(phi), n);
        return rho * n / (A * m(phi));
    }

    /** A copy of a lon/lat geometry (x = lon, y = lat) in projected metres. */
    public Geometry forward(Geometry lonLat) {
        Geometry g = lonLat.copy();
        g.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                double lon = seq.getX(i);
                double lat = seq.getY(i);
                seq.setOrdinate(i, 0, x(lat, lon));
                seq.setOrdinate(i, 1, y(lat, lon));
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return g;
    }

    /** A copy of a projected geometry back in lon/lat degrees. */
    public Geometry inverse(Geometry projected) {
        Geometry g = projected.copy();
        g.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                double x = seq.getX(i);
                double y = seq.getY(i);
                seq.setOrdinate(i, 0, lonDeg(x, y));
                seq.setOrdinate(i, 1, latDeg(x, y));
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return g;
    }
}
