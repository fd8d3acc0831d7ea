package org.vigil.core.metrics;

/**
 * OSPA, the optimal sub-pattern assignment metric of Schuhmacher, Vo &amp; Vo, "A Consistent
 * Metric for Performance Evaluation of Multi-Object Filters", IEEE Trans. Signal Processing 56(8),
 * 2008, eq. (3): for estimates X (m of them) and truths Y (n), m ≤ n,
 * <pre>
 *   d_p^(c)(X, Y) = ( (1/n) · ( min_π Σ_{i≤m} d^(c)(x_i, y_π(i))^p + c^p · (n − m) ) )^(1/p)
 * </pre>
 * with d^(c) = min(c, d) and the roles of X and Y swapped when m &gt; n; d(∅, ∅) = 0 and a
 * one-sided empty pair scores c. The result lies in [0, c]: c is both the largest localisation
 * error that counts and the price of a missing or surplus object; p weighs outliers (p = 1 a mean,
 * p = 2 an RMS). Normalised per object, so it does not grow with the size of the picture.
 *
 * <p>This class is the direct transcription of the definition (one full assignment over the whole
 * sets) and serves as the reference; {@link TrackQualityEvaluator} obtains the same value faster
 * from a gated, component-wise assignment.
 *
 * <p>Reusable and not thread-safe: the cost matrix buffer is kept between calls.
 */
public final class Ospa {
    private final CutoffAssignment assignment;

    /**
     * @param cutoff c &gt; 0, in the unit of the distances (metres in Vigil)
     * @param order  p ≥ 1
     */
    public Ospa(double cutoff, double order) {
        this.assignment = new CutoffAssignment(cutoff, order);
    }

    public double cutoff() {
        return assignment.cutoff;
    }

    public double order() {
        return assignment.order;
    }

    /**
     * OSPA from the pairwise distances: {@code distances[i * truths + j]} is the distance between
     * estimate i and truth j (non-negative, finite or +∞).
     */
    public double distance(double[] distances, int estimates, int truths) {
        double cutoff = assignment.cutoff;
        if (estimates == 0 && truths == 0) return 0.0;
        if (estimates == 0 || truths == 0) return cutoff;
        double best = assignment.solve(distances, estimates, truths);
        int larger = Math.max(estimates, truths);
        double sum = best + assignment.cutoffPow * (larger - Math.min(estimates, truths));
        return Math.min(cutoff, Math.pow(sum / larger, 1.0 / assignment.order));
    }

    /** OSPA between two sets of points in a Euclidean space (rows are points of equal dimension). */
    public double distance(double[][] estimates, double[][] truths) {
        return distance(CutoffAssignment.euclideanDistances(estimates, truths), estimates.length, truths.length);
    }
}
