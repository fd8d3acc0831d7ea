package org.vigil.server.feed;

/** How Vigil gets a feed. */
public enum FeedKind {
    /** Vigil connects to a receiver (dump1090/readsb output port) and reconnects when it drops. */
    TCP_CLIENT("tcp-client"),
    /** Receivers connect to Vigil and push (several at once). */
    TCP_LISTENER("tcp-listener"),
    /** A recorded file, plain or gzip. */
    FILE("file");

    public final String label;

    FeedKind(String label) {
        this.label = label;
    }
}
