package org.vigil.core.track;

/**
 * Track existence probability, integrated PDA style (Mušicki, Evans and Stanković 1994) for the
 * single plot GNN gives a track per scan: a missed scan multiplies the odds of existence by
 * 1 − P_D·P_G, a plot by its likelihood against clutter, P_D·g(ν)/λ with g the Gaussian density of
 * the innovation and λ the clutter density ({@link ClutterMap}).
 *
 * <p>Used for tracks only primary radar has seen, which have no identity to tell them from clutter:
 * the same three plots confirm a track over an empty sea and need more scans where the radar's
 * clutter is dense.
 */
public final class TrackExistence {
    /** P_G of the 99.9 % gate. */
    private static final double GATE_PROBABILITY = 0.999;

    private TrackExistence() {}

    /** Prior existence of a track started by a lone plot: new-target density over new-target plus clutter density. */
    public static double initial(double newTargetDensity, double clutterDensity) {
        return newTargetDensity / (newTargetDensity + clutterDensity);
    }

    /** Existence after {@code misses} scans without a plot. */
    public static double missed(double p, int misses, double pd) {
        double d = pd * GATE_PROBABILITY;
        for (int i = 0; i < misses; i++) p = p * (1 - d) / (1 - d * p);
        return p;
    }

    /**
     * Existence after one plot with squared Mahalanobis distance {@code d2} and ln det S
     * {@code logDetS} (2-D), against clutter density {@code lambda} (per m² and scan).
     */
    public static double hit(double p, double d2, double logDetS, double lambda, double pd) {
        double g = Math.exp(-0.5 * d2 - 0.5 * logDetS) / (2 * Math.PI);
        double delta = pd * GATE_PROBABILITY - pd * g / lambda;
        double q = (1 - delta) * p / (1 - delta * p);
        return Double.isNaN(q) ? p : Math.min(1, Math.max(0, q));
    }
}
