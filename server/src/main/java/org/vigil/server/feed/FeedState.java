package org.vigil.server.feed;

/** Connection state of a feed, as shown to operators. */
public enum FeedState {
    /** Not started yet. */
    NEW("new"),
    /** Opening the connection or file. */
    CONNECTING("connecting"),
    /** Data can flow (a listener: at least one feeder connected). */
    CONNECTED("connected"),
    /** Listener bound, no feeder connected. */
    LISTENING("listening"),
    /** Connection lost or refused; waiting before the next attempt. */
    BACKOFF("backoff"),
    /** Stopped by Vigil. */
    CLOSED("closed"),
    /** A file was read to its end. */
    EOF("eof"),
    /** A file could not be read (see the feed's last error). */
    FAILED("failed");

    public final String label;

    FeedState(String label) {
        this.label = label;
    }
}
