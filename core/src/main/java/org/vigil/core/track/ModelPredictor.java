package org.vigil.core.track;

/** Predictor with a single motion model (the plain Kalman baseline when the model is CV). */
public final class ModelPredictor implements Predictor {
    private final MotionModel model;
    private final double[] scratch = new double[3 * KinematicState.DIM * KinematicState.DIM];

    public ModelPredictor(MotionModel model) {
        this.model = model;
    }

    @Override
    public int models() {
        return 1;
    }

    @Override
    public double[] initialProbabilities() {
        return null;
    }

    @Override
    public String modelName(int slot) {
        return model.name();
    }

    @Override
    public void predict(KinematicState s, long timeNanos) {
        double dt = (timeNanos - s.timeNanos) * 1e-9;
        if (dt > 0) {
            model.predict(s.mean, 0, s.cov, 0, dt, scratch);
            s.timeNanos = timeNanos;
            s.combine();
        }
    }
}
