package org.vigil.core.sim;

import org.vigil.core.geo.Sphere;

/**
 * The moving state of one simulated aircraft: the truth. Mutable and reused every step; the
 * sensors read the public fields between steps (never during one).
 *
 * <p>Invariants: while {@link #airborne} is true the position, altitude and velocity fields are
 * finite; {@link #velocityEastMps}/{@link #velocityNorthMps} are the ground velocity (air velocity
 * plus wind) consistent with {@link #groundspeedKt} and {@link #trackDeg}. Angles are true degrees
 * [0, 360). Altitude is pressure altitude in feet, also used as height above sea level.
 */
public final class Flight {
    /** How the flight chooses its direction. */
    public enum Guidance {
        ROUTE,
        HEADING,
        JOIN
    }

    public final FlightSpec spec;
    /** Position in {@link Simulation#flights()}, stable for the whole run. */
    public final int index;
    /** Callsign packed 6 bits per character as {@link org.vigil.core.Callsigns} (0 = none). */
    public final long packedCallsign;

    public boolean airborne;
    public boolean finished;
    public double lat, lon, altitudeFt;
    public double trueAirspeedKt, headingDeg, groundspeedKt, trackDeg, verticalRateFpm, bankDeg;
    public double velocityEastMps, velocityNorthMps;
    public double targetAltitudeFt, targetSpeedKt;
    /** True when the pilot (or an event) has set the speed, so the altitude schedule no longer applies. */
    public boolean speedHeld;

    public boolean descending;
    public Guidance guidance = Guidance.ROUTE;
    public double commandedHeadingDeg = Double.NaN;
    public Flight joinTarget;
    /** Next route point to fly to. */
    public int leg = 1;

    public boolean transponderOn, adsbOn, radioLost;
    public int squawk;
    public boolean spoofing;
    public double spoofOffsetNm, spoofBearingDeg;

    /** Next event of {@link FlightSpec#events} to apply. */
    int nextEvent;

    Flight(FlightSpec spec, int index) {
        this.spec = spec;
        this.index = index;
        this.packedCallsign = pack(spec.callsign());
        this.transponderOn = spec.transponder();
        this.adsbOn = spec.adsb();
        this.squawk = spec.squawk();
    }

    /**
     * Where the flight is {@code dtSeconds} after the current state, flying straight at its present
     * velocity: out[0] lat, out[1] lon, out[2] altitude ft. Used to time-stamp transmissions and
     * radar hits between simulation steps (steps are short, so the chord error of a turn is a few metres).
     */
    public void extrapolate(double dtSeconds, double[] out) {
        double dn = velocityNorthMps * dtSeconds, de = velocityEastMps * dtSeconds;
        out[0] = lat + Math.toDegrees(dn / Sphere.EARTH_RADIUS_M);
        out[1] = lon + Math.toDegrees(de / (Sphere.EARTH_RADIUS_M * Math.cos(Math.toRadians(lat))));
        out[2] = altitudeFt + verticalRateFpm * dtSeconds / 60.0;
    }

    public String callsign() {
        return spec.callsign();
    }

    /** The scenario's callsign packed as {@link org.vigil.core.Callsigns} does (0 when none or not packable). */
    static long pack(String text) {
        return org.vigil.core.Callsigns.packOrNone(text);
    }
}
