package org.vigil.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigil.server.demo.SyntheticTraffic;

/**
 * The demo's whole chain without a browser: synthetic traffic encoded as ADS-B frames, decoded by
 * the live pipeline, served as JSON by the web server. What `vigil demo` shows comes this way.
 */
class DemoPipelineTest {
    private static final long T0 = 1_650_000_000_000_000_000L; // 2022-04-15, simulated time

    @Test
    @Timeout(60)
    void syntheticTrafficReachesTheApiAsDecodedAircraft() throws Exception {
        try (LiveServer server = new LiveServer("127.0.0.1", 0)) {
            SyntheticTraffic traffic = new SyntheticTraffic(7, T0, 40);
            int port = server.start();
            // 30 simulated seconds: every flight sends several even/odd pairs and an identification.
            synchronized (server.deliveryLock()) {
                traffic.advanceTo(T0 + 30_000_000_000L, server.pipeline());
            }
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/aircraft"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode aircraft = new ObjectMapper().readTree(r.body());
            assertThat(aircraft.size()).isEqualTo(40);
            int positioned = 0, named = 0;
            for (JsonNode a : aircraft) {
                if (a.has("lat")) {
                    positioned++;
                    // The demo flies over Bulgaria, Romania and the western Black Sea.
                    assertThat(a.get("lat").asDouble()).isBetween(39.0, 48.0);
                    assertThat(a.get("lon").asDouble()).isBetween(20.0, 36.0);
                    assertThat(a.get("trail").size()).isGreaterThan(1);
                }
                if (a.has("callsign")) named++;
            }
            assertThat(positioned).isEqualTo(40);
            assertThat(named).isGreaterThanOrEqualTo(39); // one flight has no callsign on purpose

            ModeSPipelineStats stats = ModeSPipelineStats.of(server);
            assertThat(stats.frames).isEqualTo(traffic.framesEmitted());
            assertThat(stats.decoded).isEqualTo(stats.frames); // every frame the encoder makes decodes
        }
    }

    /** The two counters this test needs, read under the lock. */
    private record ModeSPipelineStats(long frames, long decoded) {
        static ModeSPipelineStats of(LiveServer s) {
            var st = s.pipeline().stats();
            return new ModeSPipelineStats(st.frames(), st.decodedFrames());
        }
    }
}
