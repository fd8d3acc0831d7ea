package org.vigil.codec.asterix;

import java.util.Arrays;

/**
 * A reusable view of one decoded record: the buffer plus where each UAP item starts and how long
 * it is. Filled by {@link AsterixDecoder} without allocation; valid only until the next record.
 * Invariant: for every UAP index i, {@code offset[i] < 0} (absent) or
 * {@code [offset[i], offset[i] + length[i])} lies inside {@code [start, end)}.
 */
public final class AsterixRecord {
    private CategorySpec spec;
    private byte[] buf;
    private int start;
    private int end;
    private int blockEnd;
    private int fspecLength;
    private int[] offset = new int[0];
    private int[] length = new int[0];

    /** Prepares for a record of {@code spec} starting at {@code start} in a block ending at blockEnd. */
    void begin(CategorySpec spec, byte[] buf, int start, int blockEnd) {
        if (this.spec != spec) {
            this.spec = spec;
            if (offset.length < spec.uapSize()) {
                offset = new int[spec.uapSize()];
                length = new int[spec.uapSize()];
            }
        }
        Arrays.fill(offset, -1);
        this.buf = buf;
        this.start = start;
        this.end = start;
        this.blockEnd = blockEnd;
    }

    void fspec(int n) {
        fspecLength = n;
    }

    void item(int index, int off, int len) {
        offset[index] = off;
        length[index] = len;
    }

    void end(int end) {
        this.end = end;
    }

    public CategorySpec spec() {
        return spec;
    }

    public int category() {
        return spec.category;
    }

    public byte[] buffer() {
        return buf;
    }

    /** Offset of the record's first octet (its FSPEC) in {@link #buffer()}. */
    public int start() {
        return start;
    }

    /** Offset just past the record's last octet. */
    public int end() {
        return end;
    }

    public int fspecLength() {
        return fspecLength;
    }

    /** Whether the item at UAP index (FRN - 1) is present. */
    public boolean has(int index) {
        return index >= 0 && index < spec.uapSize() && offset[index] >= 0;
    }

    /** Offset of the item at UAP index, -1 when absent. */
    public int offset(int index) {
        return has(index) ? offset[index] : -1;
    }

    /** Length in octets of the item at UAP index, 0 when absent. */
    public int length(int index) {
        return has(index) ? length[index] : 0;
    }

    /** Copy of the record's octets (allocates; for tests and tools). */
    public byte[] toBytes() {
        return Arrays.copyOfRange(buf, start, end);
    }

    int blockEnd() {
        return blockEnd;
    }
}
