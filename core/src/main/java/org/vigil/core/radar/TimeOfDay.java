package org.vigil.core.radar;

/**
 * ASTERIX time of day (seconds since UTC midnight, 1/128 s steps) to a full timestamp. The day is
 * not sent, so it comes from a reference time near the data (the receive clock, a capture's packet
 * time, or the last full timestamp known for the sensor): of the candidate days around the
 * reference, the one that puts the result within ±12 h of it. A plot stamped 23:59:59 that arrives
 * at 00:00:01 therefore lands on the previous day, and one stamped 00:00:01 received at 23:59:59
 * on the next. Leap seconds are ignored (a day is 86 400 s), as in the ASTERIX field itself.
 */
public final class TimeOfDay {
    public static final long NANOS_PER_DAY = 86_400_000_000_000L;
    private static final long HALF_DAY = NANOS_PER_DAY / 2;
    /** A reference time that is not known. */
    public static final long UNKNOWN = Long.MIN_VALUE;

    private TimeOfDay() {}

    /**
     * @param seconds        time of day in [0, 86400); values a little beyond (leap second, 24-bit
     *                       wrap at 131072 s) are reduced modulo a day
     * @param referenceNanos ns since the epoch, not {@link #UNKNOWN}
     * @return ns since the epoch, within ±12 h of the reference; {@link #UNKNOWN} when
     *         {@code seconds} is NaN or infinite or the reference is unknown
     */
    public static long resolve(double seconds, long referenceNanos) {
        if (referenceNanos == UNKNOWN || !(seconds >= 0) || seconds == Double.POSITIVE_INFINITY) return UNKNOWN;
        long todNanos = Math.round(seconds * 1e9) % NANOS_PER_DAY;
        long day = Math.floorDiv(referenceNanos, NANOS_PER_DAY);
        long t = day * NANOS_PER_DAY + todNanos;
        long d = t - referenceNanos;
        if (d > HALF_DAY) t -= NANOS_PER_DAY;
        else if (d <= -HALF_DAY) t += NANOS_PER_DAY;
        return t;
    }
}
