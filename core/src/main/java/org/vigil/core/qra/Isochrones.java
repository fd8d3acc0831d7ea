package org.vigil.core.qra;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Isochrone extraction by marching squares: for a level L (minutes), the lines separating cells
 * reachable within L from the others, as lat/lon polylines.
 *
 * <p>Each square of four neighbouring cell centres is classified by which corners are below L;
 * crossings sit on the square's edges, placed by linear interpolation (time grows linearly with
 * distance, so this is accurate to well under a cell). NaN (outside the area) and +Infinity
 * (unreachable) count as "above every level", so isochrones close along the area's edge rather
 * than leaking out; the grid is padded with a virtual ring of such cells so that isochrones cut by
 * the grid's edge close along it. Saddles (cases 5 and 10) are resolved by the mean of the four corners.
 * Segments are then chained through the edge they share into polylines; a polyline whose ends meet
 * is closed (its last point repeats its first). Runs once per map: allocation is fine here.
 */
public final class Isochrones {
    /** One level's polylines; each polyline is [lat0, lon0, lat1, lon1, ...]. */
    public record Isochrone(double minutes, List<double[]> polylines) {}

    private Isochrones() {}

    static List<Isochrone> extract(MapGrid grid, float[] values, double... levels) {
        List<Isochrone> out = new ArrayList<>(levels.length);
        for (double level : levels) out.add(new Isochrone(level, level(grid, values, level)));
        return out;
    }

    private static double v(float[] values, int i) {
        float x = values[i];
        return Float.isNaN(x) || Float.isInfinite(x) ? Double.MAX_VALUE : x;
    }

    /**
     * Marching squares over the grid padded with one ring of virtual cells "above every level" on
     * each side, so that every isochrone is closed. Padded coordinates: R = row + 1, C = column + 1,
     * P = columns + 2. Edge ids: horizontal edge from (R, C) to (R, C+1) is 2*(R*P+C); vertical
     * edge from (R, C) to (R+1, C) is 2*(R*P+C)+1.
     */
    private static List<double[]> level(MapGrid grid, float[] values, double level) {
        int rows = grid.rows() + 2, cols = grid.columns() + 2;
        // each edge id maps to the (up to two) segments touching it; a segment is {edge, edge, index}
        Map<Long, List<long[]>> touching = new HashMap<>();
        List<long[]> segments = new ArrayList<>();
        for (int r = 0; r + 1 < rows; r++) {
            for (int c = 0; c + 1 < cols; c++) {
                double a = padded(grid, values, r, c); // south-west
                double b = padded(grid, values, r, c + 1); // south-east
                double cc = padded(grid, values, r + 1, c + 1); // north-east
                double d = padded(grid, values, r + 1, c); // north-west
                int code = (a < level ? 1 : 0) | (b < level ? 2 : 0) | (cc < level ? 4 : 0) | (d < level ? 8 : 0);
                if (code == 0 || code == 15) continue;
                long south = 2L * (r * (long) cols + c);
                long north = 2L * ((r + 1) * (long) cols + c);
                long west = 2L * (r * (long) cols + c) + 1;
                long east = 2L * (r * (long) cols + c + 1) + 1;
                switch (code) {
                    case 1, 14 -> add(segments, touching, south, west);
                    case 2, 13 -> add(segments, touching, south, east);
                    case 3, 12 -> add(segments, touching, west, east);
                    case 4, 11 -> add(segments, touching, east, north);
                    case 6, 9 -> add(segments, touching, south, north);
                    case 7, 8 -> add(segments, touching, west, north);
                    case 5, 10 -> {
                        boolean centreBelow = (a + b + cc + d) / 4 < level;
                        // code 5: SW and NE below. With the centre below they are joined through the middle.
                        if ((code == 5) == centreBelow) {
                            add(segments, touching, south, east);
                            add(segments, touching, west, north);
                        } else {
                            add(segments, touching, south, west);
                            add(segments, touching, east, north);
                        }
                    }
                    default -> throw new IllegalStateException("marching squares case " + code);
                }
            }
        }
        // chain segments into polylines
        List<double[]> lines = new ArrayList<>();
        boolean[] used = new boolean[segments.size()];
        for (int i = 0; i < segments.size(); i++) {
            if (used[i]) continue;
            used[i] = true;
            long[] seg = segments.get(i);
            ArrayDeque<Long> chain = new ArrayDeque<>();
            chain.add(seg[0]);
            chain.add(seg[1]);
            extend(chain, false, touching, used);
            extend(chain, true, touching, used);
            double[] pts = new double[chain.size() * 2];
            int k = 0;
            for (long edge : chain) {
                crossing(grid, values, edge, level, pts, k);
                k += 2;
            }
            lines.add(pts);
        }
        return lines;
    }

    private static void add(List<long[]> segments, Map<Long, List<long[]>> byEdge, long e1, long e2) {
        long[] seg = {e1, e2, segments.size()};
        segments.add(seg);
        byEdge.computeIfAbsent(e1, k -> new ArrayList<>(2)).add(seg);
        byEdge.computeIfAbsent(e2, k -> new ArrayList<>(2)).add(seg);
    }

    /** Grows the chain at one end through unused segments sharing its end edge, until none or the ring closes. */
    private static void extend(
            ArrayDeque<Long> chain, boolean atFront, Map<Long, List<long[]>> byEdge, boolean[] used) {
        while (true) {
            long end = atFront ? chain.peekFirst() : chain.peekLast();
            long otherEnd = atFront ? chain.peekLast() : chain.peekFirst();
            if (chain.size() > 2 && end == otherEnd) return; // closed ring
            long[] next = null;
            for (long[] s : byEdge.get(end)) {
                if (!used[(int) s[2]]) {
                    used[(int) s[2]] = true;
                    next = s;
                    break;
                }
            }
            if (next == null) return;
            long other = next[0] == end ? next[1] : next[0];
            if (atFront) chain.addFirst(other);
            else chain.addLast(other);
        }
    }

    /** Value at padded (R, C): the virtual ring and NaN/Infinity cells count as above every level. */
    private static double padded(MapGrid grid, float[] values, int r, int c) {
        if (r < 1 || c < 1 || r > grid.rows() || c > grid.columns()) return Double.MAX_VALUE;
        return v(values, grid.index(r - 1, c - 1));
    }

    private static boolean real(MapGrid grid, int r, int c) {
        return r >= 1 && c >= 1 && r <= grid.rows() && c <= grid.columns();
    }

    private static void crossing(MapGrid grid, float[] values, long edge, double level, double[] out, int at) {
        int cols = grid.columns() + 2;
        long cell = edge >> 1;
        int r = (int) (cell / cols), c = (int) (cell % cols);
        boolean vertical = (edge & 1) == 1;
        int r2 = vertical ? r + 1 : r, c2 = vertical ? c : c + 1;
        double v1 = padded(grid, values, r, c), v2 = padded(grid, values, r2, c2);
        double f;
        if (!real(grid, r, c)) {
            f = 1; // the ring runs along the grid's edge: put the point on the real cell
        } else if (!real(grid, r2, c2)) {
            f = 0;
        } else if (v1 == Double.MAX_VALUE || v2 == Double.MAX_VALUE) {
            f = 0.5; // into an unreachable or outside-area cell: no value to interpolate with
        } else {
            f = Math.max(0, Math.min(1, (level - v1) / (v2 - v1)));
        }
        double lat1 = grid.lat(r - 1), lon1 = grid.lon(c - 1);
        out[at] = lat1 + f * (grid.lat(r2 - 1) - lat1);
        out[at + 1] = lon1 + f * (grid.lon(c2 - 1) - lon1);
    }
}
