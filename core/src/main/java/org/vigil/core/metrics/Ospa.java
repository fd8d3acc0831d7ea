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
    private final double cutoff;
    private final double order;
    private final double cutoffPow;
    private final AssignmentSolver solver = new AssignmentSolver();
    private double[] cost = new double[0];
    private int[] match = new int[0];

    /**
     * @param cutoff c &gt; 0, in the unit of the distances (metres in Vigil)
     * @param order  p ≥ 1
     */
    public Ospa(double cutoff, double order) {
        checkParameters(cutoff, order);
        this.cutoff = cutoff;
        this.order = order;
        this.cutoffPow = Math.pow(cutoff, order);
    }

    static void checkParameters(double cutoff, double order) {
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) throw new IllegalArgumentException("cut-off must be > 0: " + cutoff);
        if (!(order >= 1) || !Double.isFinite(order)) throw new IllegalArgumentException("order must be >= 1: " + order);
    }

    public double cutoff() { return cutoff; }

    public double order() { return order; }

    /**
     * OSPA from the pairwise distances: {@code distances[i * truths + j]} is the distance between
     * estimate i and truth j (non-negative, finite or +∞).
     */
    public double distance(double[] distances, int estimates, int truths) {
        if (estimates == 0 && truths == 0) return 0.0;
        if (estimates == 0 || truths == 0) return cutoff;
        int n = estimates * truths;
        if (cost.length < n) cost = new double[n];
        if (match.length < estimates) match = new int[estimates];
        for (int k = 0; k < n; k++) cost[k] = cutPow(distances[k], cutoff, cutoffPow, order);
        double best = solver.solve(cost, estimates, truths, match);
        int larger = Math.max(estimates, truths);
        double sum = best + cutoffPow * (larger - Math.min(estimates, truths));
        return Math.min(cutoff, Math.pow(sum / larger, 1.0 / order));
    }

    /** OSPA between two sets of points in a Euclidean space (rows are points of equal dimension). */
    public double distance(double[][] estimates, double[][] truths) {
        return distance(euclideanDistances(estimates, truths), estimates.length, truths.length);
    }

    /** min(d, c)^p; rejects distances that are negative or NaN (the caller's bug). */
    static double cutPow(double d, double cutoff, double cutoffPow, double order) {
        if (!(d >= 0)) throw new IllegalArgumentException("distance must be >= 0: " + d);
        return d >= cutoff ? cutoffPow : Math.pow(d, order);
    }

    static double[] euclideanDistances(double[][] a, double[][] b) {
        double[] d = new double[a.length * b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                if (a[i].length != b[j].length) throw new IllegalArgumentException("points of different dimension");
                double s = 0;
                for (int k = 0; k < a[i].length; k++) {
                    double e = a[i][k] - b[j][k];
                    s += e * e;
                }
                d[i * b.length + j] = Math.sqrt(s);
            }
        }
        return d;
    }
}
