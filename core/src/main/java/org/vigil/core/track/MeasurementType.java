package org.vigil.core.track;

/** The measurement spaces the tracker knows; each has one {@link MeasurementModel}. */
public enum MeasurementType {
    /** A plane position (x, y): ADS-B, MLAT. Linear. */
    POSITION,
    /** Ground range and true azimuth from a radar. Non-linear: extended Kalman. */
    RANGE_AZIMUTH
}
