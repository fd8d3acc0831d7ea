package org.vigil.server.recording;

/**
 * Which events to read: data time in [fromNanos, toNanos), optionally one type and/or one track,
 * only sequence numbers above {@code afterSeq} (to page or to follow), at most {@code limit} rows,
 * in sequence order.
 */
public record EventQuery(long fromNanos, long toNanos, String type, Long trackNumber, long afterSeq, int limit) {

    public static final int DEFAULT_LIMIT = 10_000;

    public static EventQuery between(long fromNanos, long toNanos) {
        return new EventQuery(fromNanos, toNanos, null, null, 0, DEFAULT_LIMIT);
    }

    public static EventQuery all() {
        return between(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    public EventQuery ofType(String t) {
        return new EventQuery(fromNanos, toNanos, t, trackNumber, afterSeq, limit);
    }

    public EventQuery forTrack(long track) {
        return new EventQuery(fromNanos, toNanos, type, track, afterSeq, limit);
    }

    public EventQuery after(long seq) {
        return new EventQuery(fromNanos, toNanos, type, trackNumber, seq, limit);
    }

    public EventQuery limit(int n) {
        return new EventQuery(fromNanos, toNanos, type, trackNumber, afterSeq, n);
    }
}
