package org.vigil.core.qra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.core.geo.GeodesicInverse;

class QraIsochronesTest {
    @Test
    void singleUnitIsochronesAreClosedRingsAtTheRightDistance() {
        Posture one = new Posture("one", QraYaml.defaultProfiles());
        Base lrck = new Base("LRCK", "MK", 44.3622, 28.4883, 353);
        one.addDetachment(Detachment.of("DE-EUFI-LRCK", "DE", lrck, "EUFI", 2, Readiness.QRA_15));
        MapGrid grid = MapGrid.of(40.0, 48.7, 22.5, 34.5, 4);
        InterceptOptions o = InterceptOptions.defaults().withSubsonicOnly(true);
        ResponsivenessMap map = new Responsiveness()
                .compute(one, grid, GeoPredicate.EVERYWHERE, 30000, 0, TargetMotion.STATIONARY, o, 0);
        AircraftProfile eufi = one.profileOf(one.detachment("DE-EUFI-LRCK"));
        double v = eufi.subsonicTasMps(30000);
        double t0 = 900 + eufi.climbTimeS(353, 30000);
        double dc = eufi.climbDistanceM(353, 30000);
        GeodesicInverse inv = new GeodesicInverse();
        List<Isochrones.Isochrone> iso = map.isochrones(20, 30, 40);
        assertThat(iso).hasSize(3);
        for (Isochrones.Isochrone level : iso) {
            assertThat(level.polylines()).as("%s min", level.minutes()).hasSize(1);
            double[] line = level.polylines().get(0);
            assertThat(line.length).isGreaterThan(40);
            // closed ring
            assertThat(line[0]).isEqualTo(line[line.length - 2]);
            assertThat(line[1]).isEqualTo(line[line.length - 1]);
            double expectedM = dc + v * (level.minutes() * 60 - t0);
            for (int i = 0; i < line.length; i += 2) {
                double d = inv.distance(lrck.latDeg(), lrck.lonDeg(), line[i], line[i + 1]);
                // linear interpolation along a cell edge of a radial function: within a few hundred metres at 4 km
                assertThat(Math.abs(d - expectedM))
                        .as("%s min point %d", level.minutes(), i / 2)
                        .isLessThan(600);
            }
        }
    }

    @Test
    void twoBasesGiveTwoRingsThenOneAndRingsCutByTheGridEdgeClose() {
        Posture two = new Posture("two", QraYaml.defaultProfiles());
        two.addDetachment(Detachment.of("A", "RO", new Base("A", "A", 44.0, 26.0, 0), "F16", 2, Readiness.QRA_5));
        two.addDetachment(Detachment.of("B", "RO", new Base("B", "B", 44.0, 31.0, 0), "F16", 2, Readiness.QRA_5));
        MapGrid grid = MapGrid.of(41.0, 47.0, 22.0, 35.0, 8);
        ResponsivenessMap map = new Responsiveness()
                .compute(
                        two,
                        grid,
                        GeoPredicate.EVERYWHERE,
                        30000,
                        0,
                        TargetMotion.STATIONARY,
                        InterceptOptions.defaults().withSubsonicOnly(true),
                        0);
        List<Isochrones.Isochrone> iso = map.isochrones(15, 30);
        assertThat(iso.get(0).polylines()).as("15 min: separate rings").hasSize(2);
        assertThat(iso.get(1).polylines()).as("30 min: merged").hasSize(1);
        // 60 min reaches past the grid on every side: one ring along the grid's edge
        List<double[]> edge = map.isochrones(60).get(0).polylines();
        assertThat(edge).hasSize(1);
        double[] ring = edge.get(0);
        assertThat(ring[0]).isEqualTo(ring[ring.length - 2]);
        for (int i = 0; i < ring.length; i += 2) {
            assertThat(ring[i]).isBetween(41.0, 47.0);
            assertThat(ring[i + 1]).isBetween(22.0, 35.0);
        }
    }
}
