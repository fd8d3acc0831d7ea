package org.vigil.core.track;

/**
 * Spatial hash of tracks for gating candidates: the plane is cut into square cells; a detection
 * only looks at tracks in its own and the 8 neighbouring cells, so gating costs O(local density),
 * not O(tracks). Cells hash into a fixed bucket table (colliding cells merely add candidates, the
 * gate rejects them). Tracks are doubly linked per bucket by slot: insert, remove and move are
 * O(1) and allocate nothing (arrays grow with the pool only).
 *
 * <p>Invariant: the cell size is larger than any gate radius plus the distance a track moves
 * between two refreshes (the tracker re-buckets every track by its extrapolated position at each
 * sweep), so no gated pair is missed.
 */
final class TrackGrid {
    private static final int BUCKETS = 1 << 14;
    private final double cell;
    private final int[] head = new int[BUCKETS];
    private int[] next = new int[256];
    private int[] prev = new int[256];
    private int[] bucketOf = new int[256];

    TrackGrid(double cellMetres) {
        this.cell = cellMetres;
        java.util.Arrays.fill(head, -1);
        java.util.Arrays.fill(bucketOf, -1);
    }

    private void ensure(int slot) {
        if (slot >= next.length) {
            int cap = Math.max(slot + 1, next.length * 2);
            next = java.util.Arrays.copyOf(next, cap);
            prev = java.util.Arrays.copyOf(prev, cap);
            int old = bucketOf.length;
            bucketOf = java.util.Arrays.copyOf(bucketOf, cap);
            java.util.Arrays.fill(bucketOf, old, cap, -1);
        }
    }

    int cellIndex(double v) {
        double c = Math.floor(v / cell);
        if (c > 1e6) return 1_000_000;
        if (c < -1e6) return -1_000_000;
        return (int) c;
    }

    static int bucket(int cx, int cy) {
        int h = cx * 0x9E3779B1 + cy * 0x85EBCA77;
        h ^= h >>> 15;
        return h & (BUCKETS - 1);
    }

    /** Puts (or moves) {@code slot} at plane position (x, y). */
    void place(int slot, double x, double y) {
        ensure(slot);
        int b = bucket(cellIndex(x), cellIndex(y));
        if (bucketOf[slot] == b) return;
        remove(slot);
        bucketOf[slot] = b;
        prev[slot] = -1;
        next[slot] = head[b];
        if (head[b] >= 0) prev[head[b]] = slot;
        head[b] = slot;
    }

    void remove(int slot) {
        if (slot >= bucketOf.length) return;
        int b = bucketOf[slot];
        if (b < 0) return;
        int p = prev[slot];
        int n = next[slot];
        if (p >= 0) next[p] = n;
        else head[b] = n;
        if (n >= 0) prev[n] = p;
        bucketOf[slot] = -1;
    }

    /**
     * Writes the slots of tracks in the 3x3 cells around (x, y) into {@code out} from index 0,
     * returns the count (duplicates possible when neighbouring cells share a bucket: callers dedupe
     * with their own per-batch stamp). {@code out} grows if needed and is returned via {@link #buffer}.
     */
    int candidates(double x, double y, int[] out) {
        int cx = cellIndex(x);
        int cy = cellIndex(y);
        int n = 0;
        buffer = out;
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                int b = bucket(cx + dx, cy + dy);
                for (int s = head[b]; s >= 0; s = next[s]) {
                    if (n == buffer.length) buffer = java.util.Arrays.copyOf(buffer, n * 2);
                    buffer[n++] = s;
                }
            }
        }
        return n;
    }

    /** The (possibly grown) output array of the last {@link #candidates} call. */
    int[] buffer;
}
