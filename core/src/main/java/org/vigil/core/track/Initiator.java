package org.vigil.core.track;

/**
 * Starts tentative tracks and decides their confirmation.
 */
public interface Initiator {
    /** Sets up the kinematics of a new track from its first measurement (plane position x, y with covariance). */
    void initiate(SystemTrack track, long timeNanos, double x, double y, double pxx, double pxy, double pyy);

    /**
     * Called after every update of a tentative track with the sensor's nominal period; returns
     * {@link #CONFIRM}, {@link #KEEP} or {@link #FAIL}.
     */
    int onHit(SystemTrack track, SensorKind kind, double periodSeconds, long timeNanos);

    int KEEP = 0;
    int CONFIRM = 1;
    int FAIL = 2;
}
