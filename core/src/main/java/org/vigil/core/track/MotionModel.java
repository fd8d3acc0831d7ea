package org.vigil.core.track;

/**
 * A transition model: how a Gaussian over {@code [x, y, vx, vy, omega]} moves forward by dt seconds.
 * Implementations write the prediction in place over one model slot and allocate nothing.
 */
public interface MotionModel {
    /**
     * Predicts mean {@code m[mo..mo+5)} and covariance {@code p[po..po+25)} forward by
     * {@code dt} seconds (dt >= 0), in place. {@code scratch} has at least 75 doubles.
     */
    void predict(double[] m, int mo, double[] p, int po, double dt, double[] scratch);

    /** Short operator name for documentation and logs ("CV", "CT"). */
    String name();
}
