package org.vigil.server.recording;

import org.vigil.core.event.EventCodec;
import org.vigil.core.event.EventTime;
import org.vigil.core.event.VigilEvent;

/**
 * An event in the event store's row form: its type column, data time (to the millisecond, the
 * stream's precision, so that it equals the time a reader decodes), track column and JSON text,
 * encoded once by {@link EventCodec}.
 */
public record EncodedEvent(String type, long timeNanos, Long track, String json) {
    public static EncodedEvent of(VigilEvent e) {
        return new EncodedEvent(e.type(), EventTime.toMillis(e.time()), e.trackNumber(), EventCodec.encode(e));
    }
}
