package org.vigil.core.track;

/**
 * One measurement handed to the {@link Tracker}: a radar plot or an ADS-B / MLAT position report,
 * already decoded. The adapters from {@code RadarPlot} and {@code ModeSMessage} fill one of these.
 *
 * <p>Reusable and mutable, public primitive fields, like the decoders' message classes: the
 * tracker copies what it keeps ({@link Tracker#accept} copies into its own pooled instances), so the
 * caller may reuse its instance right after the call. Absent ints are {@link #ABSENT}, absent doubles
 * NaN, absent callsign 0. {@link #reset()} must stay complete when fields are added.
 *
 * <p>Units: nanoseconds since the Unix epoch, metres, radians (azimuth clockwise from true north at
 * the radar), degrees for latitude/longitude.
 *
 * <p>Which fields a detection must carry:
 * <ul>
 * <li>RADAR: {@link #sensorId} (registered with {@link Tracker#addRadar}), {@link #rangeMetres} (slant),
 *   {@link #azimuthRad}; optional sigmas (else the radar's configured ones), {@link #altitudeMetres}
 *   (Mode C), {@link #mode3A}, {@link #icao} (Mode S radars), {@link #plotType}. The radar's
 *   position comes from its registration; the sensor position fields here are used only to register
 *   an unknown radar on the fly.</li>
 * <li>ADSB / MLAT: {@link #latDeg}, {@link #lonDeg}, {@link #horizontalSigmaMetres} (see
 *   {@link NacpAccuracy#sigmaMetres}), {@link #icao}; optional altitude, squawk, callsign.</li>
 * </ul>
 */
public final class Detection {
    public static final int ABSENT = Integer.MIN_VALUE;

    /** Plot type as the radar classified it (ADS-B reports use {@link #PLOT_NONE}). */
    public static final int PLOT_NONE = 0;
    /** Skin return only: no identity, no altitude. */
    public static final int PLOT_PRIMARY = 1;
    /** Transponder reply only (Mode A/C or Mode S). */
    public static final int PLOT_SECONDARY = 2;
    /** Primary and secondary on the same target. */
    public static final int PLOT_COMBINED = 3;

    // --- source and time
    public long timeNanos = Long.MIN_VALUE;
    /** Sensor identity: for radars {@code sac << 8 | sic}; for ADS-B/MLAT the feed's id. */
    public int sensorId = ABSENT;

    public SensorKind kind = SensorKind.RADAR;

    // --- radar measurement
    /** Radar antenna position (only used to register an unknown radar). */
    public double sensorLatDeg = Double.NaN;

    public double sensorLonDeg = Double.NaN;
    public double sensorHeightMetres = Double.NaN;
    /** Measured slant range, metres. */
    public double rangeMetres = Double.NaN;
    /** Measured azimuth, radians clockwise from true north at the radar. */
    public double azimuthRad = Double.NaN;
    /** One-sigma slant range and azimuth errors; NaN = use the radar's configured values. */
    public double rangeSigmaMetres = Double.NaN;

    public double azimuthSigmaRad = Double.NaN;
    public int plotType = PLOT_NONE;

    // --- ADS-B / MLAT measurement
    public double latDeg = Double.NaN;
    public double lonDeg = Double.NaN;
    /** One-sigma horizontal error per axis, metres. */
    public double horizontalSigmaMetres = Double.NaN;

    // --- altitude and identity
    /** Barometric (Mode C / ADS-B baro) altitude, metres; NaN when not reported. */
    public double altitudeMetres = Double.NaN;
    /** 24-bit ICAO address, ABSENT when not known. */
    public int icao = ABSENT;
    /** Mode 3/A code as 12 bits, ABSENT when not reported. */
    public int mode3A = ABSENT;
    /** Callsign packed 6 bits a character (ModeSMessage convention), 0 when absent. */
    public long callsign;

    // --- filled by the tracker (local plane position of the measurement, for gating and initiation)
    double x = Double.NaN;
    double y = Double.NaN;
    /** Arrival sequence number: breaks ties between equal times deterministically. */
    long sequence;
    /** Dense sensor index inside the tracker. */
    int sensorIndex = -1;

    public void reset() {
        timeNanos = Long.MIN_VALUE;
        sensorId = ABSENT;
        kind = SensorKind.RADAR;
        sensorLatDeg = Double.NaN;
        sensorLonDeg = Double.NaN;
        sensorHeightMetres = Double.NaN;
        rangeMetres = Double.NaN;
        azimuthRad = Double.NaN;
        rangeSigmaMetres = Double.NaN;
        azimuthSigmaRad = Double.NaN;
        plotType = PLOT_NONE;
        latDeg = Double.NaN;
        lonDeg = Double.NaN;
        horizontalSigmaMetres = Double.NaN;
        altitudeMetres = Double.NaN;
        icao = ABSENT;
        mode3A = ABSENT;
        callsign = 0;
        x = Double.NaN;
        y = Double.NaN;
        sequence = 0;
        sensorIndex = -1;
    }

    public Detection copyFrom(Detection o) {
        timeNanos = o.timeNanos;
        sensorId = o.sensorId;
        kind = o.kind;
        sensorLatDeg = o.sensorLatDeg;
        sensorLonDeg = o.sensorLonDeg;
        sensorHeightMetres = o.sensorHeightMetres;
        rangeMetres = o.rangeMetres;
        azimuthRad = o.azimuthRad;
        rangeSigmaMetres = o.rangeSigmaMetres;
        azimuthSigmaRad = o.azimuthSigmaRad;
        plotType = o.plotType;
        latDeg = o.latDeg;
        lonDeg = o.lonDeg;
        horizontalSigmaMetres = o.horizontalSigmaMetres;
        altitudeMetres = o.altitudeMetres;
        icao = o.icao;
        mode3A = o.mode3A;
        callsign = o.callsign;
        x = o.x;
        y = o.y;
        sequence = o.sequence;
        sensorIndex = o.sensorIndex;
        return this;
    }

    /** Whether a transponder answered (identity may be present). */
    public boolean secondary() {
        return kind != SensorKind.RADAR || plotType == PLOT_SECONDARY || plotType == PLOT_COMBINED;
    }

    /** Plane position filled by the tracker (metres east / north of the area origin). */
    public double planeX() {
        return x;
    }

    public double planeY() {
        return y;
    }

    @Override
    public String toString() {
        return "Detection{" + kind + " sensor=" + sensorId + " t=" + timeNanos
                + (kind == SensorKind.RADAR
                        ? " rho=" + rangeMetres + " az=" + Math.toDegrees(azimuthRad)
                        : " pos=" + latDeg + "," + lonDeg)
                + (icao != ABSENT ? " icao=" + Integer.toHexString(icao) : "")
                + (mode3A != ABSENT ? " A" + Integer.toOctalString(mode3A) : "") + '}';
    }
}
