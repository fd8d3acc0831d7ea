package org.vigil.core.qra;

import java.util.ArrayList;
import java.util.List;

/**
 * Ranks every detachment of a posture against one target: feasible units by intercept time
 * (earliest first, ties by id), then the units that cannot intercept, each with its reason.
 *
 * <p>Reuses one solver and one solution per unit slot, so ranking the same posture again allocates
 * only the returned list and its entries. One instance per thread.
 */
public final class InterceptRanking {
    /** One line of the ranking: the unit and a private copy of its solution. */
    public record Entry(Detachment unit, InterceptSolution solution) {
        @Override
        public String toString() {
            return unit.id() + ": " + solution;
        }
    }

    private final InterceptSolver solver = new InterceptSolver();
    private InterceptSolution[] slots = new InterceptSolution[0];
    private int[] order = new int[0];

    /** Ranks all units of {@code posture} for {@code target} at data time {@code epochMs}. */
    public List<Entry> rank(Posture posture, TargetPath target, InterceptOptions options, long epochMs) {
        List<Detachment> units = posture.detachments();
        int n = rankInto(units, posture, target, options, epochMs);
        List<Entry> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            InterceptSolution copy = new InterceptSolution();
            copy.copyFrom(slots[order[i]]);
            out.add(new Entry(units.get(order[i]), copy));
        }
        return out;
    }

    /**
     * The allocation-light core of {@link #rank}: solves every unit into internal slots and sorts
     * an index array; returns the unit count. {@link #solutionAt(int)} and {@link #unitIndexAt(int)}
     * read the result by rank.
     */
    public int rankInto(
            List<Detachment> units, Posture posture, TargetPath target, InterceptOptions options, long epochMs) {
        int n = units.size();
        if (slots.length < n) {
            InterceptSolution[] grown = new InterceptSolution[n];
            System.arraycopy(slots, 0, grown, 0, slots.length);
            for (int i = slots.length; i < n; i++) grown[i] = new InterceptSolution();
            slots = grown;
            order = new int[n];
        }
        for (int i = 0; i < n; i++) {
            Detachment d = units.get(i);
            solver.solve(d, posture.profileOf(d), target, options, epochMs, slots[i]);
            order[i] = i;
        }
        // insertion sort: n is tens, and it needs no boxing or comparator objects
        for (int i = 1; i < n; i++) {
            int x = order[i];
            int j = i - 1;
            while (j >= 0 && before(x, order[j], units)) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = x;
        }
        return n;
    }

    public InterceptSolution solutionAt(int rank) {
        return slots[order[rank]];
    }

    public int unitIndexAt(int rank) {
        return order[rank];
    }

    private boolean before(int a, int b, List<Detachment> units) {
        InterceptSolution sa = slots[a], sb = slots[b];
        if (sa.feasible != sb.feasible) return sa.feasible;
        if (sa.feasible && sa.timeS != sb.timeS) return sa.timeS < sb.timeS;
        return units.get(a).id().compareTo(units.get(b).id()) < 0;
    }
}
