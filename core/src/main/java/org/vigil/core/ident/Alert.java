package org.vigil.core.ident;

/**
 * One alert: one track, one cause, from raise to resolution. De-duplication: while an alert is open
 * the same track and cause never raise another; the alert follows the cause ({@link #causeActive},
 * evidence snapshot). After resolution a new alert needs the cause to clear, re-appear, and the
 * hold-off ({@link IdentRules#reRaiseHoldOffNanos}) to have passed since the resolution.
 *
 * <p>Mutated only by the {@link IdentificationEngine} that owns it; read it from the thread that
 * drives the engine (or from an event callback).
 */
public final class Alert {
    public final long id;
    public final int trackNumber;
    public final Cause cause;
    public final int priority;
    public final long raisedNanos;
    AlertState state = AlertState.RAISED;
    boolean causeActive = true;
    /** Closed by the system because the cause cleared while still RAISED ({@link IdentificationEngine#CAUSE_CLEARED}). */
    boolean closedByCause;

    long updatedNanos;
    String acknowledgedBy;
    long acknowledgedNanos = Long.MIN_VALUE;
    String assignedBy;
    String assignee;
    long assignedNanos = Long.MIN_VALUE;
    String resolvedBy;
    String resolution;
    long resolvedNanos = Long.MIN_VALUE;
    /** Evidence snapshot, refreshed while the cause fires (copying three numbers allocates nothing). */
    final double[] values = new double[3];

    String detail;
    String detail2;
    /** Identity of the track when last refreshed. */
    Identity identity;

    Alert(long id, int trackNumber, Cause cause, int priority, long raisedNanos) {
        this.id = id;
        this.trackNumber = trackNumber;
        this.cause = cause;
        this.priority = priority;
        this.raisedNanos = raisedNanos;
        this.updatedNanos = raisedNanos;
    }

    void snapshot(Evidence e, Identity identity) {
        System.arraycopy(e.values, 0, values, 0, 3);
        detail = e.detail;
        detail2 = e.detail2;
        this.identity = identity;
    }

    public AlertState state() {
        return state;
    }

    public boolean open() {
        return state != AlertState.RESOLVED;
    }
    /** Whether the cause still fires (an open alert whose cause cleared waits for the operator). */
    public boolean causeActive() {
        return causeActive;
    }

    /** Whether the system closed the alert because its cause cleared before anyone acknowledged it. */
    public boolean closedByCause() {
        return closedByCause;
    }

    public long updatedNanos() {
        return updatedNanos;
    }

    public String acknowledgedBy() {
        return acknowledgedBy;
    }

    public long acknowledgedNanos() {
        return acknowledgedNanos;
    }

    public String assignedBy() {
        return assignedBy;
    }
    /** Who the alert was given to (a controller, a QRA unit). */
    public String assignee() {
        return assignee;
    }

    public long assignedNanos() {
        return assignedNanos;
    }

    public String resolvedBy() {
        return resolvedBy;
    }

    public String resolution() {
        return resolution;
    }

    public long resolvedNanos() {
        return resolvedNanos;
    }

    public double value(int i) {
        return values[i];
    }

    public String detail() {
        return detail;
    }

    public String detail2() {
        return detail2;
    }

    public Identity identity() {
        return identity;
    }

    @Override
    public String toString() {
        return "alert " + id + " P" + priority + " track " + trackNumber + " " + cause.id + " " + state.id();
    }
}
