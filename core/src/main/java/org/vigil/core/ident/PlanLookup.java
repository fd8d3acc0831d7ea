package org.vigil.core.ident;

/**
 * Flight-plan correlation as the identification engine sees it. The engine calls it when a track's
 * identifiers change and otherwise at most every {@link IdentRules#correlationIntervalNanos}, never
 * per plot. Implementations must not allocate on the steady-state path (same plan as last time).
 * {@link CorrelatorPlanLookup} adapts {@link org.vigil.core.flightplan.FlightPlanCorrelator}.
 */
@FunctionalInterface
public interface PlanLookup {
    /** No flight plans at all (every track is "no flight plan"). */
    PlanLookup NONE = (facts, out) -> {
        out.clear();
    };

    /** Correlates {@code facts}; writes the outcome into {@code out} (the track's own, holding the previous outcome). */
    void correlate(TrackFacts facts, PlanMatch out);
}
