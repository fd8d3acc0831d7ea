package org.vigil.codec.text;

/**
 * ASCII text into a byte array without allocating: the one writer of the text formats Vigil sends
 * (SBS lines, Cursor-on-Target XML, the simulator's truth files). Strings, integers, fixed-point
 * decimals (rounded half away from zero, no locale, so outputs are byte-identical across machines),
 * hexadecimal, UTC dates and times, XML-escaped text. It writes into its own buffer
 * ({@link #reset()}) or a caller's ({@link #reset(byte[], int)}), which the caller sizes; a subclass
 * that drains the buffer (to a stream) makes room in {@link #reserve}.
 */
public class AsciiWriter {
    private static final long[] POW10 = {
        1L,
        10L,
        100L,
        1_000L,
        10_000L,
        100_000L,
        1_000_000L,
        10_000_000L,
        100_000_000L,
        1_000_000_000L,
        10_000_000_000L,
        100_000_000_000L,
        1_000_000_000_000L
    };
    private static final byte[] HEX_UPPER = {
        '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'
    };

    private final byte[] own;
    protected byte[] buf;
    protected int pos;

    /** A writer with its own buffer of {@code capacity} bytes. */
    public AsciiWriter(int capacity) {
        own = new byte[capacity];
        buf = own;
    }

    /** Empties its own buffer. */
    public AsciiWriter reset() {
        buf = own;
        pos = 0;
        return this;
    }

    /** Writes into {@code out} from {@code off} on. */
    public AsciiWriter reset(byte[] out, int off) {
        buf = out;
        pos = off;
        return this;
    }

    /** The array written into. */
    public final byte[] array() {
        return buf;
    }

    /** The next index written: after {@link #reset()}, the number of bytes written. */
    public final int position() {
        return pos;
    }

    /**
     * Makes room for {@code n} more bytes. Here nothing: the caller sized the buffer and overflowing it is
     * a programming error ({@link ArrayIndexOutOfBoundsException}).
     */
    protected void reserve(int n) {}

    public final AsciiWriter ch(char c) {
        reserve(1);
        buf[pos++] = (byte) c;
        return this;
    }

    /** Text known to be plain ASCII (keys, constants, identifiers); a character beyond ASCII becomes '?'. */
    public final AsciiWriter ascii(String s) {
        reserve(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            buf[pos++] = (byte) (c < 128 ? c : '?');
        }
        return this;
    }

    /** Text from outside (callsigns, names) XML-escaped; a character outside printable ASCII becomes '?'. */
    public final AsciiWriter escaped(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> ascii("&amp;");
                case '<' -> ascii("&lt;");
                case '>' -> ascii("&gt;");
                case '"' -> ascii("&quot;");
                case '\'' -> ascii("&apos;");
                default -> ch(c >= 0x20 && c < 0x7f ? c : '?');
            }
        }
        return this;
    }

    public final AsciiWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public final AsciiWriter bytes(byte[] b, int off, int len) {
        reserve(len);
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
        return this;
    }

    /** What {@code w} wrote into its own buffer. */
    public final AsciiWriter append(AsciiWriter w) {
        return bytes(w.buf, 0, w.pos);
    }

    public final AsciiWriter integer(long v) {
        reserve(20);
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

    /** {@code v} with {@code decimals} (at most 12) places, rounded half away from zero; NaN as 0. */
    public final AsciiWriter fixed(double v, int decimals) {
        long scale = POW10[decimals];
        long n = Double.isNaN(v) ? 0 : Math.round(Math.abs(v) * scale);
        if (v < 0 && n != 0) ch('-');
        integer(n / scale);
        if (decimals > 0) {
            reserve(1 + decimals);
            buf[pos++] = '.';
            long frac = n % scale;
            for (int d = decimals - 1; d >= 0; d--) buf[pos++] = (byte) ('0' + frac / POW10[d] % 10);
        }
        return this;
    }

    /** {@code v} as exactly {@code width} decimal digits (its lowest ones), zero-padded. */
    public final AsciiWriter digits(long v, int width) {
        reserve(width);
        for (int d = width - 1; d >= 0; d--) buf[pos++] = (byte) ('0' + v / POW10[d] % 10);
        return this;
    }

    /** The low 24 bits of {@code v} as six upper-case hexadecimal digits. */
    public final AsciiWriter hex24(int v) {
        reserve(6);
        for (int s = 20; s >= 0; s -= 4) buf[pos++] = HEX_UPPER[(v >>> s) & 0xF];
        return this;
    }

    /** Epoch milliseconds as {@code yyyy-MM-ddTHH:mm:ss.SSSZ} (ISO 8601, UTC). */
    public final AsciiWriter isoTime(long epochMs) {
        return dateTime(epochMs, '-', 'T').ch('Z');
    }

    /**
     * Epoch milliseconds as {@code yyyy<s>MM<s>dd<between>HH:mm:ss.SSS} in UTC, proleptic Gregorian
     * (SBS: {@code '/'} and {@code ','}; ISO 8601: {@code '-'} and {@code 'T'}).
     */
    public final AsciiWriter dateTime(long epochMs, char dateSeparator, char between) {
        long days = Math.floorDiv(epochMs, 86_400_000L);
        long ms = Math.floorMod(epochMs, 86_400_000L);
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
        digits(year, 4).ch(dateSeparator).digits(month, 2).ch(dateSeparator).digits(day, 2);
        ch(between)
                .digits(ms / 3_600_000, 2)
                .ch(':')
                .digits(ms / 60_000 % 60, 2)
                .ch(':');
        return digits(ms / 1000 % 60, 2).ch('.').digits(ms % 1000, 3);
    }
}
