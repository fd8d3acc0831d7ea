package org.vigil.core.track;

/**
 * Horizontal kinematic state of one track as a bank of Gaussian hypotheses, one per motion model
 * (one slot for a single-model filter, two for the CV+CT IMM), plus their combination.
 *
 * <p>State vector (all models alike, so that IMM mixing is a plain weighted sum):
 * {@code [x, y, vx, vy, omega]}: plane metres east/north of the area origin, m/s, and turn rate in
 * rad/s (positive = turning left, counter-clockwise in the plane). Models that do not use omega keep
 * it at zero. Covariances are row-major 5x5 in flat arrays: no objects per update.
 *
 * <p>Invariants: model probabilities {@code mu} are positive and sum to 1; {@link #combined} and
 * {@link #combinedCov} are the moment-matched mixture of the slots as of the last predict/update;
 * {@link #timeNanos} is the time the state refers to.
 */
public final class KinematicState {
    public static final int DIM = 5;
    public static final int IX = 0;
    public static final int IY = 1;
    public static final int IVX = 2;
    public static final int IVY = 3;
    public static final int IW = 4;

    /** Number of model slots in use. */
    int models;
    /** Per model slot: mean (models x 5), covariance (models x 25), probability. */
    final double[] mean;

    final double[] cov;
    final double[] mu;
    /** Moment-matched combination of the slots. */
    final double[] combined = new double[DIM];

    final double[] combinedCov = new double[DIM * DIM];
    long timeNanos = Long.MIN_VALUE;

    public KinematicState(int maxModels) {
        if (maxModels < 1) throw new IllegalArgumentException("at least one model");
        mean = new double[maxModels * DIM];
        cov = new double[maxModels * DIM * DIM];
        mu = new double[maxModels];
        models = maxModels;
    }

    public int models() {
        return models;
    }

    public int maxModels() {
        return mu.length;
    }

    public long timeNanos() {
        return timeNanos;
    }

    public double x() {
        return combined[IX];
    }

    public double y() {
        return combined[IY];
    }

    public double vx() {
        return combined[IVX];
    }

    public double vy() {
        return combined[IVY];
    }

    public double turnRate() {
        return combined[IW];
    }

    /** Combined covariance element (row i, column j). */
    public double cov(int i, int j) {
        return combinedCov[i * DIM + j];
    }

    /** Probability of model slot m. */
    public double modelProbability(int m) {
        return mu[m];
    }

    /**
     * Sets every slot to the same Gaussian: position (x, y) with covariance pxx/pxy/pyy, velocity
     * (vx, vy) with variance velVar per axis and no correlation, turn rate 0 with variance turnVar.
     * Model probabilities start from {@code initialMu} (length models; null = uniform).
     */
    public void initialise(
            int modelCount,
            long time,
            double px,
            double py,
            double pxx,
            double pxy,
            double pyy,
            double vx,
            double vy,
            double velVar,
            double turnVar,
            double[] initialMu) {
        if (modelCount < 1 || modelCount > mu.length) throw new IllegalArgumentException("model count " + modelCount);
        models = modelCount;
        timeNanos = time;
        for (int m = 0; m < modelCount; m++) {
            int o = m * DIM;
            mean[o + IX] = px;
            mean[o + IY] = py;
            mean[o + IVX] = vx;
            mean[o + IVY] = vy;
            mean[o + IW] = 0;
            int c0 = m * DIM * DIM;
            java.util.Arrays.fill(cov, c0, c0 + DIM * DIM, 0);
            cov[c0 + IX * DIM + IX] = pxx;
            cov[c0 + IX * DIM + IY] = pxy;
            cov[c0 + IY * DIM + IX] = pxy;
            cov[c0 + IY * DIM + IY] = pyy;
            cov[c0 + IVX * DIM + IVX] = velVar;
            cov[c0 + IVY * DIM + IVY] = velVar;
            cov[c0 + IW * DIM + IW] = turnVar;
            mu[m] = initialMu == null ? 1.0 / modelCount : initialMu[m];
        }
        combine();
    }

    /** Copies everything from {@code o} (same capacity or larger). */
    public void copyFrom(KinematicState o) {
        models = o.models;
        timeNanos = o.timeNanos;
        System.arraycopy(o.mean, 0, mean, 0, o.models * DIM);
        System.arraycopy(o.cov, 0, cov, 0, o.models * DIM * DIM);
        System.arraycopy(o.mu, 0, mu, 0, o.models);
        System.arraycopy(o.combined, 0, combined, 0, DIM);
        System.arraycopy(o.combinedCov, 0, combinedCov, 0, DIM * DIM);
    }

    /** Recomputes {@link #combined} and {@link #combinedCov} from the slots (moment matching). */
    void combine() {
        if (models == 1) {
            System.arraycopy(mean, 0, combined, 0, DIM);
            System.arraycopy(cov, 0, combinedCov, 0, DIM * DIM);
            return;
        }
        java.util.Arrays.fill(combined, 0);
        java.util.Arrays.fill(combinedCov, 0);
        for (int m = 0; m < models; m++) {
            for (int i = 0; i < DIM; i++) combined[i] += mu[m] * mean[m * DIM + i];
        }
        for (int m = 0; m < models; m++) {
            int o = m * DIM;
            int c0 = o * DIM;
            for (int i = 0; i < DIM; i++) {
                double di = mean[o + i] - combined[i];
                for (int j = 0; j < DIM; j++) {
                    double dj = mean[o + j] - combined[j];
                    combinedCov[i * DIM + j] += mu[m] * (cov[c0 + i * DIM + j] + di * dj);
                }
            }
        }
    }

    /**
     * Adds the discrete white-noise-acceleration process noise of spectral density {@code q}
     * over {@code dt} to the position/velocity block of the covariance at {@code po}
     * (x, y, vx, vy; the same for both horizontal axes). Shared by every motion model.
     */
    static void addWhiteAccelerationNoise(double[] p, int po, double q, double dt) {
        double dt2 = dt * dt;
        double qpp = q * dt2 * dt / 3;
        double qpv = q * dt2 / 2;
        double qvv = q * dt;
        p[po] += qpp;
        p[po + DIM + 1] += qpp;
        p[po + 2] += qpv;
        p[po + 2 * DIM] += qpv;
        p[po + DIM + 3] += qpv;
        p[po + 3 * DIM + 1] += qpv;
        p[po + 2 * DIM + 2] += qvv;
        p[po + 3 * DIM + 3] += qvv;
    }
}
