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
    private static final long[] POW10_19 = new long[19];

    static {
        POW10_19[0] = 1;
        for (int i = 1; i < 19; i++) POW10_19[i] = POW10_19[i - 1] * 10;
    }

    private static final byte[] HEX_UPPER = {
        '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'
    };

    /** "00".."99": two digits per division. */
    private static final byte[] PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private final byte[] own;
    /** The day whose date {@link #date} holds (days since 1970-01-01), and its separator. */
    private long cachedDay = Long.MIN_VALUE;

    private char cachedSeparator;
    private final byte[] date = new byte[10];
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
            if (v == Long.MIN_VALUE) { // no positive counterpart: its digits as text
                pos--;
                return ascii(Long.toString(v));
            }
            v = -v;
        }
        int n = 1;
        while (n < 19 && v >= POW10_19[n]) n++;
        writeDigits(v, n);
        return this;
    }

    /** The lowest {@code width} decimal digits of {@code v} (not negative) at {@code pos}, right to left in pairs. */
    private void writeDigits(long v, int width) {
        int start = pos;
        pos = start + width;
        put(buf, start, v, width);
    }

    /** The lowest {@code width} decimal digits of {@code v} (not negative) into {@code b[start..]}. */
    private static void put(byte[] b, int start, long v, int width) {
        int p = start + width;
        while (p - start >= 2) {
            int r = (int) (v % 100);
            v /= 100;
            b[--p] = PAIRS[2 * r + 1];
            b[--p] = PAIRS[2 * r];
        }
        if (p > start) b[--p] = (byte) ('0' + v % 10);
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
            writeDigits(n % scale, decimals);
        }
        return this;
    }

    /** {@code v} as exactly {@code width} decimal digits (its lowest ones), zero-padded. */
    public final AsciiWriter digits(long v, int width) {
        reserve(width);
        writeDigits(v < 0 ? -(v % POW10_19[18]) : v, width);
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
        if (days != cachedDay || dateSeparator != cachedSeparator) cacheDate(days, dateSeparator);
        bytes(date, 0, 10);
        ch(between);
        int sec = (int) (ms / 1000);
        reserve(12);
        int hh = sec / 3600, mm = sec / 60 % 60, ss = sec % 60, milli = (int) (ms % 1000);
        buf[pos++] = PAIRS[2 * hh];
        buf[pos++] = PAIRS[2 * hh + 1];
        buf[pos++] = ':';
        buf[pos++] = PAIRS[2 * mm];
        buf[pos++] = PAIRS[2 * mm + 1];
        buf[pos++] = ':';
        buf[pos++] = PAIRS[2 * ss];
        buf[pos++] = PAIRS[2 * ss + 1];
        buf[pos++] = '.';
        buf[pos++] = (byte) ('0' + milli / 100);
        buf[pos++] = PAIRS[2 * (milli % 100)];
        buf[pos++] = PAIRS[2 * (milli % 100) + 1];
        return this;
    }

    /** The civil date of {@code days} into {@link #date} (a stream's events mostly share their day). */
    private void cacheDate(long days, char dateSeparator) {
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
        put(date, 0, Math.floorMod(year, 10_000), 4);
        date[4] = (byte) dateSeparator;
        put(date, 5, month, 2);
        date[7] = (byte) dateSeparator;
        put(date, 8, day, 2);
        cachedDay = days;
        cachedSeparator = dateSeparator;
    }
}
