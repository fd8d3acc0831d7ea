package org.vigil.codec.asterix;

/** A length octet (counting itself) then content: the Reserved Expansion (RE) or Special Purpose (SP) field. */
public final class Explicit extends Variation {
    public final boolean reservedExpansion;

    Explicit(boolean reservedExpansion) {
        this.reservedExpansion = reservedExpansion;
    }

    @Override
    public int bitSize() {
        return -1;
    }

    @Override
    public int length(byte[] b, int off, int end) {
        if (off >= end) return TRUNCATED;
        int n = b[off] & 0xFF;
        if (n == 0) return BAD_ITEM;
        return off + n <= end ? n : TRUNCATED;
    }
}
