package org.vigil.core.qra.scramble;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigil.core.geo.Sphere;
import org.vigil.core.geo.Units;
import org.vigil.core.qra.TestPostures;

/**
 * The intercept time's interval (issue #19 item 2): over 200 random geometries (deterministic
 * seeds) the order is given on a noisy track (the estimate drawn from the stated covariance), the
 * fighters are flown by the workflow against the true target (subsonic, then the plan's supersonic
 * dash), and the flown intercept time lies within the ordered plan's interval in at least 90 % of
 * them; on two sets of seeds, and with intervals that stay useful (median half-width under 3 min).
 */
class ScrambleUncertaintyTest {
    static final long T0 = Instant.parse("2022-04-20T09:05:00Z").toEpochMilli() * 1_000_000L;
    static final long S = 1_000_000_000L;

    /** One geometry: true if the flown time is inside the interval, null if it could not be flown. */
    static Boolean fly(long seed, double[] widthOut) {
        Random rnd = new Random(seed);
        KinematicFighters fighters = new KinematicFighters();
        ScrambleService service =
                new ScrambleService(TestPostures.blackSea2022(), ScrambleConfig.defaults(), fighters, null);
        double lat = 42.5 + rnd.nextDouble() * 2.5, lon = 29.0 + rnd.nextDouble() * 4.5;
        double course = rnd.nextDouble() * 360, gsKt = 200 + rnd.nextDouble() * 350;
        double alt = 15_000 + rnd.nextDouble() * 20_000;
        // a young track's velocity uncertainty: 4-15 m/s per axis, correlated
        double sE = 4 + rnd.nextDouble() * 11, sN = 4 + rnd.nextDouble() * 11, rho = rnd.nextDouble() * 1.6 - 0.8;
        double ps = 150 + rnd.nextDouble() * 350;
        double ee = sE * sE, nn = sN * sN, en = rho * sE * sN;
        double l11 = Math.sqrt(ee), l21 = en / l11, l22 = Math.sqrt(nn - l21 * l21);
        double z1 = rnd.nextGaussian(), z2 = rnd.nextGaussian();
        double v = gsKt * Units.KT, c = Math.toRadians(course);
        double estE = v * Math.sin(c) + l11 * z1, estN = v * Math.cos(c) + l21 * z1 + l22 * z2;
        double[] p = new double[2];
        Sphere.destination(lat, lon, rnd.nextDouble() * 360, Math.abs(rnd.nextGaussian()) * ps, p);
        service.onTrackUpdate(
                20,
                T0,
                p[0],
                p[1],
                alt,
                Math.hypot(estE, estN) / Units.KT,
                Math.toDegrees(Math.atan2(estE, estN)),
                -1,
                0,
                ps,
                ee,
                en,
                nn);
        List<ScrambleService.Recommendation> r = service.recommend(20);
        if (r == null || !r.get(0).solution().feasible) return null;
        String id = service.propose(0, 20, r.get(0).unit().id(), "olga", ScrambleService.Gate.OPEN)
                .scrambleId();
        if (!service.order(id, "sam", ScrambleService.Gate.OPEN).ok()) return null;
        Scramble s = service.scrambleForTest(id);
        double predicted = s.predicted.timeS, half = s.predicted.timeSpreadS;
        assertThat(half).as("an interval from the covariance").isFinite().isPositive();
        widthOut[0] = half;
        // fly: the true target, tracked exactly from here on; the workflow steers the lead
        double tLat = lat, tLon = lon;
        for (long t = T0 + 2 * S; t < T0 + Math.round(predicted * 1.5 + 600) * S; t += 2 * S) {
            Sphere.destination(tLat, tLon, course, v * 2, p);
            tLat = p[0];
            tLon = p[1];
            service.onTrackUpdate(20, t, tLat, tLon, alt, gsKt, course, -1, 0);
            fighters.advance(t);
            service.tick(t);
            if (s.interceptNanos != Long.MIN_VALUE) {
                double flown = (s.interceptNanos - s.orderedNanos) / 1e9;
                return Math.abs(flown - predicted) <= half;
            }
            if (s.phase.ended() || s.phase == ScramblePhase.RTB) return null;
        }
        return null;
    }

    @Test
    void theIntervalHoldsTheFlownInterceptTimeInAtLeast90PercentOf200Geometries() {
        holds(1);
    }

    @Test
    void theIntervalHoldsOnASecondSetOfSeeds() {
        holds(10_001);
    }

    private static void holds(long firstSeed) {
        int flown = 0, inside = 0;
        double[] widths = new double[200];
        double[] w = new double[1];
        for (long seed = firstSeed; flown < 200 && seed < firstSeed + 2000; seed++) {
            Boolean ok = fly(seed, w);
            if (ok == null) continue;
            widths[flown++] = w[0];
            if (ok) inside++;
        }
        assertThat(flown).isEqualTo(200);
        java.util.Arrays.sort(widths);
        double median = (widths[99] + widths[100]) / 2;
        System.out.printf(
                "uncertainty (seeds from %d): %d of %d flown intercepts inside the interval, median half-width %.0f s%n",
                firstSeed, inside, flown, median);
        assertThat(inside).as("flown intercept time inside the stated interval").isGreaterThanOrEqualTo(180);
        assertThat(median)
                .as("median half-width, s: an interval still worth showing")
                .isLessThan(180);
    }

    @Test
    void aPrimaryOnlyTargetIsPlannedAtTheStatedAssumedLevel() {
        ScrambleService service =
                new ScrambleService(TestPostures.blackSea2022(), ScrambleConfig.defaults(), Fighters.NONE, null);
        service.onTrackUpdate(21, T0, 43.4, 30.0, Double.NaN, 300, 245, -1, 0);
        ScrambleService.Recommendation best = service.recommend(21).get(0);
        assertThat(best.solution().levelAssumed).isTrue();
        assertThat(best.solution().altitudeFt)
                .isEqualTo(ScrambleConfig.defaults().primaryOnlyLevelFt());
        assertThat(ScrambleService.recommendationView(best).path("levelAssumed").asBoolean())
                .isTrue();
    }
}
