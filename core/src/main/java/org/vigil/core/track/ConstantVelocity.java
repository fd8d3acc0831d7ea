package org.vigil.core.track;

import static org.vigil.core.track.KinematicState.DIM;

/**
 * Nearly constant velocity: straight line at constant speed, with white-noise acceleration of
 * spectral density {@code q} (m²/s³) per axis (continuous-time model, so the noise scales correctly
 * with the irregular intervals between radar scans and ADS-B reports). The turn rate is not part of
 * this model: it is predicted to zero with a small variance, so that in an IMM the CV hypothesis
 * says "not turning".
 */
public final class ConstantVelocity implements MotionModel {
    private final double q;
    private final double turnVariance;

    /**
     * @param accelerationDensity q in m²/s³; about the square of the typical unmodelled acceleration
     *                            times its correlation time (0.5–5 for airliners in cruise)
     */
    public ConstantVelocity(double accelerationDensity) {
        if (!(accelerationDensity >= 0)) throw new IllegalArgumentException("q must be >= 0");
        this.q = accelerationDensity;
        this.turnVariance = 1e-6;
    }

    @Override
    public String name() {
        return "CV";
    }

    @Override
    public void predict(double[] m, int mo, double[] p, int po, double dt, double[] s) {
        m[mo] += dt * m[mo + 2];
        m[mo + 1] += dt * m[mo + 3];
        m[mo + 4] = 0;
        // P' = F P F^T with F = I + dt*(e0 e2^T + e1 e3^T), then omega row/column zeroed.
        // Row operation: row0 += dt*row2, row1 += dt*row3; then same on columns.
        for (int j = 0; j < DIM; j++) {
            p[po + j] += dt * p[po + 2 * DIM + j];
            p[po + DIM + j] += dt * p[po + 3 * DIM + j];
        }
        for (int i = 0; i < DIM; i++) {
            p[po + i * DIM] += dt * p[po + i * DIM + 2];
            p[po + i * DIM + 1] += dt * p[po + i * DIM + 3];
        }
        for (int k = 0; k < DIM; k++) {
            p[po + 4 * DIM + k] = 0;
            p[po + k * DIM + 4] = 0;
        }
        p[po + 4 * DIM + 4] = turnVariance;
        KinematicState.addWhiteAccelerationNoise(p, po, q, dt);
    }
}
