package org.vigil.core.track;

/**
 * Hears of confirmed tracks that ended in an aerodrome's terminal area on the way down (touchdown,
 * or below radar cover on final): their flight is over, e.g. its flight plan closes.
 */
@FunctionalInterface
public interface LandingListener {
    /**
     * Called just before the track's {@link TrackListener#deleted}; {@code aerodrome} is the ICAO
     * location indicator the track descended to. The track is live only during the call.
     */
    void landed(SystemTrack track, long timeNanos, String aerodrome);
}
