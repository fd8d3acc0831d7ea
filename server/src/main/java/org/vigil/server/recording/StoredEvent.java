package org.vigil.server.recording;

/**
 * One event as read back from the store.
 *
 * @param seq gap-free, strictly increasing sequence number, never reused across restarts
 * @param type event type, e.g. "track.new", "alert.ack"
 * @param dataTimeNanos time of the event in data time (epoch nanoseconds), not wall clock
 * @param trackNumber the track concerned, or null
 * @param payloadJson event details as JSON text, stored verbatim
 * @param actor who did it (operator actions), or null (machine events)
 * @param recordedAtMillis wall-clock time the store committed the event (audit "when recorded")
 */
public record StoredEvent(
        long seq,
        String type,
        long dataTimeNanos,
        Long trackNumber,
        String payloadJson,
        Actor actor,
        long recordedAtMillis) {}
