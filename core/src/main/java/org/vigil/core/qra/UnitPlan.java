package org.vigil.core.qra;

import org.vigil.core.geo.Units;

/**
 * The per-unit numbers the solver and the map need for one target level, worked out once:
 * start point, launch plus climb time, climb distance, speeds and fuel limit. Mutable and reused
 * (allocation-free {@link #prepare}); see {@link InterceptSolver} for the model and the CAP rule.
 */
final class UnitPlan {
    /** Null when the unit can fly the intercept; otherwise why not. */
    NoInterceptReason unavailable;

    double startLat, startLon;
    double timeToAirborneS, climbTimeS;
    /** Launch plus climb: the earliest time the unit is at the target's level. */
    double t0;
    /** Ground distance covered in the climb, metres. */
    double climbDistanceM;

    double subsonicMps;
    /** NaN when the type is not supersonic at this level. */
    double supersonicMps;
    /** Radius-equivalent metres used per supersonic metre (1 / the profile's factor). */
    double supersonicFuelRate;
    /** Fuel limit as the furthest subsonic distance from the start point, metres. */
    double radiusM;

    UnitPlan prepare(Detachment unit, AircraftProfile profile, double altitudeFt, long epochMs) {
        unavailable = unit.unavailability(epochMs);
        if (unavailable == null && profile == null) unavailable = NoInterceptReason.NO_PROFILE;
        if (unavailable == null && altitudeFt > profile.ceilingFt()) unavailable = NoInterceptReason.ABOVE_CEILING;
        if (unavailable != null) {
            timeToAirborneS = climbTimeS = t0 = Double.NaN;
            return this;
        }
        timeToAirborneS = unit.timeToAirborneS();
        subsonicMps = profile.subsonicTasMps(altitudeFt);
        supersonicMps = profile.supersonicTasMps(altitudeFt);
        supersonicFuelRate = 1 / profile.supersonicRadiusFactor();
        radiusM = profile.combatRadiusNm() * Units.NM;
        double startAlt;
        CapStation cap = unit.cap();
        if (cap != null) {
            startLat = cap.latDeg();
            startLon = cap.lonDeg();
            startAlt = cap.altitudeFt();
            radiusM = Math.min(radiusM, cap.enduranceRemainingS() * subsonicMps / 2);
        } else {
            startLat = unit.base().latDeg();
            startLon = unit.base().lonDeg();
            startAlt = unit.base().elevationFt();
        }
        climbTimeS = profile.climbTimeS(startAlt, altitudeFt);
        climbDistanceM = profile.climbDistanceM(startAlt, altitudeFt);
        t0 = timeToAirborneS + climbTimeS;
        return this;
    }
}
