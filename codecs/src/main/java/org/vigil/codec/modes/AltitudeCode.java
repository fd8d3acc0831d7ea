package org.vigil.codec.modes;

import org.vigil.core.geo.Units;

/**
 * Altitude and identity codes of Mode S replies: the 13-bit AC field (DF0/4/16/20), the 12-bit
 * ES altitude (TC 9-18, 20-22), the 13-bit ID field (DF5/21, TC 28) and Mode A/C replies.
 * All methods are pure integer arithmetic and return {@link ModeSMessage#ABSENT} when the code
 * carries no valid value.
 *
 * <p>Bit order of the 13-bit fields, first bit (most significant) to last:
 * {@code C1 A1 C2 A2 C4 A4 M/X B1 Q/D1 B2 D2 B4 D4}; the ES 12-bit altitude is the same without M.
 */
public final class AltitudeCode {
    private AltitudeCode() {}

    private static final double FEET_PER_METRE = Units.FEET_PER_METRE;

    /** Value of bit {@code pos} (1 = first) of a 13-bit field. */
    private static int b(int v, int pos) {
        return (v >>> (13 - pos)) & 1;
    }

    /** 13-bit AC field to feet: M bit metric, Q bit 25 ft steps, otherwise 100 ft Gillham. */
    public static int ac13ToFeet(int ac13) {
        ac13 &= 0x1FFF;
        if (ac13 == 0) return ModeSMessage.ABSENT; // 0 = altitude not available
        if (b(ac13, 7) == 1) {
            // metric: the 12 remaining bits are metres (rarely used, e.g. some eastern fleets)
            int metres = ((ac13 & 0x1F80) >>> 1) | (ac13 & 0x3F);
            return (int) Math.round(metres * FEET_PER_METRE);
        }
        if (b(ac13, 9) == 1) {
            // Q bit: drop M (bit 7) and Q (bit 9), 11 bits of 25 ft above -1000 ft
            int n = ((ac13 & 0x1F80) >>> 2) | ((ac13 & 0x0020) >>> 1) | (ac13 & 0x0F);
            return n * 25 - 1000;
        }
        return gillhamToFeet(ac13);
    }

    /** 12-bit ES altitude (M bit omitted) to feet. */
    public static int ac12ToFeet(int ac12) {
        ac12 &= 0xFFF;
        if (ac12 == 0) return ModeSMessage.ABSENT;
        // re-insert a zero M bit after the sixth bit and treat as AC13
        int ac13 = ((ac12 & 0xFC0) << 1) | (ac12 & 0x3F);
        return ac13ToFeet(ac13);
    }

    /**
     * 100-ft Gillham (Mode C) code in the 13-bit layout to feet, ABSENT when the code is illegal.
     * The 500 ft part is a Gray code over D1 D2 D4 A1 A2 A4 B1 B2 B4, the 100 ft part a
     * "five-state" Gray code over C1 C2 C4 that runs backwards in odd 500 ft bands.
     */
    static int gillhamToFeet(int ac13) {
        int gray500 = (b(ac13, 9) << 8)
                | (b(ac13, 11) << 7)
                | (b(ac13, 13) << 6)
                | (b(ac13, 2) << 5)
                | (b(ac13, 4) << 4)
                | (b(ac13, 6) << 3)
                | (b(ac13, 8) << 2)
                | (b(ac13, 10) << 1)
                | b(ac13, 12);
        int gray100 = (b(ac13, 1) << 2) | (b(ac13, 3) << 1) | b(ac13, 5);
        int n500 = grayToBinary(gray500);
        int n100 = grayToBinary(gray100);
        if (n100 == 0 || n100 == 5 || n100 == 6) return ModeSMessage.ABSENT;
        if (n100 == 7) n100 = 5;
        if ((n500 & 1) != 0) n100 = 6 - n100;
        return n500 * 500 + n100 * 100 - 1300;
    }

    private static int grayToBinary(int g) {
        int n = g;
        for (int s = g >>> 1; s != 0; s >>>= 1) n ^= s;
        return n;
    }

    /** 13-bit ID field to the squawk as four octal digits written as a decimal int (7700). */
    public static int id13ToSquawk(int id13) {
        int a = (b(id13, 6) << 2) | (b(id13, 4) << 1) | b(id13, 2);
        int bb = (b(id13, 12) << 2) | (b(id13, 10) << 1) | b(id13, 8);
        int c = (b(id13, 5) << 2) | (b(id13, 3) << 1) | b(id13, 1);
        int d = (b(id13, 13) << 2) | (b(id13, 11) << 1) | b(id13, 9);
        return a * 1000 + bb * 100 + c * 10 + d;
    }

    /**
     * Mode A/C reply as delivered by Beast type '1' and AVR 4-digit frames: four nibbles, one
     * octal digit A B C D each (e.g. 0x7700). Returns the squawk as a decimal int, or ABSENT
     * when a nibble is not an octal digit.
     */
    public static int modeAToSquawk(int hexOctal) {
        if ((hexOctal & 0x8888) != 0 || (hexOctal & ~0xFFFF) != 0) return ModeSMessage.ABSENT;
        return ((hexOctal >>> 12) & 7) * 1000
                + ((hexOctal >>> 8) & 7) * 100
                + ((hexOctal >>> 4) & 7) * 10
                + (hexOctal & 7);
    }

    /**
     * The same Mode A/C reply read as a Mode C altitude (Gillham), ABSENT when it is not a
     * legal altitude code (a Mode A reply and a Mode C reply cannot be told apart on the wire).
     */
    public static int modeCToFeet(int hexOctal) {
        if ((hexOctal & 0x8888) != 0 || (hexOctal & ~0xFFFF) != 0) return ModeSMessage.ABSENT;
        int a = (hexOctal >>> 12) & 7, bb = (hexOctal >>> 8) & 7, c = (hexOctal >>> 4) & 7, d = hexOctal & 7;
        if ((d & 1) != 0) return ModeSMessage.ABSENT; // D1 is never used for altitude
        // rebuild the 13-bit layout: digit bit 4 = X4, 2 = X2, 1 = X1
        int ac13 = ((c & 1) << 12)
                | ((a & 1) << 11)
                | (((c >> 1) & 1) << 10)
                | (((a >> 1) & 1) << 9)
                | (((c >> 2) & 1) << 8)
                | (((a >> 2) & 1) << 7)
                | ((bb & 1) << 5)
                | ((d & 1) << 4)
                | (((bb >> 1) & 1) << 3)
                | (((d >> 1) & 1) << 2)
                | (((bb >> 2) & 1) << 1)
                | ((d >> 2) & 1);
        return gillhamToFeet(ac13);
    }
}
