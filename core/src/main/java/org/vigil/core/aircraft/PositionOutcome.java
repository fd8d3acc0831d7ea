package org.vigil.core.aircraft;

/** What the table did with an offered position. Every non-accepted outcome is counted. */
public enum PositionOutcome {
    /** Plausible from the last good position (or the first one): now the current position. */
    ACCEPTED,
    /**
     * Implausible from the last good position, but the last few rejected positions agree with
     * each other: the old position was the bad one, the aircraft is re-placed here.
     */
    RELOCATED,
    /** Would imply a ground speed beyond {@link TrackingRules#maxAirborneSpeedKt()}: kept out. */
    REJECTED_IMPLAUSIBLE,
    /** Older than the current position (reordered feeds): not drawn, the newer fix stands. */
    IGNORED_LATE,
    /** Latitude/longitude not finite or outside ±90/±180. */
    REJECTED_INVALID
}
