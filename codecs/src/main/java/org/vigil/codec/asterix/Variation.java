package org.vigil.codec.asterix;

/**
 * The structure of an item or sub-item, as given by the spec (the "variation" of asterix-specs).
 * Immutable after parsing. {@link #length} is on the decoding hot path: it must not allocate.
 */
public abstract sealed class Variation permits Element, Group, Extended, Repetitive, Explicit, Compound {

    /** Result of {@link #length} when the item runs past the end of its record's block. */
    public static final int TRUNCATED = -1;
    /** Result of {@link #length} when the item's own structure is invalid (e.g. explicit length 0). */
    public static final int BAD_ITEM = -2;

    Variation() {}

    /** Bit size when fixed, -1 when the size depends on the data. */
    public abstract int bitSize();

    /**
     * Octets this variation occupies at {@code off}, reading no further than {@code end}
     * (exclusive); or {@link #TRUNCATED} / {@link #BAD_ITEM}.
     */
    public abstract int length(byte[] b, int off, int end);

    /** Length of a fixed-size variation in octets. */
    static int fixedLength(int bits, int off, int end) {
        int n = bits >>> 3;
        return off + n <= end ? n : TRUNCATED;
    }
}
