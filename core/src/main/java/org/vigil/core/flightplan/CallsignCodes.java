package org.vigil.core.flightplan;

/**
 * Callsigns packed as the Mode S decoder packs them (org.vigil.codec.modes.Callsigns: eight 6-bit
 * ICAO characters, first in bits 47..42, space padded), so a decoded track's callsign can be
 * compared with a plan's aircraft identification as two longs, without building a String.
 * Kept in core because core cannot depend on codecs; {@code CallsignCodesTest} pins the encoding.
 */
public final class CallsignCodes {
    private CallsignCodes() {}

    /** Packed form of up to eight letters, digits or spaces; 0 when the text cannot be packed. */
    public static long pack(CharSequence text) {
        if (text == null || text.isEmpty() || text.length() > 8) return 0;
        long v = 0;
        for (int i = 0; i < 8; i++) {
            char ch = i < text.length() ? text.charAt(i) : ' ';
            int code;
            if (ch >= 'A' && ch <= 'Z') code = ch - 'A' + 1;
            else if (ch >= 'a' && ch <= 'z') code = ch - 'a' + 1;
            else if (ch >= '0' && ch <= '9') code = ch - '0' + 48;
            else if (ch == ' ') code = 32;
            else return 0;
            v = (v << 6) | code;
        }
        return v;
    }
}
