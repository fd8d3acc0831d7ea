package org.vigil.codec.asterix;

/**
 * A repeated fixed-size variation: either a REP count of {@code repOctets} octets first, or
 * ({@code repOctets == 0}) an FX bit after each repetition ("repetitive fx").
 */
public final class Repetitive extends Variation {
    public final int repOctets;
    public final Variation element;
    /** Octets per repetition, FX bit included. */
    public final int elementOctets;

    Repetitive(int repOctets, Variation element) {
        this.repOctets = repOctets;
        this.element = element;
        int bits = element.bitSize() + (repOctets == 0 ? 1 : 0);
        if (element.bitSize() < 0 || bits % 8 != 0) {
            throw new IllegalArgumentException("repetitive element is not whole octets: " + bits + " bits");
        }
        this.elementOctets = bits / 8;
    }

    public boolean fx() {
        return repOctets == 0;
    }

    @Override
    public int bitSize() {
        return -1;
    }

    @Override
    public int length(byte[] b, int off, int end) {
        if (repOctets == 0) {
            int p = off;
            while (true) {
                p += elementOctets;
                if (p > end) return TRUNCATED;
                if ((b[p - 1] & 1) == 0) return p - off;
            }
        }
        if (off + repOctets > end) return TRUNCATED;
        long rep = 0;
        for (int i = 0; i < repOctets; i++) rep = (rep << 8) | (b[off + i] & 0xFF);
        long n = repOctets + rep * elementOctets;
        return off + n <= end ? (int) n : TRUNCATED;
    }

    /** Repetition count at {@code off}; for FX form, counts elements up to the one with FX = 0. */
    public int count(byte[] b, int off, int len) {
        if (repOctets == 0) return len / elementOctets;
        int rep = 0;
        for (int i = 0; i < repOctets; i++) rep = (rep << 8) | (b[off + i] & 0xFF);
        return rep;
    }
}
