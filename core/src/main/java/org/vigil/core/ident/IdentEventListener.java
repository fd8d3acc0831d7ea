package org.vigil.core.ident;

/**
 * Everything the identification engine decides, as it happens, in data-time order (the order of the
 * calls into the engine). Called on the engine's thread; the objects passed are live and reused, so
 * copy what must outlive the call. Within one update the order is fixed: rule firings and clearings
 * in rule order, then the identity change, then alerts in rule order: the same input gives the same
 * events. docs/EVENTS.md gives the JSON form ({@link EventLines} writes it).
 */
public interface IdentEventListener {
    IdentEventListener NONE = new IdentEventListener() {};

    /** First update of a track seen by the engine. */
    default void trackStarted(long timeNanos, TrackIdentity track) {}

    /** The track is gone (deleted by the tracker); its open alerts were resolved just before. */
    default void trackDeleted(long timeNanos, TrackIdentity track) {}

    /** A rule started firing for a track ({@code evidence.active()} is true). */
    default void ruleFired(long timeNanos, TrackIdentity track, Evidence evidence) {}

    /** A rule stopped firing. */
    default void ruleCleared(long timeNanos, TrackIdentity track, Evidence evidence) {}

    /** The track's identity changed; {@code track.decidingCause()} and {@code track.firing()} say why. */
    default void identityChanged(long timeNanos, TrackIdentity track, Identity from, Identity to) {}

    /** An alert was raised, updated, acknowledged, assigned or resolved. */
    default void alert(long timeNanos, Alert alert, AlertEvent what) {}

    /** An operator set ({@code identity} non-null) or cleared ({@code identity} null) an identity override. */
    default void override(long timeNanos, TrackIdentity track, Identity identity, String user, String reason) {}

    /**
     * An operator input about a track: {@code input} is "radio-contact-lost" (on/off) or
     * "no-reply-since" (on: since {@code sinceNanos}; off: the aircraft answered).
     */
    default void operatorInput(
            long timeNanos, TrackIdentity track, String input, boolean on, long sinceNanos, String user) {}
}
