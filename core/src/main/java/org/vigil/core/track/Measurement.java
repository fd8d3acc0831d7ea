package org.vigil.core.track;

/**
 * A detection in the measurement space of its sensor, ready for the {@link Updater}: corrected for
 * the sensor's registration bias, slant range already turned into ground range. Two kinds
 * ({@link MeasurementType}), each with its {@link #model}:
 * <ul>
 * <li>{@link MeasurementType#POSITION}: z = (x, y) in the plane with covariance R (ADS-B, MLAT),
 *   {@link PositionMeasurementModel}. Linear.</li>
 * <li>{@link MeasurementType#RANGE_AZIMUTH}: z = (ground range along the ellipsoid, true azimuth at
 *   the radar) measured from the radar at plane position (rx, ry), with grid convergence
 *   {@link #convergence} and the projection's sphere radius for the scale correction,
 *   {@link RadarMeasurementModel}. Non-linear: extended Kalman.</li>
 * </ul>
 * Reusable scratch object; the tracker fills one per detection.
 */
public final class Measurement {
    /** How z relates to the state; set with the values by {@link #position} or {@link #rangeAzimuth}. */
    public MeasurementModel model;

    public double z0;
    public double z1;
    /** Measurement noise covariance (symmetric 2x2). */
    public double r00;

    public double r01;
    public double r11;
    /** Radar plane position, convergence (rad, grid north to true north, clockwise). */
    public double rx;

    public double ry;
    public double convergence;
    /** 1 / (4 R²) of the projection sphere, for the plane scale factor. */
    public double invFourR2;

    public void position(double x, double y, double sigma) {
        model = PositionMeasurementModel.INSTANCE;
        z0 = x;
        z1 = y;
        r00 = sigma * sigma;
        r01 = 0;
        r11 = sigma * sigma;
    }

    public void rangeAzimuth(
            double groundRange,
            double azimuth,
            double rangeSigma,
            double azimuthSigma,
            double radarX,
            double radarY,
            double conv,
            double invFourRadiusSquared) {
        model = RadarMeasurementModel.INSTANCE;
        z0 = groundRange;
        z1 = azimuth;
        r00 = rangeSigma * rangeSigma;
        r01 = 0;
        r11 = azimuthSigma * azimuthSigma;
        rx = radarX;
        ry = radarY;
        convergence = conv;
        invFourR2 = invFourRadiusSquared;
    }

    public MeasurementType type() {
        return model.type();
    }

    /** Mean plane scale factor between the radar and (x, y) (Simpson's rule on k = 1 + d²/4R²). */
    double meanScale(double x, double y) {
        double mx = (x + rx) / 2;
        double my = (y + ry) / 2;
        double ka = 1 + (rx * rx + ry * ry) * invFourR2;
        double km = 1 + (mx * mx + my * my) * invFourR2;
        double kb = 1 + (x * x + y * y) * invFourR2;
        return (ka + 4 * km + kb) / 6;
    }

    static double wrapPi(double a) {
        if (a > Math.PI) {
            a -= 2 * Math.PI * Math.floor((a + Math.PI) / (2 * Math.PI));
        } else if (a < -Math.PI) {
            a += 2 * Math.PI * Math.floor((Math.PI - a) / (2 * Math.PI));
        }
        return a;
    }
}
