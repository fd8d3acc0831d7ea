package org.vigil.server.recording;

import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.core.event.EventSink;
import org.vigil.core.event.VigilEvent;

/**
 * The event sink that stores every machine event in the recorder's event store (its row form:
 * {@link EncodedEvent}, encoded once by the one codec), with the
 * restart rule that keeps the stored sequence free of gaps and duplicates (docs/REPLAY.md "Restart").
 *
 * <p>Normally every event is recorded ({@link Recorder#recordEvent}). During a restart rebuild
 * ({@link #catchUp}) the regenerated events are first matched, in order, against the events already
 * stored: an event equal to the next stored one (type, data time, track, JSON) was recorded before
 * the crash and is dropped; once the stored ones are used up, the regenerated events are those the
 * crash lost (their batch was not committed) and are recorded, continuing the sequence. If the
 * regenerated stream departs from the stored one (a replay that cannot be exact, e.g. it started
 * mid-recording, so track numbers differ) every event up to the data time of the last stored one
 * is dropped instead ({@link #divergences()} counts it), so nothing is stored twice.
 *
 * <p>Threading: called from the pipeline's thread (the event writers'); the counters are plain
 * fields read after the rebuild by the same thread or under the pipeline's lock.
 */
public final class RecordedEvents implements EventSink {
    private static final Logger LOG = LoggerFactory.getLogger(RecordedEvents.class);

    private final Recorder recorder;
    private List<StoredEvent> expected = List.of();
    private int cursor;
    private long quietUntilNanos = Long.MIN_VALUE;
    private long recorded, matched, suppressed, divergences;

    public RecordedEvents(Recorder recorder) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
    }

    /**
     * Starts a rebuild: regenerated events are matched against {@code stored} (machine events in
     * sequence order) and dropped while they match; events at or before {@code quietUntilNanos} of
     * data time are dropped in any case (Long.MIN_VALUE: none).
     */
    public void catchUp(List<StoredEvent> stored, long quietUntilNanos) {
        this.expected = List.copyOf(stored);
        this.cursor = 0;
        this.quietUntilNanos = quietUntilNanos;
    }

    /** Stored events not (yet) met again by the rebuild. */
    public int unmatched() {
        return expected.size() - cursor;
    }

    @Override
    public void accept(VigilEvent event) {
        EncodedEvent x = EncodedEvent.of(event); // encoded once: compared and stored as text
        String type = x.type();
        long timeNanos = x.timeNanos();
        if (cursor < expected.size()) {
            StoredEvent e = expected.get(cursor);
            if (e.type().equals(type)
                    && e.dataTimeNanos() == timeNanos
                    && Objects.equals(e.trackNumber(), x.track())
                    && e.payloadJson().equals(x.json())) {
                cursor++;
                matched++;
                return;
            }
            divergences++;
            long last = expected.get(expected.size() - 1).dataTimeNanos();
            LOG.warn(
                    "restart: regenerated event departs from the stored one at seq {} ({} vs {}); "
                            + "dropping regenerated events up to data time {}",
                    e.seq(),
                    type,
                    e.type(),
                    last);
            quietUntilNanos = Math.max(quietUntilNanos, last);
            expected = List.of();
            cursor = 0;
        }
        if (timeNanos <= quietUntilNanos) {
            suppressed++;
            return;
        }
        recorder.recordEvent(type, timeNanos, x.track(), x.json());
        recorded++;
    }

    /** Ends catching up: from now on every event is recorded. */
    public void live() {
        if (cursor < expected.size()) {
            LOG.warn("restart: {} stored events were not regenerated (their input was lost)", expected.size() - cursor);
        }
        expected = List.of();
        cursor = 0;
        quietUntilNanos = Long.MIN_VALUE;
    }

    public long recorded() {
        return recorded;
    }

    public long matched() {
        return matched;
    }

    public long suppressed() {
        return suppressed;
    }

    public long divergences() {
        return divergences;
    }
}
