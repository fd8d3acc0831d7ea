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
    private final CutoffAssignment assignment;

    /**
     * @param cutoff c &gt; 0, in the unit of the distances (metres in Vigil)
     * @param order  p ≥ 1
     */
    public Gospa(double cutoff, double order) {
        this.assignment = new CutoffAssignment(cutoff, order);
    }

    public double cutoff() {
        return assignment.cutoff;
    }

    public double order() {
        return assignment.order;
    }

    /** GOSPA from pairwise distances, {@code distances[i * truths + j]} = d(estimate i, truth j). */
    public GospaResult evaluate(double[] distances, int estimates, int truths) {
        double cutoff = assignment.cutoff;
        double order = assignment.order;
        assignment.solve(distances, estimates, truths);
        double localisation = 0;
        int assigned = 0;
        for (int i = 0; i < estimates; i++) {
            int j = assignment.match(i);
            if (j < 0) continue;
            double d = distances[i * truths + j];
            if (d < cutoff) {
                localisation += Math.pow(d, order);
                assigned++;
            }
        }
        return GospaResult.of(
                localisation, truths - assigned, estimates - assigned, assigned, assignment.cutoffPow, order);
    }

    /** GOSPA between two sets of points in a Euclidean space. */
    public GospaResult evaluate(double[][] estimates, double[][] truths) {
        return evaluate(CutoffAssignment.euclideanDistances(estimates, truths), estimates.length, truths.length);
    }
}
