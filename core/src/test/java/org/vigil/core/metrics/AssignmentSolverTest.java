package org.vigil.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AssignmentSolverTest {

    @Test
    void solvesAKnownSquareCase() {
        double[] cost = {
            4, 1, 3,
            2, 0, 5,
            3, 2, 2
        };
        int[] match = new int[3];
        double total = new AssignmentSolver().solve(cost, 3, 3, match);
        // Row 0 -> 1 (1), row 1 -> 0 (2), row 2 -> 2 (2) = 5, the minimum of the 6 permutations.
        assertThat(total).isEqualTo(5.0);
        assertThat(match).containsExactly(1, 0, 2);
    }

    @Test
    void leavesSurplusRowsUnmatchedWhenTaller() {
        double[] cost = {
            9, 9,
            1, 9,
            9, 1,
            0, 0
        };
        int[] match = new int[4];
        double total = new AssignmentSolver().solve(cost, 4, 2, match);
        assertThat(total).isEqualTo(1.0); // row 3 takes one column at 0, row 1 or 2 the other at 1
        long matched = java.util.Arrays.stream(match).filter(c -> c >= 0).count();
        assertThat(matched).isEqualTo(2);
        assertThat(match[0]).isEqualTo(-1);
    }

    @Test
    void emptyMatrixCostsNothing() {
        int[] match = {7, 7};
        assertThat(new AssignmentSolver().solve(new double[0], 2, 0, match)).isZero();
        assertThat(match).containsExactly(-1, -1);
        assertThat(new AssignmentSolver().solve(new double[0], 0, 3, new int[0]))
                .isZero();
    }

    @Test
    void refusesNonFiniteCosts() {
        assertThatThrownBy(() -> new AssignmentSolver().solve(new double[] {1, Double.NaN}, 1, 2, new int[1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void matchesBruteForceOnRandomSmallMatrices() {
        Random random = new Random(5);
        AssignmentSolver solver = new AssignmentSolver(); // reused across shapes on purpose
        for (int round = 0; round < 3000; round++) {
            int rows = 1 + random.nextInt(6), cols = 1 + random.nextInt(6);
            double[] cost = new double[rows * cols];
            boolean integers = random.nextBoolean();
            for (int k = 0; k < cost.length; k++) {
                cost[k] = integers ? random.nextInt(5) : random.nextDouble() * 100 - 20; // ties and negatives
            }
            int[] match = new int[rows];
            double total = solver.solve(cost, rows, cols, match);
            assertThat(total)
                    .as("round %d %dx%d", round, rows, cols)
                    .isCloseTo(bruteForce(cost, rows, cols), within(1e-9));
            // The matching is a valid one of the right size and its cost is the reported total.
            boolean[] used = new boolean[cols];
            double sum = 0;
            int matched = 0;
            for (int i = 0; i < rows; i++) {
                if (match[i] < 0) continue;
                assertThat(used[match[i]]).isFalse();
                used[match[i]] = true;
                sum += cost[i * cols + match[i]];
                matched++;
            }
            assertThat(matched).isEqualTo(Math.min(rows, cols));
            assertThat(sum).isCloseTo(total, within(1e-9));
        }
    }

    /** Minimum over all injections of the smaller side into the larger. */
    private static double bruteForce(double[] cost, int rows, int cols) {
        if (rows <= cols) return best(cost, rows, cols, 0, new boolean[cols], false);
        return best(cost, cols, rows, 0, new boolean[rows], true);
    }

    private static double best(double[] cost, int small, int large, int at, boolean[] used, boolean transposed) {
        if (at == small) return 0;
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < large; j++) {
            if (used[j]) continue;
            used[j] = true;
            double c = transposed ? cost[j * small + at] : cost[at * large + j];
            best = Math.min(best, c + best(cost, small, large, at + 1, used, transposed));
            used[j] = false;
        }
        return best;
    }
}
