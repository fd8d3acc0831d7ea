package org.vigil.core.ident;

/**
 * What the identification engine is told about one system track at one update: a reusable mutable
 * record the caller fills from its track (the lead fills it from {@code SystemTrack}) and hands to
 * {@link IdentificationEngine#update}. The engine copies what it keeps; the caller may refill this
 * object at once. Absent values: NaN for doubles, {@link #ABSENT} for the address and squawk, 0 for
 * the callsign.
 *
 * <p>Units are the operator's: degrees, feet, knots, feet per minute, nautical miles.
 */
public final class TrackFacts {
    public static final int ABSENT = -1;
    /** An absent time. */
    public static final long NO_TIME = Long.MIN_VALUE;

    /** System track number, stable for the track's life. */
    public int trackNumber;
    /** Data time of this update (Unix epoch ns, UTC), from the messages, never a wall clock. */
    public long timeNanos;
    /**
     * Data time of the tracker's first detection of this track, or {@link #NO_TIME}: the pending
     * period runs from here (not from the engine's first update, which comes only at confirmation).
     */
    public long startNanos = NO_TIME;

    public double latDeg = Double.NaN;
    public double lonDeg = Double.NaN;
    /** Barometric (pressure) altitude, ft; NaN when absent (primary-only tracks have none). */
    public double altitudeFt = Double.NaN;

    public double groundSpeedKt = Double.NaN;
    /** Ground track, degrees clockwise from true north. */
    public double trackDeg = Double.NaN;

    public double verticalRateFpm = Double.NaN;

    /** ICAO 24-bit address, or ABSENT. */
    public int icaoAddress = ABSENT;
    /** Callsign packed as {@link org.vigil.core.Callsigns} packs it, 0 when none heard. */
    public long callsign;
    /** Mode A code as four octal digits read in decimal (7700), or ABSENT. */
    public int squawk = ABSENT;
    /** ADS-B emergency/priority status (0 none, 1 general, 2 medical, 3 minimum fuel, 4 no comms,
     *  5 unlawful interference, 6 downed), or ABSENT. */
    public int emergencyState = ABSENT;

    /** Sensor situation: which kinds of sensor contribute to the track now. */
    public boolean hasAdsb;
    /** SSR (Mode A/C) or Mode S replies, radar or multilateration. */
    public boolean hasSsr;
    /** Primary radar plots. */
    public boolean hasPrimary;

    /** The tracker finds the ADS-B position inconsistent with the radar plots (possible spoofing). */
    public boolean adsbRadarDisagreement;
    /** Distance between the ADS-B and the radar position, NM (NaN when not measured). */
    public double disagreementNm = Double.NaN;
    /** The tracker's last chi-square of the ADS-B report against the radar-held track (NaN when not measured). */
    public double disagreementChiSquare = Double.NaN;
    /** The tracker judged the reported motion physically implausible (jumps, impossible turn or climb). */
    public boolean implausibleKinematics;

    /** Number of the GNSS interference area whose open cell holds the track's position, 0 for none. */
    public int interferenceArea;
    /** Share of the aircraft in that cell whose ADS-B integrity dropped or positions were implausible (NaN when none). */
    public double interferenceShare = Double.NaN;
    /** The aircraft's own GNSS status there: 0 clean, 1 degraded, 2 position lost, 3 spoofed (core.gnss). */
    public int gnssStatus;

    /** Seen only by primary radar: no code, no altitude, no address (a transponder off or absent). */
    public boolean primaryOnly() {
        return hasPrimary && !hasAdsb && !hasSsr;
    }

    /** Whether the track carries any identifier that a flight plan could correlate with. */
    public boolean hasIdentifiers() {
        return icaoAddress != ABSENT || callsign != 0 || squawk != ABSENT;
    }

    /** Back to "nothing known"; every field (keep complete when adding one). */
    public TrackFacts reset() {
        trackNumber = 0;
        timeNanos = 0;
        startNanos = NO_TIME;
        latDeg = lonDeg = altitudeFt = groundSpeedKt = trackDeg = verticalRateFpm = Double.NaN;
        icaoAddress = ABSENT;
        callsign = 0;
        squawk = ABSENT;
        emergencyState = ABSENT;
        hasAdsb = hasSsr = hasPrimary = false;
        adsbRadarDisagreement = false;
        disagreementNm = Double.NaN;
        disagreementChiSquare = Double.NaN;
        implausibleKinematics = false;
        interferenceArea = 0;
        interferenceShare = Double.NaN;
        gnssStatus = 0;
        return this;
    }

    /** Copies every field of {@code o} (keep complete when adding one). */
    public void copyFrom(TrackFacts o) {
        trackNumber = o.trackNumber;
        timeNanos = o.timeNanos;
        startNanos = o.startNanos;
        latDeg = o.latDeg;
        lonDeg = o.lonDeg;
        altitudeFt = o.altitudeFt;
        groundSpeedKt = o.groundSpeedKt;
        trackDeg = o.trackDeg;
        verticalRateFpm = o.verticalRateFpm;
        icaoAddress = o.icaoAddress;
        callsign = o.callsign;
        squawk = o.squawk;
        emergencyState = o.emergencyState;
        hasAdsb = o.hasAdsb;
        hasSsr = o.hasSsr;
        hasPrimary = o.hasPrimary;
        adsbRadarDisagreement = o.adsbRadarDisagreement;
        disagreementNm = o.disagreementNm;
        disagreementChiSquare = o.disagreementChiSquare;
        implausibleKinematics = o.implausibleKinematics;
        interferenceArea = o.interferenceArea;
        interferenceShare = o.interferenceShare;
        gnssStatus = o.gnssStatus;
    }
}
