package org.vigil.codec.asterix;

/** Big-endian, MSB-first bit access on byte arrays. No allocation. */
public final class Bits {
    private Bits() {}

    /** Unsigned value of {@code n} (0..64) bits starting {@code bit} bits after {@code off}. */
    public static long read(byte[] b, int off, int bit, int n) {
        int p = off + (bit >>> 3);
        int skip = bit & 7;
        if (skip == 0 && (n & 7) == 0) { // whole octets: the common case for quantities and codes
            long v = 0;
            for (int i = 0; i < n; i += 8) v = (v << 8) | (b[p++] & 0xFF);
            return v;
        }
        long v;
        int remaining = n;
        // first partial octet
        int first = b[p++] & (0xFF >>> skip);
        int avail = 8 - skip;
        if (remaining <= avail) return (long) (first >>> (avail - remaining)); // at most 8 bits: no overflow
        v = first;
        remaining -= avail;
        while (remaining >= 8) {
            v = (v << 8) | (b[p++] & 0xFF);
            remaining -= 8;
        }
        if (remaining > 0) v = (v << remaining) | ((b[p] & 0xFF) >>> (8 - remaining));
        return v;
    }

    /** Two's-complement value of {@code n} bits. */
    public static long readSigned(byte[] b, int off, int bit, int n) {
        long v = read(b, off, bit, n);
        return n == 64 ? v : (v << (64 - n)) >> (64 - n);
    }

    /** Writes the low {@code n} bits of {@code value} (masked), ORing into zeroed space. */
    public static void write(byte[] b, int off, int bit, int n, long value) {
        for (int i = n - 1; i >= 0; i--) {
            int pos = bit + (n - 1 - i);
            int idx = off + (pos >>> 3);
            int mask = 0x80 >>> (pos & 7);
            if (((value >>> i) & 1) != 0) b[idx] |= (byte) mask;
            else b[idx] &= (byte) ~mask;
        }
    }
}
