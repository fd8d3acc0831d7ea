package org.vigil.server.recording;

/**
 * A snapshot of the raw journal's counters. Counts are since this process opened the journal,
 * except {@code segments}, {@code bytes} and {@code lastReceiveNanos}, which describe the journal.
 *
 * @param appended raw inputs accepted
 * @param durable of those, how many are known fsynced
 * @param rejectedMalformed null/out-of-range buffers, bad feed names
 * @param rejectedOversize raw inputs longer than {@link RawStore#MAX_RAW_BYTES}
 * @param rejectedUnknownFeed appends with a feed id never registered
 * @param rejectedClosed appends after close
 * @param writeFailures I/O errors (disk full...) that lost input
 * @param receiveTimeRegressions records stored with a receive time before the previous one
 * @param tornTailsTruncated torn tails found and cut on open (at most one per open)
 * @param tornBytesDiscarded bytes cut by those truncations
 * @param corruptRecordsSkipped corruption met in closed segments (read stops at that segment's bad record)
 */
public record JournalStats(
        long appended,
        long durable,
        long syncs,
        long rejectedMalformed,
        long rejectedOversize,
        long rejectedUnknownFeed,
        long rejectedClosed,
        long writeFailures,
        long receiveTimeRegressions,
        long tornTailsTruncated,
        long tornBytesDiscarded,
        long corruptRecordsSkipped,
        int segments,
        long bytes,
        long segmentsDeleted,
        long bytesDeleted,
        long lastReceiveNanos) {}
