package org.vigil.codec.feed;

/**
 * Writes Mode S frames in Beast binary form (the inverse of {@link BeastFramer}), e.g. to relay
 * a feed to another consumer or to record one. Stateless; allocates nothing.
 */
public final class BeastEncoder {
    /** Longest encoding: 0x1A, type, and 6 + 1 + 14 bytes each possibly doubled. */
    public static final int MAX_ENCODED = 2 + 2 * 21;

    private BeastEncoder() {}

    /**
     * Encodes one frame.
     *
     * @param frame      2 (Mode A/C), 7 or 14 bytes starting at {@code off}
     * @param mlat12MHz  48-bit 12 MHz timestamp (higher bits ignored)
     * @param signal     0..255 (lower 8 bits used)
     * @param out        receives at most {@link #MAX_ENCODED} bytes at {@code outOff}
     * @return number of bytes written
     * @throws IllegalArgumentException for a length other than 2, 7 or 14 (a programming error, not feed input)
     */
    public static int encode(byte[] frame, int off, int len, long mlat12MHz, int signal, byte[] out, int outOff) {
        final byte type;
        switch (len) {
            case 2:
                type = '1';
                break;
            case 7:
                type = '2';
                break;
            case 14:
                type = '3';
                break;
            default:
                throw new IllegalArgumentException("Beast frame length must be 2, 7 or 14, not " + len);
        }
        int p = outOff;
        out[p++] = 0x1A;
        out[p++] = type;
        for (int shift = 40; shift >= 0; shift -= 8) p = put(out, p, (byte) (mlat12MHz >>> shift));
        p = put(out, p, (byte) signal);
        for (int i = 0; i < len; i++) p = put(out, p, frame[off + i]);
        return p - outOff;
    }

    private static int put(byte[] out, int p, byte b) {
        out[p++] = b;
        if (b == 0x1A) out[p++] = b; // escape: every 0x1A after the type byte is doubled
        return p;
    }
}
