package org.vigil.codec.modes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The CPR shortcuts (binary-searched NL, trigonometry-free distance bound) decide as the formulas do. */
class CprFastPathTest {
    /** NL by the straightforward scan over the transition latitudes (the earlier implementation). */
    private static int nlByScan(double lat) {
        double a = Math.abs(lat);
        if (a > 87.0) return 1;
        int nl = 59;
        for (int z = 59; z >= 2; z--) {
            double t = Math.toDegrees(Math.acos(
                    Math.sqrt((1 - Math.cos(Math.PI / (2 * Cpr.NZ))) / (1 - Math.cos(2 * Math.PI / z)))));
            if (z == 2 && a >= t) return 2;
            if (a < t) return nl;
            nl--;
        }
        return 1;
    }

    @Test
    void nlEqualsTheScanEverywhereIncludingEachTransitionAndItsNeighbours() {
        Random rnd = new Random(17);
        for (int i = 0; i < 200_000; i++) {
            double lat = rnd.nextDouble() * 200 - 100;
            assertThat(Cpr.nl(lat)).as("lat %s", lat).isEqualTo(nlByScan(lat));
        }
        for (int z = 59; z >= 2; z--) {
            double t = Math.toDegrees(Math.acos(
                    Math.sqrt((1 - Math.cos(Math.PI / (2 * Cpr.NZ))) / (1 - Math.cos(2 * Math.PI / z)))));
            for (double lat : new double[] {t, Math.nextDown(t), Math.nextUp(t), -t, -Math.nextDown(t)}) {
                assertThat(Cpr.nl(lat)).as("lat %s", lat).isEqualTo(nlByScan(lat));
            }
        }
        assertThat(Cpr.nl(Double.NaN)).isEqualTo(1);
    }

    @Test
    void certainlyWithinIsNeverWrongAndSettlesOrdinarySteps() {
        Random rnd = new Random(5);
        int settled = 0;
        for (int i = 0; i < 500_000; i++) {
            double lat1 = rnd.nextDouble() * 180 - 90, lon1 = rnd.nextDouble() * 360 - 180;
            double scale = i % 3 == 0 ? 180 : i % 3 == 1 ? 2 : 0.05;
            double lat2 = Math.max(-90, Math.min(90, lat1 + (rnd.nextDouble() - 0.5) * scale));
            double lon2 = Cpr.normaliseLon(lon1 + (rnd.nextDouble() - 0.5) * 2 * scale);
            double limit = rnd.nextDouble() * (i % 2 == 0 ? 50 : 5000);
            if (Cpr.certainlyWithinNm(lat1, lon1, lat2, lon2, limit)) {
                settled++;
                assertThat(Cpr.distanceNm(lat1, lon1, lat2, lon2)).isLessThanOrEqualTo(limit);
            }
        }
        assertThat(settled).isGreaterThan(100_000);
        // across the antimeridian the short way round counts
        assertThat(Cpr.certainlyWithinNm(0, 179.9, 0, -179.9, 13)).isTrue();
        assertThat(Cpr.certainlyWithinNm(Double.NaN, 0, 0, 0, 13)).isFalse();
    }
}
