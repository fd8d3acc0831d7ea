package org.vigil.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.radar.RadarSite;
import org.vigil.core.sim.RadarSpec;
import org.vigil.core.sim.Scenario;
import org.vigil.server.cli.Theatres;
import org.vigil.server.recording.EventQuery;
import org.vigil.server.recording.OperatorActionLog;
import org.vigil.server.recording.Recorder;
import org.vigil.server.recording.RecorderConfig;
import org.vigil.server.recording.RecordingTap;
import org.vigil.server.recording.StoredEvent;
import org.vigil.server.replay.Restart;
import org.vigil.server.sim.LiveSimulation;
import org.vigil.server.sim.ScenarioLoader;
import org.vigil.server.sim.SimFeed;

/**
 * Operator state survives a stop (issue 15, item 1): a recording server runs the default scenario,
 * operators acknowledge and assign alerts, override an identity, report radio contact lost, propose
 * two scrambles and order one; the server stops without closing. A second server on the same data
 * directory rebuilds the picture: the console's alerts, the track's identity and the scrambles read
 * through the API are what they were, and every acknowledged action is in the event store exactly once.
 */
class OperatorStateRestartTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void whatTheConsoleShowedIsBackAfterARestart() throws Exception {
        Scenario sc = ScenarioLoader.load("black-sea-2022");
        List<RadarSite> radars = new ArrayList<>();
        for (RadarSpec r : sc.radars()) radars.add(SimFeed.site(r));
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        JsonNode alertsBefore, scramblesBefore, identityBefore;
        int track;
        int actions = 0;
        try (Recorder rec = Recorder.open(RecorderConfig.embedded(dir))) {
            LiveServer server =
                    new LiveServer(Theatres.builtIn("black-sea-2022"), "127.0.0.1", 0, null, new RecordingTap(rec));
            LiveSimulation sim = server.addInput(new LiveSimulation(server, sc, 1, false));
            int port = server.start();
            sim.advanceTo(7 * 60);
            JsonNode alerts = get(http, port, "/api/alerts").path("alerts");
            assertThat(alerts.size()).as("alerts open at 7 min").isGreaterThanOrEqualTo(2);
            long a1 = alerts.get(0).path("id").asLong(),
                    a2 = alerts.get(1).path("id").asLong();
            track = alerts.get(0).path("track").asInt();
            ok(post(http, port, "/api/alerts/" + a1 + "/acknowledge", body("user", "alice")));
            ok(post(http, port, "/api/alerts/" + a2 + "/assign", body("user", "bob", "assignee", "carol")));
            ok(post(
                    http,
                    port,
                    "/api/tracks/" + track + "/identity",
                    body("user", "alice", "identity", "hostile", "reason", "no reply, military squawk")));
            ObjectNode lost = body("user", "alice");
            lost.put("lost", true);
            ok(post(http, port, "/api/tracks/" + track + "/radio-contact", lost));
            actions += 4;
            sim.advanceTo(7 * 60 + 20);
            List<String> units = new ArrayList<>();
            for (JsonNode u : get(http, port, "/api/qra/units"))
                units.add(u.path("id").asText());
            assertThat(units).hasSizeGreaterThanOrEqualTo(2);
            ObjectNode p1 = JSON.createObjectNode()
                    .put("unit", units.get(0))
                    .put("track", track)
                    .put("alert", a1);
            String s1 = ok(post(http, port, "/api/scrambles", p1)).path("id").asText();
            ObjectNode p2 = JSON.createObjectNode().put("unit", units.get(1)).put("track", track);
            String s2 = ok(post(http, port, "/api/scrambles", p2)).path("id").asText();
            ok(post(http, port, "/api/scrambles/" + s1 + "/order", JSON.createObjectNode()));
            actions += 3;
            sim.advanceTo(9 * 60); // the ordered fighters launch and fly
            alertsBefore = get(http, port, "/api/alerts");
            identityBefore = get(http, port, "/api/tracks/" + track + "/identity");
            scramblesBefore = get(http, port, "/api/scrambles");
            assertThat(scramblesBefore.size()).isEqualTo(2);
            assertThat(s2).isNotEqualTo(s1);
            // stopped without closing: nothing flushed beyond what each action's 2xx made durable
            server.web().stop();
        }

        try (Recorder rec = Recorder.open(RecorderConfig.embedded(dir));
                LiveServer server = new LiveServer(
                        Theatres.builtIn("black-sea-2022"), "127.0.0.1", 0, null, new RecordingTap(rec))) {
            Restart.Result r = server.restartFromRecording(radars);
            assertThat(r).isNotNull();
            // as vigil demo: the scenario resumes where the recording ends (not advanced before the reads)
            LiveSimulation sim =
                    server.addInput(new LiveSimulation(server, sc, 1, false, LiveSimulation.recordedInputs(rec.raw())));
            int port = server.start();
            assertThat(get(http, port, "/api/alerts"))
                    .as("alerts with their lifecycle (acknowledged, assigned, by whom)")
                    .isEqualTo(alertsBefore);
            assertThat(alertsBefore.toString()).contains("\"acknowledgedBy\":\"alice\"", "\"assignee\":\"carol\"");
            JsonNode identity = get(http, port, "/api/tracks/" + track + "/identity");
            assertThat(identity).as("identity override and radio contact").isEqualTo(identityBefore);
            assertThat(identity.path("overrideBy").asText()).isEqualTo("alice");
            assertThat(identity.path("radioContactLost").asBoolean()).isTrue();
            // the first step of the resumed scenario launches the ordered fighters again (they were not
            // airborne yet), as the workflow's next tick would have before the stop
            sim.advanceTo(9 * 60 + 1);
            JsonNode scrambles = get(http, port, "/api/scrambles");
            assertThat(view(scrambles)).as("scrambles with their phases").isEqualTo(view(scramblesBefore));
            assertThat(view(scrambles).toString()).contains("phase=proposed", "orderedBy=local");

            Map<String, Integer> rows = new HashMap<>();
            for (StoredEvent e : rec.events().query(EventQuery.all())) {
                if (e.type().startsWith(OperatorActionLog.ROW_PREFIX)) {
                    String ref = JSON.readTree(e.payloadJson()).path("ref").asText();
                    rows.merge(ref, 1, Integer::sum);
                    assertThat(e.actor()).isNotNull();
                }
            }
            assertThat(rows).as("every action's row, once").hasSize(actions);
            assertThat(rows.values()).containsOnly(1);
        }
    }

    /** What the console shows of each scramble (the fighters' live solution is re-solved after a restart). */
    private static List<Map<String, Object>> view(JsonNode scrambles) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode s : scrambles) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            for (String k : List.of(
                    "id", "unit", "track", "alert", "phase", "phases", "proposedBy", "orderedBy", "plan", "callsigns"))
                m.put(k, s.path(k).toString().replace("\"", ""));
            out.add(m);
        }
        return out;
    }

    static ObjectNode body(String... kv) {
        ObjectNode n = JSON.createObjectNode();
        for (int i = 0; i < kv.length; i += 2) n.put(kv[i], kv[i + 1]);
        return n;
    }

    static JsonNode ok(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static JsonNode get(HttpClient http, int port, String path) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return ok(r);
    }

    static HttpResponse<String> post(HttpClient http, int port, String path, JsonNode body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
