package org.vigil.server.recording;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.core.event.EventCodec;
import org.vigil.core.event.VigilEvent;

/**
 * Stored events back to the typed model ({@link EventCodec#decode}) for one reader (restart,
 * export, playback). A line the codec refuses (a type this build does not know, a newer schema,
 * not an event) is skipped, logged and counted, never thrown (docs/EVENTS.md: readers ignore
 * types they do not know). Not thread-safe: one per read.
 */
public final class EventDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(EventDecoder.class);

    /** Skips of every decoder of this process by reader, for {@code /api/health} ({@link #skippedByReader}). */
    private static final ConcurrentMap<String, LongAdder> SKIPPED = new ConcurrentHashMap<>();

    private final String reader;
    private long skipped;

    /** @param reader who reads, for the log ({@code restart}, {@code export}...) */
    public EventDecoder(String reader) {
        this.reader = reader;
    }

    /** The stored event as its typed record, or empty when the codec refuses it (counted and logged). */
    public Optional<VigilEvent> decode(StoredEvent e) {
        try {
            return Optional.of(EventCodec.decode(e.payloadJson()));
        } catch (IllegalArgumentException refused) {
            skipped++;
            SKIPPED.computeIfAbsent(reader, r -> new LongAdder()).increment();
            LOG.warn("{}: stored event {} of type {} skipped: {}", reader, e.seq(), e.type(), refused.getMessage());
            return Optional.empty();
        }
    }

    /** Stored events skipped so far because the codec refused them. */
    public long skipped() {
        return skipped;
    }

    /**
     * Stored events skipped since this process started, by reader ({@code restart}, {@code export},
     * {@code playback}...), sorted by reader; only readers that skipped any. Shown in
     * {@code /api/health} as {@code event_lines_skipped}, so a refused line is not only in the log.
     */
    public static Map<String, Long> skippedByReader() {
        Map<String, Long> m = new TreeMap<>();
        SKIPPED.forEach((r, n) -> m.put(r, n.sum()));
        return m;
    }
}
