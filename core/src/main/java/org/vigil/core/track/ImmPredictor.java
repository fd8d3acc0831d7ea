package org.vigil.core.track;

import static org.vigil.core.track.KinematicState.DIM;

/**
 * Interacting Multiple Model prediction (Blom and Bar-Shalom, 1988): mix the model-conditioned
 * estimates according to the model-switching probabilities, then predict each with its own
 * motion model. The matching update (likelihood-weighted model probabilities) is done by the
 * {@link Updater}, which updates every slot and re-weights {@code mu}.
 *
 * <p>Switching: because updates arrive at irregular intervals (ADS-B at 0.5 s, radar at 4–12 s),
 * the Markov matrix is derived per interval from a mean sojourn time per model: the probability of
 * leaving model i within dt is {@code 1 - exp(-dt / sojourn_i)}, shared evenly among the other
 * models. With two models: p_ij for i != j = that probability.
 */
public final class ImmPredictor implements Predictor {
    private final MotionModel[] models;
    private final double[] sojournSeconds;
    private final double[] initialMu;
    private final int r;
    private final double[] scratch = new double[3 * DIM * DIM];
    private final double[] mixedMean;
    private final double[] mixedCov;
    private final double[] trans;
    private final double[] cbar;

    /**
     * @param models         motion models, one per slot
     * @param sojournSeconds mean time spent in each model before switching, seconds
     * @param initialMu      model probabilities of a new track
     */
    public ImmPredictor(MotionModel[] models, double[] sojournSeconds, double[] initialMu) {
        if (models.length < 1 || sojournSeconds.length != models.length || initialMu.length != models.length) {
            throw new IllegalArgumentException("one sojourn time and initial probability per model");
        }
        this.models = models.clone();
        this.sojournSeconds = sojournSeconds.clone();
        this.initialMu = initialMu.clone();
        this.r = models.length;
        this.mixedMean = new double[r * DIM];
        this.mixedCov = new double[r * DIM * DIM];
        this.trans = new double[r * r];
        this.cbar = new double[r];
    }

    /** The standard air-policing IMM: CV (quiet) and CT (manoeuvring) with the given densities. */
    public static ImmPredictor cvCt(double cvAccelDensity, double ctAccelDensity, double turnRateDensity) {
        return new ImmPredictor(
                new MotionModel[] {
                    new ConstantVelocity(cvAccelDensity), new CoordinatedTurn(ctAccelDensity, turnRateDensity)
                },
                new double[] {60, 20},
                new double[] {0.9, 0.1});
    }

    @Override
    public int models() {
        return r;
    }

    @Override
    public double[] initialProbabilities() {
        return initialMu.clone();
    }

    @Override
    public String modelName(int slot) {
        return models[slot].name();
    }

    @Override
    public void predict(KinematicState s, long timeNanos) {
        double dt = (timeNanos - s.timeNanos) * 1e-9;
        if (!(dt > 0)) return;
        // Markov matrix for this interval
        for (int i = 0; i < r; i++) {
            double leave = r == 1 ? 0 : (1 - Math.exp(-dt / sojournSeconds[i]));
            for (int j = 0; j < r; j++) trans[i * r + j] = i == j ? 1 - leave : leave / (r - 1);
        }
        // predicted model probabilities cbar_j = sum_i p_ij mu_i
        for (int j = 0; j < r; j++) {
            double acc = 0;
            for (int i = 0; i < r; i++) acc += trans[i * r + j] * s.mu[i];
            cbar[j] = acc;
        }
        // mixing
        java.util.Arrays.fill(mixedMean, 0);
        java.util.Arrays.fill(mixedCov, 0);
        for (int j = 0; j < r; j++) {
            int oj = j * DIM;
            for (int i = 0; i < r; i++) {
                double w = trans[i * r + j] * s.mu[i] / cbar[j];
                for (int k = 0; k < DIM; k++) mixedMean[oj + k] += w * s.mean[i * DIM + k];
            }
            int cj = j * DIM * DIM;
            for (int i = 0; i < r; i++) {
                double w = trans[i * r + j] * s.mu[i] / cbar[j];
                if (w == 0) continue;
                int oi = i * DIM;
                int ci = oi * DIM;
                for (int a = 0; a < DIM; a++) {
                    double da = s.mean[oi + a] - mixedMean[oj + a];
                    for (int b = 0; b < DIM; b++) {
                        double db = s.mean[oi + b] - mixedMean[oj + b];
                        mixedCov[cj + a * DIM + b] += w * (s.cov[ci + a * DIM + b] + da * db);
                    }
                }
            }
        }
        System.arraycopy(mixedMean, 0, s.mean, 0, r * DIM);
        System.arraycopy(mixedCov, 0, s.cov, 0, r * DIM * DIM);
        for (int j = 0; j < r; j++) {
            models[j].predict(s.mean, j * DIM, s.cov, j * DIM * DIM, dt, scratch);
            s.mu[j] = cbar[j];
        }
        s.timeNanos = timeNanos;
        s.combine();
    }
}
