package org.vigil.core.track;

/**
 * Moves a track's {@link KinematicState} forward in time. Allocation-free; one instance per tracker
 * (implementations keep scratch buffers, so they are not thread-safe).
 */
public interface Predictor {
    /** Number of model slots this predictor expects in a state. */
    int models();

    /** Initial model probabilities for a new track (length {@link #models()}), or null for uniform. */
    double[] initialProbabilities();

    /** Predicts {@code state} to {@code timeNanos} (not before the state's time: earlier is treated as now). */
    void predict(KinematicState state, long timeNanos);

    /** Model name per slot, for documentation and tests. */
    String modelName(int slot);
}
