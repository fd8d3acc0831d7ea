package org.vigil.core.track;

/** Decides how long a track may coast without updates. */
public interface Deleter {
    /**
     * The time (ns) after which {@code track} is deleted if it receives no update; called after
     * every update of the track.
     */
    long deadline(SystemTrack track);
}
