package org.vigil.core.airspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import net.sf.geographiclib.Geodesic;
import org.junit.jupiter.api.Test;

/** The start-up readers (YAML subset, JSON) and the projection used for the buffers. */
class AirspaceParsersTest {
    @Test
    @SuppressWarnings("unchecked")
    void yamlSubset() {
        Object root = MiniYaml.parse("""
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
                """);
        Map<?, ?> m = (Map<?, ?>) root;
        assertThat(m.get("a")).isEqualTo(1.0);
        assertThat(m.get("b")).isEqualTo("x # not a comment");
        List<?> c = (List<?>) m.get("c");
        assertThat(c.get(0)).isEqualTo(1.5);
        assertThat((Map<Object, Object>) c.get(1)).containsEntry("k", "v").containsKey("n");
        assertThat(c.get(2)).isEqualTo(List.of(1.0, List.of(2.0, 3.0)));
        assertThat(m.get("d")).isEqualTo(List.of("it's"));
        assertThat((Map<Object, Object>) m.get("e")).containsEntry("from", "2022-04-06T06:00:00Z");
        assertThat(m.get("f")).isEqualTo("NO");
    }

    @Test
    void yamlRejectsWhatItDoesNotSupport() {
        assertThatThrownBy(() -> MiniYaml.parse("a:\n\tb: 1\n")).hasMessageContaining("line 2").hasMessageContaining("tab");
        assertThatThrownBy(() -> MiniYaml.parse("a: [1, 2\n")).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> MiniYaml.parse("a: |\n  text\n")).hasMessageContaining("block scalars");
        assertThatThrownBy(() -> MiniYaml.parse("a: 1\na: 2\n")).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> MiniYaml.parse("a: 1\n   b: 2\n")).isInstanceOf(AirspaceDataException.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void json() {
        Object v = MiniJson.parse("{\"a\": [1, -2.5e1, true, null, \"\\u00e9\\n\"], \"b\": {}}");
        Map<?, ?> m = (Map<?, ?>) v;
        assertThat((List<Object>) m.get("a")).containsExactly(1.0, -25.0, true, null, "é\n");
        assertThatThrownBy(() -> MiniJson.parse("{\"a\": 1,}")).isInstanceOf(AirspaceDataException.class);
        assertThatThrownBy(() -> MiniJson.parse("[1 2]")).hasMessageContaining("offset");
        assertThatThrownBy(() -> MiniJson.parse("[".repeat(1000))).hasMessageContaining("nesting");
        assertThatThrownBy(() -> MiniJson.parse("\"abc")).hasMessageContaining("unterminated");
    }

    @Test
    void projectionRoundTripsAndItsScaleMatchesGeodesics() {
        LambertConformalConic p = LambertConformalConic.BLACK_SEA;
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
        for (double lat = 40.9; lat <= 46.7; lat += 0.1) assertThat(Math.abs(p.scale(lat) - 1)).isLessThan(0.0015);
    }
}
