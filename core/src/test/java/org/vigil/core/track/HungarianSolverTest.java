package org.vigil.core.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The assignment solver and the clustered GNN against brute force on random small problems. */
class HungarianSolverTest {

    /** Minimum over all injective row-to-column maps, by recursion. */
    private static double brute(double[] c, int rows, int cols, int row, boolean[] used) {
        if (row == rows) return 0;
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < cols; j++) {
            if (used[j]) continue;
            used[j] = true;
            best = Math.min(best, c[row * cols + j] + brute(c, rows, cols, row + 1, used));
            used[j] = false;
        }
        return best;
    }

    @Test
    void matchesBruteForceOnRandomMatrices() {
        Random rnd = new Random(42);
        HungarianSolver solver = new HungarianSolver();
        int[] assignment = new int[8];
        for (int trial = 0; trial < 2000; trial++) {
            int rows = 1 + rnd.nextInt(6);
            int cols = rows + rnd.nextInt(3);
            double[] c = new double[rows * cols];
            for (int k = 0; k < c.length; k++) {
                // mix of continuous, integer (ties) and negative costs
                c[k] = switch (trial % 3) {
                    case 0 -> rnd.nextDouble() * 100;
                    case 1 -> rnd.nextInt(5);
                    default -> rnd.nextGaussian() * 10;
                };
            }
            double total = solver.solve(c, rows, cols, assignment);
            double expected = brute(c, rows, cols, 0, new boolean[cols]);
            assertThat(total).as("trial %d", trial).isCloseTo(expected, within(1e-9));
            // the reported assignment is a valid injective map with that total
            boolean[] seen = new boolean[cols];
            double sum = 0;
            for (int i = 0; i < rows; i++) {
                assertThat(seen[assignment[i]]).isFalse();
                seen[assignment[i]] = true;
                sum += c[i * cols + assignment[i]];
            }
            assertThat(sum).isCloseTo(total, within(1e-9));
        }
    }

    @Test
    void clusteredGnnEqualsBruteForceWithMissCosts() {
        Random rnd = new Random(7);
        GnnAssociator gnn = new GnnAssociator();
        for (int trial = 0; trial < 1000; trial++) {
            int nt = 1 + rnd.nextInt(5);
            int nd = 1 + rnd.nextInt(5);
            double miss = 5;
            double[][] cost = new double[nt][nd];
            gnn.begin(nt, nd, miss);
            for (int t = 0; t < nt; t++) {
                for (int d = 0; d < nd; d++) {
                    cost[t][d] = Double.NaN;
                    if (rnd.nextDouble() < 0.4) {
                        cost[t][d] = rnd.nextDouble() * 12;
                        gnn.addPair(t, d, cost[t][d]);
                    }
                }
            }
            gnn.solve();
            double got = 0;
            boolean[] trackUsed = new boolean[nt];
            for (int d = 0; d < nd; d++) {
                int t = gnn.trackOf(d);
                if (t < 0) {
                    got += miss;
                } else {
                    assertThat(trackUsed[t]).isFalse();
                    trackUsed[t] = true;
                    assertThat(cost[t][d]).isNotNaN();
                    got += cost[t][d];
                }
            }
            for (int t = 0; t < nt; t++) if (!trackUsed[t]) got += miss;
            assertThat(got)
                    .as("trial %d", trial)
                    .isCloseTo(bruteGnn(cost, nt, nd, miss, 0, new boolean[nt]), within(1e-9));
        }
    }

    /** Each detection either joins an unused gated track or stays alone; unused tracks cost miss. */
    private static double bruteGnn(double[][] c, int nt, int nd, double miss, int d, boolean[] used) {
        if (d == nd) {
            double m = 0;
            for (boolean u : used) if (!u) m += miss;
            return m;
        }
        double best = miss + bruteGnn(c, nt, nd, miss, d + 1, used);
        for (int t = 0; t < nt; t++) {
            if (used[t] || Double.isNaN(c[t][d])) continue;
            used[t] = true;
            best = Math.min(best, c[t][d] + bruteGnn(c, nt, nd, miss, d + 1, used));
            used[t] = false;
        }
        return best;
    }

    @Test
    void clustersAreIndependentAndLargeProblemsStaySmallClusters() {
        GnnAssociator gnn = new GnnAssociator();
        int n = 5000;
        gnn.begin(n, n, 5);
        for (int i = 0; i < n; i++) {
            gnn.addPair(i, i, 1);
            if (i + 1 < n && i % 2 == 0) gnn.addPair(i + 1, i, 0.5); // pairs of two tracks competing
        }
        gnn.solve();
        for (int i = 0; i < n; i++) assertThat(gnn.trackOf(i)).isEqualTo(i);
        assertThat(gnn.largestCluster()).isEqualTo(4);
    }
}
