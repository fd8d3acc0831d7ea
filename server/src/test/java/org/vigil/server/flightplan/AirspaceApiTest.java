package org.vigil.server.flightplan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigil.server.cli.Theatres;
import org.vigil.server.live.LiveServer;

/** {@code GET /api/airspace}: national airspaces with NATO membership at the asked time, and the default zones. */
class AirspaceApiTest {

    @Test
    @Timeout(180)
    void nationalAirspacesOfBulgariaAndRomaniaAndTheDefaultZones() throws Exception {
        try (LiveServer server = new LiveServer(Theatres.builtIn("black-sea-2022"), "127.0.0.1", 0)) {
            int port = server.start();
            long may2022 = Instant.parse("2022-05-01T12:00:00Z").toEpochMilli();
            JsonNode fc = get(port, "/api/airspace?time=" + may2022);
            assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
            assertThat(fc.get("time").asLong()).isEqualTo(may2022);

            Map<String, JsonNode> national = new HashMap<>();
            Map<String, JsonNode> seas = new HashMap<>();
            Map<String, JsonNode> zones = new HashMap<>();
            for (JsonNode f : fc.get("features")) {
                JsonNode p = f.get("properties");
                String type = f.get("geometry").get("type").asText();
                assertThat(type).isIn("Polygon", "MultiPolygon");
                switch (p.get("layer").asText()) {
                    case "national" -> national.put(p.get("iso").asText(), f);
                    case "territorial-sea" -> seas.put(p.get("iso").asText(), f);
                    case "zone" -> zones.put(p.get("id").asText(), f);
                    default -> throw new AssertionError("unknown layer " + p);
                }
            }
            assertThat(national).containsKeys("BG", "RO", "TR", "UA");
            assertThat(seas).containsKeys("BG", "RO");
            assertThat(national.get("BG").get("properties").get("nato").asBoolean())
                    .isTrue();
            assertThat(national.get("RO").get("properties").get("nato").asBoolean())
                    .isTrue();
            assertThat(national.get("UA").get("properties").get("nato").asBoolean())
                    .isFalse();
            assertThat(national.get("BG")
                            .get("properties")
                            .get("territorial_sea_nm")
                            .asDouble())
                    .isEqualTo(12.0);
            // Varna (27.92 E, 43.20 N) lies inside Bulgaria's outline: its bounding box at least
            assertThat(bbox(national.get("BG").get("geometry"))).satisfies(b -> {
                assertThat(b[0]).isLessThan(27.92);
                assertThat(b[2]).isGreaterThan(27.92);
                assertThat(b[1]).isLessThan(43.20);
                assertThat(b[3]).isGreaterThan(43.20);
                // the sea reaches past the coast (about 28.0 E at Varna) by 12 NM, i.e. beyond 28.1 E
                assertThat(b[2]).isGreaterThan(28.1);
            });

            assertThat(zones).containsKeys("CRC-WEST-BLACK-SEA", "ADIZ-BG-RO", "LRR-MK-QRA", "LBD-SHABLA");
            JsonNode mk = zones.get("LRR-MK-QRA").get("properties");
            assertThat(mk.get("kind").asText()).isEqualTo("restricted");
            assertThat(mk.get("lower").asText()).isEqualTo("SFC");
            assertThat(mk.get("upper").asText()).isEqualTo("FL100");
            assertThat(mk.get("active").asBoolean()).isTrue(); // 6 April to 1 June 2022
            assertThat(zones.get("LBD-SHABLA").get("properties").get("active").asBoolean())
                    .isFalse(); // only 20 and 21 April

            // another moment: before Bulgaria and Romania joined (29 March 2004), and the QRA area not active
            JsonNode y2000 = get(
                    port,
                    "/api/airspace?time="
                            + Instant.parse("2000-01-01T00:00:00Z").toEpochMilli());
            Set<String> natoIn2000 = new HashSet<>();
            for (JsonNode f : y2000.get("features")) {
                JsonNode p = f.get("properties");
                if (p.get("layer").asText().equals("national") && p.get("nato").asBoolean())
                    natoIn2000.add(p.get("iso").asText());
                if (p.path("id").asText().equals("LRR-MK-QRA"))
                    assertThat(p.get("active").asBoolean()).isFalse();
            }
            assertThat(natoIn2000).contains("TR", "GR").doesNotContain("BG", "RO");

            // no time asked: the picture's (here: no data yet, so now), answers all the same
            assertThat(get(port, "/api/airspace").get("features").size())
                    .isEqualTo(fc.get("features").size());
        }
    }

    @Test
    void limitsReadAsOnAChart() {
        assertThat(AirspaceLayers.limit(Double.NEGATIVE_INFINITY)).isEqualTo("SFC");
        assertThat(AirspaceLayers.limit(Double.POSITIVE_INFINITY)).isEqualTo("UNL");
        assertThat(AirspaceLayers.limit(10_000)).isEqualTo("FL100");
        assertThat(AirspaceLayers.limit(4_550)).isEqualTo("4550 ft");
    }

    private static double[] bbox(JsonNode geometry) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        walk(geometry.get("coordinates"), b);
        return b;
    }

    private static void walk(JsonNode n, double[] b) {
        if (n.isArray() && n.size() == 2 && n.get(0).isNumber()) {
            b[0] = Math.min(b[0], n.get(0).asDouble());
            b[1] = Math.min(b[1], n.get(1).asDouble());
            b[2] = Math.max(b[2], n.get(0).asDouble());
            b[3] = Math.max(b[3], n.get(1).asDouble());
            return;
        }
        for (JsonNode c : n) walk(c, b);
    }

    private static JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .timeout(Duration.ofSeconds(60))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body());
    }
}
