package org.vigil.core.ident;

/**
 * How one rule is configured: on or off, the identity it proposes when it fires (null: none, the rule
 * is evidence and perhaps an alert), its alert priority (1 most urgent; 0: no alert), whether it waits
 * for the pending period of a new track, its thresholds (meaning per {@link Cause}) and how long its
 * condition must hold to fire and be absent to clear ({@link Persistence}). Immutable.
 */
@SuppressWarnings("ArrayRecordComponent") // thresholds copied in and out (see thresholds()); equality is not used
public record RuleSetting(
        Cause cause,
        boolean enabled,
        Identity identity,
        int alertPriority,
        boolean afterPending,
        double[] thresholds,
        Persistence persistence) {
    public RuleSetting {
        thresholds = thresholds.clone();
        if (persistence == null) throw new IllegalArgumentException(cause.id + ": persistence missing");
        if (alertPriority < 0 || alertPriority > 9)
            throw new IllegalArgumentException(cause.id + ": alert priority 0..9");
        if (thresholds.length != cause.thresholdKeys.length)
            throw new IllegalArgumentException(cause.id + ": wrong threshold count");
    }

    /** A setting with the cause's default persistence ({@link Cause#defaultPersistence()}). */
    public RuleSetting(
            Cause cause,
            boolean enabled,
            Identity identity,
            int alertPriority,
            boolean afterPending,
            double[] thresholds) {
        this(cause, enabled, identity, alertPriority, afterPending, thresholds, cause.defaultPersistence());
    }

    /** The defaults written in {@link Cause}. */
    static RuleSetting defaults(Cause c) {
        return new RuleSetting(
                c, true, c.defaultIdentity, c.defaultPriority, c.defaultAfterPending, c.thresholdDefaults);
    }

    /** A copy of the thresholds (the record keeps its own array unshared). */
    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** Threshold {@code i} (see {@link Cause} for the names). Reads the array directly: allocation-free. */
    public double threshold(int i) {
        return thresholds[i];
    }
}
