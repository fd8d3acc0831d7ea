package org.vigil.core.track;

/**
 * How a measurement relates to the kinematic state (Stone Soup's measurement model): the expected
 * measurement h(x, y) of a target at plane position (x, y), its Jacobian for the (extended) Kalman
 * update, the residual in the measurement space, and the plane covariance of a measurement for
 * starting a track. One stateless implementation per {@link MeasurementType}; the
 * {@link Measurement} names its model. The {@link Updater} does the filtering and knows nothing of
 * sensors. Allocation-free: results go into caller-provided arrays.
 */
public interface MeasurementModel {
    MeasurementType type();

    /**
     * Linearises h at plane position (x, y) for measurement {@code z}: writes h into
     * {@code out[0..1]} and H = dh/d(x, y) row-major into {@code out[2..5]}. Returns false where h
     * is undefined (a target on top of the radar).
     */
    boolean linearise(Measurement z, double x, double y, double[] out);

    /** Component {@code i} of the residual measured - expected (angles wrapped to [-π, π]). */
    double residual(int i, double measured, double expected);

    /**
     * Plane covariance (pxx, pxy, pyy into {@code out[0..2]}) of measurement {@code z} taken at
     * plane position (x, y): the noise R carried into the plane, for a track's first estimate.
     */
    void planeCovariance(Measurement z, double x, double y, double[] out);
}
