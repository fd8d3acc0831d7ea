package org.vigil.core.track;

/**
 * ICAO 24-bit address to track slot: open addressing with linear probing and backward-shift
 * deletion, primitive keys, no boxing. Never iterated, so its order cannot leak into the output.
 */
final class IcaoIndex {
    private static final int EMPTY = -1;
    private int[] keys = new int[1024];
    private int[] values = new int[1024];
    private int size;

    IcaoIndex() {
        java.util.Arrays.fill(keys, EMPTY);
    }

    private static int hash(int k) {
        int h = k * 0x9E3779B1;
        return h ^ (h >>> 16);
    }

    int get(int icao) {
        int mask = keys.length - 1;
        for (int i = hash(icao) & mask; ; i = (i + 1) & mask) {
            int k = keys[i];
            if (k == EMPTY) return -1;
            if (k == icao) return values[i];
        }
    }

    void put(int icao, int slot) {
        if ((size + 1) * 2 > keys.length) grow();
        int mask = keys.length - 1;
        for (int i = hash(icao) & mask; ; i = (i + 1) & mask) {
            int k = keys[i];
            if (k == EMPTY) {
                keys[i] = icao;
                values[i] = slot;
                size++;
                return;
            }
            if (k == icao) {
                values[i] = slot;
                return;
            }
        }
    }

    /** Removes {@code icao} if it maps to {@code slot}. */
    void remove(int icao, int slot) {
        int mask = keys.length - 1;
        int i = hash(icao) & mask;
        while (true) {
            int k = keys[i];
            if (k == EMPTY) return;
            if (k == icao) break;
            i = (i + 1) & mask;
        }
        if (values[i] != slot) return;
        // backward-shift deletion keeps probe chains intact without tombstones
        int hole = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            int k = keys[j];
            if (k == EMPTY) break;
            int home = hash(k) & mask;
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                keys[hole] = k;
                values[hole] = values[j];
                hole = j;
            }
        }
        keys[hole] = EMPTY;
        size--;
    }

    int size() {
        return size;
    }

    private void grow() {
        int[] ok = keys;
        int[] ov = values;
        keys = new int[ok.length * 2];
        values = new int[ok.length * 2];
        java.util.Arrays.fill(keys, EMPTY);
        size = 0;
        for (int i = 0; i < ok.length; i++) if (ok[i] != EMPTY) put(ok[i], ov[i]);
    }
}
