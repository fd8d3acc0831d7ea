package org.vigil.core.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Measurement models: Jacobians against central differences of h, residuals, plane covariance. */
class MeasurementModelTest {
    private static final double INV4R2 = 1 / (4 * 6.38e6 * 6.38e6);

    private static Measurement radar() {
        Measurement z = new Measurement();
        z.rangeAzimuth(50_000, 0.7, 80, 0.002, 10_000, -20_000, 0.01, INV4R2);
        return z;
    }

    @Test
    void radarJacobianMatchesNumericDifferentiationOfItsOwnMeasurementFunction() {
        // 1e-5 relative: well below the scale factor's gradient term (2.5e-4 at 250 km), which a
        // Jacobian without it would miss
        Measurement z = radar();
        MeasurementModel m = z.model;
        assertThat(m.type()).isEqualTo(MeasurementType.RANGE_AZIMUTH);
        double[] at = new double[6];
        double[] plus = new double[6];
        double[] minus = new double[6];
        double[][] points = {
            {80_000, 30_000}, {-50_000, 120_000}, {10_500, -19_000}, {10_000, -250_000}, {-200_000, -20_000}
        };
        double h = 0.5;
        for (double[] p : points) {
            assertThat(m.linearise(z, p[0], p[1], at)).isTrue();
            for (int col = 0; col < 2; col++) {
                double dx = col == 0 ? h : 0;
                double dy = col == 1 ? h : 0;
                m.linearise(z, p[0] + dx, p[1] + dy, plus);
                m.linearise(z, p[0] - dx, p[1] - dy, minus);
                for (int row = 0; row < 2; row++) {
                    double numeric = m.residual(row, plus[row], minus[row]) / (2 * h);
                    double analytic = at[2 + row * 2 + col];
                    assertThat(analytic)
                            .as("H[%d][%d] at (%s, %s)", row, col, p[0], p[1])
                            .isCloseTo(numeric, within(1e-5 * Math.abs(numeric) + 1e-12));
                }
            }
        }
    }

    @Test
    void radarIsUndefinedOnTopOfTheRadarAndWrapsTheAzimuthResidual() {
        Measurement z = radar();
        assertThat(z.model.linearise(z, 10_000, -20_000, new double[6])).isFalse();
        assertThat(z.model.residual(1, Math.PI - 0.01, -Math.PI + 0.01)).isCloseTo(-0.02, within(1e-12));
        assertThat(z.model.residual(0, 1000, 400)).isEqualTo(600);
    }

    @Test
    void radarPlaneCovarianceIsTheNoiseCarriedThroughTheInverseMapping() {
        // (g, az) -> (x, y) = radar + k g (sin(az + c), cos(az + c)); J R J^T numerically
        Measurement z = radar();
        double[] xy = toPlane(z, z.z0, z.z1);
        for (int it = 0; it < 5; it++) {
            double k0 = z.meanScale(xy[0], xy[1]);
            xy = toPlane(z, k0 * z.z0, z.z1);
        }
        double[] out = new double[3];
        z.model.planeCovariance(z, xy[0], xy[1], out);
        double k = z.meanScale(xy[0], xy[1]);
        double ea = 1e-6;
        double jx0 = k * Math.sin(z.z1 + z.convergence); // d x / d g
        double jy0 = k * Math.cos(z.z1 + z.convergence);
        double jx1 = (k * z.z0 * Math.sin(z.z1 + ea + z.convergence) - k * z.z0 * Math.sin(z.z1 - ea + z.convergence))
                / (2 * ea);
        double jy1 = (k * z.z0 * Math.cos(z.z1 + ea + z.convergence) - k * z.z0 * Math.cos(z.z1 - ea + z.convergence))
                / (2 * ea);
        double pxx = jx0 * jx0 * z.r00 + jx1 * jx1 * z.r11;
        double pxy = jx0 * jy0 * z.r00 + jx1 * jy1 * z.r11;
        double pyy = jy0 * jy0 * z.r00 + jy1 * jy1 * z.r11;
        assertThat(out[0]).isCloseTo(pxx, within(1e-6 * pxx));
        assertThat(out[1]).isCloseTo(pxy, within(1e-6 * Math.abs(pxx)));
        assertThat(out[2]).isCloseTo(pyy, within(1e-6 * pyy));
    }

    private static double[] toPlane(Measurement z, double g, double az) {
        return new double[] {z.rx + g * Math.sin(az + z.convergence), z.ry + g * Math.cos(az + z.convergence)};
    }

    @Test
    void positionModelIsTheIdentity() {
        Measurement z = new Measurement();
        z.position(1000, -2000, 30);
        assertThat(z.type()).isEqualTo(MeasurementType.POSITION);
        double[] out = new double[6];
        assertThat(z.model.linearise(z, 1234, 5678, out)).isTrue();
        assertThat(out).containsExactly(1234, 5678, 1, 0, 0, 1);
        assertThat(z.model.residual(1, 4, 2 * Math.PI)).isEqualTo(4 - 2 * Math.PI); // no wrapping
        double[] cov = new double[3];
        z.model.planeCovariance(z, 0, 0, cov);
        assertThat(cov).containsExactly(900, 0, 900);
    }

    @Test
    void radarMeasureTurnsSlantRangeIntoGroundRangeAndWidensItsSigmaByTheHeightUncertainty() {
        SensorConfig s = SensorConfig.radar(1, "R", 51, 6, 100, 5, 60, 0.001);
        Measurement z = new Measurement();
        double r = 6.38e6;
        double slant = SlantRange.toSlant(100_000, 100, 9_000, r);
        RadarMeasurementModel.measure(z, slant, 0.3, 9_000, 20, s, Double.NaN, Double.NaN, 1, 2, 0.01, r, INV4R2);
        assertThat(z.type()).isEqualTo(MeasurementType.RANGE_AZIMUTH);
        assertThat(z.z0).isCloseTo(100_000, within(1e-6));
        assertThat(z.z1).isEqualTo(0.3);
        assertThat(Math.sqrt(z.r11)).isEqualTo(0.001); // the radar's azimuth sigma: the plot has none
        double narrow = z.r00;
        RadarMeasurementModel.measure(z, slant, 0.3, 9_000, 3_000, s, Double.NaN, Double.NaN, 1, 2, 0.01, r, INV4R2);
        assertThat(z.r00).isGreaterThan(narrow);
        RadarMeasurementModel.measure(z, slant, 0.3, 9_000, 20, s, 200, 0.004, 1, 2, 0.01, r, INV4R2);
        assertThat(Math.sqrt(z.r11)).isEqualTo(0.004); // the plot's own sigma wins
        assertThat(z.r00).isGreaterThan(narrow);
    }
}
