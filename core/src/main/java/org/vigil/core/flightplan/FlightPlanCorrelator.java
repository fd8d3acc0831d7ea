package org.vigil.core.flightplan;

import org.vigil.core.Callsigns;

/**
 * Finds the flight plan a track is flying. Candidates are the active plans that share at least one
 * identity with the track (callsign, ICAO address, assigned squawk); each scores the sum of the
 * points of its {@link CorrelationReason}s; the best candidate at or above {@link #minScore} wins,
 * ties going to the smaller route deviation.
 *
 * <p>Why these weights: a callsign or an address alone (40) is enough to correlate, as an operator
 * would; a squawk alone (20) is not, because codes are reused, but a squawk in the time window and
 * on the route (20 + 10 + 15) is. A plan whose CODE/ contradicts the track's address loses 20: airlines
 * swap aircraft after filing, so the callsign still correlates when time and route agree (and the
 * mismatch stays visible as a reason), but not when they do not.
 *
 * <p>Allocation-free: reuses one {@link RouteProximity}; writes into the caller's
 * {@link Correlation}. Not thread-safe (one per thread).
 */
public final class FlightPlanCorrelator {
    /** Default half-width of the route corridor, NM. */
    public static final double DEFAULT_CORRIDOR_NM = 10;
    /** Default margins around the planned window, seconds. */
    public static final long DEFAULT_EARLY_S = 30 * 60, DEFAULT_LATE_S = 45 * 60;

    public static final int DEFAULT_MIN_SCORE = 30;

    /** values() clones its array: keep one. */
    private static final CorrelationReason[] REASONS = CorrelationReason.values();

    private final FlightPlanStore store;
    private final double corridorNm;
    private final long earlyS, lateS;
    private final int minScore;
    private final RouteProximity proximity = new RouteProximity();

    public FlightPlanCorrelator(FlightPlanStore store) {
        this(store, DEFAULT_CORRIDOR_NM, DEFAULT_EARLY_S, DEFAULT_LATE_S, DEFAULT_MIN_SCORE);
    }

    /**
     * @param corridorNm half-width of the corridor around the route inside which a track is ON_ROUTE
     * @param earlyS     how long before the planned departure the window opens, seconds
     * @param lateS      how long after departure + total EET the window stays open, seconds
     * @param minScore   the score a plan needs to correlate
     */
    public FlightPlanCorrelator(FlightPlanStore store, double corridorNm, long earlyS, long lateS, int minScore) {
        this.store = store;
        this.corridorNm = corridorNm;
        this.earlyS = earlyS;
        this.lateS = lateS;
        this.minScore = minScore;
    }

    public int minScore() {
        return minScore;
    }

    /** As {@link #correlate(long, int, int, double, double, long, Correlation)} with a text callsign (allocates nothing either). */
    public boolean correlate(
            String callsign, int icaoAddress, int squawk, double lat, double lon, long epochSeconds, Correlation out) {
        return correlate(
                callsign == null ? 0 : Callsigns.packOrNone(callsign.strip()),
                icaoAddress,
                squawk,
                lat,
                lon,
                epochSeconds,
                out);
    }

    /**
     * Correlates one track.
     * @param packedCallsign callsign packed as the Mode S decoder does, 0 when unknown
     * @param icaoAddress    24-bit address, negative when unknown (primary or Mode A/C only)
     * @param squawk         Mode A code as four digits read in decimal (7700), negative when unknown
     * @param lat            position, degrees (NaN when unknown: no route evidence)
     * @param epochSeconds   time of the observation (from the message, not a clock)
     * @return whether a plan correlated; {@code out} holds the best candidate's evidence either way
     *         (its plan is null when the score stayed below the minimum)
     */
    public boolean correlate(
            long packedCallsign,
            int icaoAddress,
            int squawk,
            double lat,
            double lon,
            long epochSeconds,
            Correlation out) {
        out.clear();
        FiledPlan best = null;
        int bestScore = Integer.MIN_VALUE, bestReasons = 0;
        double bestXtk = Double.NaN, bestAlong = Double.NaN, bestProgress = Double.NaN;
        boolean usableSquawk = squawk >= 0 && !isNonDiscrete(squawk);
        for (int i = 0, n = store.size(); i < n; i++) {
            FiledPlan p = store.get(i);
            boolean cs = packedCallsign != 0 && p.packedCallsign == packedCallsign;
            boolean addr = icaoAddress >= 0 && p.icaoAddress == icaoAddress;
            boolean sq = usableSquawk && p.squawk == squawk;
            if (!cs && !addr && !sq) continue;
            int reasons = 0;
            if (cs) reasons |= CorrelationReason.CALLSIGN_MATCH.bit();
            else if (packedCallsign != 0 && p.packedCallsign != 0) reasons |= CorrelationReason.CALLSIGN_MISMATCH.bit();
            if (addr) reasons |= CorrelationReason.ADDRESS_MATCH.bit();
            else if (icaoAddress >= 0 && p.icaoAddress >= 0) reasons |= CorrelationReason.ADDRESS_MISMATCH.bit();
            if (sq) reasons |= CorrelationReason.SQUAWK_MATCH.bit();
            long dep = p.departureEpochSeconds(epochSeconds);
            long arr = dep + p.plan().destination().totalEetMinutes() * 60L;
            reasons |= epochSeconds >= dep - earlyS && epochSeconds <= arr + lateS
                    ? CorrelationReason.TIME_IN_WINDOW.bit()
                    : CorrelationReason.TIME_OUTSIDE_WINDOW.bit();
            double xtk = Double.NaN;
            if (!Double.isNaN(lat) && !Double.isNaN(lon) && p.route().measurable()) {
                p.route().measure(lat, lon, proximity);
                xtk = proximity.crossTrackNm;
                reasons |= xtk <= corridorNm ? CorrelationReason.ON_ROUTE.bit() : CorrelationReason.OFF_ROUTE.bit();
            }
            int score = score(reasons);
            if (score > bestScore || (score == bestScore && xtk < bestXtk)) {
                best = p;
                bestScore = score;
                bestReasons = reasons;
                bestXtk = xtk;
                bestAlong = proximity.alongTrackNm;
                bestProgress = proximity.progress;
            }
        }
        if (best == null) return false;
        out.score = bestScore;
        out.reasons = bestReasons;
        out.crossTrackNm = bestXtk;
        out.alongTrackNm = Double.isNaN(bestXtk) ? Double.NaN : bestAlong;
        out.progress = Double.isNaN(bestXtk) ? Double.NaN : bestProgress;
        if (bestScore < minScore) return false;
        out.plan = best;
        return true;
    }

    /** Codes that do not identify a flight: conspicuity (1200, 2000, 7000) and emergencies (7500, 7600, 7700). */
    static boolean isNonDiscrete(int squawk) {
        return squawk == 1200 || squawk == 2000 || squawk == 7000 || squawk == 7500 || squawk == 7600 || squawk == 7700;
    }

    static int score(int reasons) {
        int s = 0;
        for (CorrelationReason r : REASONS) if ((reasons & r.bit()) != 0) s += r.points;
        return s;
    }
}
