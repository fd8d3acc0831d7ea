package org.vigil.core.metrics;

/**
 * GOSPA, the generalized OSPA metric of Rahmathullah, García-Fernández &amp; Svensson,
 * "Generalized optimal sub-pattern assignment metric", Proc. 20th Int. Conf. on Information
 * Fusion (FUSION), 2017, with α = 2 (their Proposition 1). For estimates X (m) and truths Y (n):
 * <pre>
 *   d_p^(c,2)(X, Y) = ( min over partial assignments γ of
 *                       Σ_{(i,j)∈γ} d(x_i, y_j)^p + (c^p / 2) · (|X| + |Y| − 2|γ|) )^(1/p)
 * </pre>
 * where only pairs with d &lt; c may be assigned. Equivalently (same paper) it is
 * ( min_π Σ d^(c)^p + (c^p/2)·|m − n| )^(1/p), which is what is solved here.
 *
 * <p>Unlike OSPA it is not normalised (it grows with the number of objects) but its p-th power
 * splits exactly into three readable parts, returned in {@link GospaResult}:
 * localisation (Σ d^p over assigned pairs), missed (c^p/2 per truth left unassigned) and false
 * (c^p/2 per estimate left unassigned); distance^p = localisation + missed + false. A pair at
 * exactly d = c costs the same assigned or not and is reported as not assigned.
 *
 * <p>Reusable and not thread-safe.
 */
public final class Gospa {
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
    public Gospa(double cutoff, double order) {
        Ospa.checkParameters(cutoff, order);
        this.cutoff = cutoff;
        this.order = order;
        this.cutoffPow = Math.pow(cutoff, order);
    }

    public double cutoff() { return cutoff; }

    public double order() { return order; }

    /** GOSPA from pairwise distances, {@code distances[i * truths + j]} = d(estimate i, truth j). */
    public GospaResult evaluate(double[] distances, int estimates, int truths) {
        int n = estimates * truths;
        if (cost.length < n) cost = new double[n];
        if (match.length < estimates) match = new int[estimates];
        for (int k = 0; k < n; k++) cost[k] = Ospa.cutPow(distances[k], cutoff, cutoffPow, order);
        solver.solve(cost, estimates, truths, match);
        double localisation = 0;
        int assigned = 0;
        for (int i = 0; i < estimates; i++) {
            int j = match[i];
            if (j < 0) continue;
            double d = distances[i * truths + j];
            if (d < cutoff) {
                localisation += Math.pow(d, order);
                assigned++;
            }
        }
        return GospaResult.of(localisation, truths - assigned, estimates - assigned, assigned, cutoffPow, order);
    }

    /** GOSPA between two sets of points in a Euclidean space. */
    public GospaResult evaluate(double[][] estimates, double[][] truths) {
        return evaluate(Ospa.euclideanDistances(estimates, truths), estimates.length, truths.length);
    }
}
