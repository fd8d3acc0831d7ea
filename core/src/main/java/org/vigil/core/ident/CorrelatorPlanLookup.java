package org.vigil.core.ident;

import org.vigil.core.flightplan.Correlation;
import org.vigil.core.flightplan.FiledPlan;
import org.vigil.core.flightplan.FlightPlanCorrelator;

/**
 * {@link PlanLookup} over the flight-plan store's correlator. Allocation-free while a track keeps
 * correlating with the same plan: the plan's state-flight flag (whose reading allocates) is looked
 * up only when the plan changes. One per thread (the correlator is not thread-safe).
 */
public final class CorrelatorPlanLookup implements PlanLookup {
    private final FlightPlanCorrelator correlator;
    private final Correlation c = new Correlation();

    public CorrelatorPlanLookup(FlightPlanCorrelator correlator) {
        this.correlator = correlator;
    }

    @Override
    public void correlate(TrackFacts f, PlanMatch out) {
        long epochSeconds = Math.floorDiv(f.timeNanos, 1_000_000_000L);
        int address = f.icaoAddress == TrackFacts.ABSENT ? -1 : f.icaoAddress;
        int squawk = f.squawk == TrackFacts.ABSENT ? -1 : f.squawk;
        boolean ok = correlator.correlate(f.callsign, address, squawk, f.latDeg, f.lonDeg, epochSeconds, c);
        out.score = c.score;
        out.crossTrackNm = c.crossTrackNm;
        out.correlated = ok;
        FiledPlan p = c.plan;
        if (p != out.planRef) {
            out.planRef = p;
            out.aircraftId = p == null ? null : p.plan().aircraftId();
            out.stateFlight = p != null && p.plan().isStateFlight();
            out.filedSquawk = p == null ? -1 : Math.max(-1, p.plan().squawk());
            out.routeUnknown =
                    p == null || !p.route().unknown() ? null : p.route().unknownText();
            out.routePoints = p == null ? 0 : p.route().size();
        }
    }
}
