package org.vigil.core.ident;

import org.vigil.core.airspace.NationalAirspace;
import org.vigil.core.airspace.NatoMembership;
import org.vigil.core.airspace.TimeToEntry;

/**
 * {@link AirspaceLookup} over the airspace model: {@link TimeToEntry} towards any state that is a NATO
 * member at the entry time. One per thread (TimeToEntry keeps its result in fields).
 *
 * <p>The path is sampled every {@link #DEFAULT_STEP_M} m rather than TimeToEntry's 500 m: a 12 NM sea
 * is 22 km wide, and at a 900 s horizon this halves the cost of a look-ahead; the crossing is still
 * bisected to 0.01 s.
 */
public final class NationalAirspaceLookup implements AirspaceLookup {
    public static final double DEFAULT_STEP_M = 1000;

    private final NationalAirspace airspace;
    private final TimeToEntry tte;

    public NationalAirspaceLookup(NationalAirspace airspace, NatoMembership nato) {
        this(airspace, nato, DEFAULT_STEP_M);
    }

    public NationalAirspaceLookup(NationalAirspace airspace, NatoMembership nato, double stepMetres) {
        this.airspace = airspace;
        this.tte = new TimeToEntry(airspace, nato.bind(airspace), stepMetres);
    }

    @Override
    public void assess(
            double lat,
            double lon,
            double altFt,
            double trackDeg,
            double gsKt,
            long timeNanos,
            double horizonSeconds,
            AirspaceSituation out) {
        out.clear();
        out.assessed = true;
        // a track without a velocity can still be inside
        double trk = Double.isFinite(trackDeg) ? trackDeg : 0;
        double gs = gsKt >= 0 ? gsKt : 0;
        if (!tte.compute(lat, lon, altFt, trk, gs, timeNanos, TimeToEntry.ANY_NATO, horizonSeconds)) return;
        out.inside = tte.alreadyInside;
        out.entering = !tte.alreadyInside;
        out.secondsToEntry = tte.seconds;
        out.entryLatDeg = tte.latDeg;
        out.entryLonDeg = tte.lonDeg;
        out.state = tte.state == NationalAirspace.NONE ? null : airspace.iso(tte.state);
    }
}
