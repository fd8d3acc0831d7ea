package org.vigil.core.radar;

/**
 * One radar plot (a CAT048 target report) as an observation: who measured it, when, where it was
 * measured (slant range, azimuth) and where that puts it on the WGS-84 ellipsoid.
 *
 * <p>Reusable and mutable, like {@code ModeSMessage}: a decoder fills one instance per plot and
 * hands it to a {@link RadarPlotSink}; it is valid only during that call. Fields are public
 * primitives so that the hot path neither allocates nor boxes. Absent values are {@link #ABSENT}
 * (ints), NaN (doubles), 0 (callsign). {@link #reset()} restores every field to absent and must
 * be kept complete when fields are added.
 *
 * <p>Units: metres, radians for measured angles, degrees for latitude/longitude, nanoseconds
 * since the Unix epoch (UTC) for time.
 */
public final class RadarPlot {
    public static final int ABSENT = Integer.MIN_VALUE;

    /** Mode C altitude missing, invalid or garbled: the position was projected at {@link #projectionHeightMetres}, an assumption. */
    public static final int ALTITUDE_ASSUMED = 1;
    /** Slant range shorter than the height difference (plot almost overhead or Mode C wrong): ground range clamped to 0. */
    public static final int GROUND_RANGE_CLAMPED = 1 << 1;
    /** The radar marked the plot as simulated. */
    public static final int SIMULATED = 1 << 2;
    /** A test target (radar's own test transponder or injected test plot). */
    public static final int TEST_TARGET = 1 << 3;
    /** Fixed transponder (RAB: report from a field monitor), not an aircraft. */
    public static final int FIXED_TRANSPONDER = 1 << 4;
    /** Special position identification (IDENT pressed). */
    public static final int SPI = 1 << 5;
    /** Military emergency flagged in the report. */
    public static final int MILITARY_EMERGENCY = 1 << 6;
    /** Military identification flagged in the report. */
    public static final int MILITARY_IDENT = 1 << 7;
    /** Mode 3/A code reported but not validated or garbled (see {@link #mode3AValid}). */
    public static final int MODE_3A_DOUBTFUL = 1 << 8;

    // --- source and time
    /** Sensor identity (I048/010). */
    public int sac = ABSENT;

    public int sic = ABSENT;
    /** Time of detection, resolved to a full UTC timestamp (ns since the epoch). */
    public long timeNanos = Long.MIN_VALUE;
    /** The time as sent: seconds since UTC midnight (1/128 s resolution). */
    public double timeOfDaySeconds = Double.NaN;

    // --- measurement
    public PlotType type = PlotType.NO_DETECTION;
    /** Measured slant range, metres. */
    public double rhoMetres = Double.NaN;
    /** Measured azimuth, radians clockwise from true north at the radar, in [0, 2π). */
    public double thetaRad = Double.NaN;
    /** One-sigma range and azimuth errors of the sensor (from its configuration). */
    public double rangeSigmaMetres = Double.NaN;

    public double azimuthSigmaRad = Double.NaN;

    // --- position
    /** WGS-84 latitude and longitude, degrees. */
    public double latDeg = Double.NaN;

    public double lonDeg = Double.NaN;
    /** Distance along the ellipsoid from the radar to the plot, metres. */
    public double groundRangeMetres = Double.NaN;
    /** Height used to project the plot (Mode C altitude, or the assumed height when {@link #ALTITUDE_ASSUMED}). */
    public double projectionHeightMetres = Double.NaN;

    // --- identity and altitude
    /** Mode C pressure altitude in metres (flight level × 100 ft), NaN when not reported. */
    public double altitudeMetres = Double.NaN;
    /** Mode 3/A code as 12 bits (print with %04o), ABSENT when not reported. */
    public int mode3A = ABSENT;
    /** Whether the Mode 3/A code was validated and not garbled. */
    public boolean mode3AValid;
    /** 24-bit ICAO address (Mode S), ABSENT when not reported. */
    public int address = ABSENT;
    /** Callsign packed 6 bits a character as in ModeSMessage; 0 when absent. */
    public long callsign;
    /** The radar's own track number (I048/161), ABSENT when the radar does not track. */
    public int trackNumber = ABSENT;

    /** Bit set of the flag constants above. */
    public int flags;

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** Forgets everything: every field back to absent. */
    public void reset() {
        sac = ABSENT;
        sic = ABSENT;
        timeNanos = Long.MIN_VALUE;
        timeOfDaySeconds = Double.NaN;
        type = PlotType.NO_DETECTION;
        rhoMetres = Double.NaN;
        thetaRad = Double.NaN;
        rangeSigmaMetres = Double.NaN;
        azimuthSigmaRad = Double.NaN;
        latDeg = Double.NaN;
        lonDeg = Double.NaN;
        groundRangeMetres = Double.NaN;
        projectionHeightMetres = Double.NaN;
        altitudeMetres = Double.NaN;
        mode3A = ABSENT;
        mode3AValid = false;
        address = ABSENT;
        callsign = 0;
        trackNumber = ABSENT;
        flags = 0;
    }

    /** Copies every field of {@code o} (for consumers that keep a plot beyond the callback). */
    public RadarPlot copyFrom(RadarPlot o) {
        sac = o.sac;
        sic = o.sic;
        timeNanos = o.timeNanos;
        timeOfDaySeconds = o.timeOfDaySeconds;
        type = o.type;
        rhoMetres = o.rhoMetres;
        thetaRad = o.thetaRad;
        rangeSigmaMetres = o.rangeSigmaMetres;
        azimuthSigmaRad = o.azimuthSigmaRad;
        latDeg = o.latDeg;
        lonDeg = o.lonDeg;
        groundRangeMetres = o.groundRangeMetres;
        projectionHeightMetres = o.projectionHeightMetres;
        altitudeMetres = o.altitudeMetres;
        mode3A = o.mode3A;
        mode3AValid = o.mode3AValid;
        address = o.address;
        callsign = o.callsign;
        trackNumber = o.trackNumber;
        flags = o.flags;
        return this;
    }

    /** For logs and test failures (allocates). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("RadarPlot{")
                .append(sac)
                .append('/')
                .append(sic)
                .append(' ')
                .append(type)
                .append(" t=")
                .append(timeNanos)
                .append(" rho=")
                .append(rhoMetres)
                .append("m theta=")
                .append(Math.toDegrees(thetaRad))
                .append("deg")
                .append(" pos=")
                .append(latDeg)
                .append(',')
                .append(lonDeg);
        if (!Double.isNaN(altitudeMetres))
            sb.append(" alt=").append(altitudeMetres).append('m');
        if (mode3A != ABSENT) sb.append(" A").append(String.format("%04o", mode3A));
        if (address != ABSENT) sb.append(" icao=").append(String.format("%06x", address));
        if (trackNumber != ABSENT) sb.append(" trk=").append(trackNumber);
        return sb.append(" flags=0x")
                .append(Integer.toHexString(flags))
                .append('}')
                .toString();
    }
}
