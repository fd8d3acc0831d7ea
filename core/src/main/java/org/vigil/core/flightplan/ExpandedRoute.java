package org.vigil.core.flightplan;

import java.util.List;
import org.vigil.core.geo.Sphere;
import org.vigil.core.geo.Units;

/**
 * A flight plan's route as a polyline of great-circle legs between the resolved points
 * (aerodromes, named points, coordinates), with what could not be resolved.
 *
 * <p>Geometry is spherical (mean earth radius 6 371 008.8 m): cross-track and along-track
 * distances are exact on that sphere and differ from the WGS-84 geodesic answer by the sphere's
 * radius error, at most about 0.5 % of the distance (0.3 % at Black Sea latitudes), plus the
 * separation between a great circle and the geodesic with the same end points (tens of metres for
 * 300 NM legs); {@code RouteGeometryTest} measures both against GeographicLib. For a route
 * deviation alarm in the tens of NM this is far below the navigation tolerance being judged.
 *
 * <p>Invariants: points are stored as unit vectors (x, y, z) precomputed once, so {@link #measure}
 * costs a few dozen multiplications per leg and allocates nothing; cumulative distances are
 * non-decreasing; consecutive duplicate points were dropped.
 */
public final class ExpandedRoute {
    public static final double EARTH_RADIUS_M = Sphere.EARTH_RADIUS_M;
    public static final double NM = Units.NM;
    private static final double RADIUS_NM = EARTH_RADIUS_M / NM;

    private final String[] names;
    private final double[] lat, lon, x, y, z, cumNm;
    private final List<String> unresolved;
    private final String unknownText;

    ExpandedRoute(List<String> names, double[] lat, double[] lon, List<String> unresolved) {
        int n = names.size();
        this.names = names.toArray(new String[0]);
        this.lat = lat.clone();
        this.lon = lon.clone();
        this.unresolved = List.copyOf(unresolved);
        this.unknownText = unresolved.isEmpty() && n > 0
                ? ""
                : n == 0 && unresolved.isEmpty() ? "no point" : String.join(" ", unresolved);
        x = new double[n];
        y = new double[n];
        z = new double[n];
        cumNm = new double[n];
        for (int i = 0; i < n; i++) {
            double p = Math.toRadians(lat[i]), l = Math.toRadians(lon[i]);
            x[i] = Math.cos(p) * Math.cos(l);
            y[i] = Math.cos(p) * Math.sin(l);
            z[i] = Math.sin(p);
            if (i > 0) cumNm[i] = cumNm[i - 1] + angle(i - 1, i) * RADIUS_NM;
        }
    }

    /** A route through the given (lat, lon) points, named P0, P1 ... (for tests and tools). */
    public static ExpandedRoute of(double[]... points) {
        String[] n = new String[points.length];
        double[] la = new double[points.length], lo = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            n[i] = "P" + i;
            la[i] = points[i][0];
            lo[i] = points[i][1];
        }
        return new ExpandedRoute(List.of(n), la, lo, List.of());
    }

    public int size() {
        return names.length;
    }

    public String name(int i) {
        return names[i];
    }

    public double lat(int i) {
        return lat[i];
    }

    public double lon(int i) {
        return lon[i];
    }
    /** Distance along the route from the first point to point i, NM. */
    public double distanceToNm(int i) {
        return cumNm[i];
    }

    public double lengthNm() {
        return names.length == 0 ? 0 : cumNm[names.length - 1];
    }
    /**
     * Route elements that could not be expanded (skipped): names not in the points database,
     * malformed elements, a ZZZZ aerodrome with nothing known in DEP/ or DEST/.
     */
    public List<String> unresolved() {
        return unresolved;
    }

    /**
     * Whether the route as filed is unknown: some element could not be expanded, or no point at all
     * was. Route monitoring then measures against the points that were resolved only (none when
     * there are none): the identification evidence says so ("route-unknown") and the
     * flight-plan store counts it, so the loss is never silent.
     */
    public boolean unknown() {
        return !unresolved.isEmpty() || names.length == 0;
    }

    /**
     * Whether a track can be measured against this route: two points or more, or one when the
     * route is known (a local flight from and to the same aerodrome). A lone point of an unknown
     * route is not the route: measuring against it would cry a deviation for the whole flight.
     */
    public boolean measurable() {
        return names.length >= 2 || (names.length == 1 && !unknown());
    }

    /** The unresolved elements as one text ("LXXX NOSUC"), "" when the route is known; computed once. */
    public String unknownText() {
        return unknownText;
    }

    /**
     * Cross-track and along-track position of (latDeg, lonDeg) relative to this route, written
     * into {@code out}. With one point, the distance to it; with none, NaN.
     */
    public void measure(double latDeg, double lonDeg, RouteProximity out) {
        out.clear();
        int n = names.length;
        if (n == 0) return;
        double p = Math.toRadians(latDeg), l = Math.toRadians(lonDeg);
        double px = Math.cos(p) * Math.cos(l), py = Math.cos(p) * Math.sin(l), pz = Math.sin(p);
        if (n == 1) {
            out.crossTrackNm = Math.abs(angleTo(0, px, py, pz)) * RADIUS_NM;
            out.signedCrossTrackNm = out.crossTrackNm;
            out.alongTrackNm = 0;
            out.progress = 0;
            out.legIndex = 0;
            return;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i + 1 < n; i++) {
            int j = i + 1;
            // pole of the leg's great circle: n = A x B, normalised (a zero-length leg has none)
            double nx = y[i] * z[j] - z[i] * y[j], ny = z[i] * x[j] - x[i] * z[j], nz = x[i] * y[j] - y[i] * x[j];
            double nn = Math.sqrt(nx * nx + ny * ny + nz * nz);
            double legAngle = angle(i, j);
            double dist, along, signed;
            if (nn < 1e-12) {
                dist = angleTo(i, px, py, pz);
                along = 0;
                signed = dist;
            } else {
                nx /= nn;
                ny /= nn;
                nz /= nn;
                double sinXt = px * nx + py * ny + pz * nz; // > 0: left of A->B
                // foot of the perpendicular on the great circle, angle from A along the leg
                double fx = px - sinXt * nx, fy = py - sinXt * ny, fz = pz - sinXt * nz;
                double cx = y[i] * fz - z[i] * fy, cy = z[i] * fx - x[i] * fz, cz = x[i] * fy - y[i] * fx;
                double alongAngle = Math.atan2(cx * nx + cy * ny + cz * nz, x[i] * fx + y[i] * fy + z[i] * fz);
                if (alongAngle < 0) {
                    dist = angleTo(i, px, py, pz);
                    along = 0;
                } else if (alongAngle > legAngle) {
                    dist = angleTo(j, px, py, pz);
                    along = legAngle;
                } else {
                    dist = Math.abs(Math.asin(Math.max(-1, Math.min(1, sinXt))));
                    along = alongAngle;
                }
                signed = sinXt > 0 ? -dist : dist;
            }
            if (dist < best) {
                best = dist;
                out.crossTrackNm = dist * RADIUS_NM;
                out.signedCrossTrackNm = signed * RADIUS_NM;
                out.alongTrackNm = cumNm[i] + along * RADIUS_NM;
                out.legIndex = i;
            }
        }
        double len = lengthNm();
        out.progress = len > 0 ? out.alongTrackNm / len : 0;
    }

    private double angle(int i, int j) {
        double cx = y[i] * z[j] - z[i] * y[j], cy = z[i] * x[j] - x[i] * z[j], cz = x[i] * y[j] - y[i] * x[j];
        return Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), x[i] * x[j] + y[i] * y[j] + z[i] * z[j]);
    }

    private double angleTo(int i, double px, double py, double pz) {
        double cx = y[i] * pz - z[i] * py, cy = z[i] * px - x[i] * pz, cz = x[i] * py - y[i] * px;
        return Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), x[i] * px + y[i] * py + z[i] * pz);
    }
}
