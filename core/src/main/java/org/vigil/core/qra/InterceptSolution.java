package org.vigil.core.qra;

import org.vigil.core.geo.Units;

/**
 * Result of one {@link InterceptSolver#solve}: reusable, overwritten completely by every solve.
 * When {@link #feasible} is false only {@link #reason} (and the launch/climb figures, when known)
 * mean anything; the other numbers are NaN.
 */
public final class InterceptSolution {
    /** True if the unit can reach the aim point behind the target within its fuel limit and the horizon. */
    public boolean feasible;
    /** Why not, when not feasible; null when feasible. */
    public NoInterceptReason reason;
    /** Seconds from now (the scramble order) to arrival at the aim point. */
    public double timeS;
    /** The aim point (intercept point) at that time. */
    public double latDeg;

    public double lonDeg;
    /** Target altitude the intercept is planned at, feet. */
    public double altitudeFt;
    /** Initial true heading from the start point (base or CAP) to the intercept point, degrees [0, 360). */
    public double headingDeg;
    /** Geodesic ground distance from the start point to the intercept point, metres. */
    public double distanceM;
    /** Time from order to airborne used, seconds. */
    public double timeToAirborneS;
    /** Climb time from the start altitude to the target's level, seconds. */
    public double climbTimeS;
    /** True if the plan uses a supersonic dash (over the sea only with the land rule). */
    public boolean supersonic;
    /** Cruise true airspeed of the plan after the climb, m/s (the supersonic speed if supersonic). */
    public double speedMps;
    /**
     * Metres flown supersonic at the end of the way (after the climb): 0 for a subsonic plan, the
     * whole way after the climb for a supersonic one, the dash the fuel allows with
     * {@link InterceptOptions#dashAtEnd}; NaN under the land rule (the split follows the coast).
     */
    public double dashM = Double.NaN;
    /** Metres flown subsonic after the climb before the dash (NaN under the land rule). */
    public double subsonicLegM = Double.NaN;
    /** The subsonic true airspeed at the plan's level, m/s. */
    public double subsonicMps = Double.NaN;
    /** Share of the fuel limit used to reach the intercept point, 0..1. */
    public double fuelFraction;
    /**
     * Half-width of the intercept time's interval from the target track's uncertainty, seconds
     * (NaN when not worked out: no covariance, or infeasible); set by the scramble workflow.
     */
    public double timeSpreadS = Double.NaN;
    /** The same for the intercept point: radius, metres. */
    public double pointSpreadM = Double.NaN;
    /** True when the target had no altitude and was planned at an assumed level (primary radar only). */
    public boolean levelAssumed;

    void clear(NoInterceptReason why) {
        feasible = false;
        reason = why;
        timeS = Double.NaN;
        latDeg = Double.NaN;
        lonDeg = Double.NaN;
        altitudeFt = Double.NaN;
        headingDeg = Double.NaN;
        distanceM = Double.NaN;
        timeToAirborneS = Double.NaN;
        climbTimeS = Double.NaN;
        supersonic = false;
        speedMps = Double.NaN;
        dashM = Double.NaN;
        subsonicLegM = Double.NaN;
        subsonicMps = Double.NaN;
        fuelFraction = Double.NaN;
        timeSpreadS = Double.NaN;
        pointSpreadM = Double.NaN;
        levelAssumed = false;
    }

    /** Copies every field of {@code other} into this one. */
    public void copyFrom(InterceptSolution other) {
        feasible = other.feasible;
        reason = other.reason;
        timeS = other.timeS;
        latDeg = other.latDeg;
        lonDeg = other.lonDeg;
        altitudeFt = other.altitudeFt;
        headingDeg = other.headingDeg;
        distanceM = other.distanceM;
        timeToAirborneS = other.timeToAirborneS;
        climbTimeS = other.climbTimeS;
        supersonic = other.supersonic;
        speedMps = other.speedMps;
        dashM = other.dashM;
        subsonicLegM = other.subsonicLegM;
        subsonicMps = other.subsonicMps;
        fuelFraction = other.fuelFraction;
        timeSpreadS = other.timeSpreadS;
        pointSpreadM = other.pointSpreadM;
        levelAssumed = other.levelAssumed;
    }

    @Override
    public String toString() {
        if (!feasible) return "no intercept: " + (reason == null ? "?" : reason.text());
        return String.format(
                java.util.Locale.ROOT,
                "intercept in %.1f min at %.4f,%.4f heading %03.0f, %.0f NM, %s",
                timeS / 60,
                latDeg,
                lonDeg,
                headingDeg,
                distanceM / Units.NM,
                supersonic ? "supersonic" : "subsonic");
    }
}
