package org.vigil.server.recording;

import java.time.Duration;

/**
 * How long and how much the recorder keeps. Old data goes in whole units: journal segments for raw
 * input, rows for events. Zero or negative means "no limit" for that bound.
 *
 * @param maxAge raw inputs and machine events older than this (by receive / data time) are deleted
 * @param maxJournalBytes the raw journal is trimmed (oldest segments first) to at most this size
 * @param maxEventRows at most this many machine events are kept (oldest deleted first)
 * @param keepOperatorActions operator actions (events with an actor) are the audit trail: when true
 *     retention never deletes them
 */
public record RetentionPolicy(Duration maxAge, long maxJournalBytes, long maxEventRows, boolean keepOperatorActions) {

    /** Keep everything. */
    public static final RetentionPolicy KEEP_ALL = new RetentionPolicy(Duration.ZERO, 0, 0, true);

    public RetentionPolicy {
        if (maxAge == null) {
            maxAge = Duration.ZERO;
        }
    }

    boolean limitsAge() {
        return !maxAge.isZero() && !maxAge.isNegative();
    }

    /** Cut-off in epoch nanos below which data is old, or Long.MIN_VALUE if age is unlimited. */
    long ageCutoffNanos(long nowNanos) {
        return limitsAge() ? nowNanos - maxAge.toNanos() : Long.MIN_VALUE;
    }
}
