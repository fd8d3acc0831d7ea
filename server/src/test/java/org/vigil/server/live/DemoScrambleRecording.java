package org.vigil.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.server.live.OperatorStateRestartTest.body;
import static org.vigil.server.live.OperatorStateRestartTest.get;
import static org.vigil.server.live.OperatorStateRestartTest.ok;
import static org.vigil.server.live.OperatorStateRestartTest.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.vigil.core.sim.Scenario;
import org.vigil.server.cli.Theatres;
import org.vigil.server.recording.Recorder;
import org.vigil.server.recording.RecordingTap;
import org.vigil.server.sim.LiveSimulation;

/**
 * A recorded {@code vigil demo} run with a scramble (issue 11 and 16 tests): 14 min of the default
 * scenario; at 7 min the supervisor sets the NL F-35A unit to QRA-5 and an operator proposes it
 * against the first alert's track, the supervisor orders it 30 s later; the fighters launch and get
 * airborne. Every action through the HTTP API, so it is journalled as live.
 */
public final class DemoScrambleRecording {
    public static final String UNIT = "NL-F35-LBPG";
    /** When the readiness change and the proposal were made, seconds after the scenario start. */
    public static final double PROPOSED_S = 7 * 60;

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoScrambleRecording() {}

    /** Records the run into {@code rec}; returns the scramble's id. */
    public static String record(Recorder rec, Scenario sc) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (LiveServer server =
                new LiveServer(Theatres.builtIn("black-sea-2022"), "127.0.0.1", 0, null, new RecordingTap(rec))) {
            LiveSimulation sim = server.addInput(new LiveSimulation(server, sc, 1, false));
            int port = server.start();
            sim.advanceTo(PROPOSED_S);
            JsonNode alerts = get(http, port, "/api/alerts").path("alerts");
            assertThat(alerts.size()).as("alerts open at 7 min").isGreaterThanOrEqualTo(1);
            long alert = alerts.get(0).path("id").asLong();
            int track = alerts.get(0).path("track").asInt();
            // crew in the aircraft: airborne 5 min after the order
            ok(http.send(
                    HttpRequest.newBuilder(URI.create(
                                    "http://127.0.0.1:" + port + "/api/qra/detachments/" + UNIT + "/readiness"))
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(
                                    body("readiness", "QRA-5").toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
            ObjectNode proposal = JSON.createObjectNode()
                    .put("unit", UNIT)
                    .put("track", track)
                    .put("alert", alert);
            String id =
                    ok(post(http, port, "/api/scrambles", proposal)).path("id").asText();
            sim.advanceTo(PROPOSED_S + 30);
            ok(post(http, port, "/api/scrambles/" + id + "/order", JSON.createObjectNode()));
            sim.advanceTo(14 * 60); // launched, airborne, climbing out
            assertThat(get(http, port, "/api/scrambles").toString()).contains("\"callsigns\"");
            return id;
        }
    }
}
