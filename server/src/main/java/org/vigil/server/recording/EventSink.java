package org.vigil.server.recording;

/**
 * Where the event writers put every event they produce: type, data time, track (null for none)
 * and the event's JSON line (without the newline). One call per event, in the order the events
 * happen (data-time order).
 */
@FunctionalInterface
public interface EventSink {
    void event(String type, long timeNanos, Long track, String json);
}
