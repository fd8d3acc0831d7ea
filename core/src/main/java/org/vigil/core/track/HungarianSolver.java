package org.vigil.core.track;

/**
 * Optimal linear assignment (minimum total cost) for a rows x cols cost matrix with rows <= cols:
 * the Hungarian method in its shortest-augmenting-path form with row and column potentials
 * (Kuhn 1955, Munkres 1957; the O(n² m) formulation of Jonker and Volgenant's augmentation),
 * written from the textbook description.
 *
 * <p>Costs must be finite (use a large finite value, e.g. {@link #FORBIDDEN}, for impossible
 * pairs). Buffers grow on demand and are then reused, so steady-state solving allocates nothing.
 * Not thread-safe.
 */
public final class HungarianSolver {
    /** A cost large enough to never be chosen when any alternative exists, small enough to add safely. */
    public static final double FORBIDDEN = 1e12;

    private double[] u = new double[0];
    private double[] v = new double[0];
    private double[] minv = new double[0];
    private int[] p = new int[0];
    private int[] way = new int[0];
    private boolean[] used = new boolean[0];

    private void ensure(int rows, int cols) {
        if (u.length < rows + 1) u = new double[rows + 1];
        if (v.length < cols + 1) {
            v = new double[cols + 1];
            minv = new double[cols + 1];
            p = new int[cols + 1];
            way = new int[cols + 1];
            used = new boolean[cols + 1];
        }
    }

    /**
     * Solves the assignment for {@code cost} (row-major, {@code rows x cols}, rows <= cols) and
     * writes, for each row, its assigned column into {@code rowToCol}. Returns the total cost.
     */
    public double solve(double[] cost, int rows, int cols, int[] rowToCol) {
        if (rows > cols) throw new IllegalArgumentException("rows must not exceed columns: " + rows + " > " + cols);
        if (rows == 0) return 0;
        ensure(rows, cols);
        java.util.Arrays.fill(u, 0, rows + 1, 0);
        java.util.Arrays.fill(v, 0, cols + 1, 0);
        java.util.Arrays.fill(p, 0, cols + 1, 0);
        java.util.Arrays.fill(way, 0, cols + 1, 0);
        // 1-based: p[j] = row assigned to column j (0 = none); column 0 is the virtual start.
        for (int i = 1; i <= rows; i++) {
            p[0] = i;
            int j0 = 0;
            java.util.Arrays.fill(minv, 0, cols + 1, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(used, 0, cols + 1, false);
            do {
                used[j0] = true;
                int i0 = p[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = -1;
                int rowBase = (i0 - 1) * cols;
                for (int j = 1; j <= cols; j++) {
                    if (!used[j]) {
                        double cur = cost[rowBase + j - 1] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= cols; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        double total = 0;
        for (int j = 1; j <= cols; j++) {
            if (p[j] != 0) {
                rowToCol[p[j] - 1] = j - 1;
                total += cost[(p[j] - 1) * cols + j - 1];
            }
        }
        return total;
    }
}
