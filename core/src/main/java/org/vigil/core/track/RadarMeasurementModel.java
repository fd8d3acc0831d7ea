package org.vigil.core.track;

/**
 * Radar: ground range along the earth and true azimuth, measured from the radar at plane position
 * (rx, ry) with grid convergence c. With (dx, dy) = target - radar, d = |(dx, dy)| and k the mean
 * plane scale factor along the line ({@link Measurement#meanScale}):
 * <pre>
 *   range   = d / k(x, y)                 d range/dx = dx/(d k) - d (dk/dx) / k²   (same for y)
 *   azimuth = atan2(dx, dy) - c           d az/dx    = dy/d²,     d az/dy    = -dx/d²
 * </pre>
 * with k = (k_radar + 4 k_mid + k_target) / 6 and k(p) = 1 + |p|²/4R², so
 * dk/dx = (2 (x + rx) + 2 x) / (6 · 4R²). Dropping that term would misstate the range gradient
 * by about 2.5e-4 at 250 km from the origin. The azimuth residual is wrapped to [-π, π].
 *
 * <p>{@link #measure} turns a plot's slant range into ground range ({@link SlantRange}) with the
 * height of the plot, of the track or an assumed one, and widens the range sigma by the height's
 * uncertainty.
 */
public final class RadarMeasurementModel implements MeasurementModel {
    public static final RadarMeasurementModel INSTANCE = new RadarMeasurementModel();

    private RadarMeasurementModel() {}

    @Override
    public MeasurementType type() {
        return MeasurementType.RANGE_AZIMUTH;
    }

    @Override
    public boolean linearise(Measurement z, double x, double y, double[] out) {
        double dx = x - z.rx;
        double dy = y - z.ry;
        double d2 = dx * dx + dy * dy;
        if (!(d2 > 1)) return false;
        double d = Math.sqrt(d2);
        double k = z.meanScale(x, y);
        // range = d / k(x, y): the scale factor's gradient matters at the 1e-4 level 250 km out
        double c = z.invFourR2;
        double dkdx = c * (2 * (x + z.rx) + 2 * x) / 6;
        double dkdy = c * (2 * (y + z.ry) + 2 * y) / 6;
        out[0] = d / k;
        out[1] = Math.atan2(dx, dy) - z.convergence;
        out[2] = dx / (d * k) - d * dkdx / (k * k);
        out[3] = dy / (d * k) - d * dkdy / (k * k);
        out[4] = dy / d2;
        out[5] = -dx / d2;
        return true;
    }

    @Override
    public double residual(int i, double measured, double expected) {
        return i == 1 ? Measurement.wrapPi(measured - expected) : measured - expected;
    }

    @Override
    public void planeCovariance(Measurement z, double x, double y, double[] out) {
        double a = z.z1 + z.convergence;
        double k = z.meanScale(x, y);
        double sa = Math.sin(a);
        double ca = Math.cos(a);
        double g = z.z0;
        // J = d(x, y)/d(g, az) = k [[sin a, g cos a], [cos a, -g sin a]]
        double j00 = k * sa;
        double j01 = k * g * ca;
        double j10 = k * ca;
        double j11 = -k * g * sa;
        out[0] = j00 * j00 * z.r00 + j01 * j01 * z.r11;
        out[1] = j00 * j10 * z.r00 + j01 * j11 * z.r11;
        out[2] = j10 * j10 * z.r00 + j11 * j11 * z.r11;
    }

    /**
     * Fills {@code out} for a plot of slant range {@code rho} and azimuth {@code az} (registration
     * biases already removed) of a target at height {@code h} ± {@code hSigma}, from radar
     * {@code s} at plane position (rx, ry) with convergence {@code conv}. {@code rangeSigma},
     * {@code azimuthSigma}: the plot's own accuracies, or anything not above 0 for the radar's.
     */
    public static void measure(
            Measurement out,
            double rho,
            double az,
            double h,
            double hSigma,
            SensorConfig s,
            double rangeSigma,
            double azimuthSigma,
            double rx,
            double ry,
            double conv,
            double radius,
            double invFourR2) {
        double g = SlantRange.toGround(rho, s.heightMetres(), h, radius);
        double dh = h - s.heightMetres();
        double chord = Math.sqrt(Math.max(rho * rho - dh * dh, 1));
        // d g / d rho ~ rho / chord, d g / d h ~ -dh / chord (capped: overhead plots tell little about range)
        double dRho = Math.min(10, rho / chord);
        double dH = Math.min(10, Math.abs(dh) / chord);
        double rs = rangeSigma > 0 ? rangeSigma : s.rangeSigmaMetres();
        double as = azimuthSigma > 0 ? azimuthSigma : s.azimuthSigmaRad();
        double gSigma = Math.sqrt(dRho * dRho * rs * rs + dH * dH * hSigma * hSigma);
        out.rangeAzimuth(g, az, gSigma, as, rx, ry, conv, invFourR2);
    }
}
