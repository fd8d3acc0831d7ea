package org.vigil.core.qra;

import java.util.List;

/**
 * Time to intercept over a grid: for every cell the earliest any unit of the posture reaches a
 * target there (minutes from the scramble order), and which unit. Immutable once computed.
 *
 * <p>Cell values: NaN outside the area of responsibility; +Infinity where no unit can intercept;
 * otherwise minutes. {@link #bestUnit} holds the index into {@link #unitIds} (-1 if none).
 */
public final class ResponsivenessMap {
    private final MapGrid grid;
    private final float[] minutes;
    private final short[] bestUnit;
    private final List<String> unitIds;
    private final double levelFt;
    private final double targetSpeedKt;
    private final TargetMotion motion;

    ResponsivenessMap(
            MapGrid grid,
            float[] minutes,
            short[] bestUnit,
            List<String> unitIds,
            double levelFt,
            double targetSpeedKt,
            TargetMotion motion) {
        this.grid = grid;
        this.minutes = minutes;
        this.bestUnit = bestUnit;
        this.unitIds = List.copyOf(unitIds);
        this.levelFt = levelFt;
        this.targetSpeedKt = targetSpeedKt;
        this.motion = motion;
    }

    public MapGrid grid() {
        return grid;
    }

    public List<String> unitIds() {
        return unitIds;
    }

    public double levelFt() {
        return levelFt;
    }

    public double targetSpeedKt() {
        return targetSpeedKt;
    }

    public TargetMotion motion() {
        return motion;
    }

    /** Minutes at a cell (see class comment for NaN and infinity). */
    public double minutes(int row, int column) {
        return minutes[grid.index(row, column)];
    }

    /** Id of the fastest unit at a cell, or null if none reaches it or the cell is outside the area. */
    public String bestUnit(int row, int column) {
        int u = bestUnit[grid.index(row, column)];
        return u < 0 ? null : unitIds.get(u);
    }

    /** A copy of the raw values, row-major from the south-west corner (for the console layer). */
    public float[] values() {
        return minutes.clone();
    }

    /** Worst case and mean over the cells inside {@code region}. */
    public ResponseStats stats(GeoPredicate region) {
        int cells = 0, uncovered = 0, covered = 0;
        double worst = Double.NEGATIVE_INFINITY, sum = 0;
        for (int r = 0; r < grid.rows(); r++) {
            double lat = grid.lat(r);
            for (int c = 0; c < grid.columns(); c++) {
                float v = minutes[grid.index(r, c)];
                if (Float.isNaN(v) || !region.contains(lat, grid.lon(c))) continue;
                cells++;
                if (Float.isInfinite(v)) {
                    uncovered++;
                } else {
                    covered++;
                    sum += v;
                    worst = Math.max(worst, v);
                }
            }
        }
        if (cells == 0) return new ResponseStats(0, 0, Double.NaN, Double.NaN, Double.NaN);
        double mean = covered == 0 ? Double.NaN : sum / covered;
        double worstCovered = covered == 0 ? Double.NaN : worst;
        return new ResponseStats(
                cells, uncovered, uncovered > 0 ? Double.POSITIVE_INFINITY : worst, mean, worstCovered);
    }

    /** Isochrone polylines for each level in minutes (see {@link Isochrones}). */
    public List<Isochrones.Isochrone> isochrones(double... levelsMinutes) {
        return Isochrones.extract(grid, minutes, levelsMinutes);
    }
}
