package org.vigil.core.track;

/**
 * ADS-B and MLAT: the report is the aircraft's plane position, h(x, y) = (x, y), H = I. Linear,
 * so the update is a plain Kalman update.
 */
public final class PositionMeasurementModel implements MeasurementModel {
    public static final PositionMeasurementModel INSTANCE = new PositionMeasurementModel();

    private PositionMeasurementModel() {}

    @Override
    public MeasurementType type() {
        return MeasurementType.POSITION;
    }

    @Override
    public boolean linearise(Measurement z, double x, double y, double[] out) {
        out[0] = x;
        out[1] = y;
        out[2] = 1;
        out[3] = 0;
        out[4] = 0;
        out[5] = 1;
        return true;
    }

    @Override
    public double residual(int i, double measured, double expected) {
        return measured - expected;
    }

    @Override
    public void planeCovariance(Measurement z, double x, double y, double[] out) {
        out[0] = z.r00;
        out[1] = 0;
        out[2] = z.r11;
    }
}
