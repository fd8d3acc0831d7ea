package org.vigil.codec.feed;

import java.util.Objects;
import org.vigil.codec.modes.ModeSMessage;
import org.vigil.core.Callsigns;

/**
 * SBS-1 BaseStation CSV reader (port 30003). Unlike Beast and AVR the feed carries values decoded
 * by the receiver, not frames: each {@code MSG} line fills one reused {@link ModeSMessage} which is
 * handed to an {@link SbsSink}.
 *
 * <p>Line layout (22 comma-separated fields, CR LF; see research/feed-formats.md §3): 0 "MSG",
 * 1 transmission type 1..8, 4 hex ident, 6/7 date and time generated, 10 callsign, 11 altitude
 * (suffix H = geometric), 12 ground speed, 13 track, 14/15 latitude/longitude, 16 vertical rate,
 * 17 squawk, 18 alert, 19 emergency, 20 SPI, 21 on ground. Empty field = value not present.
 *
 * <p>Mapping into the message: altitude to {@code altitudeFt} (or {@code gnssAltitudeFt} with
 * H), {@code groundspeedKt}, {@code trackDeg}, {@code lat}/{@code lon}, {@code verticalRateFpm}
 * ({@code vrSource} 0 = GNSS only when marked H), {@code squawk} (octal digits as a decimal
 * number, 7700), {@code callsign} packed; on ground to {@code verticalStatus} (1 = ground);
 * alert/SPI/ground to the Mode S {@code flightStatus} code when they determine it (FS 0..5);
 * MSG,2 sets {@code surface}. The receiver only writes CRC-checked messages, so {@code crcOk}
 * is set; {@code df} stays absent (MSG,5 may be DF4 or DF20). The emergency flag is not copied:
 * it only restates the squawk (7500/7600/7700). The transmission type of the current line is
 * {@link #transmissionType()} during the callback.
 *
 * <p>Strictness: a line with a malformed value is rejected whole ({@link RejectReason#BAD_FIELD})
 * rather than half-delivered; fewer than 22 fields is {@link RejectReason#TRUNCATED}; a line over
 * {@value #MAX_LINE} bytes is {@link RejectReason#TOO_LONG}. Alert and emergency are read
 * leniently (readsb reuses them for MLAT receiver count and error). Non-MSG records and empty
 * (heartbeat) lines are counted as skipped. A final line without a line end at
 * {@link #endOfStream()} is counted truncated.
 *
 * <p>Time: by default every message gets the receive time of its chunk. With
 * {@code useRecordedTime} (replaying a file) it gets the "generated" date and time of the line,
 * read as local time at {@code utcOffsetMinutes} (readsb writes UTC, dump1090 its host's local
 * time), falling back to the receive time when the fields are empty.
 *
 * <p>No allocation per line: the line is kept in a fixed buffer and numbers are parsed in place.
 */
public final class SbsParser implements FeedFramer {
    public static final int MAX_LINE = 512;
    private static final int MAX_FIELDS = 32;
    private static final int SBS_FIELDS = 22;
    private static final double[] POW10 = new double[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) POW10[i] = POW10[i - 1] * 10;
    }

    private static final int NO = 0, YES = 1, LENIENT_ABSENT = ModeSMessage.ABSENT;

    private final FeedCounters counters;
    private final SbsSink sink;
    private final boolean useRecordedTime;
    private final long utcOffsetNanos;
    private final ModeSMessage message = new ModeSMessage();

    private final byte[] line = new byte[MAX_LINE];
    private final int[] fieldStart = new int[MAX_FIELDS];
    private final int[] fieldEnd = new int[MAX_FIELDS];
    private int lineLength;
    private boolean skippingLongLine;
    private boolean lastWasCr;
    private int fields;
    private int transmissionType;

    // results of the in-place number parsers (avoid boxing or result objects)
    private long parsedLong;
    private double parsedDouble;

    /** Live feed: messages are stamped with the receive time. */
    public SbsParser(FeedCounters counters, SbsSink sink) {
        this(counters, sink, false, 0);
    }

    /**
     * @param useRecordedTime  stamp messages with the line's generated date/time (replay)
     * @param utcOffsetMinutes offset of the feed's clock from UTC (0 for readsb)
     */
    public SbsParser(FeedCounters counters, SbsSink sink, boolean useRecordedTime, int utcOffsetMinutes) {
        this.counters = Objects.requireNonNull(counters, "counters");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.useRecordedTime = useRecordedTime;
        this.utcOffsetNanos = utcOffsetMinutes * 60_000_000_000L;
    }

    @Override
    public FeedCounters counters() {
        return counters;
    }

    /** SBS transmission type (1..8) of the message being delivered. */
    public int transmissionType() {
        return transmissionType;
    }

    /**
     * The line of the message being delivered, without its line end, copied into {@code dst}
     * (at least {@link #MAX_LINE} long); valid during the callback. A recorder journals it, so a
     * replay parses the same line again.
     * @return its length
     */
    public int copyLine(byte[] dst) {
        System.arraycopy(line, 0, dst, 0, lineLength);
        return lineLength;
    }

    @Override
    public void accept(byte[] data, int off, int len, long receiveTimeNanos) {
        Objects.checkFromIndexSize(off, len, data.length);
        counters.bytesRead(len);
        final int end = off + len;
        for (int i = off; i < end; i++) {
            final byte c = data[i];
            if (c == '\n' || c == '\r') {
                final boolean crLf = c == '\n' && lastWasCr;
                lastWasCr = c == '\r';
                if (crLf) continue;
                if (skippingLongLine) skippingLongLine = false;
                else processLine(receiveTimeNanos);
                lineLength = 0;
                continue;
            }
            lastWasCr = false;
            if (skippingLongLine) continue;
            if (lineLength == MAX_LINE) {
                counters.reject(RejectReason.TOO_LONG);
                skippingLongLine = true;
                lineLength = 0;
                continue;
            }
            line[lineLength++] = c;
        }
    }

    @Override
    public void endOfStream() {
        if (lineLength > 0) counters.reject(RejectReason.TRUNCATED);
        lineLength = 0;
        skippingLongLine = false;
        lastWasCr = false;
    }

    private void processLine(long receiveTimeNanos) {
        if (lineLength == 0) {
            counters.skip(SkipReason.HEARTBEAT);
            return;
        }
        split();
        if (!isMsg()) {
            counters.skip(SkipReason.OTHER_RECORD);
            return;
        }
        if (fields < SBS_FIELDS) {
            counters.reject(RejectReason.TRUNCATED);
            return;
        }
        if (!fill(receiveTimeNanos)) {
            counters.reject(RejectReason.BAD_FIELD);
            return;
        }
        if (message.icao == ModeSMessage.ABSENT) return; // non-ICAO, counted as skipped in fill
        counters.frameAccepted(message.timeNanos);
        sink.onMessage(message);
    }

    /** Field boundaries, blanks around each field trimmed. Fields beyond MAX_FIELDS are ignored. */
    private void split() {
        fields = 0;
        int start = 0;
        for (int i = 0; i <= lineLength && fields < MAX_FIELDS; i++) {
            if (i == lineLength || line[i] == ',') {
                int s = start, e = i;
                while (s < e && line[s] == ' ') s++;
                while (e > s && line[e - 1] == ' ') e--;
                fieldStart[fields] = s;
                fieldEnd[fields] = e;
                fields++;
                start = i + 1;
            }
        }
    }

    private boolean isMsg() {
        int s = fieldStart[0];
        return fieldEnd[0] - s == 3 && line[s] == 'M' && line[s + 1] == 'S' && line[s + 2] == 'G';
    }

    private boolean empty(int f) {
        return fieldEnd[f] == fieldStart[f];
    }

    /** Fills {@link #message}; false when a field is malformed. */
    private boolean fill(long receiveTimeNanos) {
        final ModeSMessage m = message.reset();
        // transmission type
        if (fieldEnd[1] - fieldStart[1] != 1) return false;
        final int type = line[fieldStart[1]] - '0';
        if (type < 1 || type > 8) return false;
        transmissionType = type;

        // hex ident
        int s = fieldStart[4], e = fieldEnd[4];
        if (e > s && line[s] == '~') {
            counters.skip(SkipReason.NON_ICAO);
            return true; // icao stays absent: not delivered, not an error
        }
        if (e - s != 6) return false;
        int icao = 0;
        for (int i = s; i < e; i++) {
            int h = hexValue(line[i]);
            if (h < 0) return false;
            icao = (icao << 4) | h;
        }

        m.timeNanos = receiveTimeNanos;
        if (useRecordedTime && !empty(6) && !empty(7)) {
            long t = parseDateTime();
            if (t == Long.MIN_VALUE) return false;
            m.timeNanos = t - utcOffsetNanos;
        }
        m.crcOk = true;
        m.surface = type == 2;

        if (!empty(10)) {
            long cs = packCallsign(fieldStart[10], fieldEnd[10]);
            if (cs < 0) return false;
            m.callsign = cs;
        }
        if (!empty(11)) {
            boolean geometric = line[fieldEnd[11] - 1] == 'H';
            if (!parseLong(fieldStart[11], fieldEnd[11] - (geometric ? 1 : 0))) return false;
            if (parsedLong < -2000 || parsedLong > 200_000) return false;
            if (geometric) m.gnssAltitudeFt = (int) parsedLong;
            else m.altitudeFt = (int) parsedLong;
        }
        if (!empty(12)) {
            if (!parseDouble(fieldStart[12], fieldEnd[12]) || parsedDouble < 0 || parsedDouble > 5000) return false;
            m.groundspeedKt = parsedDouble;
        }
        if (!empty(13)) {
            if (!parseDouble(fieldStart[13], fieldEnd[13]) || parsedDouble < -360 || parsedDouble > 360) return false;
            m.trackDeg = parsedDouble < 0 ? parsedDouble + 360 : parsedDouble;
        }
        if (empty(14) != empty(15)) return false; // a position needs both coordinates
        if (!empty(14)) {
            if (!parseDouble(fieldStart[14], fieldEnd[14]) || parsedDouble < -90 || parsedDouble > 90) return false;
            double lat = parsedDouble;
            if (!parseDouble(fieldStart[15], fieldEnd[15]) || parsedDouble < -180 || parsedDouble > 180) return false;
            m.lat = lat;
            m.lon = parsedDouble;
        }
        if (!empty(16)) {
            boolean geometric = line[fieldEnd[16] - 1] == 'H';
            if (!parseLong(fieldStart[16], fieldEnd[16] - (geometric ? 1 : 0))) return false;
            if (parsedLong < -100_000 || parsedLong > 100_000) return false;
            m.verticalRateFpm = (int) parsedLong;
            if (geometric) m.vrSource = 0;
        }
        if (!empty(17)) {
            s = fieldStart[17];
            e = fieldEnd[17];
            if (e - s > 4) return false;
            int sq = 0;
            for (int i = s; i < e; i++) {
                int d = line[i] - '0';
                if (d < 0 || d > 7) return false;
                sq = sq * 10 + d;
            }
            m.squawk = sq;
        }
        final int alert = flag(18, true);
        final int spi = flag(20, false);
        final int ground = flag(21, false);
        if (spi == -2 || ground == -2) return false;
        if (ground != ModeSMessage.ABSENT) m.verticalStatus = ground;
        m.flightStatus = flightStatus(alert, spi, ground);
        m.icao = icao;
        return true;
    }

    /** 1 for "-1" or "1", 0 for "0", ABSENT when empty (or unreadable and lenient), -2 when malformed. */
    private int flag(int f, boolean lenient) {
        int s = fieldStart[f], e = fieldEnd[f];
        if (s == e) return ModeSMessage.ABSENT;
        if (e - s == 2 && line[s] == '-' && line[s + 1] == '1') return YES;
        if (e - s == 1 && line[s] == '1') return YES;
        if (e - s == 1 && line[s] == '0') return NO;
        return lenient ? LENIENT_ABSENT : -2;
    }

    /** Mode S FS code from the flags, ABSENT when they do not determine it. */
    private static int flightStatus(int alert, int spi, int ground) {
        final int absent = ModeSMessage.ABSENT;
        if (spi == YES && alert == YES) return 4;
        if (spi == YES && alert == NO) return 5;
        if (spi == NO && alert != absent && ground != absent) return (alert == YES ? 2 : 0) + (ground == YES ? 1 : 0);
        return absent;
    }

    private static int hexValue(byte c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    }

    /**
     * Packs up to 8 characters (A-Z in either case, 0-9, space) as {@link Callsigns#pack} does,
     * straight from the line bytes so nothing is allocated; -1 when invalid.
     */
    private long packCallsign(int s, int e) {
        if (e - s > 8) return -1;
        long v = 0;
        for (int i = 0; i < 8; i++) {
            char ch = s + i < e ? (char) (line[s + i] & 0xFF) : ' ';
            if (ch >= 'a' && ch <= 'z') ch = (char) (ch - ('a' - 'A'));
            int code = Callsigns.codeOf(ch);
            if (code < 0) return -1;
            v = (v << 6) | code;
        }
        return v;
    }

    /** Optional sign and 1..12 digits into {@link #parsedLong}. */
    private boolean parseLong(int s, int e) {
        boolean negative = false;
        if (s < e && (line[s] == '-' || line[s] == '+')) {
            negative = line[s] == '-';
            s++;
        }
        if (e - s < 1 || e - s > 12) return false;
        long v = 0;
        for (int i = s; i < e; i++) {
            int d = line[i] - '0';
            if (d < 0 || d > 9) return false;
            v = v * 10 + d;
        }
        parsedLong = negative ? -v : v;
        return true;
    }

    /**
     * Optional sign, digits, optional '.' and digits (at most 17 digits, no exponent) into
     * {@link #parsedDouble}. The mantissa is exact in a long and the division by an exact power
     * of ten is correctly rounded, so the result equals Double.parseDouble of the same text.
     */
    private boolean parseDouble(int s, int e) {
        boolean negative = false;
        if (s < e && (line[s] == '-' || line[s] == '+')) {
            negative = line[s] == '-';
            s++;
        }
        long mantissa = 0;
        int digitCount = 0;
        int fraction = -1; // digits after the point, -1 before the point
        for (int i = s; i < e; i++) {
            int c = line[i];
            if (c == '.') {
                if (fraction >= 0) return false;
                fraction = 0;
                continue;
            }
            int d = c - '0';
            if (d < 0 || d > 9) return false;
            if (++digitCount > 17) return false;
            mantissa = mantissa * 10 + d;
            if (fraction >= 0) fraction++;
        }
        if (digitCount == 0) return false;
        double v = fraction > 0 ? mantissa / POW10[fraction] : mantissa;
        parsedDouble =
                (negative ? -v : v) + 0.0; // + 0.0 turns "-0" into 0.0, not -0.0 (a track of -0.0 is out of [0, 360])
        return true;
    }

    /** Fields 6 (yyyy/mm/dd) and 7 (hh:mm:ss[.fff]) as nanoseconds of that wall clock; MIN_VALUE when malformed. */
    private long parseDateTime() {
        int s = fieldStart[6];
        if (fieldEnd[6] - s != 10 || line[s + 4] != '/' || line[s + 7] != '/') return Long.MIN_VALUE;
        int year = digits(s, 4), month = digits(s + 5, 2), day = digits(s + 8, 2);
        if (year < 1970 || month < 1 || month > 12 || day < 1 || day > 31) return Long.MIN_VALUE;
        int t = fieldStart[7], te = fieldEnd[7];
        if (te - t < 8 || line[t + 2] != ':' || line[t + 5] != ':') return Long.MIN_VALUE;
        int hour = digits(t, 2), minute = digits(t + 3, 2), second = digits(t + 6, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return Long.MIN_VALUE;
        long nanos = 0;
        if (te - t > 8) {
            if (line[t + 8] != '.' || te - t - 9 < 1 || te - t - 9 > 9) return Long.MIN_VALUE;
            int frac = te - t - 9;
            int f = digits(t + 9, frac);
            if (f < 0) return Long.MIN_VALUE;
            nanos = f;
            for (int k = frac; k < 9; k++) nanos *= 10;
        }
        long days = daysFromCivil(year, month, day);
        return ((days * 24 + hour) * 60 + minute) * 60_000_000_000L + second * 1_000_000_000L + nanos;
    }

    /** Value of n decimal digits at s, -1 when one is not a digit. */
    private int digits(int s, int n) {
        int v = 0;
        for (int i = s; i < s + n; i++) {
            int d = line[i] - '0';
            if (d < 0 || d > 9) return -1;
            v = v * 10 + d;
        }
        return v;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's civil-from-days inverse). */
    static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        final long era = (y >= 0 ? y : y - 399) / 400;
        final long yoe = y - era * 400;
        final long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        final long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }
}
