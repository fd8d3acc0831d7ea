package org.vigil.core.track;

/**
 * Chi-square gate on the 2-D innovation with the squared Mahalanobis distance as cost (Stone
 * Soup's DistanceHypothesiser with a Mahalanobis measure and missed distance = half the gate).
 * A secondary plot whose Mode 3/A differs from the track's pays a penalty: squawk changes happen
 * (emergency codes, handovers), so it is not forbidden, but a different code must fit much better.
 */
public final class MahalanobisHypothesiser implements Hypothesiser {
    private final Updater updater;
    private final double gate;
    private final double squawkPenalty;

    /**
     * @param gateChiSquare χ² threshold for 2 degrees of freedom (13.816 = 99.9 %)
     * @param squawkPenalty cost added for a different Mode 3/A code
     */
    public MahalanobisHypothesiser(Updater updater, double gateChiSquare, double squawkPenalty) {
        if (!(gateChiSquare > 0) || !(squawkPenalty >= 0)) throw new IllegalArgumentException("gate > 0, penalty >= 0");
        this.updater = updater;
        this.gate = gateChiSquare;
        this.squawkPenalty = squawkPenalty;
    }

    @Override
    public double cost(SystemTrack t, Detection d, KinematicState predicted, Measurement z) {
        double d2 = updater.mahalanobis(predicted, z);
        if (!(d2 <= gate)) return Double.NaN;
        if (d.mode3A != Detection.ABSENT && t.mode3A != Detection.ABSENT && d.mode3A != t.mode3A) d2 += squawkPenalty;
        return d2;
    }

    @Override
    public double missCost() {
        return gate / 2;
    }

    @Override
    public double gate() {
        return gate;
    }
}
