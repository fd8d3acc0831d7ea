package org.vigil.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.sim.Scenario;
import org.vigil.server.auth.AuditEntry;
import org.vigil.server.auth.AuthDatabase;
import org.vigil.server.auth.PasswordHasher;
import org.vigil.server.auth.Security;
import org.vigil.server.auth.SecurityConfig;
import org.vigil.server.cli.Theatres;
import org.vigil.server.recording.RecorderConfig;
import org.vigil.server.sim.LiveSimulation;
import org.vigil.server.sim.ScenarioLoader;

/**
 * What `vigil demo` serves with security on: identification runs live (tracks carry their STANAG
 * 1241 identity, alerts are raised on the scripted events), every API route needs a session, and
 * an operator's alert action is in the audit trail with the picture's data time.
 */
class LiveIdentSecurityTest {
    static final String PASSWORD = "demo-admin-passphrase-7";

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void identifiedTracksAndAuditedAlertActionsBehindSignIn() throws Exception {
        Scenario sc = ScenarioLoader.load("black-sea-2022");
        AuthDatabase db = AuthDatabase.open(RecorderConfig.embedded(dir).effectiveJdbcUrl(), null, null);
        SecurityConfig cfg = SecurityConfig.defaults()
                .withEnvironment(Map.of(SecurityConfig.ENV_ADMIN_PASSWORD, PASSWORD))
                .withAnnounce(s -> {})
                .withHasher(new PasswordHasher(1024, 1, 1));
        try (Security security = Security.open(cfg, db);
                LiveServer server = new LiveServer(Theatres.builtIn("black-sea-2022"), "127.0.0.1", 0, security)) {
            LiveSimulation sim = server.addInput(new LiveSimulation(server, sc, 1, false));
            int port = server.start();
            sim.advanceTo(7 * 60); // past WZZ4375's spoofing at 6 min
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

            for (String path : List.of("/api/tracks", "/api/alerts", "/api/aircraft")) {
                assertThat(send(http, port, "GET", path, null, null).statusCode())
                        .as(path + " without a session")
                        .isEqualTo(401);
            }
            assertThat(send(http, port, "GET", "/api/health", null, null).statusCode())
                    .isEqualTo(200);

            HttpResponse<String> login = send(
                    http,
                    port,
                    "POST",
                    "/api/auth/login",
                    null,
                    "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\",\"bearer\":true}");
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            String token =
                    new ObjectMapper().readTree(login.body()).get("token").asText();

            JsonNode tracks = json(send(http, port, "GET", "/api/tracks", token, null));
            assertThat(tracks.size()).isGreaterThan(20);
            Set<String> identities = new HashSet<>();
            for (JsonNode t : tracks) identities.add(t.path("identity").asText("none"));
            assertThat(identities)
                    .as("identities on the confirmed tracks")
                    .contains("neutral")
                    .doesNotContain("none");

            JsonNode alerts =
                    json(send(http, port, "GET", "/api/alerts", token, null)).get("alerts");
            Set<String> rules = new HashSet<>();
            for (JsonNode a : alerts) rules.add(a.get("rule").asText());
            assertThat(rules).contains("no-transponder", "adsb-radar-mismatch");

            long id = alerts.get(0).get("id").asLong();
            HttpResponse<String> ack = send(http, port, "POST", "/api/alerts/" + id + "/acknowledge", token, "{}");
            assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
            List<AuditEntry> trail = security.auditTrail().entries(0, 1000);
            assertThat(trail).anySatisfy(e -> {
                assertThat(e.action()).isEqualTo("alert-acknowledge");
                assertThat(e.target()).isEqualTo("alert " + id);
                assertThat(e.user()).isEqualTo("admin");
                assertThat(e.dataTimeNanos())
                        .isBetween(
                                sc.startEpochSeconds() * 1_000_000_000L,
                                (sc.startEpochSeconds() + 7 * 60 + 1) * 1_000_000_000L);
            });
            JsonNode after =
                    json(send(http, port, "GET", "/api/alerts", token, null)).get("alerts");
            assertThat(after).anySatisfy(a -> {
                assertThat(a.get("id").asLong()).isEqualTo(id);
                assertThat(a.get("state").asText()).isEqualTo("acknowledged");
                assertThat(a.get("acknowledgedBy").asText()).isEqualTo("admin");
            });
        }
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body());
    }

    private static HttpResponse<String> send(
            HttpClient http, int port, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
