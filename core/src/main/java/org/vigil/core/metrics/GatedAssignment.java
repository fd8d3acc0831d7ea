package org.vigil.core.metrics;

import java.util.Arrays;
import org.vigil.core.geo.Wgs84;

/**
 * The per-instant optimal track-to-truth assignment with a gate at the cut-off c, which is also
 * the assignment that realises both OSPA and GOSPA (α = 2) at that instant.
 *
 * <p>Why it may be split: with costs min(d, c)^p, a pair at d ≥ c costs exactly what leaving both
 * ends unassigned costs (c^p = c^p/2 + c^p/2), so only pairs with d &lt; c matter. The bipartite
 * graph of those pairs falls apart into connected components, and the optimum is the sum of the
 * optima of the components. A picture of thousands of aircraft thus becomes many tiny problems
 * instead of one cubic one. Candidate pairs come from a sweep over truths sorted by ECEF x: two
 * points can only be closer than c if their x differ by less than c.
 *
 * <p>Positions are ECEF points on the ellipsoid surface ({@link DistanceMode}). Reusable; arrays
 * grow to the largest instant and are kept. Not thread-safe.
 */
final class GatedAssignment {
    /** No partner. */
    static final int NONE = -1;

    private static final double X_OFFSET_M = 7_000_000.0; // makes ECEF x non-negative for the sort key

    private final double cutoff;
    private final double order;
    private final double cutoffPow;
    private final boolean slant;
    private final AssignmentSolver solver = new AssignmentSolver();

    /** Results: index of the partner on the other side, or NONE, and the distance of the pair. */
    int[] truthOfTrack = new int[0];

    int[] trackOfTruth = new int[0];
    double[] pairDistance = new double[0]; // by truth index

    private long[] sortedTruths = new long[0];
    private int[] edgeTrack = new int[16];
    private int[] edgeTruth = new int[16];
    private double[] edgeDist = new double[16];
    private int edges;
    private int[] parent = new int[0];
    private int[] componentOf = new int[0];
    private int[] nodeStart = new int[0];
    private int[] nodeOrder = new int[0];
    private int[] edgeStart = new int[0];
    private int[] edgeOrder = new int[0];
    private int[] localIndex = new int[0];
    private double[] cost = new double[0];
    private double[] dist = new double[0];
    private int[] match = new int[0];
    private int[] localTrack = new int[0];
    private int[] localTruth = new int[0];

    GatedAssignment(double cutoff, double order, DistanceMode mode) {
        this.cutoff = cutoff;
        this.order = order;
        this.cutoffPow = Math.pow(cutoff, order);
        this.slant = mode == DistanceMode.SLANT;
    }

    /**
     * Assigns tracks to truths. Positions are packed x, y, z per object (ECEF at height 0, metres);
     * altitudes may be NaN.
     */
    void solve(double[] trackXyz, double[] trackAlt, int tracks, double[] truthXyz, double[] truthAlt, int truths) {
        if (truthOfTrack.length < tracks) truthOfTrack = new int[Math.max(tracks, 2 * truthOfTrack.length)];
        if (trackOfTruth.length < truths) {
            int n = Math.max(truths, 2 * trackOfTruth.length);
            trackOfTruth = new int[n];
            pairDistance = new double[n];
            sortedTruths = new long[n];
        }
        Arrays.fill(truthOfTrack, 0, tracks, NONE);
        Arrays.fill(trackOfTruth, 0, truths, NONE);
        Arrays.fill(pairDistance, 0, truths, Double.NaN);
        findCandidatePairs(trackXyz, trackAlt, tracks, truthXyz, truthAlt, truths);
        if (edges == 0) return;
        groupIntoComponents(tracks, truths);
    }

    double distance(double[] a, double[] aAlt, int i, double[] b, double[] bAlt, int j) {
        double dx = a[3 * i] - b[3 * j], dy = a[3 * i + 1] - b[3 * j + 1], dz = a[3 * i + 2] - b[3 * j + 2];
        double s = dx * dx + dy * dy + dz * dz;
        if (slant) {
            double dh = aAlt[i] - bAlt[j];
            if (!Double.isNaN(dh)) s += dh * dh; // NaN altitude on either side: horizontal only
        }
        return Math.sqrt(s);
    }

    private void findCandidatePairs(
            double[] trackXyz, double[] trackAlt, int tracks, double[] truthXyz, double[] truthAlt, int truths) {
        edges = 0;
        // Sort key: whole metres of (x + offset) in the high 32 bits, truth index in the low 32.
        for (int j = 0; j < truths; j++) sortedTruths[j] = (xKey(truthXyz[3 * j]) << 32) | j;
        Arrays.sort(sortedTruths, 0, truths);
        long reach = (long) Math.ceil(cutoff) + 1;
        for (int i = 0; i < tracks; i++) {
            long kx = xKey(trackXyz[3 * i]);
            int from = lowerBound(truths, (kx - reach) << 32);
            for (int k = from; k < truths; k++) {
                long key = sortedTruths[k];
                if ((key >>> 32) > kx + reach) break;
                int j = (int) key;
                double d = distance(trackXyz, trackAlt, i, truthXyz, truthAlt, j);
                if (d < cutoff) addEdge(i, j, d);
            }
        }
    }

    private static long xKey(double x) {
        return (long) Math.floor(x + X_OFFSET_M);
    }

    private int lowerBound(int n, long key) {
        int lo = 0, hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sortedTruths[mid] < key) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private void addEdge(int track, int truth, double d) {
        if (edges == edgeTrack.length) {
            edgeTrack = Arrays.copyOf(edgeTrack, 2 * edges);
            edgeTruth = Arrays.copyOf(edgeTruth, 2 * edges);
            edgeDist = Arrays.copyOf(edgeDist, 2 * edges);
        }
        edgeTrack[edges] = track;
        edgeTruth[edges] = truth;
        edgeDist[edges] = d;
        edges++;
    }

    /** Nodes 0..tracks-1 are tracks, tracks..tracks+truths-1 truths. */
    private void groupIntoComponents(int tracks, int truths) {
        int nodes = tracks + truths;
        if (parent.length < nodes) {
            int n = Math.max(nodes, 2 * parent.length);
            parent = new int[n];
            componentOf = new int[n];
            nodeStart = new int[n + 1];
            nodeOrder = new int[n];
            localIndex = new int[n];
        }
        for (int v = 0; v < nodes; v++) parent[v] = v;
        for (int e = 0; e < edges; e++) union(edgeTrack[e], tracks + edgeTruth[e]);
        // Number the components that have at least one edge; isolated nodes stay unassigned.
        Arrays.fill(componentOf, 0, nodes, NONE);
        int components = 0;
        for (int e = 0; e < edges; e++) {
            int root = find(edgeTrack[e]);
            if (componentOf[root] == NONE) componentOf[root] = components++;
        }
        // Counting sort of nodes and edges by component, so each component is contiguous.
        Arrays.fill(nodeStart, 0, components + 1, 0);
        for (int v = 0; v < nodes; v++) {
            int c = componentOf[find(v)];
            if (c != NONE) nodeStart[c + 1]++;
        }
        for (int c = 0; c < components; c++) nodeStart[c + 1] += nodeStart[c];
        if (edgeStart.length < components + 1) edgeStart = new int[Math.max(components + 1, 2 * edgeStart.length)];
        if (edgeOrder.length < edges) edgeOrder = new int[Math.max(edges, 2 * edgeOrder.length)];
        Arrays.fill(edgeStart, 0, components + 1, 0);
        for (int e = 0; e < edges; e++) edgeStart[componentOf[find(edgeTrack[e])] + 1]++;
        for (int c = 0; c < components; c++) edgeStart[c + 1] += edgeStart[c];
        // Fill using a moving cursor (localIndex doubles as the cursor array before it is used).
        int[] nodeCursor = localIndex;
        System.arraycopy(nodeStart, 0, nodeCursor, 0, components);
        for (int v = 0; v < nodes; v++) {
            int c = componentOf[find(v)];
            if (c != NONE) nodeOrder[nodeCursor[c]++] = v;
        }
        if (match.length < components) match = new int[Math.max(components, 2 * match.length)];
        int[] edgeCursor = match;
        System.arraycopy(edgeStart, 0, edgeCursor, 0, components);
        for (int e = 0; e < edges; e++) edgeOrder[edgeCursor[componentOf[find(edgeTrack[e])]]++] = e;
        for (int c = 0; c < components; c++) solveComponent(tracks, c);
    }

    private void solveComponent(int tracks, int c) {
        int e0 = edgeStart[c], e1 = edgeStart[c + 1];
        if (e1 - e0 == 1) { // one pair closer than c and nothing else near: assign it
            int e = edgeOrder[e0];
            assign(edgeTrack[e], edgeTruth[e], edgeDist[e]);
            return;
        }
        int rows = 0, cols = 0;
        for (int k = nodeStart[c]; k < nodeStart[c + 1]; k++) {
            int v = nodeOrder[k];
            if (v < tracks) {
                if (localTrack.length <= rows) localTrack = Arrays.copyOf(localTrack, 2 * rows + 4);
                localIndex[v] = rows;
                localTrack[rows++] = v;
            } else {
                if (localTruth.length <= cols) localTruth = Arrays.copyOf(localTruth, 2 * cols + 4);
                localIndex[v] = cols;
                localTruth[cols++] = v - tracks;
            }
        }
        int n = rows * cols;
        if (cost.length < n) {
            cost = new double[Math.max(n, 2 * cost.length)];
            dist = new double[cost.length];
        }
        Arrays.fill(cost, 0, n, cutoffPow);
        Arrays.fill(dist, 0, n, Double.POSITIVE_INFINITY);
        for (int k = e0; k < e1; k++) {
            int e = edgeOrder[k];
            int cell = localIndex[edgeTrack[e]] * cols + localIndex[tracks + edgeTruth[e]];
            cost[cell] = Math.pow(edgeDist[e], order);
            dist[cell] = edgeDist[e];
        }
        if (match.length < rows) match = Arrays.copyOf(match, Math.max(rows, 2 * match.length));
        // match doubled as the edge cursor above; all components' edges are already placed.
        solver.solve(cost, rows, cols, match);
        for (int r = 0; r < rows; r++) {
            int col = match[r];
            if (col >= 0 && dist[r * cols + col] < cutoff) assign(localTrack[r], localTruth[col], dist[r * cols + col]);
        }
    }

    private void assign(int track, int truth, double d) {
        truthOfTrack[track] = truth;
        trackOfTruth[truth] = track;
        pairDistance[truth] = d;
    }

    private int find(int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]]; // path halving
            v = parent[v];
        }
        return v;
    }

    private void union(int a, int b) {
        int ra = find(a), rb = find(b);
        if (ra != rb) parent[ra] = rb;
    }

    /** Converts a WGS-84 geodetic latitude/longitude to ECEF on the ellipsoid surface. */
    static void toSurfaceEcef(double latDeg, double lonDeg, double[] out, int index) {
        double lat = Math.toRadians(latDeg), lon = Math.toRadians(lonDeg);
        double sl = Math.sin(lat), cl = Math.cos(lat);
        double n = WGS84_A / Math.sqrt(1 - WGS84_E2 * sl * sl);
        out[3 * index] = n * cl * Math.cos(lon);
        out[3 * index + 1] = n * cl * Math.sin(lon);
        out[3 * index + 2] = n * (1 - WGS84_E2) * sl;
    }

    /** WGS-84 semi-major axis (m) and first eccentricity squared. */
    static final double WGS84_A = Wgs84.A;

    static final double WGS84_E2 = 6.69437999014e-3;
}
