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
    private final double tentativePenalty;

    /**
     * @param gateChiSquare χ² threshold for 2 degrees of freedom (13.816 = 99.9 %)
     * @param squawkPenalty cost added for a different Mode 3/A code
     */
    public MahalanobisHypothesiser(Updater updater, double gateChiSquare, double squawkPenalty) {
        this(updater, gateChiSquare, squawkPenalty, 0);
    }

    /**
     * @param tentativePenalty cost added for pairing with a tentative track. Why: a tentative track's
     *        wide covariance gives small Mahalanobis distances, so without it a plot that an
     *        established track also gates well would go to a stray tentative track next to it (the
     *        one a 0.1 % gate miss started), confirming a duplicate. The penalty stands in for the
     *        log-determinant term of the likelihood that plain d² leaves out.
     */
    public MahalanobisHypothesiser(
            Updater updater, double gateChiSquare, double squawkPenalty, double tentativePenalty) {
        if (!(gateChiSquare > 0) || !(squawkPenalty >= 0)) throw new IllegalArgumentException("gate > 0, penalty >= 0");
        this.updater = updater;
        this.gate = gateChiSquare;
        this.squawkPenalty = squawkPenalty;
        if (!(tentativePenalty >= 0) || !(tentativePenalty < gateChiSquare))
            throw new IllegalArgumentException("0 <= tentative penalty < gate");
        this.tentativePenalty = tentativePenalty;
    }

    @Override
    public double cost(SystemTrack t, Detection d, KinematicState predicted, Measurement z) {
        double d2 = updater.mahalanobis(predicted, z);
        if (!(d2 <= gate)) return Double.NaN;
        if (d.mode3A != Detection.ABSENT && t.mode3A != Detection.ABSENT && d.mode3A != t.mode3A) d2 += squawkPenalty;
        if (t.status != TrackStatus.CONFIRMED) d2 += tentativePenalty;
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
