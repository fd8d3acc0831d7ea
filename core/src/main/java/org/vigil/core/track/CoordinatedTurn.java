package org.vigil.core.track;

import static org.vigil.core.track.KinematicState.DIM;

/**
 * Nearly coordinated turn with unknown turn rate (the turn rate omega is part of the state): the
 * velocity vector rotates at omega while speed stays constant. The transition is non-linear in
 * omega, so the covariance is propagated with its Jacobian (extended Kalman prediction).
 *
 * <p>Mean, with s = sin(wT), c = cos(wT):
 * <pre>
 * x'  = x + vx s/w - vy (1-c)/w        vx' = vx c - vy s
 * y'  = y + vx (1-c)/w + vy s/w        vy' = vx s + vy c        w' = w
 * </pre>
 * For |wT| below 1e-4 the series s/w ≈ T, (1-c)/w ≈ wT²/2 are used (no division by ~0).
 * Process noise: white acceleration of density {@code q} (m²/s³) on position/velocity as in
 * {@link ConstantVelocity}, and white turn-rate change of density {@code qTurn} (rad²/s³).
 */
public final class CoordinatedTurn implements MotionModel {
    private final double q;
    private final double qTurn;

    public CoordinatedTurn(double accelerationDensity, double turnRateDensity) {
        if (!(accelerationDensity >= 0) || !(turnRateDensity >= 0))
            throw new IllegalArgumentException("densities must be >= 0");
        this.q = accelerationDensity;
        this.qTurn = turnRateDensity;
    }

    @Override
    public String name() {
        return "CT";
    }

    @Override
    public void predict(double[] m, int mo, double[] p, int po, double dt, double[] f) {
        double vx = m[mo + 2];
        double vy = m[mo + 3];
        double w = m[mo + 4];
        double wt = w * dt;
        double sw; // sin(wT)/w
        double cw; // (1-cos(wT))/w
        double dsw; // d/dw of sin(wT)/w
        double dcw; // d/dw of (1-cos(wT))/w
        double s = Math.sin(wt);
        double c = Math.cos(wt);
        if (Math.abs(wt) < 1e-4) {
            double t2 = dt * dt;
            sw = dt - w * w * t2 * dt / 6;
            cw = w * t2 / 2;
            dsw = -w * t2 * dt / 3;
            dcw = t2 / 2 - w * w * t2 * t2 / 8;
        } else {
            sw = s / w;
            cw = (1 - c) / w;
            dsw = (dt * c * w - s) / (w * w);
            dcw = (dt * s * w - (1 - c)) / (w * w);
        }
        // Jacobian F (row-major) in scratch f[0..25)
        java.util.Arrays.fill(f, 0, DIM * DIM, 0);
        f[0] = 1;
        f[2] = sw;
        f[3] = -cw;
        f[4] = vx * dsw - vy * dcw;
        f[DIM + 1] = 1;
        f[DIM + 2] = cw;
        f[DIM + 3] = sw;
        f[DIM + 4] = vx * dcw + vy * dsw;
        f[2 * DIM + 2] = c;
        f[2 * DIM + 3] = -s;
        f[2 * DIM + 4] = -dt * s * vx - dt * c * vy;
        f[3 * DIM + 2] = s;
        f[3 * DIM + 3] = c;
        f[3 * DIM + 4] = dt * c * vx - dt * s * vy;
        f[4 * DIM + 4] = 1;
        // mean
        m[mo] += sw * vx - cw * vy;
        m[mo + 1] += cw * vx + sw * vy;
        m[mo + 2] = c * vx - s * vy;
        m[mo + 3] = s * vx + c * vy;
        // P' = F P F^T: t = F P into f[25..50), then P = t F^T
        int t0 = DIM * DIM;
        for (int i = 0; i < DIM; i++) {
            for (int j = 0; j < DIM; j++) {
                double acc = 0;
                for (int k = 0; k < DIM; k++) acc += f[i * DIM + k] * p[po + k * DIM + j];
                f[t0 + i * DIM + j] = acc;
            }
        }
        for (int i = 0; i < DIM; i++) {
            for (int j = i; j < DIM; j++) {
                double acc = 0;
                for (int k = 0; k < DIM; k++) acc += f[t0 + i * DIM + k] * f[j * DIM + k];
                p[po + i * DIM + j] = acc;
                p[po + j * DIM + i] = acc;
            }
        }
        KinematicState.addWhiteAccelerationNoise(p, po, q, dt);
        p[po + 4 * DIM + 4] += qTurn * dt;
    }
}
