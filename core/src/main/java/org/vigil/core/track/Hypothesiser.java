package org.vigil.core.track;

/**
 * Scores one (track, detection) hypothesis for the data associator: a cost (smaller is better) if
 * the detection falls inside the track's gate, NaN if it does not. Leaving a track or a detection
 * unpaired costs {@link #missCost()} each, so a pair is only ever chosen when its cost is below
 * twice that.
 */
public interface Hypothesiser {
    /**
     * @param track     the candidate track (identity, for penalties)
     * @param detection the detection
     * @param predicted the track's kinematics already predicted to the detection's time
     * @param z         the detection in its measurement space
     */
    double cost(SystemTrack track, Detection detection, KinematicState predicted, Measurement z);

    double missCost();

    /** The χ² gate used, for pre-gating. */
    double gate();
}
