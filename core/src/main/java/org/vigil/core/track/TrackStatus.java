package org.vigil.core.track;

/** Life cycle of a system track. */
public enum TrackStatus {
    /** Slot in the pool, not a track. */
    FREE,
    /** Started from one detection, waiting for M-of-N confirmation; not shown to operators. */
    TENTATIVE,
    /** Confirmed: part of the air picture. */
    CONFIRMED
}
