package org.vigil.codec.feed;

import java.util.Objects;

/**
 * AVR raw text framer (dump1090/readsb "raw" ports, default 30002).
 *
 * <p>One message per line: {@code *HEX;} or {@code :HEX;} (plain), {@code @TTTTTTTTTTTTHEX;} and
 * {@code %TTTTTTTTTTTTHEX;} (12 hex digits of the 48-bit 12 MHz clock), {@code <TTTTTTTTTTTTSSHEX;}
 * (clock and a signal byte). HEX is 4 digits (Mode A/C), 14 (short) or 28 (long Mode S);
 * {@code *0000;} is a heartbeat and is skipped. Lines end in LF or CR LF; blanks and tabs
 * around a message are ignored.
 *
 * <p>Rejections: a message cut by a line end or by the next start character is
 * {@link RejectReason#TRUNCATED}; a wrong character or a wrong number of digits is
 * {@link RejectReason#BAD_FIELD}; more digits than the prefix allows is {@link RejectReason#TOO_LONG};
 * other text between messages is one {@link RejectReason#GARBAGE} count per run (a run ends at a
 * line end or a start character). After BAD_FIELD or TOO_LONG the rest of the message is skipped
 * up to ';' or the line end. Nothing is buffered beyond 42 digits, so no input can grow memory.
 *
 * <p>A byte-by-byte state machine: the output does not depend on how the stream is chunked.
 */
public final class AvrFramer implements FeedFramer {
    private static final int SEEK = 0; // between messages
    private static final int DIGITS = 1; // after a start character, collecting hex digits
    private static final int SKIP = 2; // skipping the rest of a rejected message

    private static final int TS_DIGITS = 12;
    private static final int MAX_DIGITS = TS_DIGITS + 2 + 28;

    private final FeedCounters counters;
    private final FrameSink sink;
    /** Hex digit values of the message under construction. */
    private final byte[] nibbles = new byte[MAX_DIGITS];
    /** Decoded frame handed to the sink, reused. */
    private final byte[] frame = new byte[14];

    private int state = SEEK;
    private int prefix;
    private int digits;
    private int maxDigits;
    private boolean inGarbage;

    public AvrFramer(FeedCounters counters, FrameSink sink) {
        this.counters = Objects.requireNonNull(counters, "counters");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public FeedCounters counters() {
        return counters;
    }

    @Override
    public void accept(byte[] data, int off, int len, long receiveTimeNanos) {
        Objects.checkFromIndexSize(off, len, data.length);
        counters.bytesRead(len);
        final int end = off + len;
        for (int i = off; i < end; i++) {
            final int c = data[i] & 0xFF;
            switch (state) {
                case SEEK:
                    if (isStart(c)) begin(c);
                    else if (c == '\n' || c == '\r') inGarbage = false;
                    else if (c != ' ' && c != '\t' && !inGarbage) {
                        counters.reject(RejectReason.GARBAGE);
                        inGarbage = true;
                    }
                    break;
                case DIGITS: {
                    final int h = hexValue(c);
                    if (h >= 0) {
                        if (digits == maxDigits) {
                            counters.reject(RejectReason.TOO_LONG);
                            state = SKIP;
                        } else {
                            nibbles[digits++] = (byte) h;
                        }
                    } else if (c == ';') {
                        state = SEEK;
                        complete(receiveTimeNanos);
                    } else if (c == '\n' || c == '\r') {
                        counters.reject(RejectReason.TRUNCATED);
                        state = SEEK;
                    } else if (isStart(c)) {
                        counters.reject(RejectReason.TRUNCATED);
                        begin(c);
                    } else {
                        counters.reject(RejectReason.BAD_FIELD);
                        state = SKIP;
                    }
                    break;
                }
                default: // SKIP
                    if (c == ';' || c == '\n' || c == '\r') state = SEEK;
                    break;
            }
        }
    }

    @Override
    public void endOfStream() {
        if (state == DIGITS) counters.reject(RejectReason.TRUNCATED);
        state = SEEK;
        digits = 0;
        inGarbage = false;
    }

    private static boolean isStart(int c) {
        return c == '*' || c == ':' || c == '@' || c == '%' || c == '<';
    }

    private static int hexValue(int c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    }

    private void begin(int c) {
        prefix = c;
        digits = 0;
        maxDigits = c == '<' ? TS_DIGITS + 2 + 28 : (c == '@' || c == '%') ? TS_DIGITS + 28 : 28;
        inGarbage = false;
        state = DIGITS;
    }

    private void complete(long receiveTimeNanos) {
        int pos = 0;
        long mlat = -1;
        int signal = -1;
        if (prefix == '@' || prefix == '%' || prefix == '<') {
            if (digits < TS_DIGITS) {
                counters.reject(RejectReason.BAD_FIELD);
                return;
            }
            mlat = 0;
            for (; pos < TS_DIGITS; pos++) mlat = (mlat << 4) | nibbles[pos];
            if (prefix == '<') {
                if (digits < TS_DIGITS + 2) {
                    counters.reject(RejectReason.BAD_FIELD);
                    return;
                }
                signal = (nibbles[pos] << 4) | nibbles[pos + 1];
                pos += 2;
            }
        }
        final int hexLength = digits - pos;
        if (hexLength != 4 && hexLength != 14 && hexLength != 28) {
            counters.reject(RejectReason.BAD_FIELD);
            return;
        }
        final int len = hexLength / 2;
        int nonZero = 0;
        for (int k = 0; k < len; k++) {
            int b = (nibbles[pos + 2 * k] << 4) | nibbles[pos + 2 * k + 1];
            frame[k] = (byte) b;
            nonZero |= b;
        }
        if (len == 2 && nonZero == 0) {
            counters.skip(SkipReason.HEARTBEAT);
            return;
        }
        counters.frameAccepted(receiveTimeNanos);
        sink.onFrame(frame, 0, len, receiveTimeNanos, mlat, signal);
    }
}
