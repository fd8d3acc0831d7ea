package org.vigil.core.metrics;

/**
 * The part OSPA and GOSPA share: the cut-off c and order p, the cost matrix min(d, c)^p built from
 * pairwise distances, and its optimal assignment. Buffers grow to the largest problem seen and
 * are reused, so repeated evaluations allocate nothing. Not thread-safe.
 */
final class CutoffAssignment {
    final double cutoff;
    final double order;
    /** c^p, the cost of a pair at or beyond the cut-off and (scaled) of an unassigned object. */
    final double cutoffPow;

    private final AssignmentSolver solver = new AssignmentSolver();
    private double[] cost = new double[0];
    private int[] match = new int[0];

    /**
     * @param cutoff c &gt; 0, in the unit of the distances (metres in Vigil)
     * @param order  p ≥ 1
     */
    CutoffAssignment(double cutoff, double order) {
        checkParameters(cutoff, order);
        this.cutoff = cutoff;
        this.order = order;
        this.cutoffPow = Math.pow(cutoff, order);
    }

    static void checkParameters(double cutoff, double order) {
        if (!(cutoff > 0) || !Double.isFinite(cutoff))
            throw new IllegalArgumentException("cut-off must be > 0: " + cutoff);
        if (!(order >= 1) || !Double.isFinite(order))
            throw new IllegalArgumentException("order must be >= 1: " + order);
    }

    /**
     * Solves the assignment of min(d, c)^p over {@code distances[i * truths + j]}.
     * @return the minimal total cost; {@link #match} then holds each estimate's truth (or -1)
     */
    double solve(double[] distances, int estimates, int truths) {
        int n = estimates * truths;
        if (cost.length < n) cost = new double[n];
        if (match.length < estimates) match = new int[estimates];
        for (int k = 0; k < n; k++) cost[k] = cutPow(distances[k]);
        return solver.solve(cost, estimates, truths, match);
    }

    /** The truth assigned to estimate {@code i} by the last {@link #solve}, or -1. */
    int match(int i) {
        return match[i];
    }

    /** min(d, c)^p; rejects distances that are negative or NaN (the caller's bug). */
    private double cutPow(double d) {
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
