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
public record FlightPlan(
        Identification identification,
        Rules rules,
        Aircraft aircraft,
        Equipment equipment,
        Departure departure,
        Route route,
        Destination destination,
        Other other,
        Supplementary supplementary) {

    public FlightPlan {
        if (identification == null
                || rules == null
                || aircraft == null
                || equipment == null
                || departure == null
                || route == null
                || destination == null
                || other == null) {
            throw new IllegalArgumentException("a flight plan needs items 7, 8, 9, 10, 13, 15, 16 and 18");
        }
    }

    public String aircraftId() {
        return identification.aircraftId();
    }

    /** Assigned SSR code as four digits read in decimal (e.g. 2341), or {@link FplItem#NO_SQUAWK}. */
    public int squawk() {
        return identification.squawk();
    }

    /** ICAO 24-bit address from CODE/ in item 18, or -1. */
    public int icaoAddress() {
        return other.icaoAddress();
    }

    /** DOF/ from item 18, or null. */
    public LocalDate dateOfFlight() {
        return other.dateOfFlight();
    }

    /** STATE in STS/: a state (military, customs, police) flight. */
    public boolean isStateFlight() {
        return other.specialHandling().contains("STATE");
    }

    /** The key by which CHG, DLA, CNL, DEP and ARR messages find this plan. */
    public FlightKey key() {
        return new FlightKey(aircraftId(), departure.aerodrome(), destination.aerodrome(), dateOfFlight());
    }

    /** This plan with one item replaced (a CHG amendment). */
    public FlightPlan amend(FplItem item) {
        Identification i = identification;
        Rules r = rules;
        Aircraft a = aircraft;
        Equipment e = equipment;
        Departure d = departure;
        Route ro = route;
        Destination de = destination;
        Other o = other;
        Supplementary s = supplementary;
        if (item instanceof Identification x) i = x;
        else if (item instanceof Rules x) r = x;
        else if (item instanceof Aircraft x) a = x;
        else if (item instanceof Equipment x) e = x;
        else if (item instanceof Departure x) d = x;
        else if (item instanceof Route x) ro = x;
        else if (item instanceof Destination x) de = x;
        else if (item instanceof Other x) o = x;
        else if (item instanceof Supplementary x) s = x;
        return new FlightPlan(i, r, a, e, d, ro, de, o, s);
    }

    /** This plan with all the given items replaced, in order. */
    public FlightPlan amend(List<? extends FplItem> items) {
        FlightPlan p = this;
        for (FplItem i : items) p = p.amend(i);
        return p;
    }
}
