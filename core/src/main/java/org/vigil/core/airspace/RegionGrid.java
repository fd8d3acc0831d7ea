package org.vigil.core.airspace;

import java.util.Arrays;
import java.util.List;
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

        // Entries (cell, region, centre inside, edges) are collected region by region in flat
        // primitive lists, then ordered by cell with a stable counting sort (so region order holds
        // within a cell). No per-cell objects: building all of Europe (1.8 M cells, a million
        // vertices) takes well under a second.
        IntList entryCells = new IntList();
        IntList entryRegions = new IntList();
        IntList entryInside = new IntList();
        IntList entryEdgeFrom = new IntList(); // index into collected, in edges (4 doubles each)
        DoubleList collected = new DoubleList();
        for (int r = 0; r < regions.size(); r++) {
            Geometry region = regions.get(r);
            if (region == null || region.isEmpty()) continue;
            if (!(region instanceof Polygonal)) {
                throw new IllegalArgumentException("region " + r + " is not polygonal: " + region.getGeometryType());
            }
            Envelope env = region.getEnvelopeInternal();
            if (env.getMaxX() < minLon
                    || env.getMinX() > minLon + columns * cellDeg
                    || env.getMaxY() < minLat
                    || env.getMinY() > minLat + rows * cellDeg) continue;
            // (cell << 31 | edge) for every cell an edge touches, sorted: the edges of each cell in a run
            DoubleList regionEdges = new DoubleList();
            LongList cellEdge = new LongList();
            for (int p = 0; p < region.getNumGeometries(); p++) {
                Polygon poly = (Polygon) region.getGeometryN(p);
                addRing(poly.getExteriorRing(), regionEdges, cellEdge);
                for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                    addRing(poly.getInteriorRingN(h), regionEdges, cellEdge);
                }
            }
            long[] keys = cellEdge.sorted();
            int k = 0;
            int c0 = clampColumn(env.getMinX());
            int c1 = clampColumn(env.getMaxX());
            int r0 = clampRow(env.getMinY());
            int r1 = clampRow(env.getMaxY());
            DoubleList[] centreCrossings = centreLineCrossings(region, r0, r1);
            for (int row = r0; row <= r1; row++) {
                double[] xs = centreCrossings[row - r0].sorted();
                int right = 0; // crossings left of or at the current centre
                for (int col = c0; col <= c1; col++) {
                    int cell = row * columns + col;
                    while (k < keys.length && (keys[k] >>> 31) < cell) k++;
                    int runEnd = k;
                    while (runEnd < keys.length && (keys[runEnd] >>> 31) == cell) runEnd++;
                    double cx = centreLon(col);
                    while (right < xs.length && xs[right] <= cx) right++;
                    // even-odd ray cast towards +lon: the centre is inside iff an odd number of edges
                    // cross to its right
                    boolean inside = ((xs.length - right) & 1) == 1;
                    if (runEnd == k && !inside) continue;
                    entryCells.add(cell);
                    entryRegions.add(r);
                    entryInside.add(inside ? 1 : 0);
                    entryEdgeFrom.add(collected.size() / 4);
                    for (; k < runEnd; k++) {
                        int e = (int) (keys[k] & 0x7FFF_FFFFL);
                        collected.add4(
                                regionEdges.get(4 * e),
                                regionEdges.get(4 * e + 1),
                                regionEdges.get(4 * e + 2),
                                regionEdges.get(4 * e + 3));
                    }
                }
            }
        }
        int entryCount = entryCells.size();
        entryEdgeFrom.add(collected.size() / 4); // end of the last entry's edges

        cellStart = new int[cells + 1];
        for (int i = 0; i < entryCount; i++) cellStart[entryCells.get(i) + 1]++;
        for (int i = 0; i < cells; i++) cellStart[i + 1] += cellStart[i];
        int[] slot = new int[entryCount]; // entry (collection order) -> position in cell order
        int[] fill = Arrays.copyOf(cellStart, cells);
        for (int i = 0; i < entryCount; i++) slot[i] = fill[entryCells.get(i)]++;
        int[] bySlot = new int[entryCount];
        for (int i = 0; i < entryCount; i++) bySlot[slot[i]] = i;

        entryRegion = new int[entryCount];
        entryCentreInside = new boolean[entryCount];
        edgeStart = new int[entryCount + 1];
        edges = new double[collected.size()];
        int edge = 0;
        for (int e = 0; e < entryCount; e++) {
            int i = bySlot[e];
            entryRegion[e] = entryRegions.get(i);
            entryCentreInside[e] = entryInside.get(i) == 1;
            edgeStart[e] = edge / 4;
            int from = 4 * entryEdgeFrom.get(i);
            int length = 4 * entryEdgeFrom.get(i + 1) - from;
            collected.copyTo(from, edges, edge, length);
            edge += length;
        }
        edgeStart[entryCount] = edge / 4;
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

    /** Adds the ring's edges to {@code edges} and a (cell, edge) key for every cell each touches. */
    private void addRing(LineString ring, DoubleList edges, LongList cellEdge) {
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
            int edge = -1;
            for (int row = r0; row <= r1; row++) {
                double y0 = minLat + row * cellDeg - slack, y1 = y0 + cellDeg + 2 * slack;
                for (int col = c0; col <= c1; col++) {
                    double x0 = minLon + col * cellDeg - slack, x1 = x0 + cellDeg + 2 * slack;
                    if (segmentTouchesBox(ax, ay, bx, by, x0, y0, x1, y1)) {
                        if (edge < 0) {
                            edge = edges.size() / 4;
                            edges.add4(ax, ay, bx, by);
                        }
                        cellEdge.add(((long) (row * columns + col) << 31) | edge);
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

        double get(int i) {
            return a[i];
        }

        int size() {
            return n;
        }

        void copyTo(int from, double[] dst, int at, int length) {
            System.arraycopy(a, from, dst, at, length);
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

    /** Growable primitive list used at build time only. */
    private static final class IntList {
        private int[] a = new int[16];
        private int n;

        void add(int v) {
            if (n == a.length) a = Arrays.copyOf(a, a.length * 2);
            a[n++] = v;
        }

        int get(int i) {
            return a[i];
        }

        int size() {
            return n;
        }
    }

    /** Growable primitive list used at build time only. */
    private static final class LongList {
        private long[] a = new long[16];
        private int n;

        void add(long v) {
            if (n == a.length) a = Arrays.copyOf(a, a.length * 2);
            a[n++] = v;
        }

        long[] sorted() {
            long[] s = Arrays.copyOf(a, n);
            Arrays.sort(s);
            return s;
        }
    }
}
