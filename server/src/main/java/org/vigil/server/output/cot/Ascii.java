package org.vigil.server.output.cot;

/**
 * Writes ASCII text into a byte array without allocating: strings, integers, fixed-point decimals,
 * ISO 8601 UTC times, XML-escaped text. Its own buffer ({@link #reset()}) or the caller's
 * ({@link #reset(byte[], int)}). The caller sizes the buffer; overflowing it is a programming error.
 */
final class Ascii {
    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    byte[] buf;
    int pos;
    private final byte[] own = new byte[512];

    Ascii() {
        buf = own;
    }

    /** Empties its own buffer. */
    Ascii reset() {
        buf = own;
        pos = 0;
        return this;
    }

    /** Writes into {@code out} from {@code off}. */
    Ascii reset(byte[] out, int off) {
        buf = out;
        pos = off;
        return this;
    }

    /** Bytes written to its own buffer. */
    int length() {
        return pos;
    }

    Ascii ch(char c) {
        buf[pos++] = (byte) c;
        return this;
    }

    /** A string known to be plain ASCII without XML specials (keys, constants, hex, digits). */
    Ascii str(String s) {
        for (int i = 0; i < s.length(); i++) buf[pos++] = (byte) s.charAt(i);
        return this;
    }

    /** Text from outside (callsigns, names): XML-escaped; a character outside printable ASCII becomes '?'. */
    Ascii escaped(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&':
                    str("&amp;");
                    break;
                case '<':
                    str("&lt;");
                    break;
                case '>':
                    str("&gt;");
                    break;
                case '"':
                    str("&quot;");
                    break;
                case '\'':
                    str("&apos;");
                    break;
                default:
                    buf[pos++] = (byte) (c >= 0x20 && c < 0x7f ? c : '?');
            }
        }
        return this;
    }

    Ascii bytes(byte[] b) {
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
        return this;
    }

    /** What {@code a} holds in its own buffer. */
    Ascii ascii(Ascii a) {
        System.arraycopy(a.buf, 0, buf, pos, a.pos);
        pos += a.pos;
        return this;
    }

    Ascii integer(long v) {
        if (v < 0) {
            buf[pos++] = '-';
            v = -v;
        }
        int start = pos;
        do {
            buf[pos++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v > 0);
        for (int i = start, j = pos - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
        return this;
    }

    /** {@code v} rounded to {@code decimals} (at most 8) decimal places; NaN as 0. */
    Ascii fixed(double v, int decimals) {
        if (Double.isNaN(v)) v = 0;
        long scaled = Math.round(Math.abs(v) * POW10[decimals]);
        if (v < 0 && scaled != 0) buf[pos++] = '-';
        integer(scaled / POW10[decimals]);
        if (decimals > 0) {
            buf[pos++] = '.';
            long frac = scaled % POW10[decimals];
            for (int d = decimals - 1; d >= 0; d--) buf[pos++] = (byte) ('0' + (frac / POW10[d]) % 10);
        }
        return this;
    }

    /** Epoch milliseconds as {@code yyyy-MM-ddTHH:mm:ss.SSSZ} (UTC, proleptic Gregorian). */
    Ascii time(long epochMs) {
        long days = Math.floorDiv(epochMs, 86_400_000L);
        long msOfDay = Math.floorMod(epochMs, 86_400_000L);
        // civil date from days since 1970-01-01 (H. Hinnant's algorithm)
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long day = doy - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        digits(year, 4).ch('-').digits(month, 2).ch('-').digits(day, 2).ch('T');
        digits(msOfDay / 3_600_000, 2).ch(':').digits(msOfDay / 60_000 % 60, 2).ch(':');
        return digits(msOfDay / 1000 % 60, 2).ch('.').digits(msOfDay % 1000, 3).ch('Z');
    }

    private Ascii digits(long v, int width) {
        for (int d = width - 1; d >= 0; d--) buf[pos++] = (byte) ('0' + (v / POW10[d]) % 10);
        return this;
    }
}
