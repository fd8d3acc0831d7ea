package org.vigil.core.track;

/**
 * Starts tentative tracks and decides their confirmation.
 */
public interface Initiator {
    /** Sets up the kinematics of a new track from its first measurement (plane position x, y with covariance). */
    void initiate(SystemTrack track, long timeNanos, double x, double y, double pxx, double pxy, double pyy);

    /** Called after every update of a tentative track with the sensor's nominal period. */
    Verdict onHit(SystemTrack track, SensorKind kind, double periodSeconds, long timeNanos);

    /** What becomes of a tentative track after a hit. */
    enum Verdict {
        /** Stays tentative. */
        KEEP,
        /** Becomes confirmed. */
        CONFIRM,
        /** Failed to confirm in time: deleted. */
        FAIL
    }
}
