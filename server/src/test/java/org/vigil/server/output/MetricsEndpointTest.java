package org.vigil.server.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.server.cli.Theatres;
import org.vigil.server.live.LiveServer;
import org.vigil.server.output.metrics.VigilMetrics;
import org.vigil.server.recording.Recorder;
import org.vigil.server.recording.RecorderConfig;
import org.vigil.server.recording.RecordingTap;
import org.vigil.server.sim.LiveSimulation;

/**
 * {@code /metrics} of a recording demo server, scraped over HTTP and parsed by
 * parse-prometheus-text-format (a maintained third-party parser of the Prometheus text format):
 * every family parses, and the values equal what the server's own APIs say.
 */
class MetricsEndpointTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void scrapeParsesAndAgreesWithTheApis() throws Exception {
        NodeTools.require();
        try (Recorder rec = Recorder.open(RecorderConfig.embedded(dir));
                LiveServer server = new LiveServer(
                        Theatres.builtIn("black-sea-2022"), "127.0.0.1", 0, null, new RecordingTap(rec))) {
            VigilMetrics metrics = server.addInput(new VigilMetrics(server));
            LiveSimulation sim = DemoFixture.scenario(server);
            int port = server.start();
            sim.advanceTo(6 * 60);
            server.loop().runAndWait(server.picture()::publish);
            Thread.sleep(1500); // one probe through the queue
            // a console client, to be counted
            var ws = java.net.http.HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .buildAsync(
                            java.net.URI.create("ws://127.0.0.1:" + port + "/ws"),
                            new java.net.http.WebSocket.Listener() {})
                    .get();
            try {
                // the picture publishes on its own (housekeeping): take a scrape between two equal track lists
                String text = null;
                JsonNode tracks = null;
                for (int i = 0; i < 10 && text == null; i++) {
                    JsonNode before = DemoFixture.getJson(port, "/api/tracks");
                    String scraped = DemoFixture.get(port, "/metrics");
                    tracks = DemoFixture.getJson(port, "/api/tracks");
                    if (before.equals(tracks)) text = scraped;
                }
                assertThat(text).as("a scrape while the picture stood still").isNotNull();
                JsonNode families = new ObjectMapper()
                        .readTree(NodeTools.run("prometheus-parse.mjs", text.getBytes(StandardCharsets.UTF_8)));
                Map<String, JsonNode> byName = new HashMap<>();
                for (JsonNode f : families) byName.put(f.get("name").asText(), f);

                int confirmed = 0;
                for (JsonNode t : tracks) if (t.get("status").asText().equals("confirmed")) confirmed++;
                assertThat(confirmed).isGreaterThan(10);
                assertThat(value(byName, "vigil_tracks", "status", "confirmed")).isEqualTo(confirmed);
                assertThat(value(byName, "vigil_tracks", "status", "tentative")).isEqualTo(tracks.size() - confirmed);
                assertThat(byName.get("vigil_tracks").get("type").asText()).isEqualTo("GAUGE");

                JsonNode aircraft = DemoFixture.getJson(port, "/api/aircraft");
                assertThat(value(byName, "vigil_aircraft", null, null)).isEqualTo(aircraft.size());

                var stats = server.picture().snapshot().modeS();
                assertThat(byName.get("vigil_modes_frames_total").get("type").asText())
                        .isEqualTo("COUNTER");
                assertThat(value(byName, "vigil_modes_frames_total", null, null))
                        .isEqualTo((double) stats.frames())
                        .isPositive();
                assertThat(value(byName, "vigil_modes_decoded_frames_total", null, null))
                        .isEqualTo((double) stats.decodedFrames());

                // each feed's frames and every reject reason, labelled
                JsonNode feeds = DemoFixture.getJson(port, "/api/feeds");
                for (JsonNode f : feeds) {
                    String name = f.get("name").asText();
                    assertThat(value(byName, "vigil_feed_frames_total", "feed", name))
                            .as(name)
                            .isEqualTo((double) f.get("frames_accepted").asLong());
                    var reasons = f.get("rejects").fieldNames();
                    while (reasons.hasNext()) {
                        String reason = reasons.next();
                        assertThat(sample(byName, "vigil_feed_rejects_total", Map.of("feed", name, "reason", reason)))
                                .as("%s %s", name, reason)
                                .isNotNull();
                    }
                }
                assertThat(value(byName, "vigil_websocket_clients", null, null)).isEqualTo(1);
                JsonNode latency = byName.get("vigil_ingest_to_picture_seconds");
                assertThat(latency.get("type").asText()).isEqualTo("HISTOGRAM");
                assertThat(latency.get("metrics").get(0).get("count").asLong()).isPositive();
                assertThat(byName)
                        .containsKeys(
                                "vigil_journal_lag",
                                "vigil_events_lag",
                                "vigil_alerts_open",
                                "vigil_picture_data_time_seconds",
                                "vigil_tracks_identity",
                                "vigil_picture_queue_waits_total",
                                "jvm_memory_used_bytes");
                assertThat(value(byName, "vigil_journal_appended_total", null, null))
                        .isPositive();
                assertThat(value(byName, "vigil_picture_data_time_seconds", null, null))
                        .isEqualTo(
                                server.picture().snapshot().latestMessageNanos() / 1e9,
                                org.assertj.core.data.Offset.offset(1.0));
                assertThat(metrics.scrape()).contains("vigil_tracks");

                // the sample Grafana dashboard asks only for families the server exposes (the outputs'
                // own, vigil_output_*, exist when an output is on: OutputMetricsTest)
                String dashboard = java.nio.file.Files.readString(Path.of("../docs/grafana/vigil-dashboard.json"));
                new ObjectMapper().readTree(dashboard); // valid JSON
                var names = java.util.regex.Pattern.compile("\\b(vigil_[a-z_]+?)(_bucket)?\\b")
                        .matcher(dashboard);
                int checked = 0;
                while (names.find()) {
                    String name = names.group(1);
                    if (name.startsWith("vigil_output_") || name.equals("vigil_overview")) continue;
                    assertThat(byName).as("dashboard metric %s", name).containsKey(name);
                    checked++;
                }
                assertThat(checked).isGreaterThan(15);
            } finally {
                ws.abort();
            }
        }
    }

    /** The value of the one sample of {@code family} whose label {@code key} is {@code want} (no label: the only one). */
    private static double value(Map<String, JsonNode> byName, String family, String key, String want) {
        JsonNode s = sample(byName, family, key == null ? Map.of() : Map.of(key, want));
        assertThat(s).as("%s{%s=%s}", family, key, want).isNotNull();
        return Double.parseDouble(s.get("value").asText());
    }

    private static JsonNode sample(Map<String, JsonNode> byName, String family, Map<String, String> labels) {
        JsonNode f = byName.get(family);
        assertThat(f).as(family).isNotNull();
        for (JsonNode m : f.get("metrics")) {
            boolean all = true;
            for (var e : labels.entrySet()) {
                JsonNode l = m.get("labels");
                if (l == null
                        || l.get(e.getKey()) == null
                        || !l.get(e.getKey()).asText().equals(e.getValue())) all = false;
            }
            if (all) return m;
        }
        return null;
    }
}
