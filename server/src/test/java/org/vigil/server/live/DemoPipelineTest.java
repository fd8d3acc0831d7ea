package org.vigil.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigil.core.sim.Scenario;
import org.vigil.server.cli.Theatres;
import org.vigil.server.sim.LiveSimulation;
import org.vigil.server.sim.ScenarioLoader;

/**
 * The demo's whole chain without a browser: the black-sea-2022 scenario's ADS-B frames and radar
 * blocks, decoded by the live pipeline and the radar plot decoder, served as JSON by the web
 * server. What `vigil demo` shows comes this way; here the scenario is advanced by hand.
 */
class DemoPipelineTest {

    @Test
    @Timeout(120)
    void scenarioReachesTheApiAsDecodedAircraftPlotsAndFlightPlans() throws Exception {
        Scenario sc = ScenarioLoader.load("black-sea-2022");
        try (LiveServer server = new LiveServer(Theatres.builtIn("black-sea-2022"), "127.0.0.1", 0)) {
            LiveSimulation sim = server.addInput(new LiveSimulation(server, sc, 1, false));
            int port = server.start();
            // past THY1TK's 7700 at 18 min
            sim.advanceTo(18.5 * 60);
            assertThat(sim.scenarioSeconds()).isEqualTo(18.5 * 60);
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

            JsonNode aircraft = get(http, port, "/api/aircraft");
            assertThat(aircraft.size()).isGreaterThan(30);
            int positioned = 0, named = 0;
            Map<String, JsonNode> byIcao = new HashMap<>();
            for (JsonNode a : aircraft) {
                byIcao.put(a.get("icao").asText(), a);
                if (a.has("lat")) {
                    positioned++;
                    // the scenario's area
                    assertThat(a.get("lat").asDouble()).isBetween(39.5, 48.0);
                    assertThat(a.get("lon").asDouble()).isBetween(21.0, 46.0);
                }
                if (a.has("callsign")) named++;
            }
            assertThat(positioned).isGreaterThan(aircraft.size() * 8 / 10);
            assertThat(named).isGreaterThan(aircraft.size() * 8 / 10);
            assertThat(byIcao).doesNotContainKey("155F01"); // the Il-20 flies without transponder
            JsonNode thy = byIcao.get("4BA9C1");
            assertThat(thy).as("THY1TK on the picture").isNotNull();
            assertThat(thy.get("callsign").asText()).isEqualTo("THY1TK");
            assertThat(thy.get("squawk").asText()).isEqualTo("7700");
            assertThat(thy.get("emergency").asText()).isEqualTo("general");

            var stats = server.loop().call(() -> server.pipeline().stats());
            assertThat(stats.frames()).isGreaterThan(10_000);
            // every simulated frame decodes, once: a copy heard by another receiver is counted, not decoded again
            assertThat(stats.decodedFrames() + stats.copyFrames()).isEqualTo(stats.frames());

            JsonNode plots = get(http, port, "/api/plots");
            assertThat(plots.size()).isGreaterThan(20);
            boolean primaryOnly = false;
            for (JsonNode p : plots) {
                assertThat(p.get("radar").asText()).matches("(10|20)/\\d+");
                // plots are dated on the scenario's day (2022-04-20 UTC)
                assertThat(p.get("time").asLong())
                        .isBetween(sc.startEpochSeconds() * 1000, (sc.startEpochSeconds() + 1200) * 1000);
                if (p.get("type").asText().equals("primary")) primaryOnly = true;
            }
            assertThat(primaryOnly)
                    .as("the dark Il-20 and clutter as primary-only plots")
                    .isTrue();

            JsonNode plans = get(http, port, "/api/flightplans");
            assertThat(plans.size()).isGreaterThan(10);
            boolean rot = false;
            for (JsonNode p : plans) if (p.get("callsign").asText().equals("ROT263")) rot = true;
            assertThat(rot).isTrue();

            JsonNode feeds = get(http, port, "/api/feeds");
            long radarPlots = 0, receiverFrames = 0;
            for (JsonNode f : feeds) {
                assertThat(f.get("kind").asText()).isEqualTo("sim");
                if (f.get("name").asText().startsWith("sim-radar-"))
                    radarPlots += f.get("frames_accepted").asLong();
                if (f.get("name").asText().startsWith("sim-adsb-"))
                    receiverFrames += f.get("frames_accepted").asLong();
            }
            assertThat(feeds.size())
                    .isEqualTo(sc.receivers().size() + sc.radars().size() + 1);
            assertThat(radarPlots)
                    .isEqualTo(server.loop().call(() -> server.radarPlots().plotsSeen()))
                    .isGreaterThan(1000);
            // a frame heard by several receivers counts on each row but reaches the pipeline once
            assertThat(receiverFrames).isGreaterThanOrEqualTo(stats.frames());
        }
    }

    private static JsonNode get(HttpClient http, int port, String path) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body());
    }
}
