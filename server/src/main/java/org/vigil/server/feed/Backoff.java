package org.vigil.server.feed;

import java.util.function.LongUnaryOperator;

/**
 * Reconnect delays: doubling from {@code minMillis} up to {@code maxMillis}, each plus up to 25 %
 * random jitter so that many feeds cut by the same outage do not all retry in the same instant.
 * Reset after a successful connection. Used by one thread.
 */
public final class Backoff {
    public static final long DEFAULT_MIN_MILLIS = 500;
    public static final long DEFAULT_MAX_MILLIS = 30_000;

    private final long minMillis;
    private final long maxMillis;
    /** Given a bound b > 0, returns a jitter in [0, b). */
    private final LongUnaryOperator jitter;

    private long next;

    public Backoff() {
        this(DEFAULT_MIN_MILLIS, DEFAULT_MAX_MILLIS);
    }

    public Backoff(long minMillis, long maxMillis) {
        this(
                minMillis,
                maxMillis,
                bound -> java.util.concurrent.ThreadLocalRandom.current().nextLong(bound));
    }

    Backoff(long minMillis, long maxMillis, LongUnaryOperator jitter) {
        if (minMillis <= 0 || maxMillis < minMillis) throw new IllegalArgumentException("need 0 < min <= max");
        this.minMillis = minMillis;
        this.maxMillis = maxMillis;
        this.jitter = jitter;
        this.next = minMillis;
    }

    /** Delay before the next attempt; doubles the one after. */
    public long nextDelayMillis() {
        long base = next;
        next = Math.min(maxMillis, next * 2);
        long j = base / 4;
        return base + (j > 0 ? jitter.applyAsLong(j) : 0);
    }

    public void reset() {
        next = minMillis;
    }
}
