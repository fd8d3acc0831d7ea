package org.vigil.core.airspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.sf.geographiclib.Geodesic;
import org.junit.jupiter.api.Test;

/** The start-up readers (Jackson YAML and JSON into plain trees) and the projection used for the buffers. */
class AirspaceParsersTest {
    private static Object yaml(String text) throws IOException {
        return AirspaceFiles.readYaml(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test file");
    }

    private static Object json(String text) throws IOException {
        return AirspaceFiles.readJson(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test file");
    }

    @Test
    @SuppressWarnings("unchecked")
    void yamlTrees() throws IOException {
        Object root = yaml("""
                # comment
                a: 1
                b: "x # not a comment"
                c:
                  - 1.5
                  - k: v
                    n: null
                  - [1, [2, 3]]
                d:
                - 'it''s'
                e: {from: 2022-04-06T06:00:00Z, to: x}
                f: NO
                g: [BG, NO, ON, y]
                """);
        Map<?, ?> m = (Map<?, ?>) root;
        assertThat(m.get("a")).isEqualTo(1);
        assertThat(m.get("b")).isEqualTo("x # not a comment");
        List<?> c = (List<?>) m.get("c");
        assertThat(c.get(0)).isEqualTo(1.5);
        assertThat((Map<Object, Object>) c.get(1)).containsEntry("k", "v").containsKey("n");
        assertThat(((Map<Object, Object>) c.get(1)).get("n")).isNull();
        assertThat(c.get(2)).isEqualTo(List.of(1, List.of(2, 3)));
        assertThat(m.get("d")).isEqualTo(List.of("it's"));
        assertThat((Map<Object, Object>) m.get("e")).containsEntry("from", "2022-04-06T06:00:00Z");
        // YAML 1.1 booleans would turn Norway into false: words stay strings
        assertThat(m.get("f")).isEqualTo("NO");
        assertThat(m.get("g")).isEqualTo(List.of("BG", "NO", "ON", "y"));
        assertThat(yaml("")).isNull();
    }

    @Test
    void yamlErrorsNameTheFileAndPosition() {
        assertThatThrownBy(() -> yaml("a:\n\tb: 1\n"))
                .isInstanceOf(AirspaceDataException.class)
                .hasMessageStartingWith("test file: YAML line 2");
        assertThatThrownBy(() -> yaml("a: [1, 2\n"))
                .isInstanceOf(AirspaceDataException.class)
                .hasMessageContaining("YAML line");
        assertThatThrownBy(() -> yaml("a: 1\na: 2\n"))
                .hasMessageContaining("line 2")
                .hasMessageContaining("uplicate");
        assertThatThrownBy(() -> yaml("a: 1\n   b: 2\n"))
                .isInstanceOf(AirspaceDataException.class)
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> yaml("a: 1\n---\nb: 2\n"))
                .isInstanceOf(AirspaceDataException.class)
                .hasMessageContaining("after the first document");
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonTrees() throws IOException {
        Object v = json("{\"a\": [1, -2.5e1, true, null, \"\\u00e9\\n\"], \"b\": {}}");
        Map<?, ?> m = (Map<?, ?>) v;
        assertThat((List<Object>) m.get("a")).containsExactly(1, -25.0, true, null, "é\n");
        assertThat(m.get("b")).isEqualTo(Map.of());
        assertThatThrownBy(() -> json("{\"a\": 1,}")).isInstanceOf(AirspaceDataException.class);
        assertThatThrownBy(() -> json("[1,\n 2 3]")).hasMessageStartingWith("test file: JSON line 2 column 4");
        assertThatThrownBy(() -> json("[".repeat(1000))).hasMessageContaining("nesting");
        assertThatThrownBy(() -> json("\"abc"))
                .isInstanceOf(AirspaceDataException.class)
                .hasMessageContaining("end-of-input");
        assertThatThrownBy(() -> json("{\"a\": 1, \"a\": 2}")).hasMessageContaining("uplicate");
        assertThatThrownBy(() -> json("{} []")).hasMessageContaining("after the first value");
    }

    @Test
    void zoneFileSyntaxErrorsNameTheFileAndLine() {
        String zones = """
                zones:
                  - id: A
                    kind: R
                    circle: {centre: [28.5, 44.3], radiusNm: 5
                  - id: B
                """;
        assertThatThrownBy(() ->
                        ZoneLoader.fromYaml(new ByteArrayInputStream(zones.getBytes(StandardCharsets.UTF_8)), null))
                .isInstanceOf(AirspaceDataException.class)
                .hasMessageStartingWith("zones file: YAML line ");
        assertThatThrownBy(() -> ZoneLoader.fromGeoJson(
                        new ByteArrayInputStream("{\"type\": ".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(AirspaceDataException.class)
                .hasMessageStartingWith("zones GeoJSON: JSON line 1");
    }

    @Test
    void aRegionsProjectionHasItsParallelsAQuarterInFromItsEdges() {
        // lon 20-45 E, lat 38-50 N: parallels 41 and 47 N, origin 44 N 32.5 E
        LambertConformalConic p = LambertConformalConic.forRegion(BlackSeaTestAirspace.REGION);
        LambertConformalConic q = new LambertConformalConic(41, 47, 44, 32.5);
        for (double[] ll : new double[][] {{38, 20}, {44, 32.5}, {50, 45}, {41, 28}}) {
            assertThat(p.x(ll[0], ll[1])).isEqualTo(q.x(ll[0], ll[1]));
            assertThat(p.y(ll[0], ll[1])).isEqualTo(q.y(ll[0], ll[1]));
        }
        assertThat(p.scale(41)).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(p.scale(47)).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-12));
        // a flat region (a single coast line of latitude) still projects
        LambertConformalConic flat =
                LambertConformalConic.forRegion(new org.locationtech.jts.geom.Envelope(10, 12, 55, 55));
        assertThat(flat.scale(55)).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void projectionRoundTripsAndItsScaleMatchesGeodesics() {
        LambertConformalConic p = LambertConformalConic.forRegion(BlackSeaTestAirspace.REGION);
        for (double lat = 38; lat <= 50; lat += 1.5) {
            for (double lon = 20; lon <= 45; lon += 2.5) {
                double x = p.x(lat, lon), y = p.y(lat, lon);
                assertThat(p.latDeg(x, y)).isCloseTo(lat, org.assertj.core.data.Offset.offset(1e-9));
                assertThat(p.lonDeg(x, y)).isCloseTo(lon, org.assertj.core.data.Offset.offset(1e-9));
                // a 22.2 km step east: projected length / true length == scale factor
                var d = Geodesic.WGS84.Direct(lat, lon, 90, 22_224);
                double projected = Math.hypot(p.x(d.lat2, d.lon2) - x, p.y(d.lat2, d.lon2) - y);
                assertThat(projected / 22_224).isCloseTo(p.scale(lat), org.assertj.core.data.Offset.offset(2e-5));
            }
        }
        // along the Black Sea coasts the scale stays within 0.15 % of 1
        for (double lat = 40.9; lat <= 46.7; lat += 0.1)
            assertThat(Math.abs(p.scale(lat) - 1)).isLessThan(0.0015);
    }
}
