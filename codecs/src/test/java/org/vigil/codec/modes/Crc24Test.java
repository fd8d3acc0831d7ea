package org.vigil.codec.modes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The table-driven CRC against a bit-by-bit long division written from the definition. */
class Crc24Test {
    /** Remainder of the data bits times x^24 modulo 0x1FFF409, one bit at a time. */
    private static int bitwise(byte[] b, int off, int len) {
        int r = 0;
        for (int i = 0; i < len; i++) {
            for (int bit = 7; bit >= 0; bit--) {
                int in = (b[off + i] >>> bit) & 1;
                int top = ((r >>> 23) & 1) ^ in;
                r = (r << 1) & 0xFFFFFF;
                if (top != 0) r ^= Crc24.GENERATOR;
            }
        }
        return r;
    }

    @Test
    void remainderMatchesBitwiseDivisionForEveryLengthAndOffset() {
        Random rnd = new Random(24);
        byte[] buf = new byte[40];
        for (int round = 0; round < 20_000; round++) {
            rnd.nextBytes(buf);
            int len = rnd.nextInt(30);
            int off = rnd.nextInt(buf.length - len + 1);
            assertThat(Crc24.remainder(buf, off, len)).as("len %d", len).isEqualTo(bitwise(buf, off, len));
        }
    }

    @Test
    void syndromeIsZeroForCleanFramesAndTheErrorPatternOtherwise() {
        Random rnd = new Random(1090);
        for (int round = 0; round < 5_000; round++) {
            int len = round % 2 == 0 ? 14 : 7;
            byte[] f = new byte[len + 3];
            rnd.nextBytes(f);
            int off = rnd.nextInt(4);
            int p = bitwise(f, off, len - 3);
            f[off + len - 3] = (byte) (p >>> 16);
            f[off + len - 2] = (byte) (p >>> 8);
            f[off + len - 1] = (byte) p;
            assertThat(Crc24.syndrome(f, off, len)).isZero();
            int bit = rnd.nextInt(len * 8);
            f[off + bit / 8] ^= (byte) (0x80 >>> (bit % 8));
            byte[] flip = new byte[len];
            flip[bit / 8] = (byte) (0x80 >>> (bit % 8));
            // linearity: the syndrome of a corrupted frame is the syndrome of the error alone
            assertThat(Crc24.syndrome(f, off, len))
                    .isEqualTo(Crc24.syndrome(flip, 0, len))
                    .isNotZero();
        }
    }

    @Test
    void knownFrame() {
        // DF17 from "The 1090 MHz Riddle" (Sun), parity 0xAA4BDA over the first 88 bits
        byte[] f = {(byte) 0x8D, 0x40, 0x6B, (byte) 0x90, 0x20, 0x15, (byte) 0xA6, 0x78, (byte) 0xD4, (byte) 0xD2, 0x20
        };
        assertThat(Crc24.remainder(f, 0, 11)).isEqualTo(0xAA4BDA);
    }
}
