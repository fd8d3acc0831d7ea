package org.vigil.core.event;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Where events go, typed: one call per event, in the order they happen (data-time order), on the
 * thread that produces them. A sink that stores or sends text encodes with {@link EventCodec},
 * once. Writers (the tracker's, the identification's, the scramble workflow's) share one sink, so
 * the stream stays in order without any gluing of lines.
 */
@FunctionalInterface
public interface EventSink {
    /** Drops every event. */
    EventSink NONE = e -> {};

    void accept(VigilEvent event);

    /**
     * A sink writing JSON Lines ({@link EventCodec#encode} and a newline per event) to {@code out};
     * the caller owns and flushes it. An IOException is rethrown unchecked: losing events silently
     * is worse than stopping.
     */
    static EventSink jsonLines(Appendable out) {
        return e -> {
            try {
                out.append(EventCodec.encode(e)).append('\n');
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        };
    }

    /** Both sinks, this one first. */
    default EventSink andThen(EventSink next) {
        return e -> {
            accept(e);
            next.accept(e);
        };
    }
}
