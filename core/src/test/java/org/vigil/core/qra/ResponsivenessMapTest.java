package org.vigil.core.qra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigil.core.geo.GeodesicInverse;

class ResponsivenessMapTest {
    private static final double LEVEL = 30000;

    @Test
    void stationaryMapMatchesDirectSolverCallsAtSampleCells() {
        Posture p = TestPostures.blackSea2022();
        MapGrid grid = MapGrid.of(41.0, 46.0, 27.0, 34.0, 10);
        InterceptOptions o = InterceptOptions.defaults();
        ResponsivenessMap map = new Responsiveness()
                .compute(p, grid, GeoPredicate.EVERYWHERE, LEVEL, 0, TargetMotion.STATIONARY, o, QraTestData.APRIL_20);
        InterceptRanking ranking = new InterceptRanking();
        TargetPath target = new TargetPath(1);
        Random rnd = new Random(4);
        int reachable = 0;
        for (int k = 0; k < 60; k++) {
            int r = rnd.nextInt(grid.rows()), c = rnd.nextInt(grid.columns());
            target.straight(grid.lat(r), grid.lon(c), LEVEL, 0, 0);
            List<InterceptRanking.Entry> best = ranking.rank(p, target, o.withTrailNm(0), QraTestData.APRIL_20);
            InterceptRanking.Entry first = best.get(0);
            if (first.solution().feasible) {
                reachable++;
                assertThat(map.minutes(r, c))
                        .as("cell %d,%d", r, c)
                        .isCloseTo(first.solution().timeS / 60, within(0.01));
                assertThat(map.bestUnit(r, c)).isEqualTo(first.unit().id());
            } else {
                assertThat(map.minutes(r, c)).isInfinite();
            }
        }
        assertThat(reachable).isGreaterThan(30);
    }

    @Test
    void openingTargetMatchesSolverWithTheTargetRunningAwayFromTheUnit() {
        Posture one = new Posture("one", QraYaml.defaultProfiles());
        Base lrft = TestPostures.blackSea2022().detachment("RO-F16-LRFT").base();
        Detachment f16 = Detachment.of("RO-F16-LRFT", "RO", lrft, "F16", 2, Readiness.QRA_15);
        one.addDetachment(f16);
        MapGrid grid = MapGrid.of(42.0, 46.0, 28.0, 32.0, 20);
        InterceptOptions o = InterceptOptions.defaults();
        ResponsivenessMap map = new Responsiveness()
                .compute(one, grid, GeoPredicate.EVERYWHERE, LEVEL, 300, TargetMotion.OPENING, o, QraTestData.APRIL_20);
        InterceptSolver solver = new InterceptSolver();
        InterceptSolution sol = new InterceptSolution();
        GeodesicInverse inv = new GeodesicInverse();
        int checked = 0;
        for (int r = 0; r < grid.rows(); r += 2) {
            for (int c = 0; c < grid.columns(); c += 2) {
                inv.solve(lrft.latDeg(), lrft.lonDeg(), grid.lat(r), grid.lon(c));
                TargetPath away = new TargetPath(1)
                        .straight(grid.lat(r), grid.lon(c), LEVEL, 300, Math.toDegrees(inv.azimuth2Rad));
                solver.solve(f16, one.profileOf(f16), away, o, QraTestData.APRIL_20, sol);
                if (sol.feasible) {
                    assertThat(map.minutes(r, c)).as("cell %d,%d", r, c).isCloseTo(sol.timeS / 60, within(0.02));
                    checked++;
                } else {
                    assertThat(map.minutes(r, c)).isInfinite();
                }
            }
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void whatIfAddingADetachmentImprovesTheWorstCaseAndAreaOutsideIsNaN() {
        Posture p = TestPostures.blackSea2022();
        MapGrid grid = MapGrid.of(40.5, 47.0, 27.0, 42.0, 10);
        GeoPredicate westernSea = GeoPredicate.box(41.5, 46.0, 28.5, 33.0);
        GeoPredicate aor = GeoPredicate.box(41.0, 46.5, 27.0, 36.0);
        Responsiveness calc = new Responsiveness();
        InterceptOptions o = InterceptOptions.defaults();
        ResponsivenessMap now = calc.compute(p, grid, aor, LEVEL, 0, TargetMotion.STATIONARY, o, QraTestData.APRIL_20);
        ResponseStats before = now.stats(westernSea);
        assertThat(before.uncovered()).isZero();
        assertThat(before.worstMinutes()).isBetween(20.0, 60.0);
        assertThat(before.meanMinutes()).isLessThan(before.worstMinutes());

        Posture whatIf = p.copy()
                .addDetachment(Detachment.of(
                        "TR-F16-LTAP",
                        "TR",
                        new Base("LTAP", "Merzifon", 40.8294, 35.5220, 1758),
                        "F16",
                        2,
                        Readiness.QRA_5))
                .moveDetachment("NL-F35-LBPG", new Base("LBWN", "Varna", 43.2321, 27.8251, 230));
        ResponseStats after = calc.compute(
                        whatIf, grid, aor, LEVEL, 0, TargetMotion.STATIONARY, o, QraTestData.APRIL_20)
                .stats(westernSea);
        assertThat(after.meanMinutes()).isLessThan(before.meanMinutes());
        assertThat(after.worstMinutes()).isLessThanOrEqualTo(before.worstMinutes());

        ResponseStats removed = calc.compute(
                        p.copy().removeDetachment("DE-EUFI-LRCK").removeDetachment("RO-F16-LRFT"),
                        grid,
                        aor,
                        LEVEL,
                        0,
                        TargetMotion.STATIONARY,
                        o,
                        QraTestData.APRIL_20)
                .stats(westernSea);
        assertThat(removed.worstMinutes()).isGreaterThan(before.worstMinutes());

        int outsideRow = grid.rows() - 1, outsideCol = grid.columns() - 1; // 47 N 42 E: outside the AOR box
        assertThat(now.minutes(outsideRow, outsideCol)).isNaN();
        assertThat(now.bestUnit(outsideRow, outsideCol)).isNull();
    }

    @Test
    void unavailableUnitsContributeNothing() {
        Posture p = TestPostures.blackSea2022();
        for (Detachment d : p.detachments()) p.setReadiness(d.id(), Readiness.UNAVAILABLE, null);
        ResponsivenessMap map = new Responsiveness()
                .compute(
                        p,
                        MapGrid.of(42, 44, 28, 30, 20),
                        GeoPredicate.EVERYWHERE,
                        LEVEL,
                        0,
                        TargetMotion.STATIONARY,
                        InterceptOptions.defaults(),
                        QraTestData.APRIL_20);
        ResponseStats s = map.stats(GeoPredicate.EVERYWHERE);
        assertThat(s.uncovered()).isEqualTo(s.cells());
        assertThat(s.worstMinutes()).isInfinite();
        assertThat(s.coveredShare()).isZero();
    }
}
