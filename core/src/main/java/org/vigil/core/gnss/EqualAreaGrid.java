package org.vigil.core.gnss;

/**
 * A global grid of cells of nearly equal area: rows of equal latitude height, each row cut into as
 * many columns as make its cells about as wide as they are high at the row's middle latitude. A
 * cell is one int (row offset + column), computed without allocation. H3 was the first
 * choice; it is not available to the build, and a cell of equal area is what the share needs.
 */
public final class EqualAreaGrid {
    private static final double KM_PER_DEG_LAT = 111.195; // mean Earth radius 6371.0 km

    private final double rowDeg;
    private final int rows;
    private final int[] rowStart;
    private final int[] cols;

    public EqualAreaGrid(double cellKm) {
        this.rowDeg = cellKm / KM_PER_DEG_LAT;
        this.rows = (int) Math.ceil(180.0 / rowDeg);
        this.rowStart = new int[rows + 1];
        this.cols = new int[rows];
        for (int r = 0; r < rows; r++) {
            double mid = -90 + (r + 0.5) * rowDeg;
            double widthKm = 360.0 * KM_PER_DEG_LAT * Math.cos(Math.toRadians(Math.min(89.999, Math.abs(mid))));
            cols[r] = Math.max(1, (int) Math.round(widthKm / cellKm));
            rowStart[r + 1] = rowStart[r] + cols[r];
        }
    }

    /** Number of cells over the globe. */
    public int size() {
        return rowStart[rows];
    }

    /** The cell holding the point. */
    public int cellOf(double lat, double lon) {
        int r = (int) ((lat + 90.0) / rowDeg);
        if (r < 0) r = 0;
        else if (r >= rows) r = rows - 1;
        double x = (lon + 180.0) / 360.0;
        x -= Math.floor(x);
        int c = (int) (x * cols[r]);
        if (c >= cols[r]) c = cols[r] - 1;
        return rowStart[r] + c;
    }

    int rowOf(int cell) {
        int lo = 0, hi = rows - 1;
        while (lo < hi) { // last row whose start is <= cell
            int mid = (lo + hi + 1) >>> 1;
            if (rowStart[mid] <= cell) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    public double centreLat(int cell) {
        return -90 + (rowOf(cell) + 0.5) * rowDeg;
    }

    public double centreLon(int cell) {
        int r = rowOf(cell);
        return -180 + (cell - rowStart[r] + 0.5) * 360.0 / cols[r];
    }

    /** The cell's corners: south, north, west, east (degrees) into {@code out[0..3]}. */
    public void bounds(int cell, double[] out) {
        int r = rowOf(cell);
        double w = 360.0 / cols[r];
        out[0] = -90 + r * rowDeg;
        out[1] = out[0] + rowDeg;
        out[2] = -180 + (cell - rowStart[r]) * w;
        out[3] = out[2] + w;
    }
}
