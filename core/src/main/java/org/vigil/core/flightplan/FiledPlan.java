package org.vigil.core.flightplan;

import org.vigil.core.Callsigns;

/**
 * A flight plan held in the {@link FlightPlanStore}, with its status and what correlation needs at
 * hand as primitives (packed callsign, address, squawk, times, expanded route), computed once when
 * the plan is stored or changed so that correlating a track allocates nothing.
 */
public final class FiledPlan {
    private final FlightPlan plan;
    private final PlanStatus status;
    /** Actual time of departure in minutes of day, -1 until a DEP message. */
    private final int atdMinutes;

    private final ExpandedRoute route;
    final long packedCallsign;
    final int icaoAddress;
    final int squawk;
    /** Date of flight as epoch day, Long.MIN_VALUE when DOF/ is absent. */
    final long dofEpochDay;

    FiledPlan(FlightPlan plan, PlanStatus status, int atdMinutes, ExpandedRoute route) {
        this.plan = plan;
        this.status = status;
        this.atdMinutes = atdMinutes;
        this.route = route;
        this.packedCallsign = Callsigns.packOrNone(plan.aircraftId());
        this.icaoAddress = plan.icaoAddress();
        this.squawk = plan.squawk();
        this.dofEpochDay = plan.dateOfFlight() == null
                ? Long.MIN_VALUE
                : plan.dateOfFlight().toEpochDay();
    }

    public FlightPlan plan() {
        return plan;
    }

    public PlanStatus status() {
        return status;
    }

    public int atdMinutes() {
        return atdMinutes;
    }

    public ExpandedRoute route() {
        return route;
    }

    public FlightKey key() {
        return plan.key();
    }

    /**
     * Departure time as epoch seconds: the actual time once departed, else the EOBT, on DOF/.
     * Without DOF/ the date is chosen so that the planned flight window's middle lies nearest to
     * {@code nearEpochSeconds} (a plan without a date means "the next such flight").
     */
    public long departureEpochSeconds(long nearEpochSeconds) {
        int minutes = atdMinutes >= 0 ? atdMinutes : plan.departure().eobtMinutes();
        if (dofEpochDay != Long.MIN_VALUE) {
            long t = dofEpochDay * 86_400 + minutes * 60L;
            // an ATD just after midnight for a plan dated the day before
            if (atdMinutes >= 0 && atdMinutes < plan.departure().eobtMinutes() - 720) t += 86_400;
            return t;
        }
        long halfFlight = plan.destination().totalEetMinutes() * 30L;
        long day = Math.floorDiv(nearEpochSeconds, 86_400);
        long best = 0, bestGap = Long.MAX_VALUE;
        for (long d = day - 1; d <= day + 1; d++) {
            long t = d * 86_400 + minutes * 60L;
            long gap = Math.abs(nearEpochSeconds - (t + halfFlight));
            if (gap < bestGap) {
                bestGap = gap;
                best = t;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return plan.key() + " " + status;
    }
}
