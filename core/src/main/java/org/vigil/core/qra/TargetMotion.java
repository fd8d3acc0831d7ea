package org.vigil.core.qra;

/**
 * Which heading the responsiveness map assumes for the target in each cell.
 */
public enum TargetMotion {
    /** The target holds at the cell (or the question is simply "time to reach this point"). */
    STATIONARY,
    /**
     * The target flies directly away from each unit at the given speed, along the continuation of
     * the geodesic from the unit's start point through the cell. For every unit this is its worst
     * heading, so the map's value, min over units of each unit's worst case, is an upper bound on
     * the true worst case (max over headings of min over units): pessimistic by construction.
     */
    OPENING
}
