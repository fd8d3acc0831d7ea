package org.vigil.core.track;

/**
 * The default {@link DataAssociator}: global nearest neighbour data association for one batch (a scan sector of one radar, or one
 * report): from the gated (track, detection, cost) pairs, choose the set of pairings with the lowest
 * total cost, where every track takes at most one detection and every detection joins at most one
 * track, and leaving a track or a detection unpaired costs {@code missCost} each.
 *
 * <p>Clustering keeps this near linear: tracks and detections are nodes, gated pairs are edges, and
 * each connected component (union-find) is solved on its own with the {@link HungarianSolver} on an
 * (nt + nd) square matrix padded with the "unpaired" alternatives. Isolated pairs (the common case)
 * skip the solver. Clusters are solved in order of their smallest node, so the result is
 * deterministic.
 *
 * <p>Usage per batch: {@link #begin}, {@link #addPair} for each gated pair, {@link #solve}; then
 * {@link #trackOf(int)} per detection. Reusable, allocation-free after warm-up. Not thread-safe.
 */
public final class GnnAssociator implements DataAssociator {
    private final HungarianSolver solver = new HungarianSolver();
    private int nt;
    private int nd;
    private int np;
    private double missCost;
    private int[] pairT = new int[64];
    private int[] pairD = new int[64];
    private double[] pairC = new double[64];
    private int[] parent = new int[64];
    private int[] detToTrack = new int[32];
    private int[] clusterHead = new int[64];
    private int[] pairNext = new int[64];
    private int[] localT = new int[64];
    private int[] localD = new int[64];
    private int[] nodeLocal = new int[64];
    private double[] matrix = new double[64];
    private int[] rowToCol = new int[16];
    private long clustersSolved;
    private long largestCluster;

    /** Starts a batch of {@code tracks} candidate tracks and {@code detections} detections. */
    @Override
    public void begin(int tracks, int detections, double missCostEach) {
        nt = tracks;
        nd = detections;
        np = 0;
        missCost = missCostEach;
        int nodes = tracks + detections;
        if (parent.length < nodes) {
            int cap = Math.max(nodes, parent.length * 2);
            parent = new int[cap];
            clusterHead = new int[cap];
            nodeLocal = new int[cap];
        }
        if (detToTrack.length < detections) detToTrack = new int[Math.max(detections, detToTrack.length * 2)];
        for (int i = 0; i < nodes; i++) parent[i] = i;
        for (int d = 0; d < detections; d++) detToTrack[d] = -1;
    }

    /** A gated pair with its cost (smaller is better; must be below 2 x missCost to ever be chosen). */
    @Override
    public void addPair(int track, int detection, double cost) {
        if (np == pairT.length) {
            int cap = np * 2;
            pairT = java.util.Arrays.copyOf(pairT, cap);
            pairD = java.util.Arrays.copyOf(pairD, cap);
            pairC = java.util.Arrays.copyOf(pairC, cap);
            pairNext = java.util.Arrays.copyOf(pairNext, cap);
        }
        pairT[np] = track;
        pairD[np] = detection;
        pairC[np] = cost;
        np++;
        union(track, nt + detection);
    }

    private int find(int a) {
        while (parent[a] != a) {
            parent[a] = parent[parent[a]];
            a = parent[a];
        }
        return a;
    }

    private void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) return;
        // smaller index becomes the root: deterministic, and the root is the cluster's first node
        if (ra < rb) parent[rb] = ra;
        else parent[ra] = rb;
    }

    /** Solves all clusters. */
    @Override
    public void solve() {
        int nodes = nt + nd;
        for (int i = 0; i < nodes; i++) clusterHead[i] = -1;
        // bucket pairs by cluster root (reverse order so that lists come out in insertion order)
        for (int k = np - 1; k >= 0; k--) {
            int root = find(pairT[k]);
            pairNext[k] = clusterHead[root];
            clusterHead[root] = k;
        }
        for (int root = 0; root < nodes; root++) {
            int head = clusterHead[root];
            if (head < 0) continue;
            if (pairNext[head] < 0) {
                // one pair only: pair it if cheaper than leaving both unpaired
                if (pairC[head] < 2 * missCost) detToTrack[pairD[head]] = pairT[head];
                continue;
            }
            solveCluster(head);
        }
    }

    private void solveCluster(int head) {
        // collect the cluster's tracks and detections (local numbering in order of first appearance)
        int ct = 0;
        int cd = 0;
        for (int k = head; k >= 0; k = pairNext[k]) {
            int t = pairT[k];
            int dNode = nt + pairD[k];
            nodeLocal[t] = -1;
            nodeLocal[dNode] = -1;
        }
        for (int k = head; k >= 0; k = pairNext[k]) {
            int t = pairT[k];
            int dNode = nt + pairD[k];
            if (nodeLocal[t] < 0) {
                if (ct == localT.length) localT = java.util.Arrays.copyOf(localT, ct * 2);
                nodeLocal[t] = ct;
                localT[ct++] = t;
            }
            if (nodeLocal[dNode] < 0) {
                if (cd == localD.length) localD = java.util.Arrays.copyOf(localD, cd * 2);
                nodeLocal[dNode] = cd;
                localD[cd++] = pairD[k];
            }
        }
        int n = ct + cd;
        if (matrix.length < n * n) matrix = new double[Math.max(n * n, matrix.length * 2)];
        if (rowToCol.length < n) rowToCol = new int[Math.max(n, rowToCol.length * 2)];
        java.util.Arrays.fill(matrix, 0, n * n, HungarianSolver.FORBIDDEN);
        // rows: tracks then dummy rows; columns: detections then dummy columns
        for (int k = head; k >= 0; k = pairNext[k]) {
            int row = nodeLocal[pairT[k]];
            int col = nodeLocal[nt + pairD[k]];
            matrix[row * n + col] = pairC[k];
        }
        for (int t = 0; t < ct; t++) matrix[t * n + cd + t] = missCost;
        for (int d = 0; d < cd; d++) {
            matrix[(ct + d) * n + d] = missCost;
            for (int t = 0; t < ct; t++) matrix[(ct + d) * n + cd + t] = 0;
        }
        solver.solve(matrix, n, n, rowToCol);
        for (int t = 0; t < ct; t++) {
            int col = rowToCol[t];
            if (col < cd && matrix[t * n + col] < HungarianSolver.FORBIDDEN) detToTrack[localD[col]] = localT[t];
        }
        clustersSolved++;
        if (n > largestCluster) largestCluster = n;
    }

    /** The track paired with detection {@code d} after {@link #solve}, or -1. */
    @Override
    public int trackOf(int d) {
        return detToTrack[d];
    }

    /** Clusters that needed the Hungarian solver since construction. */
    @Override
    public long clustersSolved() {
        return clustersSolved;
    }

    /** Largest padded matrix size solved (tracks + detections of one cluster). */
    public long largestCluster() {
        return largestCluster;
    }
}
