package org.vigil.core.track;

/**
 * Altitude as a separate 1-D Kalman filter per track (state: barometric altitude, vertical rate;
 * white vertical-acceleration noise). Kept apart from the horizontal filter because the sensors
 * measure it separately (Mode C / ADS-B baro, quantised to 25 or 100 ft) and primary radar not at
 * all; horizontal association does not depend on it except through the altitude pre-gate.
 */
final class AltitudeFilter {
    private AltitudeFilter() {}

    static void start(SystemTrack t, long time, double alt, double sigma, double rateSigma) {
        t.altitude = alt;
        t.verticalRate = 0;
        t.pAA = sigma * sigma;
        t.pAR = 0;
        t.pRR = rateSigma * rateSigma;
        t.altitudeTimeNanos = time;
    }

    /** Predicted altitude at {@code time} without changing the track. */
    static double predicted(SystemTrack t, long time) {
        return t.altitude + t.verticalRate * Math.max(0, time - t.altitudeTimeNanos) * 1e-9;
    }

    static double predictedVariance(SystemTrack t, long time, double q) {
        double dt = Math.max(0, time - t.altitudeTimeNanos) * 1e-9;
        return t.pAA + 2 * dt * t.pAR + dt * dt * t.pRR + q * dt * dt * dt / 3;
    }

    static void update(SystemTrack t, long time, double alt, double sigma, double q) {
        double dt = Math.max(0, time - t.altitudeTimeNanos) * 1e-9;
        double a = t.altitude + t.verticalRate * dt;
        double paa = t.pAA + 2 * dt * t.pAR + dt * dt * t.pRR + q * dt * dt * dt / 3;
        double par = t.pAR + dt * t.pRR + q * dt * dt / 2;
        double prr = t.pRR + q * dt;
        double s = paa + sigma * sigma;
        double ka = paa / s;
        double kr = par / s;
        double nu = alt - a;
        t.altitude = a + ka * nu;
        t.verticalRate = t.verticalRate + kr * nu;
        t.pAA = paa - ka * paa;
        t.pAR = par - ka * par;
        t.pRR = prr - kr * par;
        t.altitudeTimeNanos = time;
    }
}
