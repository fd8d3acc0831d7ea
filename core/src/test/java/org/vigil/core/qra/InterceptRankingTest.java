package org.vigil.core.qra;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterceptRankingTest {
    @Test
    void ranksByInterceptTimeThenListsUnitsThatCannotWithReasons() {
        Posture p = TestPostures.blackSea2022();
        p.setReadiness("BG-MG29-LBPG", Readiness.UNAVAILABLE, null);
        // an unknown track 60 NM east of Constanta heading west at FL300, 420 kt
        TargetPath target = new TargetPath(1).straight(44.2, 30.0, 30000, 420, 270);
        List<InterceptRanking.Entry> ranking =
                new InterceptRanking().rank(p, target, InterceptOptions.defaults(), QraTestData.APRIL_20);
        assertThat(ranking).hasSize(4);
        assertThat(ranking.get(0).unit().id()).isIn("DE-EUFI-LRCK", "RO-F16-LRFT"); // the coastal bases come first
        assertThat(ranking.get(2).unit().id()).isEqualTo("NL-F35-LBPG");
        for (int i = 0; i + 1 < 3; i++) {
            assertThat(ranking.get(i).solution().timeS)
                    .isLessThanOrEqualTo(ranking.get(i + 1).solution().timeS);
        }
        InterceptRanking.Entry last = ranking.get(3);
        assertThat(last.unit().id()).isEqualTo("BG-MG29-LBPG");
        assertThat(last.solution().feasible).isFalse();
        assertThat(last.solution().reason).isEqualTo(NoInterceptReason.UNIT_UNAVAILABLE);
        // each entry is an independent copy
        assertThat(ranking.get(0).solution()).isNotSameAs(ranking.get(1).solution());
    }

    @Test
    void outsideTheRotationTheDutchF35sDropToTheEnd() {
        Posture p = TestPostures.blackSea2022();
        TargetPath target = new TargetPath(1).straight(42.6, 28.5, 30000, 400, 270); // off Burgas
        long june = java.time.Instant.parse("2022-06-15T12:00:00Z").toEpochMilli();
        List<InterceptRanking.Entry> r = new InterceptRanking().rank(p, target, InterceptOptions.defaults(), june);
        InterceptRanking.Entry last = r.get(r.size() - 1);
        assertThat(last.unit().id()).isEqualTo("NL-F35-LBPG");
        assertThat(last.solution().reason).isEqualTo(NoInterceptReason.OUTSIDE_ROTATION);
        List<InterceptRanking.Entry> april =
                new InterceptRanking().rank(p, target, InterceptOptions.defaults(), QraTestData.APRIL_20);
        assertThat(april).filteredOn(e -> e.unit().id().equals("NL-F35-LBPG")).allMatch(e -> e.solution().feasible);
        // the Typhoons at Mihail Kogalniceanu would have to chase the westbound target past their radius
        assertThat(april.get(april.size() - 1).solution().reason).isEqualTo(NoInterceptReason.BEYOND_FUEL_LIMIT);
    }

    @Test
    void solverAndRankingAllocateNothingPerSolve() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Posture p = TestPostures.blackSea2022();
        List<Detachment> units = p.detachments();
        TargetPath target = new TargetPath(4)
                .route(
                        43.6,
                        31.5,
                        28000,
                        new double[] {43.2, 42.9},
                        new double[] {29.5, 28.6},
                        new double[] {380, 420},
                        2);
        InterceptOptions o = InterceptOptions.defaults().withNoSupersonicOverLand((lat, lon) -> lon < 28.2);
        InterceptSolver solver = new InterceptSolver();
        InterceptSolution out = new InterceptSolution();
        InterceptRanking ranking = new InterceptRanking();
        for (int i = 0; i < 3_000; i++) {
            Detachment d = units.get(i % units.size());
            solver.solve(d, p.profileOf(d), target, o, QraTestData.APRIL_20, out);
            ranking.rankInto(units, p, target, o, QraTestData.APRIL_20);
        }
        long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int i = 0; i < 1_000; i++) {
            Detachment d = units.get(i % units.size());
            solver.solve(d, p.profileOf(d), target, o, QraTestData.APRIL_20, out);
            ranking.rankInto(units, p, target, o, QraTestData.APRIL_20);
        }
        long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertThat(out.feasible).isTrue();
        assertThat(allocated).as("bytes for 1,000 solves + 1,000 rankings").isLessThan(1024);
    }
}
