package org.vigil.core.track;

/**
 * The tracker's sensors: each registered {@link SensorConfig} gets a dense index (its bit in
 * {@link SystemTrack#sensorsNow()}), found by sensor id without boxing. For radars the registry
 * also keeps the antenna's plane position and grid convergence, which every plot of that radar
 * needs. Not thread-safe.
 */
final class SensorRegistry {
    private final AreaProjection projection;
    private final SensorConfig[] sensors = new SensorConfig[SystemTrack.MAX_SENSORS];
    private final double[] x = new double[SystemTrack.MAX_SENSORS];
    private final double[] y = new double[SystemTrack.MAX_SENSORS];
    private final double[] convergence = new double[SystemTrack.MAX_SENSORS];
    /** Radars: instrumented range (ground), metres; NaN: not stated. */
    private final double[] cover = new double[SystemTrack.MAX_SENSORS];
    /** Sensor id to dense index (an int-to-int table like the address index). */
    private final IcaoIndex indexById = new IcaoIndex();

    private int count;

    SensorRegistry(AreaProjection projection) {
        this.projection = projection;
    }

    /** Registers (or replaces) a sensor; returns its dense index. */
    int add(SensorConfig s) {
        int existing = indexById.get(s.id());
        if (existing >= 0) {
            set(existing, s);
            return existing;
        }
        if (full()) throw new IllegalStateException("more than " + SystemTrack.MAX_SENSORS + " sensors");
        int i = count++;
        indexById.put(s.id(), i);
        set(i, s);
        return i;
    }

    private void set(int i, SensorConfig s) {
        if (sensors[i] == null) cover[i] = Double.NaN;
        sensors[i] = s;
        if (s.kind() == SensorKind.RADAR) {
            projection.forward(s.latDeg(), s.lonDeg());
            x[i] = projection.x;
            y[i] = projection.y;
            convergence[i] = projection.convergenceRad(s.latDeg(), s.lonDeg());
        }
    }

    boolean full() {
        return count == SystemTrack.MAX_SENSORS;
    }

    /** Dense index of sensor {@code sensorId}, or -1 when not registered. */
    int indexOf(int sensorId) {
        return indexById.get(sensorId);
    }

    SensorConfig get(int index) {
        return sensors[index];
    }

    /** Plane position and grid convergence (rad) of radar {@code index}. */
    double x(int index) {
        return x[index];
    }

    double y(int index) {
        return y[index];
    }

    double convergence(int index) {
        return convergence[index];
    }

    void setCover(int index, double rangeMetres) {
        cover[index] = rangeMetres;
    }

    /** Instrumented range of radar {@code index}, metres; NaN when not stated. */
    double cover(int index) {
        return cover[index];
    }

    int count() {
        return count;
    }
}
