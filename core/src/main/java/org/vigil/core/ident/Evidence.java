package org.vigil.core.ident;

import java.util.Locale;

/**
 * Why one rule fired for one track: since when, when last confirmed, up to three numbers (named by
 * {@link Cause#valueName}) and up to two words of detail (a plan's aircraft identification, a list
 * entry's name, a state's ISO code, a clearance number). One per track and cause, reused: the engine
 * overwrites the numbers in place, so filling it allocates nothing; {@link #text()} allocates and is
 * for display and events.
 *
 * <p>Invariant: when {@link #active} is false the other fields describe the last firing (or nothing).
 */
public final class Evidence {
    public final Cause cause;
    boolean active;
    long sinceNanos = Long.MIN_VALUE;
    long lastNanos = Long.MIN_VALUE;
    final double[] values = new double[3];
    String detail;
    String detail2;
    // persistence (see Persistence): the condition per sample, newest in bit 0
    int history;
    /** First sample of the current run of the condition while not active (Long.MIN_VALUE: none). */
    long onsetNanos = Long.MIN_VALUE;
    /** While active: samples in a row without the condition, and since when. */
    int absentRun;

    long absentSinceNanos = Long.MIN_VALUE;

    Evidence(Cause cause) {
        this.cause = cause;
        java.util.Arrays.fill(values, Double.NaN);
    }

    public boolean active() {
        return active;
    }
    /** Data time the rule started firing (this episode). */
    public long sinceNanos() {
        return sinceNanos;
    }
    /** Data time it was last confirmed. */
    public long lastNanos() {
        return lastNanos;
    }
    /** Value {@code i}, NaN when not known; named by {@code cause.valueName(i)}. */
    public double value(int i) {
        return values[i];
    }

    public String detail() {
        return detail;
    }

    public String detail2() {
        return detail2;
    }

    void set(double a, double b, double c, String d1, String d2) {
        values[0] = a;
        values[1] = b;
        values[2] = c;
        detail = d1;
        detail2 = d2;
    }

    void reset() {
        active = false;
        sinceNanos = lastNanos = Long.MIN_VALUE;
        java.util.Arrays.fill(values, Double.NaN);
        detail = detail2 = null;
        history = 0;
        onsetNanos = absentSinceNanos = Long.MIN_VALUE;
        absentRun = 0;
    }

    /** "route-deviation: off the planned route ... (crossTrackNm=14.2; ROT263)". */
    public String text() {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < cause.valueCount(); i++) {
            if (Double.isNaN(values[i])) continue;
            if (in.length() > 0) in.append(", ");
            in.append(cause.valueName(i)).append('=').append(format(cause.valueName(i), values[i]));
        }
        for (String d : new String[] {detail, detail2}) {
            if (d == null) continue;
            if (in.length() > 0) in.append("; ");
            in.append(d);
        }
        StringBuilder b = new StringBuilder(cause.id).append(": ").append(cause.title);
        if (in.length() > 0) b.append(" (").append(in).append(')');
        return b.toString();
    }

    /** Squawks in octal digits as written, addresses in hex, degrees to 1e-5 (about 1 m), everything else to 0.1 or integral. */
    static String format(String name, double v) {
        if (name.equals("icaoAddress")) return String.format(Locale.ROOT, "%06X", (long) v);
        if (name.toLowerCase(Locale.ROOT).contains("squawk")) return String.format(Locale.ROOT, "%04d", (long) v);
        if (name.endsWith("Deg")) return String.format(Locale.ROOT, "%.5f", v);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
