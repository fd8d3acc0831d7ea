package org.vigil.server.flightplan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.server.auth.AuthDatabase;
import org.vigil.server.auth.PasswordHasher;
import org.vigil.server.auth.Role;
import org.vigil.server.auth.Security;
import org.vigil.server.auth.SecurityConfig;
import org.vigil.server.cli.Theatres;
import org.vigil.server.live.LiveServer;
import org.vigil.server.recording.RecorderConfig;

/** {@code POST /api/flightplans}: valid texts are filed, a bad one is refused whole with the item at fault, observers may not post. */
class FlightPlanApiTest {
    static final String FPL = "(FPL-DLH1234-IS-A320/M-SDE2E3FGHIJ1RWY/LB1-LBSF1200-N0450F350 DCT BALKA UL851 TRAKI DCT"
            + "-LTFM0130 LTBA-DOF/220415 REG/DAIPX CODE/3C6589)";
    static final String FPL2 = "(FPL-WZZ4375-IS-A321/M-SDFGY/S-LROP0900-N0460F360 DCT-EDDF0210-DOF/220415)";
    /** Departure time 25:61: item 13. */
    static final String BAD_13 = "(FPL-BCS11-IS-B752/M-SDFGY/S-LBSF2561-N0450F350 DCT-EDDF0200-DOF/220415)";

    static final String ADMIN_PASSWORD = "flight-plan-admin-passphrase-3";
    static final PasswordHasher FAST = new PasswordHasher(1024, 1, 1);

    @TempDir
    Path dir;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    @Timeout(120)
    void validMessagesAreFiledAndAMalformedTextIsRefusedWholeWithItsItem() throws Exception {
        try (LiveServer server = new LiveServer(Theatres.builtIn("black-sea-2022"), "127.0.0.1", 0)) {
            int port = server.start();
            HttpResponse<String> ok =
                    post(port, null, FPL + "\n" + FPL2 + "\n(DLA-WZZ4375-LROP0930-EDDF-DOF/220415)\n");
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            JsonNode body = new ObjectMapper().readTree(ok.body());
            assertThat(body.get("applied").asInt()).isEqualTo(3);
            assertThat(body.get("results")).hasSize(3);
            assertThat(body.get("results").get(0).get("outcome").asText()).isEqualTo("filed");
            assertThat(body.get("results").get(0).get("flight").asText()).startsWith("DLH1234 LBSF-LTFM");
            assertThat(body.get("results").get(2).get("type").asText()).isEqualTo("DLA");
            assertThat(body.get("results").get(2).get("outcome").asText()).isEqualTo("delayed");
            assertThat(server.loop().call(() -> server.flightPlans().size())).isEqualTo(2);

            // one bad message: 400 naming message and item, and nothing applied, not even the good one
            String goodThenBad = "(FPL-RYR77-IS-B738/M-SDFGY/S-LBWN1000-N0440F330 DCT-EGSS0300-DOF/220415)\n" + BAD_13;
            HttpResponse<String> bad = post(port, null, goodThenBad);
            assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
            JsonNode err = new ObjectMapper().readTree(bad.body());
            assertThat(err.get("errors")).hasSize(1);
            assertThat(err.get("errors").get(0).asText()).startsWith("message 2: item 13: ");
            assertThat(err.get("results").get(0).get("outcome").asText()).isEqualTo("not_applied");
            assertThat(err.get("results").get(1).get("error").asText()).startsWith("item 13: ");
            assertThat(server.loop().call(() -> server.flightPlans().size())).isEqualTo(2);

            HttpResponse<String> empty = post(port, null, "   \n");
            assertThat(empty.statusCode()).isEqualTo(400);
            HttpResponse<String> garbage = post(port, null, "HELLO WORLD");
            assertThat(garbage.statusCode()).isEqualTo(400);
            assertThat(garbage.body()).contains("item 3: ");

            // what was filed is what GET /api/flightplans shows
            HttpResponse<String> list = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/flightplans"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(list.body())
                    .contains("DLH1234")
                    .contains("WZZ4375")
                    .doesNotContain("RYR77")
                    .doesNotContain("BCS11");
        }
    }

    @Test
    @Timeout(120)
    void aPlanWhoseRouteCannotBeExpandedIsFiledAndCounted() throws Exception {
        try (LiveServer server = new LiveServer(Theatres.builtIn("black-sea-2022"), "127.0.0.1", 0)) {
            int port = server.start();
            // Riga to Helsinki expands (all-Europe aerodromes); XXZZ is no aerodrome
            String known = "(FPL-BTI301-IS-BCS3/M-SDFGY/S-EVRA0900-N0430F330 DCT-EFHK0050-DOF/240601)";
            String unknown = "(FPL-BTI302-IS-BCS3/M-SDFGY/S-EVRA0900-N0430F330 DCT-XXZZ0050-DOF/240601)";
            assertThat(post(port, null, known + "\n" + unknown).statusCode()).isEqualTo(200);
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + FlightPlanApi.COUNTERS_PATH))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode c = new ObjectMapper().readTree(r.body());
            assertThat(c.get("active").asInt()).isEqualTo(2);
            assertThat(c.get("outcomes").get("filed").asInt()).isEqualTo(2);
            assertThat(c.get("route_unknown").asInt()).isEqualTo(1);
            assertThat(c.get("route_unknown_active").asInt()).isEqualTo(1);
        }
    }

    @Test
    @Timeout(120)
    void operatorsPostAuditedAndObserversAreRefused() throws Exception {
        AuthDatabase db = AuthDatabase.open(RecorderConfig.embedded(dir).effectiveJdbcUrl(), null, null);
        SecurityConfig cfg = SecurityConfig.defaults()
                .withEnvironment(Map.of(SecurityConfig.ENV_ADMIN_PASSWORD, ADMIN_PASSWORD))
                .withAnnounce(s -> {})
                .withHasher(FAST);
        try (Security security = Security.open(cfg, db);
                LiveServer server = new LiveServer(Theatres.builtIn("black-sea-2022"), "127.0.0.1", 0, security)) {
            security.users()
                    .create(
                            "watch",
                            Role.OBSERVER,
                            FAST.hash("observer-passphrase-1".toCharArray()),
                            System.currentTimeMillis());
            security.users()
                    .create(
                            "op",
                            Role.OPERATOR,
                            FAST.hash("operator-passphrase-1".toCharArray()),
                            System.currentTimeMillis());
            int port = server.start();

            assertThat(post(port, null, FPL).statusCode()).as("no session").isEqualTo(401);
            HttpResponse<String> observer = post(port, login(port, "watch", "observer-passphrase-1"), FPL);
            assertThat(observer.statusCode()).as(observer.body()).isEqualTo(403);
            assertThat(server.loop().call(() -> server.flightPlans().size())).isZero();

            String op = login(port, "op", "operator-passphrase-1");
            HttpResponse<String> filed = post(port, op, FPL);
            assertThat(filed.statusCode()).as(filed.body()).isEqualTo(200);
            assertThat(server.loop().call(() -> server.flightPlans().size())).isEqualTo(1);
            assertThat(post(port, op, BAD_13).statusCode()).isEqualTo(400);
            assertThat(security.auditTrail().entries(0, 1000))
                    .anySatisfy(e -> {
                        assertThat(e.action()).isEqualTo("flightplans-post");
                        assertThat(e.user()).isEqualTo("op");
                        assertThat(e.detail()).contains("1 message");
                    })
                    .anySatisfy(e -> {
                        assertThat(e.action()).isEqualTo("flightplans-post");
                        assertThat(e.detail()).contains("item 13");
                    });
        }
    }

    private String login(int port, String user, String password) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\",\"bearer\":true}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body()).get("token").asText();
    }

    private HttpResponse<String> post(int port, String token, String text) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + FlightPlanApi.PATH))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(text));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
