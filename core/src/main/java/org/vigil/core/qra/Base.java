package org.vigil.core.qra;

/**
 * An air base QRA aircraft launch from.
 *
 * @param icao        ICAO location indicator ("LBPG")
 * @param name        operator name ("Graf Ignatievo")
 * @param latDeg      WGS-84 latitude
 * @param lonDeg      WGS-84 longitude
 * @param elevationFt aerodrome elevation, feet (climb is counted from here)
 */
public record Base(String icao, String name, double latDeg, double lonDeg, double elevationFt) {
    public Base {
        if (icao == null || icao.isBlank()) throw new IllegalArgumentException("base needs an ICAO code");
        if (!(latDeg >= -90 && latDeg <= 90) || !(lonDeg >= -180 && lonDeg <= 180)) {
            throw new IllegalArgumentException("base " + icao + ": latitude/longitude out of range");
        }
        if (!Double.isFinite(elevationFt)) throw new IllegalArgumentException("base " + icao + ": elevation missing");
        if (name == null) name = icao;
    }
}
