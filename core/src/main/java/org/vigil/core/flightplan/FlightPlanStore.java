package org.vigil.core.flightplan;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.vigil.core.Callsigns;
import org.vigil.core.flightplan.AtsMessage.Chg;
import org.vigil.core.flightplan.AtsMessage.Cnl;
import org.vigil.core.flightplan.AtsMessage.Dep;
import org.vigil.core.flightplan.AtsMessage.Dla;
import org.vigil.core.flightplan.AtsMessage.Fpl;
import org.vigil.core.flightplan.FplItem.Departure;
import org.vigil.core.flightplan.FplItem.Entry;
import org.vigil.core.flightplan.FplItem.Other;

/**
 * The active flight plans. FPL files (or replaces the plan with the same key), CHG amends, DLA
 * revises the EOBT (and the DOF when the message gives a new one), DEP records the actual time of
 * departure, CNL and ARR remove the plan.
 *
 * <p>Matching a message to a plan: aircraft identification, departure and destination aerodrome
 * must be equal; the date of flight must be equal when both give one. When several plans match a
 * message without a date, the message is rejected as {@link Outcome#AMBIGUOUS} rather than
 * guessing; a message that matches nothing is {@link Outcome#NO_PLAN}. Every outcome is counted.
 *
 * <p>A plan whose route cannot be expanded completely (unknown aerodrome or point, malformed
 * element: {@link ExpandedRoute#unknown()}) is stored all the same, since it still identifies the
 * flight, and counted: {@link #routeUnknownCount()} (each FPL or CHG that stored one) and
 * {@link #routeUnknownActive()} (active plans now).
 *
 * <p>Not thread-safe: one writer (the feed of ATS messages) and readers on the same thread, like
 * the rest of the pipeline. Lookups scan the active plans (hundreds, not millions) over primitive
 * fields and allocate nothing except the result lists of the list-returning lookups.
 */
public final class FlightPlanStore {

    /** What applying one message did. */
    public enum Outcome {
        FILED,
        REPLACED,
        AMENDED,
        DELAYED,
        DEPARTED,
        CANCELLED,
        ARRIVED,
        NO_PLAN,
        AMBIGUOUS
    }

    private final RouteExpander expander;
    private final ArrayList<FiledPlan> plans = new ArrayList<>();
    private final Map<Outcome, long[]> counts = new EnumMap<>(Outcome.class);
    private long routeUnknown;

    public FlightPlanStore(RouteExpander expander) {
        this.expander = expander;
        for (Outcome o : Outcome.values()) counts.put(o, new long[1]);
    }

    /** Applies one ATS message and says what it did. */
    public Outcome apply(AtsMessage message) {
        Outcome o = applyCounted(message);
        counts.get(o)[0]++;
        return o;
    }

    private Outcome applyCounted(AtsMessage message) {
        if (message instanceof Fpl fpl) {
            FlightPlan p = fpl.plan();
            int i = indexOfExact(p.key());
            FiledPlan filed = new FiledPlan(p, PlanStatus.FILED, -1, expanded(p));
            if (i >= 0) {
                plans.set(i, filed);
                return Outcome.REPLACED;
            }
            plans.add(filed);
            return Outcome.FILED;
        }
        int i = indexOf(message.key());
        if (i == -1 && message instanceof Dla && message.key().dateOfFlight() != null) {
            // a delay past midnight carries the new date: the plan still has the old one
            FlightKey k = message.key();
            i = indexOf(new FlightKey(k.aircraftId(), k.departure(), k.destination(), null));
        }
        if (i == -1) return Outcome.NO_PLAN;
        if (i == -2) return Outcome.AMBIGUOUS;
        FiledPlan old = plans.get(i);
        if (message instanceof Chg chg) {
            FlightPlan p = old.plan().amend(chg.amendments());
            plans.set(i, new FiledPlan(p, old.status(), old.atdMinutes(), expanded(p)));
            return Outcome.AMENDED;
        }
        if (message instanceof Dla dla) {
            FlightPlan p = old.plan().amend(new Departure(old.plan().departure().aerodrome(), dla.newEobtMinutes()));
            if (dla.key().dateOfFlight() != null && !dla.key().dateOfFlight().equals(p.dateOfFlight())) {
                p = p.amend(withDof(p.other(), dla.key().dateOfFlight()));
            }
            plans.set(i, new FiledPlan(p, PlanStatus.DELAYED, -1, old.route()));
            return Outcome.DELAYED;
        }
        if (message instanceof Dep dep) {
            plans.set(i, new FiledPlan(old.plan(), PlanStatus.DEPARTED, dep.actualMinutes(), old.route()));
            return Outcome.DEPARTED;
        }
        plans.remove(i);
        return message instanceof Cnl ? Outcome.CANCELLED : Outcome.ARRIVED;
    }

    private ExpandedRoute expanded(FlightPlan p) {
        ExpandedRoute r = expander.expand(p);
        if (r.unknown()) routeUnknown++;
        return r;
    }

    private static Other withDof(Other other, java.time.LocalDate dof) {
        String v = String.format(
                java.util.Locale.ROOT, "%02d%02d%02d", dof.getYear() % 100, dof.getMonthValue(), dof.getDayOfMonth());
        List<Entry> entries = new ArrayList<>();
        boolean replaced = false;
        for (Entry e : other.entries()) {
            if (e.indicator().equals("DOF") && !replaced) {
                entries.add(new Entry("DOF", v));
                replaced = true;
            } else {
                entries.add(e);
            }
        }
        if (!replaced) entries.add(0, new Entry("DOF", v));
        return new Other(entries);
    }

    /** Index of the plan with exactly this key, -1 if none. */
    private int indexOfExact(FlightKey key) {
        for (int i = 0; i < plans.size(); i++) if (plans.get(i).key().equals(key)) return i;
        return -1;
    }

    /** Index of the one plan matching key, -1 if none, -2 if several. */
    private int indexOf(FlightKey key) {
        int found = -1;
        for (int i = 0; i < plans.size(); i++) {
            if (plans.get(i).key().matches(key)) {
                if (found >= 0) {
                    // a dated message picks the plan with the same date over an undated one
                    int exact = indexOfExact(key);
                    return exact >= 0 ? exact : -2;
                }
                found = i;
            }
        }
        return found;
    }

    /** The plan with this key (date of flight may be null = any), or null. */
    public FiledPlan find(FlightKey key) {
        int i = indexOf(key);
        return i >= 0 ? plans.get(i) : null;
    }

    /** Active plans, in the order filed. */
    public List<FiledPlan> active() {
        return List.copyOf(plans);
    }

    public int size() {
        return plans.size();
    }

    /** The i-th active plan (0 <= i < size()), for allocation-free scans. */
    public FiledPlan get(int i) {
        return plans.get(i);
    }

    /** How many messages had this outcome. */
    public long count(Outcome o) {
        return counts.get(o)[0];
    }

    /** How many FPL and CHG messages stored a plan whose route is unknown ({@link ExpandedRoute#unknown()}). */
    public long routeUnknownCount() {
        return routeUnknown;
    }

    /** How many active plans have a route that is unknown. */
    public int routeUnknownActive() {
        int n = 0;
        for (FiledPlan p : plans) if (p.route().unknown()) n++;
        return n;
    }

    /** Plans with this aircraft identification departing within [fromEpochSec, toEpochSec]. */
    public List<FiledPlan> byCallsign(String callsign, long fromEpochSec, long toEpochSec) {
        long packed = Callsigns.packOrNone(callsign);
        List<FiledPlan> out = new ArrayList<>();
        if (packed == 0) return out;
        for (FiledPlan p : plans)
            if (p.packedCallsign == packed && departsWithin(p, fromEpochSec, toEpochSec)) out.add(p);
        return out;
    }

    /** Plans with this ICAO address in CODE/ departing within [fromEpochSec, toEpochSec]. */
    public List<FiledPlan> byIcaoAddress(int address, long fromEpochSec, long toEpochSec) {
        List<FiledPlan> out = new ArrayList<>();
        for (FiledPlan p : plans)
            if (address >= 0 && p.icaoAddress == address && departsWithin(p, fromEpochSec, toEpochSec)) out.add(p);
        return out;
    }

    /** Plans with this assigned SSR code (item 7) departing within [fromEpochSec, toEpochSec]. */
    public List<FiledPlan> bySquawk(int squawk, long fromEpochSec, long toEpochSec) {
        List<FiledPlan> out = new ArrayList<>();
        for (FiledPlan p : plans)
            if (squawk >= 0 && p.squawk == squawk && departsWithin(p, fromEpochSec, toEpochSec)) out.add(p);
        return out;
    }

    private static boolean departsWithin(FiledPlan p, long from, long to) {
        long t = p.departureEpochSeconds(from / 2 + to / 2);
        return t >= from && t <= to;
    }
}
