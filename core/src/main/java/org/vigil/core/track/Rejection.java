package org.vigil.core.track;

/** Why the tracker refused a detection or an update; each is counted by {@link Tracker#rejected}. */
public enum Rejection {
    /** Older than what the reordering window already released. */
    LATE,
    /** Radar sensor id never registered and the detection carries no radar position. */
    UNKNOWN_SENSOR,
    /** More sensors than {@link SystemTrack#MAX_SENSORS}. */
    TOO_MANY_SENSORS,
    /** Missing or non-finite time, range, azimuth, position or accuracy (e.g. NACp 0). */
    BAD_MEASUREMENT,
    /** A field out of range (altitude, Mode 3/A, ICAO address) was ignored; the rest of the detection was used. */
    FIELD_IGNORED,
    /** The Kalman update was numerically degenerate (target on top of the radar, singular S). */
    DEGENERATE_UPDATE,
    /**
     * A second detection of an aircraft already updated in the same radar batch (same ICAO address,
     * or same Mode 3/A within {@code AddressSharing#REDUNDANT_METRES}): a split or duplicated plot. A radar
     * sees an aircraft once a scan, so it is dropped rather than made into a track of its own.
     */
    REDUNDANT,
    /** An ADS-B/MLAT report disagreeing with a radar-supported track: identity kept, kinematics not used. */
    DISAGREEING_REPORT,
    /**
     * An update refused because it would take the track beyond a physical limit
     * ({@link TrackerConfig#maxSpeedMetresPerSecond} and the other limits): the plot was not this
     * aircraft's (clutter, a neighbour). A tentative track restarts from the plot instead.
     */
    IMPLAUSIBLE_MOTION
}
