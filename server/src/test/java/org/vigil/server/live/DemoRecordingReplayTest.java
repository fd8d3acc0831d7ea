package org.vigil.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.server.live.OperatorStateRestartTest.body;
import static org.vigil.server.live.OperatorStateRestartTest.get;
import static org.vigil.server.live.OperatorStateRestartTest.ok;
import static org.vigil.server.live.OperatorStateRestartTest.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.event.EventCodec;
import org.vigil.core.radar.RadarSite;
import org.vigil.core.sim.RadarSpec;
import org.vigil.core.sim.Scenario;
import org.vigil.server.cli.Theatres;
import org.vigil.server.picture.Picture;
import org.vigil.server.recording.Recorder;
import org.vigil.server.recording.RecorderConfig;
import org.vigil.server.recording.RecordingTap;
import org.vigil.server.recording.StoredEvent;
import org.vigil.server.replay.PictureSinks;
import org.vigil.server.replay.RecordedFighters;
import org.vigil.server.replay.Replayer;
import org.vigil.server.sim.LiveSimulation;
import org.vigil.server.sim.ScenarioLoader;
import org.vigil.server.sim.SimFeed;

/**
 * Issue 11: the simulator is a recorded input. A {@code vigil demo} run (the default scenario,
 * recording) in which an operator proposes and a supervisor orders a scramble against the first
 * alert's track; the fighters launch, get airborne and fly. The recording replayed into a fresh
 * picture — the simulation's steps and its fighters' answers from the journal, the operators'
 * actions carried out again where they took effect — gives the live run's events byte for byte,
 * the scramble lifecycle included. Control: the same replay without the fighters' answers does not.
 */
class DemoRecordingReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNIT = "NL-F35-LBPG";

    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void aReplayOfADemoRecordingGivesItsEventsScramblesIncluded() throws Exception {
        Scenario sc = ScenarioLoader.load("black-sea-2022");
        List<RadarSite> radars = new ArrayList<>();
        for (RadarSpec r : sc.radars()) radars.add(SimFeed.site(r));
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (Recorder rec = Recorder.open(RecorderConfig.embedded(dir))) {
            try (LiveServer server =
                    new LiveServer(Theatres.builtIn("black-sea-2022"), "127.0.0.1", 0, null, new RecordingTap(rec))) {
                LiveSimulation sim = server.addInput(new LiveSimulation(server, sc, 1, false));
                int port = server.start();
                sim.advanceTo(7 * 60);
                JsonNode alerts = get(http, port, "/api/alerts").path("alerts");
                assertThat(alerts.size()).as("alerts open at 7 min").isGreaterThanOrEqualTo(1);
                long alert = alerts.get(0).path("id").asLong();
                int track = alerts.get(0).path("track").asInt();
                // crew in the aircraft: airborne 5 min after the order
                ok(http.send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        "http://127.0.0.1:" + port + "/api/qra/detachments/" + UNIT + "/readiness"))
                                .header("Content-Type", "application/json")
                                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                                        body("readiness", "QRA-5").toString()))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()));
                ObjectNode proposal = JSON.createObjectNode()
                        .put("unit", UNIT)
                        .put("track", track)
                        .put("alert", alert);
                String id = ok(post(http, port, "/api/scrambles", proposal))
                        .path("id")
                        .asText();
                sim.advanceTo(7 * 60 + 30);
                ok(post(http, port, "/api/scrambles/" + id + "/order", JSON.createObjectNode()));
                sim.advanceTo(14 * 60); // launched, airborne, climbing out
                JsonNode scrambles = get(http, port, "/api/scrambles");
                assertThat(scrambles.toString()).contains("\"callsigns\"");
            }
            rec.sync();
            List<String> live = new ArrayList<>();
            for (StoredEvent e : FeedStopsTest.all(rec)) if (e.actor() == null) live.add(e.payloadJson());
            assertThat(live).anyMatch(l -> l.contains("\"type\":\"scramble.ordered\""));
            assertThat(live)
                    .as("the fighters got airborne, with the callsigns the simulation gave them")
                    .anyMatch(l -> l.contains("\"type\":\"scramble.phase\"")
                            && l.contains("\"phase\":\"airborne\"")
                            && l.contains("\"callsigns\""));

            List<String> replayed = replay(rec, radars, true);
            assertThat(replayed).hasSameSizeAs(live);
            for (int i = 0; i < live.size(); i++)
                assertThat(replayed.get(i)).as("event %d", i).isEqualTo(live.get(i));

            // control: without the recorded answers the workflow never sees its fighters
            assertThat(replay(rec, radars, false)).isNotEqualTo(live);
        }
    }

    /** The recording replayed into a fresh picture, with or without the simulated fighters' recorded answers. */
    private static List<String> replay(Recorder rec, List<RadarSite> radars, boolean answers) throws Exception {
        List<String> replayed = new ArrayList<>();
        Picture fresh = Picture.builder(Theatres.builtIn("black-sea-2022"))
                .events(e -> replayed.add(EventCodec.encode(e)))
                .build();
        RecordedFighters fighters = new RecordedFighters();
        var sinks = (answers ? PictureSinks.withRecordedFighters(fresh, fighters) : PictureSinks.of(fresh))
                .withActions(new OperatorActionReplay(fresh, rec));
        Replayer.Summary s = Replayer.recording(rec.raw(), radars, Long.MIN_VALUE, Long.MAX_VALUE, sinks);
        fresh.flushEvents();
        assertThat(s.items("simulation-steps")).isGreaterThan(800);
        assertThat(s.items("fighter-answers")).isGreaterThan(100);
        if (answers) {
            assertThat(fighters.unanswered())
                    .as("questions without a recorded answer")
                    .isZero();
            assertThat(fighters.unasked())
                    .as("recorded answers nobody asked for")
                    .isZero();
        }
        return replayed;
    }
}
