package org.vigil.core.flightplan;

/**
 * Where a position stands relative to an expanded route: filled by
 * {@link ExpandedRoute#measure}, reused by the caller (one per thread) so measuring allocates nothing.
 */
public final class RouteProximity {
    /** Distance from the route polyline, NM, >= 0: the route-deviation measure. NaN when no route. */
    public double crossTrackNm = Double.NaN;
    /** Signed cross-track distance on the nearest leg, NM, positive right of the planned track. */
    public double signedCrossTrackNm = Double.NaN;
    /** Distance flown along the route to the nearest route point, NM from the first point. */
    public double alongTrackNm = Double.NaN;
    /** alongTrackNm divided by the route length, 0..1. */
    public double progress = Double.NaN;
    /** Index of the nearest leg (from point legIndex to legIndex + 1), -1 when none. */
    public int legIndex = -1;

    void clear() {
        crossTrackNm = signedCrossTrackNm = alongTrackNm = progress = Double.NaN;
        legIndex = -1;
    }
}
