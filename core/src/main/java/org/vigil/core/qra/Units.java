package org.vigil.core.qra;

/** Unit conversions used across the QRA package. Internally everything is metres and seconds. */
final class Units {
    static final double NM = 1852.0;
    static final double KT = 1852.0 / 3600.0;
    static final double FT = 0.3048;

    private Units() { }

    /**
     * ISA speed of sound at a pressure altitude, knots: 661.47 kt at sea level, falling with
     * temperature (-1.98 K per 1,000 ft) to the tropopause at 36,089 ft, constant above (ICAO
     * standard atmosphere). Used to turn the profiles' intercept Mach numbers into true airspeed.
     */
    static double speedOfSoundKt(double altitudeFt) {
        double t = 288.15 - 0.0019812 * Math.min(Math.max(altitudeFt, 0), 36_089);
        return 661.47 * Math.sqrt(t / 288.15);
    }
}
