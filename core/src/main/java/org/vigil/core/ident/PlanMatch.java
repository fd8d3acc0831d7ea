package org.vigil.core.ident;

/**
 * What the identification engine needs from flight-plan correlation, filled by a {@link PlanLookup}:
 * one per track, reused. {@link #planRef} lets a lookup keep per-plan facts (state flight, aircraft
 * identification) across correlations without recomputing them: they are refreshed only when the
 * correlated plan changes.
 */
public final class PlanMatch {
    public boolean correlated;
    /** The plan correlated (opaque to the engine), or null. */
    public Object planRef;
    /** Item 7 aircraft identification of the plan, for evidence. */
    public String aircraftId;
    /** STS/STATE: a state (military, customs, police) flight. */
    public boolean stateFlight;
    /** SSR code assigned in item 7 (decimal reading of the octal digits), or -1. */
    public int filedSquawk = -1;
    /** Correlation score (also when below the minimum: evidence for "no flight plan"). */
    public int score;
    /** Route deviation: cross-track distance from the planned route, NM (NaN if unknown). */
    public double crossTrackNm = Double.NaN;
    /** The plan's route elements that could not be expanded ("LXXX NOSUC"), null when its route is known. */
    public String routeUnknown;
    /** How many points of the plan's route were resolved (what route monitoring measures against). */
    public int routePoints;

    public void clear() {
        correlated = false;
        planRef = null;
        aircraftId = null;
        stateFlight = false;
        filedSquawk = -1;
        score = 0;
        crossTrackNm = Double.NaN;
        routeUnknown = null;
        routePoints = 0;
    }
}
