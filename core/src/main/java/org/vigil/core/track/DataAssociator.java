package org.vigil.core.track;

/**
 * Chooses the pairings of one batch (Stone Soup's data associator): given the gated (track,
 * detection, cost) hypotheses, which detection updates which track. Each track takes at most one
 * detection and each detection joins at most one track; leaving either unpaired costs
 * {@code missCost} each. Tracks and detections are numbered densely from 0 within the batch.
 *
 * <p>Usage per batch: {@link #begin}, {@link #addPair} for each gated pair, {@link #solve}; then
 * {@link #trackOf} per detection. Implementations must be deterministic (the same pairs in the same
 * order give the same result), reusable and allocation-free after warm-up. The tracker's default is
 * {@link GnnAssociator}; another one is handed to
 * {@link Tracker#Tracker(TrackerConfig, TrackListener, Predictor, Updater, Hypothesiser, DataAssociator, Initiator, Deleter)}.
 */
public interface DataAssociator {
    /** Starts a batch of {@code tracks} candidate tracks and {@code detections} detections. */
    void begin(int tracks, int detections, double missCostEach);

    /** A gated pair with its cost (smaller is better). */
    void addPair(int track, int detection, double cost);

    /** Decides the pairings of the batch. */
    void solve();

    /** The track paired with detection {@code detection} after {@link #solve}, or -1. */
    int trackOf(int detection);

    /** Clusters that needed a full assignment solve since construction, for diagnostics (0 if not counted). */
    default long clustersSolved() {
        return 0;
    }
}
