package org.vigil.core.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Measurement and motion models: Jacobians against finite differences, filter consistency. */
class KalmanUpdaterTest {
    private static final double INV4R2 = 1 / (4 * 6.38e6 * 6.38e6);

    private static double range(Measurement z, double x, double y) {
        return Math.hypot(x - z.rx, y - z.ry) / z.meanScale(x, y);
    }

    private static double azimuth(Measurement z, double x, double y) {
        return Math.atan2(x - z.rx, y - z.ry) - z.convergence;
    }

    @Test
    void radarMeasurementJacobianMatchesFiniteDifferences() {
        // With a unit position prior and a very loose measurement, the update moves the state by
        // P H^T S^-1 nu ≈ H^T nu / R: the step reveals each row of the EKF's H, to compare with
        // central differences of the measurement function itself.
        KalmanUpdater up = new KalmanUpdater();
        KinematicState s = new KinematicState(1);
        double[][] points = {{80_000, 30_000}, {-50_000, 120_000}, {10_500, -19_000}, {10_000, -250_000}};
        for (double[] p : points) {
            for (int row = 0; row < 2; row++) {
                Measurement z = new Measurement();
                z.rangeAzimuth(0, 0, 1000, 0.01, 10_000, -20_000, 0.01, INV4R2);
                double h = 0.5;
                double gx = row == 0
                        ? (range(z, p[0] + h, p[1]) - range(z, p[0] - h, p[1])) / (2 * h)
                        : Measurement.wrapPi(azimuth(z, p[0] + h, p[1]) - azimuth(z, p[0] - h, p[1])) / (2 * h);
                double gy = row == 0
                        ? (range(z, p[0], p[1] + h) - range(z, p[0], p[1] - h)) / (2 * h)
                        : Measurement.wrapPi(azimuth(z, p[0], p[1] + h) - azimuth(z, p[0], p[1] - h)) / (2 * h);
                double nu = row == 0 ? 1000.0 : 0.1; // large enough that the step is not lost in rounding of x
                z.z0 = range(z, p[0], p[1]) + (row == 0 ? nu : 0);
                z.z1 = azimuth(z, p[0], p[1]) + (row == 1 ? nu : 0);
                double r = row == 0 ? z.r00 : z.r11;
                s.initialise(1, 0, p[0], p[1], 1, 0, 1, 0, 0, 1, 1e-6, null);
                assertThat(up.update(s, z)).isTrue();
                double sRow = gx * gx + gy * gy + r;
                double tol = 1e-6 * Math.hypot(gx, gy);
                assertThat((s.x() - p[0]) * sRow / nu)
                        .as("row %d d/dx at %s", row, p[0])
                        .isCloseTo(gx, within(tol));
                assertThat((s.y() - p[1]) * sRow / nu)
                        .as("row %d d/dy at %s", row, p[0])
                        .isCloseTo(gy, within(tol));
            }
        }
    }

    @Test
    void coordinatedTurnJacobianMatchesFiniteDifferences() {
        CoordinatedTurn ct = new CoordinatedTurn(0, 0);
        double[] x0 = {1000, -2000, 150, 200, 0.08};
        double dt = 4;
        double[] scratch = new double[75];
        for (double w : new double[] {0.08, -0.05, 1e-7}) {
            x0[4] = w;
            // Jacobian column j by central differences of the mean function
            double[][] numeric = new double[5][5];
            for (int j = 0; j < 5; j++) {
                double h = j == 4 ? 1e-6 : 1e-3;
                double[] a = x0.clone();
                double[] b = x0.clone();
                a[j] += h;
                b[j] -= h;
                ct.predict(a, 0, new double[25], 0, dt, scratch);
                ct.predict(b, 0, new double[25], 0, dt, scratch);
                for (int i = 0; i < 5; i++) numeric[i][j] = (a[i] - b[i]) / (2 * h);
            }
            // Analytic: propagate P = e_j e_j^T and read F P F^T diagonal vs numeric column norms
            for (int j = 0; j < 5; j++) {
                double[] m = x0.clone();
                double[] p = new double[25];
                p[j * 5 + j] = 1;
                ct.predict(m, 0, p, 0, dt, scratch);
                for (int i = 0; i < 5; i++) {
                    // (F e_j e_j^T F^T)_ii = F_ij²
                    assertThat(p[i * 5 + i])
                            .as("w=%s F[%d][%d]²", w, i, j)
                            .isCloseTo(
                                    numeric[i][j] * numeric[i][j], within(1e-4 * (1 + numeric[i][j] * numeric[i][j])));
                }
            }
        }
    }

    @Test
    void coordinatedTurnFollowsACircle() {
        CoordinatedTurn ct = new CoordinatedTurn(0, 0);
        double v = 250;
        double w = 0.1;
        double[] m = {0, 0, v, 0, w};
        double[] scratch = new double[75];
        ct.predict(m, 0, new double[25], 0, Math.PI / w, scratch); // half a circle, left turn
        assertThat(m[0]).isCloseTo(0, within(1e-6));
        assertThat(m[1]).isCloseTo(2 * v / w, within(1e-6));
        assertThat(m[2]).isCloseTo(-v, within(1e-9));
    }

    @Test
    void staticTargetSeenByRadarConvergesAndStaysConsistent() {
        Random rnd = new Random(5);
        KalmanUpdater up = new KalmanUpdater();
        ModelPredictor pred = new ModelPredictor(new ConstantVelocity(0.01));
        double tx = 40_000;
        double ty = 70_000;
        Measurement z = new Measurement();
        KinematicState s = new KinematicState(1);
        s.initialise(1, 0, tx + 500, ty - 500, 1e6, 0, 1e6, 0, 0, 100, 1e-6, null);
        double sumNees = 0;
        int n = 0;
        for (int k = 1; k <= 400; k++) {
            pred.predict(s, k * 4_000_000_000L);
            z.rangeAzimuth(0, 0, 40, 0.001, 0, 0, 0, INV4R2);
            z.z0 = range(z, tx, ty) + rnd.nextGaussian() * 40;
            z.z1 = azimuth(z, tx, ty) + rnd.nextGaussian() * 0.001;
            assertThat(up.update(s, z)).isTrue();
            if (k > 50) {
                double ex = s.x() - tx;
                double ey = s.y() - ty;
                double pxx = s.cov(0, 0);
                double pxy = s.cov(0, 1);
                double pyy = s.cov(1, 1);
                double det = pxx * pyy - pxy * pxy;
                sumNees += (ex * ex * pyy - 2 * ex * ey * pxy + ey * ey * pxx) / det;
                n++;
            }
        }
        assertThat(Math.hypot(s.x() - tx, s.y() - ty)).isLessThan(30);
        // normalised estimation error squared averages ~2 (two position dimensions) when consistent
        assertThat(sumNees / n).isBetween(0.5, 5.0);
    }

    @Test
    void positionUpdateIsTheTextbookKalmanGain() {
        KinematicState s = new KinematicState(1);
        s.initialise(1, 0, 0, 0, 100, 0, 400, 0, 0, 1, 1e-6, null);
        Measurement z = new Measurement();
        z.position(10, 10, 10);
        KalmanUpdater up = new KalmanUpdater();
        assertThat(up.mahalanobis(s, z)).isCloseTo(100.0 / 200 + 100.0 / 500, within(1e-12));
        up.update(s, z);
        assertThat(s.x()).isCloseTo(10 * 100.0 / 200, within(1e-12));
        assertThat(s.y()).isCloseTo(10 * 400.0 / 500, within(1e-12));
        assertThat(s.cov(0, 0)).isCloseTo(50, within(1e-9));
        assertThat(s.cov(1, 1)).isCloseTo(80, within(1e-9));
    }
}
