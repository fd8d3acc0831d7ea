package org.vigil.core.track;

/**
 * Clutter density per radar and cell, learnt from the data: every primary-only plot that paired
 * with no track counts in its radar's polar cell (range × azimuth bins), with an exponential memory.
 * The estimate is plots per m² per scan, never below a configured floor.
 *
 * <p>Why per radar and polar cell: clutter is a property of one radar's site and beam (ground
 * returns near the antenna, sea, weather sectors), and its false plots spread over range and
 * azimuth, not over the plane. A new target also counts once (its first plot pairs with nothing),
 * which is negligible against clutter.
 *
 * <p>Allocation-free per plot: a radar's cells are allocated the first time it reports a plot.
 */
public final class ClutterMap {
    private final int rangeCells;
    private final int azimuthCells;
    private final double cellRange;
    private final double tauSeconds;
    private final double floor;
    private final double[][] count = new double[SystemTrack.MAX_SENSORS][];
    private final long[][] stamp = new long[SystemTrack.MAX_SENSORS][];

    public ClutterMap(int rangeCells, int azimuthCells, double maxRangeMetres, double memorySeconds, double floor) {
        if (rangeCells < 1 || azimuthCells < 1 || !(maxRangeMetres > 0) || !(memorySeconds > 0) || !(floor > 0))
            throw new IllegalArgumentException("clutter map needs cells >= 1, range, memory and floor > 0");
        this.rangeCells = rangeCells;
        this.azimuthCells = azimuthCells;
        this.cellRange = maxRangeMetres / rangeCells;
        this.tauSeconds = memorySeconds;
        this.floor = floor;
    }

    private int cell(double rangeMetres, double azimuthRad) {
        int r = (int) Math.min(rangeCells - 1, Math.max(0, rangeMetres / cellRange));
        double a = azimuthRad / (2 * Math.PI);
        a -= Math.floor(a);
        int k = (int) Math.min(azimuthCells - 1, a * azimuthCells);
        return r * azimuthCells + k;
    }

    /** Counts one unpaired primary plot of radar {@code sensor} (dense index). */
    public void note(int sensor, double rangeMetres, double azimuthRad, long timeNanos) {
        if (count[sensor] == null) {
            count[sensor] = new double[rangeCells * azimuthCells];
            stamp[sensor] = new long[rangeCells * azimuthCells];
            java.util.Arrays.fill(stamp[sensor], Long.MIN_VALUE);
        }
        int c = cell(rangeMetres, azimuthRad);
        count[sensor][c] = decayed(sensor, c, timeNanos) + 1;
        stamp[sensor][c] = timeNanos;
    }

    private double decayed(int sensor, int c, long timeNanos) {
        long last = stamp[sensor][c];
        if (last == Long.MIN_VALUE) return 0;
        double dt = Math.max(0, (timeNanos - last) * 1e-9);
        return count[sensor][c] * Math.exp(-dt / tauSeconds);
    }

    /**
     * Estimated clutter density around a plot of radar {@code sensor} at this range and azimuth,
     * plots per m² per scan of {@code periodSeconds}.
     */
    public double density(int sensor, double rangeMetres, double azimuthRad, double periodSeconds, long timeNanos) {
        if (count[sensor] == null) return floor;
        int c = cell(rangeMetres, azimuthRad);
        // steady state of the decayed count is (plots per second) × τ
        double perScan = decayed(sensor, c, timeNanos) / tauSeconds * periodSeconds;
        int r = c / azimuthCells;
        double r0 = r * cellRange;
        double r1 = r0 + cellRange;
        double area = 0.5 * (r1 * r1 - r0 * r0) * (2 * Math.PI / azimuthCells);
        return Math.max(floor, perScan / area);
    }
}
