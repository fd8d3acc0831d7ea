package org.vigil.core.qra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QraBaseOptimiserTest {
    @Test
    void greedySwapAgainstExhaustiveOnRandomSmallCases() {
        Random rnd = new Random(42);
        int equal = 0, cases = 200;
        for (int c = 0; c < cases; c++) {
            int n = 5 + rnd.nextInt(5), cells = 30 + rnd.nextInt(60), k = 1 + rnd.nextInt(3);
            // candidates as points in a unit square, time = distance-like with random launch delay, some gaps
            double[][] pos = new double[n][2];
            float[][] times = new float[n][cells];
            double[][] cell = new double[cells][2];
            for (double[] q : cell) {
                q[0] = rnd.nextDouble();
                q[1] = rnd.nextDouble();
            }
            for (int i = 0; i < n; i++) {
                pos[i][0] = rnd.nextDouble();
                pos[i][1] = rnd.nextDouble();
                double delay = 5 + 10 * rnd.nextDouble(), reach = 0.5 + rnd.nextDouble();
                for (int j = 0; j < cells; j++) {
                    double d = Math.hypot(pos[i][0] - cell[j][0], pos[i][1] - cell[j][1]);
                    times[i][j] = d > reach ? Float.POSITIVE_INFINITY : (float) (delay + 40 * d);
                }
            }
            BaseOptimiser opt = new BaseOptimiser(times);
            BaseOptimiser.Choice exact = opt.exhaustive(k);
            BaseOptimiser.Choice heuristic = opt.greedySwap(k);
            double[] e = {exact.uncovered(), exact.worstMinutes(), exact.meanMinutes()};
            double[] h = {heuristic.uncovered(), heuristic.worstMinutes(), heuristic.meanMinutes()};
            assertThat(compare(h, e))
                    .as("case %d: heuristic never beats exhaustive", c)
                    .isGreaterThanOrEqualTo(0);
            if (compare(h, e) == 0) equal++;
            assertThat(opt.optimise(k).method()).isEqualTo("exhaustive");
            assertThat(opt.optimise(k).chosen()).containsExactly(exact.chosen());
        }
        // greedy + swap is a heuristic: it must find the optimum in the large majority of small cases
        assertThat(equal).as("cases where greedy+swap equals exhaustive").isGreaterThan(cases * 85 / 100);
    }

    @Test
    void bestTwoBasesForTheWesternBlackSea() {
        Posture profiles = TestPostures.blackSea2022();
        List<Detachment> candidates = new ArrayList<>();
        String[][] bases = {
            {"LBPG", "42.2904", "24.7140"},
            {"LRFT", "44.3922", "27.7267"},
            {"LRCK", "44.3622", "28.4883"},
            {"LRCT", "46.5023", "23.8859"},
            {"LBIA", "42.4549", "26.3522"},
            {"LBWN", "43.2321", "27.8251"},
            {"LBBG", "42.5696", "27.5152"}
        };
        for (String[] b : bases) {
            candidates.add(Detachment.of(
                    "F16-" + b[0],
                    "XX",
                    new Base(b[0], b[0], Double.parseDouble(b[1]), Double.parseDouble(b[2]), 0),
                    "F16",
                    2,
                    Readiness.QRA_15));
        }
        MapGrid grid = MapGrid.of(41.5, 46.0, 28.0, 33.0, 20);
        BaseOptimiser opt = BaseOptimiser.forRegion(
                candidates, profiles, grid, GeoPredicate.EVERYWHERE, 30000, InterceptOptions.defaults(), 0);
        BaseOptimiser.Choice exact = opt.exhaustive(2);
        BaseOptimiser.Choice heuristic = opt.greedySwap(2);
        assertThat(heuristic.worstMinutes()).isEqualTo(exact.worstMinutes());
        List<String> ids = BaseOptimiser.ids(exact, candidates);
        // the inland bases far from the sea are never the answer
        assertThat(ids).doesNotContain("F16-LRCT", "F16-LBPG");
        assertThat(exact.uncovered()).isZero();
    }

    private static int compare(double[] a, double[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] < b[i] - 1e-6) return -1;
            if (a[i] > b[i] + 1e-6) return 1;
        }
        return 0;
    }
}
