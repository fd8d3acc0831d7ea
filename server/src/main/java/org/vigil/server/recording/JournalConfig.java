package org.vigil.server.recording;

import java.time.Duration;

/**
 * Tuning of the raw journal.
 *
 * @param syncInterval how often appended input is made durable (fdatasync); the power-loss window.
 *     Zero means sync after every record (slow: one fsync per message)
 * @param segmentBytes a segment is closed and a new one started past this size; retention deletes
 *     whole segments, so this is also the retention granularity
 * @param writeBufferBytes appends collect here before one write() to the OS; a process crash loses
 *     at most this much
 */
public record JournalConfig(Duration syncInterval, long segmentBytes, int writeBufferBytes) {

    /** The durability default: at most one second of raw input lost on power loss. */
    public static final JournalConfig DEFAULT = new JournalConfig(Duration.ofSeconds(1), 64L << 20, 1 << 20);

    public JournalConfig {
        if (syncInterval == null) {
            syncInterval = DEFAULT.syncInterval();
        }
        if (writeBufferBytes < Journal.RECORD_HEADER + Journal.MAX_PAYLOAD) {
            throw new IllegalArgumentException("writeBufferBytes must hold the largest record: " + writeBufferBytes);
        }
        if (segmentBytes < 2L * writeBufferBytes) {
            throw new IllegalArgumentException("segmentBytes must be at least twice writeBufferBytes: " + segmentBytes);
        }
    }

    public JournalConfig withSyncInterval(Duration d) {
        return new JournalConfig(d, segmentBytes, writeBufferBytes);
    }

    public JournalConfig withSegmentBytes(long bytes) {
        return new JournalConfig(syncInterval, bytes, writeBufferBytes);
    }
}
