package org.vigil.core.airspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.Test;

class ZoneLoaderTest {
    static final String YAML = """
            zones:
              - id: R1
                name: "Range one"   # a comment
                kind: R
                lower: 2000ft
                upper: FL100
                polygon: [[28.0, 44.0], [28.5, 44.0],
                          [28.5, 44.5], [28.0, 44.5]]
                active:
                  - {from: 2022-04-06T06:00:00Z, to: 2022-04-06T14:00:00Z}
                  - from: 2022-04-07T06:00:00Z
                    to: 2022-04-07T14:00:00Z
              - id: D1
                kind: danger
                upper: 1500m
                circle: {centre: [30.0, 43.0], radiusNm: 10}
            """;

    static long nanos(String iso) {
        Instant t = Instant.parse(iso);
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    static Zones load(String yaml) throws Exception {
        return new Zones(ZoneLoader.fromYaml(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), null));
    }

    static List<String> at(Zones zones, double lat, double lon, double ft, String time) {
        List<String> ids = new ArrayList<>();
        zones.zonesAt(lat, lon, ft, nanos(time), z -> ids.add(zones.zone(z).id()));
        return ids;
    }

    @Test
    void yamlZoneLevelsAndActivation() throws Exception {
        Zones zones = load(YAML);
        Zone r1 = zones.zone(zones.indexOf("R1"));
        assertThat(r1.kind()).isEqualTo(ZoneKind.RESTRICTED);
        assertThat(r1.name()).isEqualTo("Range one");
        assertThat(r1.lowerFt()).isEqualTo(2000);
        assertThat(r1.upperFt()).isEqualTo(10000);
        assertThat(r1.periodCount()).isEqualTo(2);

        // inside laterally, in band, active
        assertThat(at(zones, 44.25, 28.25, 5000, "2022-04-06T10:00:00Z")).containsExactly("R1");
        // activation edges: [from, to)
        assertThat(at(zones, 44.25, 28.25, 5000, "2022-04-06T06:00:00Z")).containsExactly("R1");
        assertThat(at(zones, 44.25, 28.25, 5000, "2022-04-06T05:59:59.999Z")).isEmpty();
        assertThat(at(zones, 44.25, 28.25, 5000, "2022-04-06T14:00:00Z")).isEmpty();
        assertThat(at(zones, 44.25, 28.25, 5000, "2022-04-07T13:59:59Z")).containsExactly("R1");
        assertThat(at(zones, 44.25, 28.25, 5000, "2022-04-08T10:00:00Z")).isEmpty();
        // levels: 2000 ft .. FL100 inclusive
        assertThat(at(zones, 44.25, 28.25, 1999, "2022-04-06T10:00:00Z")).isEmpty();
        assertThat(at(zones, 44.25, 28.25, 2000, "2022-04-06T10:00:00Z")).containsExactly("R1");
        assertThat(at(zones, 44.25, 28.25, 10000, "2022-04-06T10:00:00Z")).containsExactly("R1");
        assertThat(at(zones, 44.25, 28.25, 10001, "2022-04-06T10:00:00Z")).isEmpty();
        assertThat(at(zones, 44.25, 28.25, Double.NaN, "2022-04-06T10:00:00Z"))
                .as("unknown altitude")
                .containsExactly("R1");
        // outside laterally
        assertThat(at(zones, 44.6, 28.25, 5000, "2022-04-06T10:00:00Z")).isEmpty();
    }

    @Test
    void circleRadiusIsGeodesic() throws Exception {
        Zones zones = load(YAML);
        Zone d1 = zones.zone(zones.indexOf("D1"));
        assertThat(d1.kind()).isEqualTo(ZoneKind.DANGER);
        assertThat(d1.lowerFt()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(d1.upperFt()).isCloseTo(4921.26, org.assertj.core.data.Offset.offset(0.01));
        assertThat(d1.isActive(0)).as("no periods: H24").isTrue();
        for (double az = 0; az < 360; az += 37) {
            GeodesicData in = Geodesic.WGS84.Direct(43.0, 30.0, az, 9.9 * 1852);
            GeodesicData out = Geodesic.WGS84.Direct(43.0, 30.0, az, 10.1 * 1852);
            assertThat(zones.laterallyInside(0 + zones.indexOf("D1"), in.lat2, in.lon2))
                    .as("9.9 NM at %s", az)
                    .isTrue();
            assertThat(zones.laterallyInside(zones.indexOf("D1"), out.lat2, out.lon2))
                    .as("10.1 NM at %s", az)
                    .isFalse();
        }
        assertThat(at(zones, 43.0, 30.0, -50, "2030-01-01T00:00:00Z")).containsExactly("D1");
    }

    @Test
    void geoJsonZones() throws Exception {
        String json = """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"id": "AOR1", "kind": "AOR", "lower": "SFC", "upper": "UNL"},
                   "geometry": {"type": "Polygon", "coordinates": [[[27, 42], [31, 42], [31, 45], [27, 45], [27, 42]]]}},
                  {"type": "Feature", "properties": {"id": "P1", "kind": "P", "upper": "FL050", "radiusNm": 3,
                    "active": [{"from": "2022-05-01T00:00:00Z"}]},
                   "geometry": {"type": "Point", "coordinates": [28.0, 43.0]}}
                ]}""";
        Zones zones =
                new Zones(ZoneLoader.fromGeoJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
        assertThat(zones.count()).isEqualTo(2);
        assertThat(at(zones, 43.0, 28.0, 3000, "2022-05-02T00:00:00Z")).containsExactly("AOR1", "P1");
        assertThat(at(zones, 43.0, 28.0, 3000, "2022-04-30T00:00:00Z")).containsExactly("AOR1");
        assertThat(at(zones, 43.0, 28.0, 6000, "2099-01-01T00:00:00Z")).containsExactly("AOR1");
        assertThat(zones.zone(1).kind()).isEqualTo(ZoneKind.PROHIBITED);
    }

    @Test
    void defaultScenarioZones() {
        Zones zones = BlackSeaTestAirspace.zones();
        NationalAirspace air = BlackSeaTestAirspace.nationalAirspace();
        assertThat(zones.count()).isEqualTo(4);
        int aor = zones.indexOf("CRC-WEST-BLACK-SEA");
        int adiz = zones.indexOf("ADIZ-BG-RO");
        int mk = zones.indexOf("LRR-MK-QRA");
        assertThat(zones.zone(aor).kind()).isEqualTo(ZoneKind.AREA_OF_RESPONSIBILITY);
        // the AOR covers Bulgaria, Romania and the western Black Sea, not Istanbul or Odesa
        assertThat(zones.laterallyInside(aor, 42.6967, 23.4114)).isTrue(); // Sofia
        assertThat(zones.laterallyInside(aor, 46.5023, 23.8859)).isTrue(); // Campia Turzii
        assertThat(zones.laterallyInside(aor, 43.0, 30.5)).isTrue(); // western Black Sea
        assertThat(zones.laterallyInside(aor, 41.2753, 28.7519)).isFalse(); // Istanbul
        assertThat(zones.laterallyInside(aor, 46.4268, 30.6765)).isFalse(); // Odesa
        assertThat(zones.laterallyInside(aor, 43.0, 34.0)).isFalse(); // mid Black Sea
        // identification zone: along 43.2 N eastwards from Varna, inside exactly where the independent
        // geodesic distance to the Bulgarian or Romanian coast is under 50 NM (0.5 NM tolerance)
        List<double[]> coast =
                new ArrayList<>(NationalAirspaceTest.densifiedBoundary(air.land(air.indexOf("BG")), 400));
        coast.addAll(NationalAirspaceTest.densifiedBoundary(air.land(air.indexOf("RO")), 400));
        int checked = 0;
        boolean sawInside = false, sawOutside = false;
        for (double lon = 28.3; lon <= 31.0; lon += 0.05) {
            double d = NationalAirspaceTest.coastDistance(coast, new double[] {lon, 43.2}, 2.5) / 1852;
            if (Math.abs(d - 50) < 0.5) continue;
            boolean inside = zones.laterallyInside(adiz, 43.2, lon);
            assertThat(inside).as("%.2f E, %.2f NM from the coast", lon, d).isEqualTo(d < 50);
            sawInside |= inside && d > 12.5;
            sawOutside |= !inside;
            checked++;
        }
        assertThat(checked).isGreaterThan(40);
        assertThat(sawInside).as("the ADIZ reaches beyond the territorial sea").isTrue();
        assertThat(sawOutside).isTrue();
        // restricted area at Mihail Kogalniceanu: active in the scenario, FL100 ceiling
        assertThat(at(zones, 44.3622, 28.4883, 5000, "2022-04-10T12:00:00Z")).contains("LRR-MK-QRA");
        assertThat(at(zones, 44.3622, 28.4883, 11000, "2022-04-10T12:00:00Z")).doesNotContain("LRR-MK-QRA");
        assertThat(at(zones, 44.3622, 28.4883, 5000, "2022-07-01T12:00:00Z")).doesNotContain("LRR-MK-QRA");
        assertThat(mk).isNotNegative();
    }

    @Test
    void badZonesNameTheZoneAndField() {
        assertThatThrownBy(() ->
                        load("zones:\n  - id: X\n    kind: R\n    lower: FL1O0\n    polygon: [[0,0],[1,0],[1,1]]\n"))
                .isInstanceOf(AirspaceDataException.class)
                .hasMessageContaining("X")
                .hasMessageContaining("lower");
        assertThatThrownBy(() -> load("zones:\n  - id: X\n    kind: Q\n    polygon: [[0,0],[1,0],[1,1]]\n"))
                .hasMessageContaining("kind");
        assertThatThrownBy(() -> load("zones:\n  - id: X\n    kind: R\n")).hasMessageContaining("no area");
        assertThatThrownBy(
                        () -> load(
                                "zones:\n  - id: X\n    kind: R\n    lower: FL200\n    upper: FL100\n    polygon: [[0,0],[1,0],[1,1]]\n"))
                .hasMessageContaining("lower limit above upper");
        assertThatThrownBy(() -> load("zones:\n  - id: X\n    kind: R\n    polygon: [[0,0],[1,0],[1,1]]\n"
                        + "    active: [{from: 2022-01-02T00:00:00Z, to: 2022-01-01T00:00:00Z}]\n"))
                .hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> load("zones:\n  - id: X\n    kind: R\n    national: [BG]\n"))
                .hasMessageContaining("national airspace model");
        assertThatThrownBy(
                        () -> load(
                                "zones:\n  - id: X\n    kind: R\n    polygon: [[0,0],[1,0],[1,1]]\n  - id: X\n    kind: R\n    polygon: [[0,0],[1,0],[1,1]]\n"))
                .hasMessageContaining("duplicate");
    }
}
