package org.vigil.core.qra;

/**
 * Where an airborne combat air patrol holds, and how long it can stay.
 *
 * @param latDeg              CAP orbit centre, WGS-84
 * @param lonDeg              CAP orbit centre
 * @param altitudeFt          CAP altitude
 * @param enduranceRemainingS fuel endurance left at the posture's reference time, seconds
 */
public record CapStation(double latDeg, double lonDeg, double altitudeFt, double enduranceRemainingS) {
    public CapStation {
        if (!(latDeg >= -90 && latDeg <= 90) || !(lonDeg >= -180 && lonDeg <= 180)) {
            throw new IllegalArgumentException("CAP position out of range");
        }
        if (!(enduranceRemainingS >= 0)) throw new IllegalArgumentException("CAP endurance must be >= 0 s");
        if (!(altitudeFt >= 0)) throw new IllegalArgumentException("CAP altitude must be >= 0 ft");
    }
}
