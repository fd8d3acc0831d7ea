package org.vigil.core.track;

import java.util.Arrays;

/**
 * Aerodromes as the tracker sees them: position in its plane and elevation. A track whose Mode C
 * altitude is within {@link TrackerConfig#terminalHeightMetres} of an aerodrome's elevation within
 * {@link TrackerConfig#terminalRadiusMetres} of it is in that aerodrome's terminal area: landing,
 * just airborne, or on the ground. The data comes from the theatre (core/flightplan
 * {@code Aerodromes}); the tracker only holds positions and elevations.
 *
 * <p>Lookup is a binary search over the aerodromes sorted by plane x, then a scan of the band
 * x ± radius: allocation-free; the sort happens once after the last {@link #add}.
 */
public final class TerminalAreas {
    private final AreaProjection projection;
    private String[] ident = new String[64];
    private double[] x = new double[64];
    private double[] y = new double[64];
    private double[] elevation = new double[64];
    private int n;
    private boolean sorted = true;
    private double highest = Double.NEGATIVE_INFINITY;

    TerminalAreas(AreaProjection projection) {
        this.projection = projection;
    }

    /** Adds an aerodrome (elevation in metres above mean sea level; NaN counts as 0). */
    void add(String icao, double latDeg, double lonDeg, double elevationMetres) {
        if (!(latDeg >= -90 && latDeg <= 90) || !(lonDeg >= -180 && lonDeg <= 180))
            throw new IllegalArgumentException("aerodrome " + icao + ": position out of range");
        if (n == x.length) {
            ident = Arrays.copyOf(ident, n * 2);
            x = Arrays.copyOf(x, n * 2);
            y = Arrays.copyOf(y, n * 2);
            elevation = Arrays.copyOf(elevation, n * 2);
        }
        projection.forward(latDeg, lonDeg);
        ident[n] = icao;
        x[n] = projection.x;
        y[n] = projection.y;
        elevation[n] = Double.isNaN(elevationMetres) ? 0 : elevationMetres;
        highest = Math.max(highest, elevation[n]);
        n++;
        sorted = false;
    }

    private void sort() {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        String[] i2 = new String[ident.length];
        double[] x2 = new double[x.length], y2 = new double[y.length], e2 = new double[elevation.length];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            i2[k] = ident[i];
            x2[k] = x[i];
            y2[k] = y[i];
            e2[k] = elevation[i];
        }
        ident = i2;
        x = x2;
        y = y2;
        elevation = e2;
        sorted = true;
    }

    public int size() {
        return n;
    }

    /** Highest aerodrome elevation, metres (−∞ when there is none): above it plus the terminal height nothing is terminal. */
    public double highestElevation() {
        return highest;
    }

    /** Index of the nearest aerodrome within {@code radius} metres of plane (px, py), or -1. */
    public int nearest(double px, double py, double radius) {
        if (n == 0) return -1;
        if (!sorted) sort();
        int lo = 0;
        int hi = n;
        double from = px - radius;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] < from) lo = mid + 1;
            else hi = mid;
        }
        int best = -1;
        double bestD2 = radius * radius;
        for (int i = lo; i < n && x[i] <= px + radius; i++) {
            double dx = x[i] - px;
            double dy = y[i] - py;
            double d2 = dx * dx + dy * dy;
            if (d2 <= bestD2) {
                bestD2 = d2;
                best = i;
            }
        }
        return best;
    }

    public String ident(int i) {
        if (!sorted) sort();
        return ident[i];
    }

    public double elevationMetres(int i) {
        if (!sorted) sort();
        return elevation[i];
    }
}
