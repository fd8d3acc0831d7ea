package org.vigil.core.aircraft;

import java.util.Arrays;

/**
 * Configuration of the aircraft table: plausibility gate, relocation, staleness and expiry.
 * Immutable; {@code with...} methods return a changed copy (configuration time only, never on
 * the hot path).
 *
 * <p>Position gate: a new position is plausible when its great-circle distance from the last
 * good position is at most {@code maxSpeed × max(Δt, minGateSeconds) + positionSlackNm}. The
 * time floor keeps two fixes received within milliseconds of each other (or stamped with
 * jittery receive times) from needing an infinite speed; the slack covers CPR resolution
 * (about 5 m airborne) and a local-decode rounding. The surface limit applies only when both
 * fixes are surface positions, so a take-off is gated by the airborne limit.
 */
public final class TrackingRules {
    private static final long SECOND = 1_000_000_000L;

    private final double maxAirborneSpeedKt;
    private final double maxSurfaceSpeedKt;
    private final double minGateSeconds;
    private final double positionSlackNm;
    private final int relocateAfter;
    private final long relocateWindowNanos;
    private final long dropAfterNanos;
    private final long[] staleAfterNanos;
    private final int trailLength;
    private final int maxAircraft;
    private final int initialCapacity;

    private TrackingRules(
            double maxAirborneSpeedKt,
            double maxSurfaceSpeedKt,
            double minGateSeconds,
            double positionSlackNm,
            int relocateAfter,
            long relocateWindowNanos,
            long dropAfterNanos,
            long[] staleAfterNanos,
            int trailLength,
            int maxAircraft,
            int initialCapacity) {
        if (!(maxAirborneSpeedKt > 0) || !(maxSurfaceSpeedKt > 0))
            throw new IllegalArgumentException("speed limits must be > 0");
        if (!(minGateSeconds >= 0) || !(positionSlackNm >= 0))
            throw new IllegalArgumentException("gate floor and slack must be >= 0");
        if (relocateAfter < 1) throw new IllegalArgumentException("relocateAfter must be >= 1");
        if (relocateWindowNanos <= 0 || dropAfterNanos <= 0) throw new IllegalArgumentException("windows must be > 0");
        if (trailLength < 1) throw new IllegalArgumentException("trailLength must be >= 1");
        if (maxAircraft < 1 || initialCapacity < 1) throw new IllegalArgumentException("capacities must be >= 1");
        for (long s : staleAfterNanos) if (s <= 0) throw new IllegalArgumentException("stale ages must be > 0");
        this.maxAirborneSpeedKt = maxAirborneSpeedKt;
        this.maxSurfaceSpeedKt = maxSurfaceSpeedKt;
        this.minGateSeconds = minGateSeconds;
        this.positionSlackNm = positionSlackNm;
        this.relocateAfter = relocateAfter;
        this.relocateWindowNanos = relocateWindowNanos;
        this.dropAfterNanos = dropAfterNanos;
        this.staleAfterNanos = staleAfterNanos;
        this.trailLength = trailLength;
        this.maxAircraft = maxAircraft;
        this.initialCapacity = initialCapacity;
    }

    /**
     * Defaults: 1,200 kt airborne / 250 kt surface gate, 1 s time floor, 0.1 NM slack, relocate
     * after 3 agreeing rejected fixes within 30 s, drop after 300 s unheard; position, altitude,
     * velocity and air/ground stale after 60 s, squawk and emergency after 60 s, callsign,
     * category, quality and selected state after 180 s (they are broadcast rarely); 64-point
     * trail; at most 20,000 aircraft.
     */
    public static TrackingRules defaults() {
        long[] stale = new long[FieldGroup.ALL.length];
        Arrays.fill(stale, 60 * SECOND);
        stale[FieldGroup.CALLSIGN.ordinal()] = 180 * SECOND;
        stale[FieldGroup.CATEGORY.ordinal()] = 180 * SECOND;
        stale[FieldGroup.QUALITY.ordinal()] = 180 * SECOND;
        stale[FieldGroup.SELECTED_STATE.ordinal()] = 180 * SECOND;
        return new TrackingRules(1200, 250, 1.0, 0.1, 3, 30 * SECOND, 300 * SECOND, stale, 64, 20_000, 256);
    }

    private TrackingRules copy(
            double air,
            double surf,
            double floor,
            double slack,
            int reloc,
            long relocWin,
            long drop,
            long[] stale,
            int trail,
            int max,
            int initial) {
        return new TrackingRules(air, surf, floor, slack, reloc, relocWin, drop, stale, trail, max, initial);
    }

    public TrackingRules withMaxAirborneSpeedKt(double kt) {
        return copy(
                kt,
                maxSurfaceSpeedKt,
                minGateSeconds,
                positionSlackNm,
                relocateAfter,
                relocateWindowNanos,
                dropAfterNanos,
                staleAfterNanos,
                trailLength,
                maxAircraft,
                initialCapacity);
    }

    public TrackingRules withMaxSurfaceSpeedKt(double kt) {
        return copy(
                maxAirborneSpeedKt,
                kt,
                minGateSeconds,
                positionSlackNm,
                relocateAfter,
                relocateWindowNanos,
                dropAfterNanos,
                staleAfterNanos,
                trailLength,
                maxAircraft,
                initialCapacity);
    }

    public TrackingRules withMinGateSeconds(double s) {
        return copy(
                maxAirborneSpeedKt,
                maxSurfaceSpeedKt,
                s,
                positionSlackNm,
                relocateAfter,
                relocateWindowNanos,
                dropAfterNanos,
                staleAfterNanos,
                trailLength,
                maxAircraft,
                initialCapacity);
    }

    public TrackingRules withPositionSlackNm(double nm) {
        return copy(
                maxAirborneSpeedKt,
                maxSurfaceSpeedKt,
                minGateSeconds,
                nm,
                relocateAfter,
                relocateWindowNanos,
                dropAfterNanos,
                staleAfterNanos,
                trailLength,
                maxAircraft,
                initialCapacity);
    }

    /** Number of consecutive, mutually consistent rejected fixes after which the aircraft is re-placed. */
    public TrackingRules withRelocateAfter(int n) {
        return copy(
                maxAirborneSpeedKt,
                maxSurfaceSpeedKt,
                minGateSeconds,
                positionSlackNm,
                n,
                relocateWindowNanos,
                dropAfterNanos,
                staleAfterNanos,
                trailLength,
                maxAircraft,
                initialCapacity);
    }

    public TrackingRules withRelocateWindowNanos(long nanos) {
        return copy(
                maxAirborneSpeedKt,
                maxSurfaceSpeedKt,
                minGateSeconds,
                positionSlackNm,
                relocateAfter,
                nanos,
                dropAfterNanos,
                staleAfterNanos,
                trailLength,
                maxAircraft,
                initialCapacity);
    }

    public TrackingRules withDropAfterNanos(long nanos) {
        return copy(
                maxAirborneSpeedKt,
                maxSurfaceSpeedKt,
                minGateSeconds,
                positionSlackNm,
                relocateAfter,
                relocateWindowNanos,
                nanos,
                staleAfterNanos,
                trailLength,
                maxAircraft,
                initialCapacity);
    }

    public TrackingRules withStaleAfterNanos(FieldGroup group, long nanos) {
        long[] s = staleAfterNanos.clone();
        s[group.ordinal()] = nanos;
        return copy(
                maxAirborneSpeedKt,
                maxSurfaceSpeedKt,
                minGateSeconds,
                positionSlackNm,
                relocateAfter,
                relocateWindowNanos,
                dropAfterNanos,
                s,
                trailLength,
                maxAircraft,
                initialCapacity);
    }

    public TrackingRules withTrailLength(int points) {
        return copy(
                maxAirborneSpeedKt,
                maxSurfaceSpeedKt,
                minGateSeconds,
                positionSlackNm,
                relocateAfter,
                relocateWindowNanos,
                dropAfterNanos,
                staleAfterNanos,
                points,
                maxAircraft,
                initialCapacity);
    }

    /** Upper bound on tracked aircraft; beyond it new addresses are refused and counted. */
    public TrackingRules withMaxAircraft(int n) {
        return copy(
                maxAirborneSpeedKt,
                maxSurfaceSpeedKt,
                minGateSeconds,
                positionSlackNm,
                relocateAfter,
                relocateWindowNanos,
                dropAfterNanos,
                staleAfterNanos,
                trailLength,
                n,
                Math.min(initialCapacity, n));
    }

    /** Expected number of aircraft: the table is sized for it up front so it never grows below it. */
    public TrackingRules withInitialCapacity(int n) {
        return copy(
                maxAirborneSpeedKt,
                maxSurfaceSpeedKt,
                minGateSeconds,
                positionSlackNm,
                relocateAfter,
                relocateWindowNanos,
                dropAfterNanos,
                staleAfterNanos,
                trailLength,
                maxAircraft,
                n);
    }

    public double maxAirborneSpeedKt() {
        return maxAirborneSpeedKt;
    }

    public double maxSurfaceSpeedKt() {
        return maxSurfaceSpeedKt;
    }

    public double minGateSeconds() {
        return minGateSeconds;
    }

    public double positionSlackNm() {
        return positionSlackNm;
    }

    public int relocateAfter() {
        return relocateAfter;
    }

    public long relocateWindowNanos() {
        return relocateWindowNanos;
    }

    public long dropAfterNanos() {
        return dropAfterNanos;
    }

    public long staleAfterNanos(FieldGroup group) {
        return staleAfterNanos[group.ordinal()];
    }

    public int trailLength() {
        return trailLength;
    }

    public int maxAircraft() {
        return maxAircraft;
    }

    public int initialCapacity() {
        return initialCapacity;
    }

    long staleAfterNanos(int groupOrdinal) {
        return staleAfterNanos[groupOrdinal];
    }
}
