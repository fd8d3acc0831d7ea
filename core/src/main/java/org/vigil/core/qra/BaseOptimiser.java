package org.vigil.core.qra;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Picks the best k of several candidate detachments (a type at a base under a readiness) for a
 * region: the choice whose responsiveness map has the smallest worst case, then the smallest mean.
 *
 * <p>Objective, compared lexicographically: (number of uncovered cells, worst time, mean time over
 * the region's cells). Uncovered cells come first because "worst case = infinity" cannot rank two
 * choices that both leave a gap.
 *
 * <p>Method: every candidate's time to every region cell is computed once ({@link Responsiveness#unitMinutes});
 * a choice is then evaluated as the cellwise minimum. {@link #optimise} uses exhaustive search when
 * the number of choices C(n, k) is at most {@link #EXHAUSTIVE_LIMIT} (exact), otherwise greedy
 * construction followed by swap local search (replace one chosen by one unchosen while it improves)
 * which is not guaranteed optimal; tests compare the two on small cases.
 */
public final class BaseOptimiser {
    /** Above this many subsets the optimiser switches from exhaustive to greedy + swap. */
    public static final long EXHAUSTIVE_LIMIT = 20_000;

    /** Result: chosen candidate indices (ascending) and their objective. */
    @SuppressWarnings("ArrayRecordComponent") // a result value; the chosen-base array is handed over, not shared
    public record Choice(int[] chosen, int uncovered, double worstMinutes, double meanMinutes, String method) {
        @Override
        public String toString() {
            return method + " " + Arrays.toString(chosen) + " uncovered=" + uncovered + " worst=" + worstMinutes
                    + " mean=" + meanMinutes;
        }
    }

    private final float[][] times; // [candidate][region cell] minutes, +Inf if unreachable
    private final int cells;
    private final float[] scratch;

    /** @param times minutes from each candidate to each region cell (+Infinity where it cannot intercept) */
    public BaseOptimiser(float[][] times) {
        if (times.length == 0) throw new IllegalArgumentException("no candidates");
        this.times = times;
        this.cells = times[0].length;
        for (float[] t : times)
            if (t.length != cells) throw new IllegalArgumentException("candidates cover different cells");
        this.scratch = new float[cells];
    }

    /**
     * Builds the time table for candidates over the region cells of a grid (cells where both
     * {@code region} holds), at a target level, for a STATIONARY target.
     */
    public static BaseOptimiser forRegion(
            List<Detachment> candidates,
            Posture profilesFrom,
            MapGrid grid,
            GeoPredicate region,
            double levelFt,
            InterceptOptions options,
            long epochMs) {
        boolean[] inside = Responsiveness.insideMask(grid, region);
        int count = 0;
        for (boolean b : inside) if (b) count++;
        Responsiveness calc = new Responsiveness();
        float[] full = new float[grid.cells()];
        float[][] table = new float[candidates.size()][count];
        for (int k = 0; k < candidates.size(); k++) {
            Detachment d = candidates.get(k);
            boolean ok = calc.unitMinutes(
                    d,
                    profilesFrom.profiles().get(d.aircraftType()),
                    grid,
                    inside,
                    levelFt,
                    0,
                    TargetMotion.STATIONARY,
                    options,
                    epochMs,
                    full,
                    null);
            int j = 0;
            for (int i = 0; i < full.length; i++) {
                if (inside[i]) table[k][j++] = ok ? full[i] : Float.POSITIVE_INFINITY;
            }
        }
        return new BaseOptimiser(table);
    }

    public int candidates() {
        return times.length;
    }

    /** Best k: exhaustive when small enough, else greedy + swap. */
    public Choice optimise(int k) {
        return binomial(times.length, k) <= EXHAUSTIVE_LIMIT ? exhaustive(k) : greedySwap(k);
    }

    /** Exact: tries every k-subset. */
    public Choice exhaustive(int k) {
        check(k);
        int[] idx = new int[k];
        for (int i = 0; i < k; i++) idx[i] = i;
        double[] best = null;
        int[] bestIdx = null;
        while (true) {
            double[] obj = evaluate(idx, k);
            if (best == null || better(obj, best)) {
                best = obj;
                bestIdx = idx.clone();
            }
            int i = k - 1;
            while (i >= 0 && idx[i] == times.length - k + i) i--;
            if (i < 0) break;
            idx[i]++;
            for (int j = i + 1; j < k; j++) idx[j] = idx[j - 1] + 1;
        }
        return choice(bestIdx, best, "exhaustive");
    }

    /** Greedy construction (add the candidate that improves the objective most), then swaps while they improve. */
    public Choice greedySwap(int k) {
        check(k);
        int n = times.length;
        int[] chosen = new int[k];
        boolean[] in = new boolean[n];
        for (int m = 0; m < k; m++) {
            double[] bestObj = null;
            int bestCand = -1;
            for (int c = 0; c < n; c++) {
                if (in[c]) continue;
                chosen[m] = c;
                double[] obj = evaluate(chosen, m + 1);
                if (bestObj == null || better(obj, bestObj)) {
                    bestObj = obj;
                    bestCand = c;
                }
            }
            chosen[m] = bestCand;
            in[bestCand] = true;
        }
        double[] current = evaluate(chosen, k);
        boolean improved = true;
        while (improved) {
            improved = false;
            for (int m = 0; m < k && !improved; m++) {
                int old = chosen[m];
                for (int c = 0; c < n; c++) {
                    if (in[c]) continue;
                    chosen[m] = c;
                    double[] obj = evaluate(chosen, k);
                    if (better(obj, current)) {
                        current = obj;
                        in[old] = false;
                        in[c] = true;
                        improved = true;
                        break;
                    }
                    chosen[m] = old;
                }
            }
        }
        int[] sorted = chosen.clone();
        Arrays.sort(sorted);
        return choice(sorted, current, "greedy+swap");
    }

    /** Objective of a subset: {uncovered, worst, mean} (worst and mean over covered cells; mean NaN-free). */
    public double[] evaluate(int[] subset, int size) {
        Arrays.fill(scratch, Float.POSITIVE_INFINITY);
        for (int s = 0; s < size; s++) {
            float[] t = times[subset[s]];
            for (int i = 0; i < cells; i++) if (t[i] < scratch[i]) scratch[i] = t[i];
        }
        int uncovered = 0;
        double worst = 0, sum = 0;
        for (int i = 0; i < cells; i++) {
            float v = scratch[i];
            if (Float.isInfinite(v)) {
                uncovered++;
            } else {
                worst = Math.max(worst, v);
                sum += v;
            }
        }
        double mean = cells == uncovered ? 0 : sum / (cells - uncovered);
        return new double[] {uncovered, worst, mean};
    }

    private static boolean better(double[] a, double[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] < b[i] - 1e-9) return true;
            if (a[i] > b[i] + 1e-9) return false;
        }
        return false;
    }

    private Choice choice(int[] idx, double[] obj, String method) {
        return new Choice(idx, (int) obj[0], obj[0] > 0 ? Double.POSITIVE_INFINITY : obj[1], obj[2], method);
    }

    private void check(int k) {
        if (k < 1 || k > times.length) throw new IllegalArgumentException("k must be in 1.." + times.length);
    }

    static long binomial(int n, int k) {
        long r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
            if (r > Long.MAX_VALUE / 64) return Long.MAX_VALUE;
        }
        return r;
    }

    /** Convenience: the candidates' ids for a choice. */
    public static List<String> ids(Choice c, List<Detachment> candidates) {
        List<String> out = new ArrayList<>();
        for (int i : c.chosen()) out.add(candidates.get(i).id());
        return out;
    }
}
