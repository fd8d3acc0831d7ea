package org.vigil.core.flightplan;

/**
 * Evidence for or against a track being the flight of a plan, with the points each adds to the
 * correlation score (see {@link FlightPlanCorrelator}). Stored as bits in {@link Correlation#reasons}.
 */
public enum CorrelationReason {
    /** The track's callsign equals the plan's aircraft identification (item 7). */
    CALLSIGN_MATCH(40),
    /** The track's ICAO 24-bit address equals CODE/ in item 18. */
    ADDRESS_MATCH(40),
    /** The track squawks the SSR code assigned in item 7 (not a conspicuity or emergency code). */
    SQUAWK_MATCH(20),
    /** The time lies within the planned window: departure (EOBT or ATD) to departure + total EET, with margins. */
    TIME_IN_WINDOW(10),
    /** The position lies within the corridor around the expanded route. */
    ON_ROUTE(15),
    /** Both give an ICAO address and they differ: another airframe flies this callsign (an aircraft swap, or not this flight). */
    ADDRESS_MISMATCH(-20),
    /** Both give a callsign and they differ. */
    CALLSIGN_MISMATCH(-10),
    /** The time is outside the planned window. */
    TIME_OUTSIDE_WINDOW(-10),
    /** The position is outside the route corridor: a route deviation. */
    OFF_ROUTE(-10);

    public final int points;

    CorrelationReason(int points) {
        this.points = points;
    }

    int bit() {
        return 1 << ordinal();
    }
}
