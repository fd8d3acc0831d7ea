package org.vigil.server.ident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.core.Callsigns;
import org.vigil.core.ident.Identity;

class AlertServiceTest {
    StringBuilder events;
    IdentStage stage;
    AlertService alerts;
    IdentTestTraffic traffic;
    int track;

    @BeforeEach
    void emergencyOverTheSea() {
        events = new StringBuilder();
        stage = IdentStageTest.stage(events, null);
        alerts = new AlertService(stage);
        traffic = new IdentTestTraffic(stage);
        traffic.fly(0x4BA9C1, Callsigns.pack("THY1TK"), 07700, 0, 60);
        track = traffic.tracker.trackAt(0).trackNumber();
    }

    long alertId(String rule) {
        return alerts.openAlerts().stream()
                .filter(a -> a.get("rule").equals(rule))
                .mapToLong(a -> (Long) a.get("id"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void listsOpenAlertsByPriorityWithEvidence() {
        List<Map<String, Object>> open = alerts.openAlerts();
        assertThat(open).extracting(a -> a.get("rule")).containsExactly("squawk-7700", "no-flight-plan");
        Map<String, Object> a = open.get(0);
        assertThat(a)
                .containsEntry("priority", 2)
                .containsEntry("state", "raised")
                .containsEntry("callsign", "THY1TK")
                .containsEntry("icao", "4BA9C1")
                .containsEntry("squawk", "7700")
                .containsEntry("identity", "unknown");
        assertThat(a.get("evidence").toString()).contains("squawk-7700: squawk 7700");
    }

    @Test
    void lifecycleOnlyForwardWithUserAndDataTime() {
        long id = alertId("squawk-7700");
        assertThat(alerts.acknowledge(id, "sdo-anna").ok()).isTrue();
        assertThat(alerts.acknowledge(id, "sdo-anna").status()).isEqualTo(409);
        assertThat(alerts.assign(id, "sdo-anna", "").status()).isEqualTo(400);
        assertThat(alerts.assign(id, "sdo-anna", "controller-2").ok()).isTrue();
        assertThat(alerts.resolve(id, "sdo-anna", " ").status()).isEqualTo(400);
        assertThat(alerts.resolve(id, "sdo-anna", "emergency handled by ACC").ok())
                .isTrue();
        assertThat(alerts.resolve(id, "sdo-anna", "again").status()).isEqualTo(404);
        assertThat(alerts.acknowledge(999, "sdo-anna").status()).isEqualTo(404);
        assertThat(alerts.acknowledge(alertId("no-flight-plan"), null).status()).isEqualTo(400);
        assertThat(events.toString())
                .contains(
                        "\"type\":\"alert-acknowledged\"",
                        "\"type\":\"alert-assigned\"",
                        "\"assignee\":\"controller-2\"",
                        "\"type\":\"alert-resolved\"",
                        "\"resolution\":\"emergency handled by ACC\"",
                        "\"time\":\"" + org.vigil.core.ident.EventLines.time(stage.now())
                                + "\",\"type\":\"alert-resolved\"");
    }

    @Test
    void overrideNeedsAReasonAndRadioLossRaisesItsAlert() {
        assertThat(alerts.overrideIdentity(track, Identity.HOSTILE, "mcc-boris", "")
                        .status())
                .isEqualTo(400);
        assertThat(alerts.overrideIdentity(track, Identity.NEUTRAL, "mcc-boris", "airliner confirmed by ACC")
                        .ok())
                .isTrue();
        assertThat(alerts.trackIdentity(track))
                .containsEntry("identity", "neutral")
                .containsEntry("by", "operator-override")
                .containsEntry("overrideReason", "airliner confirmed by ACC");
        assertThat(alerts.overrideIdentity(track, null, "mcc-boris", null).ok()).isTrue();
        assertThat(alerts.overrideIdentity(track, null, "mcc-boris", null).status())
                .isEqualTo(409);
        assertThat(alerts.overrideIdentity(4242, Identity.FRIEND, "mcc-boris", "x")
                        .status())
                .isEqualTo(404);

        assertThat(alerts.radioContactLost(track, true, "controller-1").ok()).isTrue();
        assertThat(alerts.openAlerts()).extracting(a -> a.get("rule")).contains("radio-contact-lost");
        assertThat(alerts.noReply(track, 400, "controller-1").ok()).isTrue();
        assertThat(alerts.trackIdentity(track).get("evidence").toString()).contains("no-reply-to-controller");
    }

    @Test
    void routesServeTheQueueAndTakeActions() throws Exception {
        Javalin app =
                Javalin.create(c -> alerts.registerRoutes(c.routes, null, null, ctx -> ctx.header("X-Test-User")));
        app.start(0);
        try {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://localhost:" + app.port();
            ObjectMapper json = new ObjectMapper();
            JsonNode list = json.readTree(http.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/alerts"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            assertThat(list.path("time").asText()).isEqualTo(org.vigil.core.ident.EventLines.time(stage.now()));
            long id = list.path("alerts").get(0).path("id").asLong();
            assertThat(list.path("alerts").get(0).path("rule").asText()).isEqualTo("squawk-7700");

            HttpResponse<String> ack = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/alerts/" + id + "/acknowledge"))
                            .header("X-Test-User", "sdo-anna")
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ack.statusCode()).isEqualTo(200);
            HttpResponse<String> bad = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/tracks/" + track + "/identity"))
                            .header("X-Test-User", "sdo-anna")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"identity\":\"martian\",\"reason\":\"x\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(400);
            HttpResponse<String> ov = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/tracks/" + track + "/identity"))
                            .header("X-Test-User", "sdo-anna")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"identity\":\"suspect\",\"reason\":\"erratic\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ov.statusCode()).isEqualTo(200);
            JsonNode ident = json.readTree(http.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/tracks/" + track + "/identity"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            assertThat(ident.path("identity").asText()).isEqualTo("suspect");
            assertThat(ident.path("overrideBy").asText()).isEqualTo("sdo-anna");
        } finally {
            app.stop();
        }
    }
}
