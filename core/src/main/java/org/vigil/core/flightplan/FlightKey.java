package org.vigil.core.flightplan;

import java.time.LocalDate;

/**
 * What identifies a filed flight plan in ATS messages: aircraft identification (item 7),
 * departure aerodrome (13a), destination aerodrome (16a) and date of flight (DOF/ in item 18,
 * null when the message did not give one — it then means "the plan for the next flight").
 */
public record FlightKey(String aircraftId, String departure, String destination, LocalDate dateOfFlight) {

    /** Same flight, where a missing date of flight on either side matches any date. */
    public boolean matches(FlightKey other) {
        return aircraftId.equals(other.aircraftId)
                && departure.equals(other.departure)
                && destination.equals(other.destination)
                && (dateOfFlight == null || other.dateOfFlight == null || dateOfFlight.equals(other.dateOfFlight));
    }

    @Override
    public String toString() {
        return aircraftId + " " + departure + "-" + destination + (dateOfFlight == null ? "" : " " + dateOfFlight);
    }
}
