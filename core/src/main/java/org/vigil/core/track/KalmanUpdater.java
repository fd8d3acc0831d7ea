package org.vigil.core.track;

import static org.vigil.core.track.KinematicState.DIM;

/**
 * Kalman update for plane positions (ADS-B, MLAT: H picks x and y) and extended Kalman update for
 * radar ground range / azimuth measured from the radar's own position: the measurement's
 * {@link MeasurementModel} linearises h at each slot's mean ({@link PositionMeasurementModel},
 * {@link RadarMeasurementModel}). Covariance update in the symmetric form P - K S K^T. With an
 * IMM state each slot is updated with its own linearisation and the model probabilities are
 * multiplied by the Gaussian likelihood of the slot's innovation.
 */
public final class KalmanUpdater implements Updater {
    private final double[] pht = new double[DIM * 2];
    private final double[] gain = new double[DIM * 2];
    private final double[] logLik = new double[8];
    private final double[] lin = new double[6];
    private double h00;
    private double h01;
    private double h10;
    private double h11;
    private double nu0;
    private double nu1;
    private double s00;
    private double s01;
    private double s11;
    private double logDetS;

    @Override
    public double lastLogDetS() {
        return logDetS;
    }

    /** Fills H, nu and S for mean m[mo..] and covariance p[po..]; false if degenerate. */
    private boolean innovate(double[] m, int mo, double[] p, int po, Measurement z) {
        MeasurementModel model = z.model;
        if (!model.linearise(z, m[mo], m[mo + 1], lin)) return false;
        h00 = lin[2];
        h01 = lin[3];
        h10 = lin[4];
        h11 = lin[5];
        nu0 = model.residual(0, z.z0, lin[0]);
        nu1 = model.residual(1, z.z1, lin[1]);
        // P H^T (5x2): only columns 0 and 1 of H are non-zero
        for (int i = 0; i < DIM; i++) {
            double pi0 = p[po + i * DIM];
            double pi1 = p[po + i * DIM + 1];
            pht[i * 2] = pi0 * h00 + pi1 * h01;
            pht[i * 2 + 1] = pi0 * h10 + pi1 * h11;
        }
        s00 = h00 * pht[0] + h01 * pht[2] + z.r00;
        s01 = h00 * pht[1] + h01 * pht[3] + z.r01;
        s11 = h10 * pht[1] + h11 * pht[3] + z.r11;
        double det = s00 * s11 - s01 * s01;
        if (!(det > 0) || Double.isInfinite(det)) return false;
        logDetS = Math.log(det);
        return true;
    }

    private double d2() {
        double det = s00 * s11 - s01 * s01;
        return (nu0 * nu0 * s11 - 2 * nu0 * nu1 * s01 + nu1 * nu1 * s00) / det;
    }

    @Override
    public double mahalanobis(KinematicState s, Measurement z) {
        if (!innovate(s.combined, 0, s.combinedCov, 0, z)) return Double.NaN;
        return d2();
    }

    @Override
    public boolean update(KinematicState s, Measurement z) {
        int r = s.models;
        double maxLog = Double.NEGATIVE_INFINITY;
        for (int m = 0; m < r; m++) {
            int mo = m * DIM;
            int po = mo * DIM;
            if (!innovate(s.mean, mo, s.cov, po, z)) return false;
        }
        for (int m = 0; m < r; m++) {
            int mo = m * DIM;
            int po = mo * DIM;
            innovate(s.mean, mo, s.cov, po, z);
            double det = s00 * s11 - s01 * s01;
            double i00 = s11 / det;
            double i01 = -s01 / det;
            double i11 = s00 / det;
            for (int i = 0; i < DIM; i++) {
                gain[i * 2] = pht[i * 2] * i00 + pht[i * 2 + 1] * i01;
                gain[i * 2 + 1] = pht[i * 2] * i01 + pht[i * 2 + 1] * i11;
            }
            for (int i = 0; i < DIM; i++) s.mean[mo + i] += gain[i * 2] * nu0 + gain[i * 2 + 1] * nu1;
            // P -= K S K^T = K (P H^T)^T since K S = P H^T
            for (int i = 0; i < DIM; i++) {
                for (int j = i; j < DIM; j++) {
                    double v = s.cov[po + i * DIM + j] - (gain[i * 2] * pht[j * 2] + gain[i * 2 + 1] * pht[j * 2 + 1]);
                    s.cov[po + i * DIM + j] = v;
                    s.cov[po + j * DIM + i] = v;
                }
            }
            if (r > 1) {
                double d2 = (nu0 * nu0 * s11 - 2 * nu0 * nu1 * s01 + nu1 * nu1 * s00) / det;
                logLik[m] = -0.5 * d2 - 0.5 * Math.log(det);
                if (logLik[m] > maxLog) maxLog = logLik[m];
            }
        }
        if (r > 1) {
            double sum = 0;
            for (int m = 0; m < r; m++) {
                double w = s.mu[m] * Math.exp(logLik[m] - maxLog);
                s.mu[m] = w;
                sum += w;
            }
            for (int m = 0; m < r; m++) {
                // keep every model alive: a probability of exactly 0 could never recover
                s.mu[m] = Math.max(1e-6, s.mu[m] / sum);
            }
            double norm = 0;
            for (int m = 0; m < r; m++) norm += s.mu[m];
            for (int m = 0; m < r; m++) s.mu[m] /= norm;
        }
        s.combine();
        return true;
    }
}
