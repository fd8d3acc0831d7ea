package org.vigil.core.track;

/**
 * Measurement prediction and update. Allocation-free; one instance per tracker (scratch inside).
 */
public interface Updater {
    /**
     * Squared Mahalanobis distance of {@code z} from the (already predicted) combined state:
     * {@code nu^T S^-1 nu}. NaN when the measurement cannot be evaluated (e.g. target on the radar).
     * After the call {@link #lastLogDetS()} holds ln det S.
     */
    double mahalanobis(KinematicState state, Measurement z);

    /** ln det S of the last {@link #mahalanobis} call. */
    double lastLogDetS();

    /**
     * Updates every model slot with {@code z}, re-weights the model probabilities by their
     * likelihoods and recombines. Returns false (state untouched) if the update is degenerate.
     */
    boolean update(KinematicState state, Measurement z);
}
