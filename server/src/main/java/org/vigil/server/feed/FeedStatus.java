package org.vigil.server.feed;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Immutable snapshot of one feed for {@code /api/feeds}. Counters only grow; each value is exact
 * at the moment it was read, but the snapshot is not atomic across values.
 *
 * @param rejects            rejects by reason label (bad_escape, bad_crc, truncated, ...), all reasons present
 * @param skips              well-formed records not delivered (status, heartbeat, ...), all present
 * @param lastFrameTimeNanos receive time of the last accepted frame (ns since the epoch), -1 before the first
 * @param sinkErrors         frames the consumer threw on (the feed went on)
 * @param lastError          last I/O problem in operator words, null when none
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FeedStatus(
        String name,
        String kind,
        String endpoint,
        String format,
        String state,
        long framesAccepted,
        long bytesRead,
        Map<String, Long> rejects,
        Map<String, Long> skips,
        long connects,
        long disconnects,
        long connectionsRefused,
        long sinkErrors,
        long lastFrameTimeNanos,
        String lastError) {

    public FeedStatus {
        // keep the reasons in their documented order for displays, but frozen
        rejects = Collections.unmodifiableMap(new LinkedHashMap<>(rejects));
        skips = Collections.unmodifiableMap(new LinkedHashMap<>(skips));
    }
}
