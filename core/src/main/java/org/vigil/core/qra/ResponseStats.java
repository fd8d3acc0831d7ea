package org.vigil.core.qra;

/**
 * Response over a region of a responsiveness map.
 *
 * @param cells          grid cells in the region (and in the map's area)
 * @param uncovered      cells no unit can reach (fuel, speed, availability)
 * @param worstMinutes   the longest time to intercept; +Infinity if any cell is uncovered; NaN if no cells
 * @param meanMinutes    mean time over the covered cells; NaN if none
 * @param worstCovered   longest time over the covered cells only
 */
public record ResponseStats(int cells, int uncovered, double worstMinutes, double meanMinutes, double worstCovered) {

    /** Share of the region's cells that some unit can reach, 0..1. */
    public double coveredShare() {
        return cells == 0 ? 0 : (cells - uncovered) / (double) cells;
    }
}
