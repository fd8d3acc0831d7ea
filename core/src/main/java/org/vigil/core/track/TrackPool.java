package org.vigil.core.track;

/**
 * The tracker's track storage: pooled {@link SystemTrack}s by slot, a free list, and the spatial
 * {@link TrackGrid} that finds the tracks near a detection. Slots freed are reused
 * last-freed-first, so slot numbers (and the order tracks are visited in) depend only on the
 * input. Grows with the number of simultaneous tracks, then allocates nothing. Not thread-safe.
 */
final class TrackPool {
    private final AreaProjection projection;
    private final int models;
    private final TrackGrid grid;
    private SystemTrack[] tracks = new SystemTrack[256];
    private int slotCount;
    private int[] freeSlots = new int[256];
    private int freeCount;
    private int live;
    private int[] near = new int[256];

    TrackPool(AreaProjection projection, int models, double gridCellMetres) {
        this.projection = projection;
        this.models = models;
        this.grid = new TrackGrid(gridCellMetres);
    }

    /** A cleared track in a free (or new) slot, counted live. */
    SystemTrack allocate() {
        live++;
        if (freeCount > 0) {
            SystemTrack t = tracks[freeSlots[--freeCount]];
            t.clear();
            return t;
        }
        if (slotCount == tracks.length) tracks = java.util.Arrays.copyOf(tracks, slotCount * 2);
        SystemTrack t = new SystemTrack(slotCount, projection, models);
        tracks[slotCount++] = t;
        return t;
    }

    /** Takes {@code t} off the grid, clears it and frees its slot. */
    void release(SystemTrack t) {
        grid.remove(t.slot);
        t.clear();
        if (freeCount == freeSlots.length) freeSlots = java.util.Arrays.copyOf(freeSlots, freeCount * 2);
        freeSlots[freeCount++] = t.slot;
        live--;
    }

    /** Puts (or moves) {@code t} on the grid at plane position (x, y). */
    void place(SystemTrack t, double x, double y) {
        grid.place(t.slot, x, y);
    }

    /**
     * Gathers the slots of the tracks in the grid cells around (x, y) (possibly with duplicates,
     * see {@link TrackGrid#candidates}); returns their number. Read them with {@link #near}.
     */
    int gatherNear(double x, double y) {
        int n = grid.candidates(x, y, near);
        near = grid.buffer;
        return n;
    }

    /** The {@code i}-th slot of the last {@link #gatherNear}. */
    int near(int i) {
        return near[i];
    }

    /** The track in {@code slot} (possibly free). */
    SystemTrack get(int slot) {
        return tracks[slot];
    }

    /** Number of slots ever used. */
    int slotCount() {
        return slotCount;
    }

    /** Live (tentative and confirmed) tracks. */
    int live() {
        return live;
    }
}
