package org.vigil.core.sim;

import org.vigil.core.geo.Angles;
import org.vigil.core.geo.Sphere;
import org.vigil.core.geo.Units;

/**
 * Moves one flight through one time step: guidance (route, heading or join), coordinated turn with
 * the type's bank limit, speed schedule, climb and descent at type-typical rates, wind.
 *
 * <p>Models (why they are enough for tracker testing): a coordinated level turn at bank φ and
 * true airspeed V turns at ω = g·tan φ / V, so turn radius grows with speed as real traffic does;
 * roll-in is instantaneous (a tracker sees at most one radar scan of difference). Climb rate falls
 * linearly from the type's initial rate to 30 % at its ceiling; level-off is an exponential capture
 * (20 s time constant) so vertical rate is continuous apart from the vertical-acceleration limit.
 * Speed below 10,000 ft is held to 250 kt (ICAO/EU rule for civil traffic), then climbs to the
 * type's climb and cruise speeds; speed changes at the type's acceleration. Wind is constant over the
 * area: ground velocity is air velocity plus wind, and the heading is corrected for drift so tracks
 * over ground follow the route.
 *
 * <p>Static and allocation-free; {@code scratch} is the caller's {@code double[2]}.
 */
public final class Kinematics {
    /** Below this altitude civil traffic flies at most 250 kt. */
    static final double SPEED_LIMIT_ALTITUDE_FT = 10_000;
    /** A route point counts as passed within this distance (metres) or the turn anticipation. */
    static final double CAPTURE_M = 2 * Units.NM;
    /** Vertical acceleration limit, ft/min per second (about 0.15 g civil, far more for fighters). */
    static final double VERTICAL_ACCEL_CIVIL = 300, VERTICAL_ACCEL_MILITARY = 3000;

    private Kinematics() {}

    /** Climb rate (ft/min) available at an altitude. */
    public static double climbRateFpm(AircraftType t, double altitudeFt) {
        double f = Math.max(0, Math.min(1, altitudeFt / t.ceilingFt()));
        return t.climbFpm() * (1 - 0.7 * f);
    }

    /** Speed the schedule asks for at this altitude and phase (knots TAS). */
    public static double scheduledSpeedKt(Flight f) {
        AircraftType t = f.spec.type();
        double cruise = f.spec.cruiseKt();
        if (f.altitudeFt < SPEED_LIMIT_ALTITUDE_FT && !t.military()) {
            double approach =
                    f.descending && f.altitudeFt < 4000 ? Math.min(cruise, Math.max(140, t.climbKt() * 0.55)) : 250;
            return Math.min(cruise, approach);
        }
        if (f.verticalRateFpm > 500 && f.altitudeFt < f.targetAltitudeFt - 1000)
            return Math.min(
                    cruise,
                    t.climbKt() + 0.4 * (cruise - t.climbKt()) * f.altitudeFt / Math.max(1, f.targetAltitudeFt));
        return cruise;
    }

    /**
     * Advances {@code f} by {@code dt} seconds toward {@code desiredTrackDeg} (NaN keeps the heading).
     * @param windToEastMps wind velocity east component (m/s), 0 for none
     */
    public static void move(
            Flight f,
            double desiredTrackDeg,
            double dt,
            double windToEastMps,
            double windToNorthMps,
            double[] scratch) {
        AircraftType t = f.spec.type();
        // speed
        double wantKt = f.speedHeld ? f.targetSpeedKt : scheduledSpeedKt(f);
        double dv = wantKt - f.trueAirspeedKt;
        double maxDv = t.accelKtPerS() * dt;
        f.trueAirspeedKt += Math.max(-maxDv, Math.min(maxDv, dv));
        double tasMps = Math.max(1, f.trueAirspeedKt * Units.KT);

        // heading: fly the desired track, corrected for drift
        double turnRateDeg = 0;
        if (!Double.isNaN(desiredTrackDeg)) {
            double wantHeading = desiredTrackDeg;
            double w = Math.hypot(windToEastMps, windToNorthMps);
            if (w > 0) {
                double tr = Math.toRadians(desiredTrackDeg);
                double cross = windToEastMps * Math.cos(tr)
                        - windToNorthMps * Math.sin(tr); // wind from the left is negative drift
                double s = Math.max(-0.9, Math.min(0.9, cross / tasMps));
                wantHeading = Angles.norm360(desiredTrackDeg - Math.toDegrees(Math.asin(s)));
            }
            double err = Angles.norm180(wantHeading - f.headingDeg);
            double maxRate = Math.toDegrees(Units.G * Math.tan(Math.toRadians(t.maxBankDeg())) / tasMps);
            double step = Math.max(-maxRate * dt, Math.min(maxRate * dt, err));
            f.headingDeg = Angles.norm360(f.headingDeg + step);
            turnRateDeg = step / dt;
        }
        f.bankDeg = Math.toDegrees(Math.atan(tasMps * Math.toRadians(turnRateDeg) / Units.G));

        // vertical: capture the target altitude with a 20 s time constant inside the rate limits
        double diff = f.targetAltitudeFt - f.altitudeFt;
        double want = diff * 3.0; // ft/min: diff / 20 s
        want = Math.max(-t.descentFpm(), Math.min(climbRateFpm(t, f.altitudeFt), want));
        double maxAcc = (t.military() ? VERTICAL_ACCEL_MILITARY : VERTICAL_ACCEL_CIVIL) * dt;
        f.verticalRateFpm += Math.max(-maxAcc, Math.min(maxAcc, want - f.verticalRateFpm));
        if (Math.abs(diff) < 1 && Math.abs(f.verticalRateFpm) < 30) {
            f.altitudeFt = f.targetAltitudeFt;
            f.verticalRateFpm = 0;
        }

        // ground velocity and position (midpoint of the step for the altitude, end velocity for position)
        double h = Math.toRadians(f.headingDeg);
        double ve = tasMps * Math.sin(h) + windToEastMps;
        double vn = tasMps * Math.cos(h) + windToNorthMps;
        f.velocityEastMps = ve;
        f.velocityNorthMps = vn;
        double gs = Math.hypot(ve, vn);
        f.groundspeedKt = gs / Units.KT;
        f.trackDeg = gs > 0 ? Angles.norm360(Math.toDegrees(Math.atan2(ve, vn))) : f.headingDeg;
        Sphere.destination(f.lat, f.lon, f.trackDeg, gs * dt, scratch);
        f.lat = scratch[0];
        f.lon = scratch[1];
        f.altitudeFt += f.verticalRateFpm * dt / 60.0;
    }
}
