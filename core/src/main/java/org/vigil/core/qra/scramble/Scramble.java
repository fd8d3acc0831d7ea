package org.vigil.core.qra.scramble;

import java.util.EnumMap;
import java.util.Map;
import org.vigil.core.qra.InterceptSolution;

/**
 * One QRA tasking: a unit sent against a target track, from proposal to landing. Mutable, owned
 * by {@link ScrambleService} and changed only under its lock; the API reads copies ({@link ScrambleService#views}).
 *
 * <p>Invariants: {@link #phase} only moves forward (PROPOSED, ORDERED, AIRBORNE ... LANDED), except
 * that CANCELLED may end it at any point; every phase reached has its data time in {@link #phaseTimes};
 * {@link #predicted} is the plan at the order (kept for comparison with the intercept actually
 * flown) and {@link #latest} the last re-solve.
 */
public final class Scramble {
    /** Category of the tasking (domain brief 1.4): a real launch. */
    public static final String ALPHA = "ALPHA";
    /** An exercise (training) scramble: run like an Alpha, marked TANGO in every event and view. */
    public static final String TANGO = "TANGO";

    public final String id;
    public final long alertId;
    public int targetTrack;
    public final String unitId;
    public final String category;
    public ScramblePhase phase = ScramblePhase.PROPOSED;
    public final Map<ScramblePhase, Long> phaseTimes = new EnumMap<>(ScramblePhase.class);
    public String proposedBy, orderedBy, cancelledBy, cancelReason, rtbBy;
    public long proposedNanos = Long.MIN_VALUE, orderedNanos = Long.MIN_VALUE;
    /** Plan at proposal (for the order dialog) and at the order. */
    public final InterceptSolution proposal = new InterceptSolution();

    public final InterceptSolution predicted = new InterceptSolution();
    public final InterceptSolution latest = new InterceptSolution();
    /** Data time the order's plan puts the fighters 1 NM in trail, or MIN_VALUE. */
    public long predictedInterceptNanos = Long.MIN_VALUE;

    public long interceptNanos = Long.MIN_VALUE;
    public long lastSolveNanos = Long.MIN_VALUE;
    /** The plan last announced (proposal, order, or a {@code scramble.replanned}) and its intercept time, or MIN_VALUE. */
    public final InterceptSolution announced = new InterceptSolution();

    public long announcedAtNanos = Long.MIN_VALUE;
    /** The area the target was last seen in (null: none yet), and the hand-over proposed: to that nation's unit. */
    public String targetArea, handOverNation, handOverUnit;
    /** The receiving unit's scramble proposed by the hand-over, or null. */
    public String handOverScramble;
    /** The workflow's standing advice ("abort" on the ground, "return" airborne) and why; null when none. */
    public String advice, adviceReason;

    public long holdingSinceNanos = Long.MIN_VALUE;
    public String[] callsigns = new String[0];
    /** Aircraft taken off the unit's alert count by the order (given back on landing or cancel). */
    public int committed;

    public boolean rtbOrdered;
    /** Ordered (or cancelled on the ground) but not yet carried out on the fighters: done by the next tick. */
    boolean launchPending, removePending;

    public String outcomeIdentifiedAs, outcomeAction, outcomeBy;
    public long outcomeNanos = Long.MIN_VALUE;
    /** With real data: the lead's track, linked by address or callsign; 0 until linked. */
    public int fighterTrack;

    public final FighterFix lead = new FighterFix();
    /** Fuel used by the lead and the budget, radius-equivalent metres (budget 0 until airborne); where it was last burnt. */
    public double fuelUsedM, fuelBudgetM, fuelLat = Double.NaN, fuelLon = Double.NaN;
    /** Plan figures the climb is flown to: ground distance and time of the climb. */
    public double climbDistanceM, climbTimeS, levelFt, timeToAirborneS;

    Scramble(String id, long alertId, int targetTrack, String unitId, String category) {
        this.id = id;
        this.category = category;
        this.alertId = alertId;
        this.targetTrack = targetTrack;
        this.unitId = unitId;
    }

    void enter(ScramblePhase p, long nanos) {
        phase = p;
        phaseTimes.putIfAbsent(p, nanos);
    }
}
