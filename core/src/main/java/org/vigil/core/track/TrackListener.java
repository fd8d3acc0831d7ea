package org.vigil.core.track;

/**
 * Track life-cycle events, called synchronously by the {@link Tracker} in processing order (time
 * order of the detections, then track slot order for sweeps), so the same input gives the same
 * event sequence. The {@link SystemTrack} passed is live: read what you need during the call and
 * do not keep it (its slot is reused after deletion). Default methods do nothing.
 */
public interface TrackListener {
    /**
     * The tracker this listener hears from, given once when it is created, before the first event
     * (for sensor names and the plane projection). A listener that passes events on passes this on too.
     */
    default void bind(Tracker tracker) {}

    /** A tentative track was started from a detection. */
    default void initiated(SystemTrack track, long timeNanos) {}

    /** The track passed M-of-N confirmation: it is now part of the air picture. */
    default void confirmed(SystemTrack track, long timeNanos) {}

    /** A confirmed track was updated (throttled per track by {@link TrackerConfig#updateEventIntervalSeconds}). */
    default void updated(SystemTrack track, long timeNanos) {}

    /** ICAO address, callsign or Mode 3/A heard for this track changed (or was first heard). */
    default void identifiersChanged(SystemTrack track, long timeNanos) {}

    /** The set of sensors contributing now changed. */
    default void sensorsChanged(SystemTrack track, long timeNanos) {}

    /** ADS-B and radar disagree beyond their stated accuracies, persistently (possible spoofing). */
    default void disagreementRaised(SystemTrack track, long timeNanos) {}

    /** ADS-B and radar agree again. */
    default void disagreementCleared(SystemTrack track, long timeNanos) {}

    /** The track was deleted (coasted too long, or a tentative track failed confirmation). */
    default void deleted(SystemTrack track, long timeNanos) {}
}
