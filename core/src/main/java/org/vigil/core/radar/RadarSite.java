package org.vigil.core.radar;

import java.util.Objects;
import org.vigil.core.geo.Units;

/**
 * Configuration of one radar head: its ASTERIX identity (SAC/SIC), where it stands and how good
 * it is. Immutable; validated on construction so that a bad configuration fails at start-up, not
 * on the first plot.
 *
 * @param sac                  system area code, 0..255
 * @param sic                  system identification code, 0..255
 * @param name                 operator name ("Glons", "RRH Brockzetel", ...)
 * @param latDeg               WGS-84 latitude of the antenna, degrees
 * @param lonDeg               WGS-84 longitude of the antenna, degrees
 * @param heightMetres         antenna height above mean sea level (electrical centre), metres
 * @param rotationPeriodSeconds nominal antenna rotation period (scan time), seconds; CAT034 may measure it
 * @param rangeSigmaMetres     one-sigma slant range error, metres
 * @param azimuthSigmaRad      one-sigma azimuth error, radians
 * @param assumedHeightMetres  height at which plots without a usable Mode C altitude are projected
 * @param rangeMetres          instrumented range (ground distance), metres; 0: not stated. The tracker
 *                             ends a track that coasts out of every radar's range (docs/TRACKING.md
 *                             "Deletion"); a recording made before it was stored reads 0.
 */
public record RadarSite(
        int sac,
        int sic,
        String name,
        double latDeg,
        double lonDeg,
        double heightMetres,
        double rotationPeriodSeconds,
        double rangeSigmaMetres,
        double azimuthSigmaRad,
        double assumedHeightMetres,
        double rangeMetres) {

    /** 25 000 ft: mid-level airspace, a reasonable guess for an unidentified airborne primary contact. */
    public static final double DEFAULT_ASSUMED_HEIGHT_METRES = 25_000 * Units.FT;

    /** A site whose instrumented range is not stated. */
    public RadarSite(
            int sac,
            int sic,
            String name,
            double latDeg,
            double lonDeg,
            double heightMetres,
            double rotationPeriodSeconds,
            double rangeSigmaMetres,
            double azimuthSigmaRad,
            double assumedHeightMetres) {
        this(
                sac,
                sic,
                name,
                latDeg,
                lonDeg,
                heightMetres,
                rotationPeriodSeconds,
                rangeSigmaMetres,
                azimuthSigmaRad,
                assumedHeightMetres,
                0);
    }

    public RadarSite {
        Objects.requireNonNull(name, "name");
        if (sac < 0 || sac > 255 || sic < 0 || sic > 255) {
            throw new IllegalArgumentException("radar " + name + ": SAC/SIC must be 0..255, got " + sac + "/" + sic);
        }
        if (!(latDeg >= -90 && latDeg <= 90))
            throw new IllegalArgumentException("radar " + name + ": latitude out of range: " + latDeg);
        if (!(lonDeg >= -180 && lonDeg <= 180))
            throw new IllegalArgumentException("radar " + name + ": longitude out of range: " + lonDeg);
        if (!(heightMetres > -500 && heightMetres < 10_000)) {
            throw new IllegalArgumentException(
                    "radar " + name + ": antenna height out of range: " + heightMetres + " m");
        }
        if (!(rotationPeriodSeconds > 0 && rotationPeriodSeconds < 120)) {
            throw new IllegalArgumentException(
                    "radar " + name + ": rotation period must be in (0, 120) s: " + rotationPeriodSeconds);
        }
        if (!(rangeSigmaMetres >= 0) || !(azimuthSigmaRad >= 0)) {
            throw new IllegalArgumentException("radar " + name + ": accuracies must be >= 0");
        }
        if (!(assumedHeightMetres >= 0 && assumedHeightMetres < 30_000)) {
            throw new IllegalArgumentException(
                    "radar " + name + ": assumed height out of range: " + assumedHeightMetres);
        }
        if (!(rangeMetres >= 0 && rangeMetres < 2_000_000)) {
            throw new IllegalArgumentException(
                    "radar " + name + ": instrumented range must be in [0, 2,000 km) (0: not stated): " + rangeMetres);
        }
    }

    /** Key of this sensor in lookups: {@code sac << 8 | sic}. */
    public int key() {
        return key(sac, sic);
    }

    public static int key(int sac, int sic) {
        return (sac & 0xFF) << 8 | (sic & 0xFF);
    }

    /** This site with another instrumented range (0: not stated). */
    public RadarSite withRange(double metres) {
        return new RadarSite(
                sac,
                sic,
                name,
                latDeg,
                lonDeg,
                heightMetres,
                rotationPeriodSeconds,
                rangeSigmaMetres,
                azimuthSigmaRad,
                assumedHeightMetres,
                metres);
    }

    /** Whether the instrumented range is stated. */
    public boolean rangeStated() {
        return rangeMetres > 0;
    }

    /** "25/10" style, as operators write SAC/SIC. */
    public String sensorId() {
        return sac + "/" + sic;
    }
}
