package org.vigil.core.airspace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;

/**
 * Point-in-region index over lon/lat polygons, answering "which regions contain this point"
 * without allocating. Regions may overlap (zones) or not (states); each has an index 0..n-1.
 *
 * <p>How: a regular lon/lat grid of square cells. At build time each cell gets, for every region
 * that reaches into it, one entry holding whether the <em>cell centre</em> is inside that region
 * and the region's boundary edges that touch the cell. At lookup, the point P lies in the same
 * (convex) cell as the centre C, so only those edges can cross the segment C–P; the region
 * contains P iff (centre inside) XOR (odd number of crossings). Cells fully inside a region have
 * an entry with no edges; cells fully outside have no entry. Lookup cost is the handful of edges
 * in one cell, independent of the polygons' size.
 *
 * <p>Crossings use a symbolic-perturbation rule (a vertex exactly on the line C–P counts as
 * lying on its negative side), so shared vertices are never counted twice. Points exactly on a
 * boundary may go either way, as in any point-in-polygon test. Edges are straight in lon/lat
 * (the GeoJSON convention); with the kilometre-scale vertex spacing of our data the difference
 * from geodesic edges is metres.
 *
 * <p>Invariants: {@code cellStart} has one more element than there are cells and is
 * non-decreasing; an entry's edges are {@code edgeStart[e]..edgeStart[e+1]} (indices into
 * {@code edges}, 4 doubles each). Immutable after construction and so thread-safe.
 */
final class RegionGrid {
    private final double minLon;
    private final double minLat;
    private final double cellDeg;
    private final int columns;
    private final int rows;
    private final int[] cellStart;
    private final int[] entryRegion;
    private final boolean[] entryCentreInside;
    private final int[] edgeStart;
    private final double[] edges;
    private final int regionCount;

    /**
     * @param regions polygonal geometries in lon/lat degrees (x = lon); empty or null ones never match
     * @param bounds  the area covered; points outside match nothing
     * @param cellDeg cell size in degrees: smaller is faster per lookup and bigger in memory
     */
    RegionGrid(List<? extends Geometry> regions, Envelope bounds, double cellDeg) {
        this.minLon = bounds.getMinX();
        this.minLat = bounds.getMinY();
        this.cellDeg = cellDeg;
        this.columns = Math.max(1, (int) Math.ceil(bounds.getWidth() / cellDeg));
        this.rows = Math.max(1, (int) Math.ceil(bounds.getHeight() / cellDeg));
        this.regionCount = regions.size();
        int cells = columns * rows;

        // per cell, in region order: entries (region, centre inside, edge list)
        List<List<Entry>> perCell = new ArrayList<>(cells);
        for (int i = 0; i < cells; i++) perCell.add(null);
        for (int r = 0; r < regions.size(); r++) {
            Geometry region = regions.get(r);
            if (region == null || region.isEmpty()) continue;
            if (!(region instanceof Polygonal)) {
                throw new IllegalArgumentException("region " + r + " is not polygonal: " + region.getGeometryType());
            }
            Map<Integer, DoubleList> cellEdges = new HashMap<>();
            for (int p = 0; p < region.getNumGeometries(); p++) {
                Polygon poly = (Polygon) region.getGeometryN(p);
                addRing(poly.getExteriorRing(), cellEdges);
                for (int h = 0; h < poly.getNumInteriorRing(); h++) addRing(poly.getInteriorRingN(h), cellEdges);
            }
            Envelope env = region.getEnvelopeInternal();
            int c0 = clampColumn(env.getMinX());
            int c1 = clampColumn(env.getMaxX());
            int r0 = clampRow(env.getMinY());
            int r1 = clampRow(env.getMaxY());
            if (env.getMaxX() < minLon
                    || env.getMinX() > minLon + columns * cellDeg
                    || env.getMaxY() < minLat
                    || env.getMinY() > minLat + rows * cellDeg) continue;
            DoubleList[] centreCrossings = centreLineCrossings(region, r0, r1);
            for (int row = r0; row <= r1; row++) {
                double[] xs = centreCrossings[row - r0].sorted();
                int right = 0; // crossings left of or at the current centre
                for (int col = c0; col <= c1; col++) {
                    int cell = row * columns + col;
                    DoubleList e = cellEdges.get(cell);
                    double cx = centreLon(col);
                    while (right < xs.length && xs[right] <= cx) right++;
                    // even-odd ray cast towards +lon: the centre is inside iff an odd number of edges cross to its
                    // right
                    boolean inside = ((xs.length - right) & 1) == 1;
                    if (e == null && !inside) continue;
                    if (perCell.get(cell) == null) perCell.set(cell, new ArrayList<>(2));
                    perCell.get(cell).add(new Entry(r, inside, e == null ? new double[0] : e.toArray()));
                }
            }
        }

        cellStart = new int[cells + 1];
        int entryCount = 0;
        int edgeDoubles = 0;
        for (int i = 0; i < cells; i++) {
            List<Entry> list = perCell.get(i);
            if (list == null) continue;
            entryCount += list.size();
            for (Entry e : list) edgeDoubles += e.edges.length;
        }
        entryRegion = new int[entryCount];
        entryCentreInside = new boolean[entryCount];
        edgeStart = new int[entryCount + 1];
        edges = new double[edgeDoubles];
        int entry = 0;
        int edge = 0;
        for (int i = 0; i < cells; i++) {
            cellStart[i] = entry;
            List<Entry> list = perCell.get(i);
            if (list == null) continue;
            for (Entry e : list) {
                entryRegion[entry] = e.region;
                entryCentreInside[entry] = e.centreInside;
                edgeStart[entry] = edge / 4;
                System.arraycopy(e.edges, 0, edges, edge, e.edges.length);
                edge += e.edges.length;
                entry++;
            }
        }
        cellStart[cells] = entry;
        edgeStart[entry] = edge / 4;
    }

    /**
     * Per grid row r0..r1, the longitudes where the region's boundary crosses the row's centre
     * latitude (half-open rule: an edge counts if one end is above and the other at or below, the
     * same rule as the classic ray-casting point-in-polygon test). One pass over the edges instead
     * of one point-in-polygon test per cell: building all of Europe stays well under a second.
     */
    private DoubleList[] centreLineCrossings(Geometry region, int r0, int r1) {
        DoubleList[] out = new DoubleList[r1 - r0 + 1];
        for (int i = 0; i < out.length; i++) out[i] = new DoubleList();
        for (int p = 0; p < region.getNumGeometries(); p++) {
            Polygon poly = (Polygon) region.getGeometryN(p);
            addCrossings(poly.getExteriorRing(), r0, r1, out);
            for (int h = 0; h < poly.getNumInteriorRing(); h++) addCrossings(poly.getInteriorRingN(h), r0, r1, out);
        }
        return out;
    }

    private void addCrossings(LineString ring, int r0, int r1, DoubleList[] out) {
        CoordinateSequence seq = ring.getCoordinateSequence();
        for (int i = 0; i + 1 < seq.size(); i++) {
            double ax = seq.getX(i), ay = seq.getY(i), bx = seq.getX(i + 1), by = seq.getY(i + 1);
            if (ay == by) continue;
            double lo = Math.min(ay, by), hi = Math.max(ay, by);
            int first = Math.max(r0, (int) Math.floor((lo - minLat) / cellDeg - 0.5));
            for (int row = first; row <= r1; row++) {
                double y = centreLat(row);
                if (y >= hi) break;
                if ((ay > y) != (by > y)) out[row - r0].add(ax + (y - ay) * (bx - ax) / (by - ay));
            }
        }
    }

    @SuppressWarnings("ArrayRecordComponent") // private lookup entry; the edge array is built once and never exposed
    private record Entry(int region, boolean centreInside, double[] edges) {}

    private void addRing(LineString ring, Map<Integer, DoubleList> cellEdges) {
        CoordinateSequence seq = ring.getCoordinateSequence();
        // a little slack so that an edge running along a cell side is given to both cells
        double slack = cellDeg * 1e-6;
        for (int i = 0; i + 1 < seq.size(); i++) {
            double ax = seq.getX(i), ay = seq.getY(i), bx = seq.getX(i + 1), by = seq.getY(i + 1);
            if (ax == bx && ay == by) continue;
            int c0 = clampColumn(Math.min(ax, bx) - slack);
            int c1 = clampColumn(Math.max(ax, bx) + slack);
            int r0 = clampRow(Math.min(ay, by) - slack);
            int r1 = clampRow(Math.max(ay, by) + slack);
            for (int row = r0; row <= r1; row++) {
                double y0 = minLat + row * cellDeg - slack, y1 = y0 + cellDeg + 2 * slack;
                for (int col = c0; col <= c1; col++) {
                    double x0 = minLon + col * cellDeg - slack, x1 = x0 + cellDeg + 2 * slack;
                    if (segmentTouchesBox(ax, ay, bx, by, x0, y0, x1, y1)) {
                        cellEdges
                                .computeIfAbsent(row * columns + col, k -> new DoubleList())
                                .add4(ax, ay, bx, by);
                    }
                }
            }
        }
    }

    /** Liang–Barsky clip: does segment A–B meet the closed box? */
    private static boolean segmentTouchesBox(
            double ax, double ay, double bx, double by, double x0, double y0, double x1, double y1) {
        double t0 = 0, t1 = 1;
        double dx = bx - ax, dy = by - ay;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {ax - x0, x1 - ax, ay - y0, y1 - ay};
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) return false;
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    if (t > t1) return false;
                    if (t > t0) t0 = t;
                } else {
                    if (t < t0) return false;
                    if (t < t1) t1 = t;
                }
            }
        }
        return true;
    }

    private int clampColumn(double lon) {
        int c = (int) Math.floor((lon - minLon) / cellDeg);
        return Math.max(0, Math.min(columns - 1, c));
    }

    private int clampRow(double lat) {
        int r = (int) Math.floor((lat - minLat) / cellDeg);
        return Math.max(0, Math.min(rows - 1, r));
    }

    private double centreLon(int col) {
        return minLon + (col + 0.5) * cellDeg;
    }

    private double centreLat(int row) {
        return minLat + (row + 0.5) * cellDeg;
    }

    int regionCount() {
        return regionCount;
    }

    /** Cell index of a point, or -1 outside the grid (or NaN). */
    int cellOf(double lat, double lon) {
        double fx = (lon - minLon) / cellDeg;
        double fy = (lat - minLat) / cellDeg;
        // written so that NaN fails the test
        if (!(fx >= 0 && fx < columns && fy >= 0 && fy < rows)) return -1;
        return ((int) fy) * columns + (int) fx;
    }

    /** Whether the point is inside the area the grid covers. */
    boolean covers(double lat, double lon) {
        return cellOf(lat, lon) >= 0;
    }

    /** The lowest-numbered region containing the point, or -1. Allocation-free. */
    int first(double lat, double lon) {
        int cell = cellOf(lat, lon);
        if (cell < 0) return -1;
        for (int e = cellStart[cell], end = cellStart[cell + 1]; e < end; e++) {
            if (contains(cell, e, lat, lon)) return entryRegion[e];
        }
        return -1;
    }

    /** Calls {@code sink} with every region containing the point, in region order. Allocation-free. */
    void forEach(double lat, double lon, IntConsumer sink) {
        int cell = cellOf(lat, lon);
        if (cell < 0) return;
        for (int e = cellStart[cell], end = cellStart[cell + 1]; e < end; e++) {
            if (contains(cell, e, lat, lon)) sink.accept(entryRegion[e]);
        }
    }

    /** Whether one given region contains the point. Allocation-free. */
    boolean contains(int region, double lat, double lon) {
        int cell = cellOf(lat, lon);
        if (cell < 0) return false;
        for (int e = cellStart[cell], end = cellStart[cell + 1]; e < end; e++) {
            if (entryRegion[e] == region) return contains(cell, e, lat, lon);
        }
        return false;
    }

    // Entry-level access for callers that filter regions before the geometric test (zones check
    // level and schedule first) without a capturing callback.

    int entryBegin(int cell) {
        return cellStart[cell];
    }

    int entryEnd(int cell) {
        return cellStart[cell + 1];
    }

    int entryRegion(int entry) {
        return entryRegion[entry];
    }

    boolean entryContains(int cell, int entry, double lat, double lon) {
        return contains(cell, entry, lat, lon);
    }

    private boolean contains(int cell, int entry, double lat, double lon) {
        int col = cell % columns;
        int row = cell / columns;
        double cx = centreLon(col);
        double cy = centreLat(row);
        boolean inside = entryCentreInside[entry];
        for (int k = edgeStart[entry], end = edgeStart[entry + 1]; k < end; k++) {
            int o = 4 * k;
            if (crosses(cx, cy, lon, lat, edges[o], edges[o + 1], edges[o + 2], edges[o + 3])) inside = !inside;
        }
        return inside;
    }

    /** Does segment C–P cross edge A–B? Vertices on line C–P count as on its negative side. */
    private static boolean crosses(
            double cx, double cy, double px, double py, double ax, double ay, double bx, double by) {
        double dx = px - cx, dy = py - cy;
        boolean aLeft = dx * (ay - cy) - dy * (ax - cx) > 0;
        boolean bLeft = dx * (by - cy) - dy * (bx - cx) > 0;
        if (aLeft == bLeft) return false;
        double ex = bx - ax, ey = by - ay;
        boolean cLeft = ex * (cy - ay) - ey * (cx - ax) > 0;
        boolean pLeft = ex * (py - ay) - ey * (px - ax) > 0;
        return cLeft != pLeft;
    }

    /** Growable primitive list used at build time only. */
    private static final class DoubleList {
        private double[] a = new double[16];
        private int n;

        void add4(double x1, double y1, double x2, double y2) {
            if (n + 4 > a.length) a = Arrays.copyOf(a, a.length * 2);
            a[n++] = x1;
            a[n++] = y1;
            a[n++] = x2;
            a[n++] = y2;
        }

        void add(double x) {
            if (n + 1 > a.length) a = Arrays.copyOf(a, a.length * 2);
            a[n++] = x;
        }

        double[] toArray() {
            return Arrays.copyOf(a, n);
        }

        double[] sorted() {
            double[] s = toArray();
            Arrays.sort(s);
            return s;
        }
    }
}
