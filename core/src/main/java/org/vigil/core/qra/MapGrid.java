package org.vigil.core.qra;

/**
 * A regular lat/lon grid of cell centres over a box, at a resolution given in kilometres.
 * Rows are spaced {@code resolutionKm} along the meridian; columns are spaced {@code resolutionKm}
 * along the parallel at the box's middle latitude, so east-west spacing shrinks or grows with
 * cos(latitude) away from it (about +-4 % over a box 6.5 degrees high at 44 N): the usual price of a lat/lon raster
 * that the console can draw directly. Row 0 is the southern edge, column 0 the western edge.
 */
public record MapGrid(
        double minLat,
        double maxLat,
        double minLon,
        double maxLon,
        double resolutionKm,
        int rows,
        int columns,
        double latStep,
        double lonStep) {

    /** Mean meridian degree length, km (WGS-84 at mid latitudes; the spacing is nominal anyway). */
    private static final double KM_PER_DEG_LAT = 111.2;

    public static MapGrid of(double minLat, double maxLat, double minLon, double maxLon, double resolutionKm) {
        if (!(maxLat > minLat) || !(maxLon > minLon)) throw new IllegalArgumentException("empty map box");
        if (!(resolutionKm > 0)) throw new IllegalArgumentException("resolution must be > 0 km");
        double latStep = resolutionKm / KM_PER_DEG_LAT;
        double midLat = Math.toRadians((minLat + maxLat) / 2);
        double lonStep = resolutionKm / (111.32 * Math.cos(midLat));
        int rows = (int) Math.floor((maxLat - minLat) / latStep) + 1;
        int cols = (int) Math.floor((maxLon - minLon) / lonStep) + 1;
        if ((long) rows * cols > 20_000_000L)
            throw new IllegalArgumentException("map grid too large: " + rows + " x " + cols);
        return new MapGrid(minLat, maxLat, minLon, maxLon, resolutionKm, rows, cols, latStep, lonStep);
    }

    public int cells() {
        return rows * columns;
    }

    public double lat(int row) {
        return minLat + row * latStep;
    }

    public double lon(int column) {
        return minLon + column * lonStep;
    }

    public int index(int row, int column) {
        return row * columns + column;
    }
}
