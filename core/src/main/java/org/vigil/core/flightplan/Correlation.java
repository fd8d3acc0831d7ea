package org.vigil.core.flightplan;

import java.util.EnumSet;

/**
 * The result of correlating one track with the flight plans: the best plan (null when none
 * reached the minimum score), its score, the reasons as bits of {@link CorrelationReason}, and
 * where the track is relative to that plan's route. Reused by the caller: filling it allocates
 * nothing; {@link #reasons()} allocates and is for display.
 */
public final class Correlation {
    public FiledPlan plan;
    public int score;
    /** Bit set of CorrelationReason ordinals. */
    public int reasons;
    /** Route deviation from the plan's expanded route, NM (NaN without a plan or route). */
    public double crossTrackNm = Double.NaN;

    public double alongTrackNm = Double.NaN;
    public double progress = Double.NaN;

    public boolean correlated() {
        return plan != null;
    }

    public boolean has(CorrelationReason r) {
        return (reasons & r.bit()) != 0;
    }

    public EnumSet<CorrelationReason> reasons() {
        EnumSet<CorrelationReason> s = EnumSet.noneOf(CorrelationReason.class);
        for (CorrelationReason r : CorrelationReason.values()) if (has(r)) s.add(r);
        return s;
    }

    void clear() {
        plan = null;
        score = 0;
        reasons = 0;
        crossTrackNm = alongTrackNm = progress = Double.NaN;
    }

    @Override
    public String toString() {
        return plan == null
                ? "no plan"
                : plan.key() + " score " + score + " " + reasons()
                        + String.format(java.util.Locale.ROOT, " xtk %.1f NM", crossTrackNm);
    }
}
