package org.vigil.core.airspace;

import org.vigil.core.geo.GeodesicDirect;
import org.vigil.core.geo.Units;

/**
 * When will a track, flying straight on, enter a protected national airspace?
 *
 * <p>"Straight" is the geodesic that starts at the track's position along its ground track, flown
 * at constant ground speed. The path is sampled every {@link #stepMetres} (default 500 m: at
 * 480 kt about one sample per second); at the first sample inside the target, the crossing is
 * refined by bisection on time to {@value #RESOLUTION_S} s. A sliver of target airspace narrower
 * than the step along the path can be missed; 12 NM seas are 44 times wider than the default
 * step. The answer's accuracy is that of the airspace model (tens of metres, see
 * docs/AIRSPACE.md), i.e. about 0.1 s at 480 kt.
 *
 * <p>Altitude does not enter: national airspace has no upper limit in this model.
 *
 * <p>Allocation-free. The result is in this object's fields and is overwritten by the next call:
 * one instance per thread.
 */
public final class TimeToEntry {
    /** Target meaning "the national airspace of any state that is a NATO member at the entry time". */
    public static final int ANY_NATO = -2;

    public static final double RESOLUTION_S = 0.01;
    private static final double MPS_PER_KT = Units.KT;

    private final NationalAirspace airspace;
    private final NatoMembership.ByState nato;
    private final GeodesicDirect direct = new GeodesicDirect();
    private final double stepMetres;

    /** Whether the last call found an entry within the horizon (or the track was already inside). */
    public boolean found;
    /** Already inside the target at the start: {@link #seconds} is 0. */
    public boolean alreadyInside;
    /** Seconds from the given time to the entry; NaN if not found. */
    public double seconds;
    /** Entry point (first point inside, within the resolution); NaN if not found. */
    public double latDeg;

    public double lonDeg;
    /** State entered, or {@link NationalAirspace#NONE} if not found. */
    public int state;

    public TimeToEntry(NationalAirspace airspace, NatoMembership.ByState nato) {
        this(airspace, nato, 500);
    }

    public TimeToEntry(NationalAirspace airspace, NatoMembership.ByState nato, double stepMetres) {
        if (!(stepMetres > 0)) throw new IllegalArgumentException("step must be positive");
        this.airspace = airspace;
        this.nato = nato;
        this.stepMetres = stepMetres;
    }

    /**
     * @param target         a state index, or {@link #ANY_NATO}
     * @param trackDeg       ground track, degrees clockwise from true north
     * @param groundSpeedKt  ground speed, knots
     * @param timeNanos      time of the position (Unix epoch nanoseconds, UTC): NATO membership is
     *                       judged at the entry time
     * @param horizonSeconds how far ahead to look
     * @return {@link #found}
     */
    public boolean compute(
            double latDeg,
            double lonDeg,
            double altitudeFt,
            double trackDeg,
            double groundSpeedKt,
            long timeNanos,
            int target,
            double horizonSeconds) {
        clear();
        if (!(Double.isFinite(latDeg)
                && Double.isFinite(lonDeg)
                && Double.isFinite(trackDeg)
                && groundSpeedKt >= 0
                && horizonSeconds >= 0)) {
            return false;
        }
        if (target != ANY_NATO && (target < 0 || target >= airspace.stateCount())) return false;
        int s0 = targetAt(latDeg, lonDeg, target, timeNanos);
        if (s0 != NationalAirspace.NONE) {
            found = true;
            alreadyInside = true;
            seconds = 0;
            this.latDeg = latDeg;
            this.lonDeg = lonDeg;
            state = s0;
            return true;
        }
        double speed = groundSpeedKt * MPS_PER_KT;
        if (speed <= 0) return false;
        double azimuth = Math.toRadians(trackDeg);
        double dt = stepMetres / speed;
        int steps = (int) Math.ceil(horizonSeconds / dt);
        double before = 0;
        for (int i = 1; i <= steps; i++) {
            double t = Math.min(i * dt, horizonSeconds);
            direct.solve(latDeg, lonDeg, azimuth, speed * t);
            if (targetAt(direct.latDeg, direct.lonDeg, target, timeNanos + (long) (t * 1e9)) != NationalAirspace.NONE) {
                double after = t;
                while (after - before > RESOLUTION_S) {
                    double mid = 0.5 * (before + after);
                    direct.solve(latDeg, lonDeg, azimuth, speed * mid);
                    if (targetAt(direct.latDeg, direct.lonDeg, target, timeNanos + (long) (mid * 1e9))
                            != NationalAirspace.NONE) {
                        after = mid;
                    } else {
                        before = mid;
                    }
                }
                direct.solve(latDeg, lonDeg, azimuth, speed * after);
                found = true;
                seconds = after;
                this.latDeg = direct.latDeg;
                this.lonDeg = direct.lonDeg;
                state = airspace.stateAt(this.latDeg, this.lonDeg);
                return true;
            }
            before = t;
        }
        return false;
    }

    /** The state at the point if it counts as the target, else NONE. */
    private int targetAt(double lat, double lon, int target, long timeNanos) {
        int s = airspace.stateAt(lat, lon);
        if (s == NationalAirspace.NONE) return NationalAirspace.NONE;
        if (target == ANY_NATO) return nato.isNato(s, timeNanos) ? s : NationalAirspace.NONE;
        return s == target ? s : NationalAirspace.NONE;
    }

    private void clear() {
        found = false;
        alreadyInside = false;
        seconds = Double.NaN;
        latDeg = Double.NaN;
        lonDeg = Double.NaN;
        state = NationalAirspace.NONE;
    }
}
