package org.vigil.server.flightplan;

import java.util.ArrayList;
import java.util.List;
import org.vigil.core.Callsigns;
import org.vigil.core.flightplan.AtsMessage;
import org.vigil.core.flightplan.FiledPlan;
import org.vigil.core.flightplan.FlightPlanStore;
import org.vigil.core.track.LandingListener;
import org.vigil.core.track.SystemTrack;

/**
 * Closes the flight plan of a flight whose track ended landing at its destination (the tracker's
 * {@link LandingListener}): the store gets the ARR the aerodrome would send, so the plan leaves the
 * active list and nothing (correlation, "no flight plan" on a later flight with the callsign) hangs
 * on to it. The plan is found by the track's ICAO address (FPL item 18 CODE/), else its callsign,
 * among plans departed in the last 24 hours whose destination is the aerodrome the track descended
 * to; with none or several, nothing is closed (counted).
 *
 * <p>Called on the tracking thread; the store is the one the pipeline's plans are applied to (not
 * thread-safe itself: the caller serialises, as for ATS messages).
 */
public final class LandedFlights implements LandingListener {
    private static final long DAY_SECONDS = 86_400;
    private final FlightPlanStore store;
    private final List<String> closedLog = new ArrayList<>();
    private long landings;
    private long closed;

    public LandedFlights(FlightPlanStore store) {
        this.store = store;
    }

    @Override
    public void landed(SystemTrack track, long timeNanos, String aerodrome) {
        landings++;
        long now = Math.floorDiv(timeNanos, 1_000_000_000L);
        FiledPlan plan = null;
        if (track.icao() != SystemTrack.ABSENT)
            plan = arrivingAt(store.byIcaoAddress(track.icao(), now - DAY_SECONDS, now), aerodrome);
        if (plan == null && track.callsign() != 0) {
            plan = arrivingAt(
                    store.byCallsign(Callsigns.unpack(track.callsign()).trim(), now - DAY_SECONDS, now), aerodrome);
        }
        if (plan == null) return;
        int minutes = (int) Math.floorMod(now / 60, 1440L);
        if (store.apply(new AtsMessage.Arr(plan.key(), aerodrome, minutes)) == FlightPlanStore.Outcome.ARRIVED) {
            closed++;
            if (closedLog.size() < 10_000) closedLog.add(plan.key().aircraftId() + " " + aerodrome);
        }
    }

    private static FiledPlan arrivingAt(List<FiledPlan> plans, String aerodrome) {
        FiledPlan found = null;
        for (FiledPlan p : plans) {
            if (!aerodrome.equals(p.plan().destination().aerodrome())) continue;
            if (found != null) return null; // ambiguous: leave both open
            found = p;
        }
        return found;
    }

    /** Tracks reported landed. */
    public long landings() {
        return landings;
    }

    /** Plans closed by a landing. */
    public long closed() {
        return closed;
    }

    /** "AIRCRAFT-ID AERODROME" of the plans closed, in order (the first 10,000). */
    public List<String> closedPlans() {
        return List.copyOf(closedLog);
    }
}
