package org.vigil.core;

/**
 * Callsigns as packed longs: eight characters of the 6-bit ICAO (AIS) character set, first
 * character in bits 47..42, exactly as they stand in the 48 character bits of an ADS-B
 * identification message, a BDS 2,0 register or ASTERIX I048/240. 0 means "no callsign".
 *
 * <p>The one place this encoding lives: decoders, encoders, flight-plan correlation and the
 * simulator all pack the same way, so a decoded callsign and a filed aircraft identification
 * compare as two longs. Packing keeps hot paths free of String allocation; {@link #unpack}
 * allocates and is for display and JSON only. Pinned by {@code CallsignsTest}.
 */
public final class Callsigns {
    /** Index = 6-bit code; '#' marks codes that are not valid characters. */
    private static final String CHARSET = "#ABCDEFGHIJKLMNOPQRSTUVWXYZ##### ###############0123456789######";

    /** The code of the padding character (space). */
    public static final int SPACE = 32;

    private Callsigns() {}

    /** Character for a 6-bit code, '#' when the code is not a valid character. */
    public static char charOf(int code) {
        return CHARSET.charAt(code & 0x3F);
    }

    /**
     * 6-bit code of an upper-case letter, digit or space; -1 for any other character (callers that
     * accept lower case fold it first, so this stays the strict inverse of {@link #charOf}).
     */
    public static int codeOf(char ch) {
        if (ch >= 'A' && ch <= 'Z') return ch - 'A' + 1;
        if (ch >= '0' && ch <= '9') return ch - '0' + 48;
        if (ch == ' ') return SPACE;
        return -1;
    }

    /** true when every one of the eight codes is a valid character. */
    public static boolean isValid(long packed) {
        for (int i = 0; i < 8; i++) {
            if (charOf((int) (packed >>> (42 - 6 * i))) == '#') return false;
        }
        return true;
    }

    /** The callsign text with trailing spaces removed, null for 0 (allocates; not for the hot path). */
    public static String unpack(long packed) {
        if (packed == 0) return null;
        char[] c = new char[8];
        for (int i = 0; i < 8; i++) c[i] = charOf((int) (packed >>> (42 - 6 * i)));
        int n = 8;
        while (n > 0 && c[n - 1] == ' ') n--;
        return new String(c, 0, n);
    }

    /**
     * Packs up to eight characters (A-Z in either case, 0-9, space), padding with spaces; the
     * empty text packs as eight spaces. For trusted text (tests, encoders, configuration).
     * @throws IllegalArgumentException for a longer text or a character outside the set
     */
    public static long pack(CharSequence text) {
        if (text.length() > 8) throw new IllegalArgumentException("callsign longer than 8 characters: " + text);
        long v = packed(text);
        if (v < 0) {
            throw new IllegalArgumentException(
                    "callsign character not in the ICAO set: '" + text.charAt((int) -v - 1) + "' in " + text);
        }
        return v;
    }

    /**
     * As {@link #pack} but for untrusted text (flight plans, operator input): 0 ("no callsign") for
     * null, empty, longer than eight characters or any character outside the set; never throws,
     * allocates nothing.
     */
    public static long packOrNone(CharSequence text) {
        if (text == null || text.isEmpty() || text.length() > 8) return 0;
        long v = packed(text);
        return v < 0 ? 0 : v;
    }

    /** Packed text of at most 8 characters, or -(index + 1) of the first character outside the set. */
    private static long packed(CharSequence text) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            char ch = i < text.length() ? text.charAt(i) : ' ';
            if (ch >= 'a' && ch <= 'z') ch = (char) (ch - ('a' - 'A'));
            int code = codeOf(ch);
            if (code < 0) return -(i + 1);
            v = (v << 6) | code;
        }
        return v;
    }
}
