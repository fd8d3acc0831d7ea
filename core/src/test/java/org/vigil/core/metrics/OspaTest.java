package org.vigil.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class OspaTest {
    private static final double[][] NONE = new double[0][];

    private static double[][] line(double... xs) {
        double[][] p = new double[xs.length][];
        for (int i = 0; i < xs.length; i++) p[i] = new double[] {xs[i]};
        return p;
    }

    @Test
    void emptySetsAreZeroAndOneSidedSetsScoreTheCutoff() {
        Ospa ospa = new Ospa(10, 2);
        assertThat(ospa.distance(NONE, NONE)).isZero();
        assertThat(ospa.distance(line(1, 2, 3), NONE)).isEqualTo(10);
        assertThat(ospa.distance(NONE, line(4))).isEqualTo(10);
    }

    @Test
    void aSinglePairScoresItsDistanceUntilTheCutoffSaturates() {
        Ospa ospa = new Ospa(10, 2);
        assertThat(ospa.distance(line(0), line(3))).isCloseTo(3, within(1e-12));
        assertThat(ospa.distance(line(0), line(9.5))).isCloseTo(9.5, within(1e-12));
        assertThat(ospa.distance(line(0), line(10))).isEqualTo(10);
        assertThat(ospa.distance(line(0), line(1e6))).isEqualTo(10);
    }

    @Test
    void orderOneIsAMeanAndOrderTwoAnRms() {
        // X = {0}, Y = {3, 10}, c = 5: cut distances 3 and 5 (the 10 is saturated), one miss.
        // p = 1: (3 + 5·1)/2 = 4.  p = 2: sqrt((9 + 25)/2) = sqrt(17).
        assertThat(new Ospa(5, 1).distance(line(0), line(3, 10))).isCloseTo(4.0, within(1e-12));
        assertThat(new Ospa(5, 2).distance(line(0), line(3, 10))).isCloseTo(Math.sqrt(17), within(1e-12));
        // The optimal pairing is used: X = {0, 10}, Y = {9, 1} pairs 0-1 and 10-9, not 0-9.
        assertThat(new Ospa(100, 1).distance(line(0, 10), line(9, 1))).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void isAMetricOnRandomSets() {
        Random r = new Random(11);
        for (int round = 0; round < 400; round++) {
            double c = 1 + r.nextDouble() * 20, p = r.nextBoolean() ? 1 : 1 + r.nextDouble() * 3;
            Ospa ospa = new Ospa(c, p);
            double[][] x = randomSet(r), y = randomSet(r), z = randomSet(r);
            double xy = ospa.distance(x, y), yz = ospa.distance(y, z), xz = ospa.distance(x, z);
            assertThat(xy).isBetween(0.0, c);
            assertThat(ospa.distance(x, x)).isCloseTo(0, within(1e-9));
            assertThat(ospa.distance(y, x)).isCloseTo(xy, within(1e-9));
            assertThat(xz).as("triangle inequality, round %d", round).isLessThanOrEqualTo(xy + yz + 1e-9);
            assertThat(ospa.distance(shuffled(x, r), shuffled(y, r)))
                    .as("permutation invariance")
                    .isCloseTo(xy, within(1e-9));
        }
    }

    @Test
    void distanceMatrixFormMatchesThePointForm() {
        Ospa ospa = new Ospa(7, 2);
        double[][] x = line(0, 5), y = line(1, 2, 20);
        double[] d = {1, 2, 20, 4, 3, 15};
        assertThat(ospa.distance(d, 2, 3)).isCloseTo(ospa.distance(x, y), within(1e-12));
    }

    @Test
    void refusesBadParameters() {
        assertThatThrownBy(() -> new Ospa(0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ospa(10, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ospa(Double.NaN, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    static double[][] randomSet(Random r) {
        int n = r.nextInt(6);
        double[][] s = new double[n][];
        for (int i = 0; i < n; i++) s[i] = new double[] {r.nextDouble() * 30, r.nextDouble() * 30};
        return s;
    }

    static double[][] shuffled(double[][] s, Random r) {
        double[][] c = s.clone();
        for (int i = c.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            double[] t = c[i];
            c[i] = c[j];
            c[j] = t;
        }
        return c;
    }
}
