package org.vigil.core.track;

import org.vigil.core.geo.Units;

/**
 * Configuration of one sensor feeding the tracker, including its registration corrections.
 *
 * @param id                sensor id as carried in {@link Detection#sensorId} (radars: sac << 8 | sic)
 * @param kind              sensor kind
 * @param name              operator name
 * @param latDeg            radar antenna latitude (NaN for ADS-B/MLAT)
 * @param lonDeg            radar antenna longitude
 * @param heightMetres      radar antenna height above sea level
 * @param scanPeriodSeconds radar rotation period; for ADS-B/MLAT the nominal report interval
 * @param rangeSigmaMetres  default one-sigma slant range error (used when a plot carries none)
 * @param azimuthSigmaRad   default one-sigma azimuth error
 * @param rangeBiasMetres   systematic range error: subtracted from every measured range
 * @param azimuthBiasRad    systematic azimuth error: subtracted from every measured azimuth
 * @param timeOffsetNanos   clock error of the sensor: subtracted from every detection time
 * @param assumedHeightMetres height used for slant-to-ground conversion when neither the plot nor
 *                          the track knows the altitude
 */
public record SensorConfig(
        int id,
        SensorKind kind,
        String name,
        double latDeg,
        double lonDeg,
        double heightMetres,
        double scanPeriodSeconds,
        double rangeSigmaMetres,
        double azimuthSigmaRad,
        double rangeBiasMetres,
        double azimuthBiasRad,
        long timeOffsetNanos,
        double assumedHeightMetres) {

    public SensorConfig {
        if (kind == null) throw new IllegalArgumentException("sensor kind");
        if (!(scanPeriodSeconds > 0 && scanPeriodSeconds < 120))
            throw new IllegalArgumentException("sensor " + name + ": scan period must be in (0, 120) s");
        if (kind == SensorKind.RADAR) {
            if (!(latDeg >= -90 && latDeg <= 90) || !(lonDeg >= -180 && lonDeg <= 180))
                throw new IllegalArgumentException("radar " + name + ": position");
            if (!(rangeSigmaMetres > 0) || !(azimuthSigmaRad > 0))
                throw new IllegalArgumentException("radar " + name + ": sigmas must be > 0");
            if (Double.isNaN(heightMetres)
                    || Double.isNaN(rangeBiasMetres)
                    || Double.isNaN(azimuthBiasRad)
                    || Double.isNaN(assumedHeightMetres)) {
                throw new IllegalArgumentException("radar " + name + ": NaN in configuration");
            }
        }
    }

    /** A radar without registration corrections. */
    public static SensorConfig radar(
            int id,
            String name,
            double latDeg,
            double lonDeg,
            double heightMetres,
            double scanPeriodSeconds,
            double rangeSigmaMetres,
            double azimuthSigmaRad) {
        return new SensorConfig(
                id,
                SensorKind.RADAR,
                name,
                latDeg,
                lonDeg,
                heightMetres,
                scanPeriodSeconds,
                rangeSigmaMetres,
                azimuthSigmaRad,
                0,
                0,
                0,
                25_000 * Units.FT);
    }

    /** The same radar with range/azimuth bias and time offset corrections. */
    public SensorConfig withRegistration(double rangeBias, double azimuthBias, long timeOffset) {
        return new SensorConfig(
                id,
                kind,
                name,
                latDeg,
                lonDeg,
                heightMetres,
                scanPeriodSeconds,
                rangeSigmaMetres,
                azimuthSigmaRad,
                rangeBias,
                azimuthBias,
                timeOffset,
                assumedHeightMetres);
    }

    /** An ADS-B (or MLAT) feed. */
    public static SensorConfig reports(int id, SensorKind kind, String name) {
        return new SensorConfig(
                id, kind, name, Double.NaN, Double.NaN, Double.NaN, 1.0, Double.NaN, Double.NaN, 0, 0, 0, Double.NaN);
    }
}
