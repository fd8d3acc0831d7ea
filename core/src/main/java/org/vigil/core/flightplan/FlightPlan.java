package org.vigil.core.flightplan;

import java.time.LocalDate;
import java.util.List;
import org.vigil.core.flightplan.FplItem.Aircraft;
import org.vigil.core.flightplan.FplItem.Departure;
import org.vigil.core.flightplan.FplItem.Destination;
import org.vigil.core.flightplan.FplItem.Equipment;
import org.vigil.core.flightplan.FplItem.Identification;
import org.vigil.core.flightplan.FplItem.Other;
import org.vigil.core.flightplan.FplItem.Route;
import org.vigil.core.flightplan.FplItem.Rules;
import org.vigil.core.flightplan.FplItem.Supplementary;

/**
 * A filed flight plan: items 7, 8, 9, 10, 13, 15, 16, 18 (and 19 when given) of an ICAO FPL
 * message. Immutable; amendments make a new plan. {@code supplementary} is null when item 19 was
 * not in the message.
 */
public record FlightPlan(Identification identification, Rules rules, Aircraft aircraft, Equipment equipment,
                         Departure departure, Route route, Destination destination, Other other,
                         Supplementary supplementary) {

    public FlightPlan {
        if (identification == null || rules == null || aircraft == null || equipment == null || departure == null
                || route == null || destination == null || other == null) {
            throw new IllegalArgumentException("a flight plan needs items 7, 8, 9, 10, 13, 15, 16 and 18");
        }
    }

    public String aircraftId() { return identification.aircraftId(); }

    /** Assigned SSR code as four digits read in decimal (e.g. 2341), or {@link FplItem#NO_SQUAWK}. */
    public int squawk() { return identification.squawk(); }

    /** ICAO 24-bit address from CODE/ in item 18, or -1. */
    public int icaoAddress() { return other.icaoAddress(); }

    /** DOF/ from item 18, or null. */
    public LocalDate dateOfFlight() { return other.dateOfFlight(); }

    /** STATE in STS/: a state (military, customs, police) flight. */
    public boolean isStateFlight() { return other.specialHandling().contains("STATE"); }

    /** The key by which CHG, DLA, CNL, DEP and ARR messages find this plan. */
    public FlightKey key() {
        return new FlightKey(aircraftId(), departure.aerodrome(), destination.aerodrome(), dateOfFlight());
    }

    /** This plan with one item replaced (a CHG amendment). */
    public FlightPlan amend(FplItem item) {
        return switch (item) {
            case Identification i -> new FlightPlan(i, rules, aircraft, equipment, departure, route, destination, other, supplementary);
            case Rules r -> new FlightPlan(identification, r, aircraft, equipment, departure, route, destination, other, supplementary);
            case Aircraft a -> new FlightPlan(identification, rules, a, equipment, departure, route, destination, other, supplementary);
            case Equipment e -> new FlightPlan(identification, rules, aircraft, e, departure, route, destination, other, supplementary);
            case Departure d -> new FlightPlan(identification, rules, aircraft, equipment, d, route, destination, other, supplementary);
            case Route r -> new FlightPlan(identification, rules, aircraft, equipment, departure, r, destination, other, supplementary);
            case Destination d -> new FlightPlan(identification, rules, aircraft, equipment, departure, route, d, other, supplementary);
            case Other o -> new FlightPlan(identification, rules, aircraft, equipment, departure, route, destination, o, supplementary);
            case Supplementary s -> new FlightPlan(identification, rules, aircraft, equipment, departure, route, destination, other, s);
        };
    }

    /** This plan with all the given items replaced, in order. */
    public FlightPlan amend(List<? extends FplItem> items) {
        FlightPlan p = this;
        for (FplItem i : items) p = p.amend(i);
        return p;
    }
}
