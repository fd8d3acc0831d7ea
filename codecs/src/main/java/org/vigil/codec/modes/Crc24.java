package org.vigil.codec.modes;

/**
 * Mode S CRC-24 (generator 0x1FFF409, most significant bit first, zero initial remainder, no
 * reflection, no final XOR), table-driven one byte at a time.
 *
 * <p>The useful quantity is the <em>syndrome</em>: the remainder of the data bits XOR the 24
 * parity bits at the end of the frame. It is 0 for a clean DF17/18, the interrogator code for a
 * clean DF11, and the aircraft address for the address/parity formats. Nothing is allocated.
 */
public final class Crc24 {
    /** Generator without the x^24 term. */
    public static final int GENERATOR = 0xFFF409;

    private static final int[] TABLE = new int[256];

    static {
        for (int b = 0; b < 256; b++) {
            int r = b << 16;
            for (int i = 0; i < 8; i++) {
                r = (r & 0x800000) != 0 ? ((r << 1) ^ GENERATOR) : (r << 1);
            }
            TABLE[b] = r & 0xFFFFFF;
        }
    }

    private Crc24() {}

    /** CRC-24 remainder of {@code len} bytes (the data part of a frame, without its parity). */
    public static int remainder(byte[] buf, int off, int len) {
        int r = 0;
        for (int i = 0; i < len; i++) {
            r = ((r << 8) ^ TABLE[((r >>> 16) ^ buf[off + i]) & 0xFF]) & 0xFFFFFF;
        }
        return r;
    }

    /**
     * Syndrome of a whole frame of {@code len} bytes (7 or 14): remainder of the first
     * {@code len - 3} bytes XOR the last three. Same as dividing the whole frame.
     */
    public static int syndrome(byte[] buf, int off, int len) {
        int n = len - 3;
        int parity = ((buf[off + n] & 0xFF) << 16) | ((buf[off + n + 1] & 0xFF) << 8) | (buf[off + n + 2] & 0xFF);
        return remainder(buf, off, n) ^ parity;
    }
}
