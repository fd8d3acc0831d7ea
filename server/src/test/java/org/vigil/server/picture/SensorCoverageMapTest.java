package org.vigil.server.picture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.core.sim.RadarSpec;
import org.vigil.core.sim.Scenario;
import org.vigil.server.cli.Theatres;
import org.vigil.server.live.LiveServer;
import org.vigil.server.sim.LiveSimulation;
import org.vigil.server.sim.ScenarioLoader;

/**
 * Coverage from what the sensors delivered (docs/HEALTH.md "Coverage"): after two minutes of the
 * default scenario every radar and every ADS-B receiver has a hull, each radar's within its range
 * of its site.
 */
class SensorCoverageMapTest {
    @Test
    @SuppressWarnings("unchecked")
    void eachSensorCoversWhereItsPositionsCameFrom() throws Exception {
        Scenario sc = ScenarioLoader.load("black-sea-2022");
        try (LiveServer server = new LiveServer(Theatres.builtIn("black-sea-2022"), e -> {})) {
            server.addInput(new LiveSimulation(server, sc, 1, false)).advanceTo(120);
            Map<String, Object> fc = server.loop().call(server.picture()::coverageGeoJson);
            List<Map<String, Object>> features = (List<Map<String, Object>>) fc.get("features");
            List<Map<String, Object>> props = features.stream()
                    .map(f -> (Map<String, Object>) f.get("properties"))
                    .toList();
            for (RadarSpec r : sc.radars())
                assertThat(props).anyMatch(p -> p.get("sensor").equals(r.name()));
            assertThat(props.stream().filter(p -> p.get("kind").equals("adsb")).count())
                    .isEqualTo(sc.receivers().size());
            for (Map<String, Object> f : features) {
                Map<String, Object> p = (Map<String, Object>) f.get("properties");
                assertThat((Integer) p.get("positions")).isGreaterThan(10);
                Map<String, Object> g = (Map<String, Object>) f.get("geometry");
                assertThat(g.get("type")).isEqualTo("Polygon");
                RadarSpec r = sc.radars().stream()
                        .filter(x -> x.name().equals(p.get("sensor")))
                        .findFirst()
                        .orElse(null);
                if (r == null) continue;
                for (double[] c : ((List<List<double[]>>) g.get("coordinates")).get(0)) {
                    double nm = org.vigil.core.geo.Sphere.distanceM(r.lat(), r.lon(), c[1], c[0]) / 1852;
                    assertThat(nm).as("%s hull point", r.name()).isLessThanOrEqualTo(r.rangeNm() + 1);
                }
            }
        }
    }
}
