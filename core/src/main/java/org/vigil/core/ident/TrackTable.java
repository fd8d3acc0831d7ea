package org.vigil.core.ident;

/**
 * Track number to {@link TrackIdentity}: open addressing with linear probing and backward-shift
 * deletion, so lookups, inserts (below the growth threshold) and removals allocate nothing and
 * leave no tombstones. A null value marks a free slot, so every int is a valid track number.
 *
 * <p>Invariant: size &lt;= 1/2 of the capacity (grows by doubling, which allocates once).
 */
final class TrackTable {
    private int[] keys;
    private TrackIdentity[] values;
    private int size;

    TrackTable(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        keys = new int[cap];
        values = new TrackIdentity[cap];
    }

    int size() {
        return size;
    }

    TrackIdentity get(int key) {
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            int k = keys[i];
            if (k == key && values[i] != null) return values[i];
            if (values[i] == null) return null;
        }
    }

    void put(int key, TrackIdentity v) {
        if ((size + 1) * 2 > keys.length) grow();
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (values[i] == null) {
                keys[i] = key;
                values[i] = v;
                size++;
                return;
            }
            if (keys[i] == key) {
                values[i] = v;
                return;
            }
        }
    }

    TrackIdentity remove(int key) {
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (values[i] != null && keys[i] != key) i = (i + 1) & mask;
        if (values[i] == null) return null;
        TrackIdentity old = values[i];
        // backward shift: move later entries of the probe run into the hole when their home allows it
        int hole = i;
        for (int j = (i + 1) & mask; values[j] != null; j = (j + 1) & mask) {
            int home = mix(keys[j]) & mask;
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        keys[hole] = 0;
        values[hole] = null;
        size--;
        return old;
    }

    /** Calls {@code action} for every entry, in slot order (deterministic for a given history). */
    void forEach(java.util.function.Consumer<TrackIdentity> action) {
        for (TrackIdentity v : values) if (v != null) action.accept(v);
    }

    private void grow() {
        int[] ok = keys;
        TrackIdentity[] ov = values;
        keys = new int[ok.length * 2];
        values = new TrackIdentity[ov.length * 2];
        size = 0;
        for (int i = 0; i < ok.length; i++) if (ov[i] != null) put(ok[i], ov[i]);
    }

    private static int mix(int k) {
        int h = k * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
