package org.vigil.server.feed;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.vigil.codec.feed.FeedCounters;
import org.vigil.codec.feed.FeedFormat;

/**
 * One configured feed: identity (name, kind, endpoint, format), live state and counters. Written
 * by the feed's own threads, read by anyone (status API): all mutable state is volatile or atomic.
 */
public final class Feed {
    private final String name;
    private final FeedKind kind;
    private final String endpoint;
    private final FeedFormat format;
    private final FeedCounters counters = new FeedCounters();
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong disconnects = new AtomicLong();
    private final AtomicLong connectionsRefused = new AtomicLong();
    private final AtomicLong sinkErrors = new AtomicLong();
    private volatile FeedState state = FeedState.NEW;
    private volatile String lastError;

    /** @param format null for a file whose format is detected when it is opened */
    public Feed(String name, FeedKind kind, String endpoint, FeedFormat format) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.format = format;
    }

    public String name() {
        return name;
    }

    public FeedKind kind() {
        return kind;
    }

    public String endpoint() {
        return endpoint;
    }

    public FeedFormat format() {
        return format;
    }

    public FeedCounters counters() {
        return counters;
    }

    public FeedState state() {
        return state;
    }

    public long connects() {
        return connects.get();
    }

    public long disconnects() {
        return disconnects.get();
    }

    public long connectionsRefused() {
        return connectionsRefused.get();
    }

    public long sinkErrors() {
        return sinkErrors.get();
    }

    public String lastError() {
        return lastError;
    }

    void state(FeedState s) {
        state = s;
    }

    void connected() {
        connects.incrementAndGet();
    }

    void disconnected() {
        disconnects.incrementAndGet();
    }

    void refused() {
        connectionsRefused.incrementAndGet();
    }

    void sinkFailed() {
        sinkErrors.incrementAndGet();
    }

    void lastError(String text) {
        lastError = text;
    }

    /** Immutable snapshot (allocates; for the status API). */
    public FeedStatus status() {
        return status(format);
    }

    FeedStatus status(FeedFormat actualFormat) {
        return new FeedStatus(
                name,
                kind.label,
                endpoint,
                actualFormat == null ? "auto" : actualFormat.name().toLowerCase(java.util.Locale.ROOT),
                state.label,
                counters.framesAccepted(),
                counters.bytesRead(),
                counters.rejectsByReason(),
                counters.skipsByReason(),
                connects.get(),
                disconnects.get(),
                connectionsRefused.get(),
                sinkErrors.get(),
                counters.lastFrameTimeNanos(),
                lastError);
    }

    @Override
    public String toString() {
        return name + " (" + kind.label + " " + endpoint + ", " + state.label + ")";
    }
}
