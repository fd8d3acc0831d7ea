package org.vigil.codec.modes;

/**
 * Callsigns as packed longs: eight characters of the 6-bit ICAO (AIS) character set, first
 * character in bits 47..42, exactly as they stand in the 48 character bits of an ADS-B
 * identification message or a BDS 2,0 register. 0 means "no callsign". Packing keeps the hot path
 * free of String allocation; {@link #unpack} allocates and is for display and JSON only.
 */
public final class Callsigns {
    /** Index = 6-bit code; '#' marks codes that are not valid characters. */
    private static final String CHARSET = "#ABCDEFGHIJKLMNOPQRSTUVWXYZ##### ###############0123456789######";

    private Callsigns() {}

    /** Character for a 6-bit code, '#' when the code is not a valid character. */
    public static char charOf(int code) {
        return CHARSET.charAt(code & 0x3F);
    }

    /** true when every one of the eight codes is a valid character. */
    public static boolean isValid(long packed) {
        for (int i = 0; i < 8; i++) {
            if (charOf((int) (packed >>> (42 - 6 * i))) == '#') return false;
        }
        return true;
    }

    /** The callsign text with trailing spaces removed (allocates; not for the hot path). */
    public static String unpack(long packed) {
        if (packed == 0) return null;
        char[] c = new char[8];
        for (int i = 0; i < 8; i++) c[i] = charOf((int) (packed >>> (42 - 6 * i)));
        int n = 8;
        while (n > 0 && c[n - 1] == ' ') n--;
        return new String(c, 0, n);
    }

    /**
     * Packs up to eight characters (A-Z, 0-9, space), padding with spaces.
     * @throws IllegalArgumentException for a longer text or a character outside the set
     */
    public static long pack(CharSequence text) {
        if (text.length() > 8) throw new IllegalArgumentException("callsign longer than 8 characters: " + text);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            char ch = i < text.length() ? Character.toUpperCase(text.charAt(i)) : ' ';
            int code;
            if (ch >= 'A' && ch <= 'Z') code = ch - 'A' + 1;
            else if (ch >= '0' && ch <= '9') code = ch - '0' + 48;
            else if (ch == ' ') code = 32;
            else throw new IllegalArgumentException("callsign character not in the ICAO set: '" + ch + "' in " + text);
            v = (v << 6) | code;
        }
        return v;
    }
}
