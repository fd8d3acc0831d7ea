package org.vigil.core.sim;

/**
 * A simulated radar head.
 *
 * @param name            operator name
 * @param sac             ASTERIX system area code
 * @param sic             ASTERIX system identification code
 * @param lat             antenna latitude
 * @param lon             antenna longitude
 * @param heightM         antenna height above sea level, metres
 * @param rangeNm         instrumented range
 * @param rotationSeconds antenna period
 * @param pd              detection probability per scan (primary and secondary alike)
 * @param rangeSigmaM     one-sigma slant range noise, metres
 * @param azimuthSigmaDeg one-sigma azimuth noise, degrees
 * @param primary         has a primary (skin) radar
 * @param secondary       secondary capability
 * @param clutterPerScan  mean number of false primary plots per scan (Poisson)
 */
public record RadarSpec(
        String name,
        int sac,
        int sic,
        double lat,
        double lon,
        double heightM,
        double rangeNm,
        double rotationSeconds,
        double pd,
        double rangeSigmaM,
        double azimuthSigmaDeg,
        boolean primary,
        Secondary secondary,
        double clutterPerScan) {
    /** Secondary radar capability. */
    public enum Secondary {
        NONE,
        SSR,
        MODE_S
    }
}
