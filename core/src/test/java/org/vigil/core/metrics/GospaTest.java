package org.vigil.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GospaTest {

    private static double[][] line(double... xs) {
        double[][] p = new double[xs.length][];
        for (int i = 0; i < xs.length; i++) p[i] = new double[] {xs[i]};
        return p;
    }

    @Test
    void emptyAndOneSidedSets() {
        Gospa g = new Gospa(10, 2);
        GospaResult empty = g.evaluate(line(), line());
        assertThat(empty.distance()).isZero();
        GospaResult missed = g.evaluate(line(), line(1, 2, 3));
        // Three misses at c^p/2 = 50 each: sqrt(150); not normalised, it grows with the count.
        assertThat(missed.distance()).isCloseTo(Math.sqrt(150), within(1e-12));
        assertThat(missed.missedCount()).isEqualTo(3);
        assertThat(missed.falseCount()).isZero();
        GospaResult falses = g.evaluate(line(1, 2), line());
        assertThat(falses.falseTracks()).isEqualTo(100);
        assertThat(falses.falseCount()).isEqualTo(2);
    }

    @Test
    void decomposesIntoLocalisationMissedAndFalse() {
        // Estimates {0, 100}, truths {1, 50}, c = 10, p = 2: 0-1 assigned (1), 100 false, 50 missed.
        GospaResult r = new Gospa(10, 2).evaluate(line(0, 100), line(1, 50));
        assertThat(r.localisation()).isCloseTo(1, within(1e-12));
        assertThat(r.missed()).isEqualTo(50);
        assertThat(r.falseTracks()).isEqualTo(50);
        assertThat(r.assignedCount()).isEqualTo(1);
        assertThat(r.distance()).isCloseTo(Math.sqrt(101), within(1e-12));
    }

    @Test
    void aPairAtOrBeyondTheCutoffIsOneMissAndOneFalse() {
        GospaResult r = new Gospa(10, 1).evaluate(line(0), line(10));
        assertThat(r.assignedCount()).isZero();
        assertThat(r.missedCount()).isEqualTo(1);
        assertThat(r.falseCount()).isEqualTo(1);
        assertThat(r.distance()).isEqualTo(10); // c/2 + c/2 with p = 1
    }

    @Test
    void partsSumToThePowerOfTheDistanceOnRandomSets() {
        Random r = new Random(3);
        for (int round = 0; round < 500; round++) {
            double c = 1 + r.nextDouble() * 20, p = r.nextBoolean() ? 1 : 1 + r.nextDouble() * 3;
            Gospa g = new Gospa(c, p);
            double[][] x = OspaTest.randomSet(r), y = OspaTest.randomSet(r);
            GospaResult res = g.evaluate(x, y);
            assertThat(Math.pow(res.distance(), p))
                    .isCloseTo(res.localisation() + res.missed() + res.falseTracks(), within(1e-6));
            assertThat(res.assignedCount() + res.missedCount()).isEqualTo(y.length);
            assertThat(res.assignedCount() + res.falseCount()).isEqualTo(x.length);
            // Relation to OSPA (same optimal assignment): GOSPA^p = N·OSPA^p − (c^p/2)·|m − n|, N = max(m, n).
            int big = Math.max(x.length, y.length);
            double ospa = new Ospa(c, p).distance(x, y);
            double expected = big * Math.pow(ospa, p) - Math.pow(c, p) / 2 * Math.abs(x.length - y.length);
            assertThat(Math.pow(res.distance(), p)).isCloseTo(expected, within(1e-6 * Math.max(1, expected)));
        }
    }

    @Test
    void isAMetricOnRandomSets() {
        Random r = new Random(8);
        for (int round = 0; round < 400; round++) {
            double c = 1 + r.nextDouble() * 20, p = r.nextBoolean() ? 1 : 2;
            Gospa g = new Gospa(c, p);
            double[][] x = OspaTest.randomSet(r), y = OspaTest.randomSet(r), z = OspaTest.randomSet(r);
            double xy = g.evaluate(x, y).distance(),
                    yz = g.evaluate(y, z).distance(),
                    xz = g.evaluate(x, z).distance();
            assertThat(g.evaluate(x, x).distance()).isCloseTo(0, within(1e-9));
            assertThat(g.evaluate(y, x).distance()).isCloseTo(xy, within(1e-9));
            assertThat(xz).as("triangle inequality, round %d", round).isLessThanOrEqualTo(xy + yz + 1e-9);
            assertThat(g.evaluate(OspaTest.shuffled(x, r), OspaTest.shuffled(y, r))
                            .distance())
                    .isCloseTo(xy, within(1e-9));
        }
    }
}
