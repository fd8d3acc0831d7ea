package org.vigil.codec.feed;

import java.util.Objects;

/**
 * Mode-S Beast binary framer (dump1090/readsb "beast" ports, default 30005).
 *
 * <p>Wire format: {@code 0x1A <type>} then, with every 0x1A doubled, a 6-byte big-endian 12 MHz
 * timestamp, one signal byte and the payload. Types: '1' Mode A/C (2 bytes), '2' Mode S short
 * (7), '3' Mode S long (14), '4' status and '5' receiver position (21 bytes after the type, both
 * counted as skipped). All-zero Mode A/C frames are dump1090 heartbeats and are skipped.
 *
 * <p>Resynchronisation follows readsb: a single 0x1A inside a frame means the frame was cut short;
 * it is counted {@link RejectReason#BAD_ESCAPE} and that 0x1A is taken as the start of the next
 * frame. An unknown type byte is counted {@link RejectReason#UNKNOWN_TYPE} and the bytes up to
 * the next 0x1A are treated as part of it. Any other bytes outside a frame are one
 * {@link RejectReason#GARBAGE} count per run.
 *
 * <p>The framer is a pure byte-by-byte state machine, so the frames and counters it produces do
 * not depend on how the stream is cut into chunks (only the receive time of a frame does: it is
 * the time of the chunk that completes it).
 */
public final class BeastFramer implements FeedFramer {
    private static final int ESC = 0x1A;

    // states
    private static final int SEEK = 0; // outside a frame, waiting for 0x1A
    private static final int TYPE = 1; // after 0x1A outside a frame, next byte is the type
    private static final int BODY = 2; // collecting unescaped bytes of a frame
    private static final int BODY_ESC = 3; // inside a frame, just saw 0x1A

    /** Unescaped bytes after the type byte: 6 timestamp + 1 signal + payload (or 21 for '4', '5'). */
    private static final int MAX_BODY = 21;

    private static final int PAYLOAD_OFFSET = 7;

    private final FeedCounters counters;
    private final FrameSink sink;
    /** Unescaped frame under construction; handed to the sink as a view, reused for every frame. */
    private final byte[] body = new byte[MAX_BODY];

    private int state = SEEK;
    private int type;
    private int need;
    private int have;
    /** true while inside a run of garbage already counted (or the tail of an unknown record). */
    private boolean inGarbage;

    public BeastFramer(FeedCounters counters, FrameSink sink) {
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
            final int v = data[i] & 0xFF;
            switch (state) {
                case SEEK:
                    if (v == ESC) state = TYPE;
                    else garbage();
                    break;
                case TYPE:
                    startFrame(v);
                    break;
                case BODY:
                    if (v == ESC) state = BODY_ESC;
                    else store(v, receiveTimeNanos);
                    break;
                default: // BODY_ESC
                    if (v == ESC) {
                        state = BODY;
                        store(ESC, receiveTimeNanos);
                    } else {
                        // lone 0x1A: the frame was cut short; that 0x1A starts the next one
                        counters.reject(RejectReason.BAD_ESCAPE);
                        startFrame(v);
                    }
                    break;
            }
        }
    }

    @Override
    public void endOfStream() {
        if (state != SEEK) counters.reject(RejectReason.TRUNCATED);
        state = SEEK;
        have = 0;
        inGarbage = false;
    }

    private void garbage() {
        if (!inGarbage) {
            counters.reject(RejectReason.GARBAGE);
            inGarbage = true;
        }
    }

    /** {@code v} is the byte after a frame-start 0x1A. */
    private void startFrame(int v) {
        switch (v) {
            case '1':
                begin(v, 9);
                break;
            case '2':
                begin(v, 14);
                break;
            case '3':
            case '4':
            case '5':
                begin(v, 21);
                break;
            case ESC:
                // 0x1A 0x1A outside a frame: an escaped data byte of a frame we did not see start.
                // The second 0x1A may still be a frame start (dump1090 resynchronises the same way).
                garbage();
                state = TYPE;
                break;
            default:
                counters.reject(RejectReason.UNKNOWN_TYPE);
                inGarbage = true; // its body, up to the next 0x1A, belongs to this rejection
                state = SEEK;
                break;
        }
    }

    private void begin(int t, int bodyLength) {
        type = t;
        need = bodyLength;
        have = 0;
        inGarbage = false;
        state = BODY;
    }

    private void store(int v, long receiveTimeNanos) {
        body[have++] = (byte) v;
        if (have == need) complete(receiveTimeNanos);
    }

    private void complete(long receiveTimeNanos) {
        // state first, so a sink that throws leaves the framer consistent
        state = SEEK;
        have = 0;
        final int payload;
        switch (type) {
            case '1':
                if (body[7] == 0 && body[8] == 0) {
                    counters.skip(SkipReason.HEARTBEAT);
                    return;
                }
                payload = 2;
                break;
            case '2':
                payload = 7;
                break;
            case '3':
                payload = 14;
                break;
            case '4':
                counters.skip(SkipReason.STATUS);
                return;
            default:
                counters.skip(SkipReason.RECEIVER_POSITION);
                return;
        }
        long mlat = 0;
        for (int k = 0; k < 6; k++) mlat = (mlat << 8) | (body[k] & 0xFF);
        final int signal = body[6] & 0xFF;
        counters.frameAccepted(receiveTimeNanos);
        sink.onFrame(body, PAYLOAD_OFFSET, payload, receiveTimeNanos, mlat, signal);
    }
}
