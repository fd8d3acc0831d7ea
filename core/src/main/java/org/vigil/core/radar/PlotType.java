package org.vigil.core.radar;

/**
 * Which sensors saw a radar plot. A primary-only plot is a skin return: position but no identity
 * and no altitude, the case air policing cares most about.
 */
public enum PlotType {
    /** The radar reported a track position without a detection this scan (coasting). */
    NO_DETECTION,
    /** Primary surveillance radar only: skin return, no transponder reply. */
    PRIMARY,
    /** Secondary (Mode A/C) reply only. */
    SECONDARY,
    /** Primary and Mode A/C secondary on the same target. */
    COMBINED,
    /** Mode S reply only (all-call or roll-call). */
    MODE_S,
    /** Primary and Mode S on the same target. */
    MODE_S_COMBINED;

    /** Whether a transponder answered (identity and usually altitude available). */
    public boolean secondary() {
        return this == SECONDARY || this == COMBINED || this == MODE_S || this == MODE_S_COMBINED;
    }

    /** Whether the primary radar saw the target. */
    public boolean primary() {
        return this == PRIMARY || this == COMBINED || this == MODE_S_COMBINED;
    }
}
