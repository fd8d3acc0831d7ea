package org.vigil.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import io.javalin.security.RouteRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.server.recording.RecorderConfig;

/**
 * Routes added by a feature: one registered without a role stops the start, one registered with a
 * role that is not Vigil's is refused to everyone (even admin), one registered with a Role gets that
 * role's check, and a write it does not audit itself is audited afterwards. Uses a bare Javalin with
 * {@link Security} configured the way WebServer does.
 */
class SecurityDefaultDenyTest {

    @TempDir
    Path dir;

    Security security;
    Javalin app;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        AuthDatabase db = AuthDatabase.open(RecorderConfig.embedded(dir).effectiveJdbcUrl(), null, null);
        security = Security.open(
                SecurityConfig.defaults()
                        .withEnvironment(Map.of())
                        .withAnnounce(s -> {})
                        .withHasher(AuthFixture.FAST)
                        .withClock(Clock.systemUTC()),
                db);
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            security.configure(cfg, "127.0.0.1", 0);
            cfg.routes.get("/api/foreign", ctx -> ctx.result("leak"), Foreign.ROLE);
            cfg.routes.post(
                    "/api/alerts/{id}/acknowledge",
                    ctx -> ctx.result("acknowledged " + ctx.pathParam("id")),
                    Role.OPERATOR);
            cfg.routes.post("/api/qra/posture", ctx -> ctx.result("posture set"), Role.SUPERVISOR);
        });
        app.start("127.0.0.1", 0);
        security.users().create("boss", Role.ADMIN, AuthFixture.FAST.hash("boss-passphrase-123".toCharArray()), 0);
        security.users().create("op", Role.OPERATOR, AuthFixture.FAST.hash("op-passphrase-12345".toCharArray()), 0);
    }

    @AfterEach
    void stop() throws Exception {
        app.stop();
        security.close();
    }

    /** A route role that is neither Role nor Access, e.g. from a library. */
    enum Foreign implements RouteRole {
        ROLE
    }

    @Test
    void aRouteRegisteredWithoutARoleStopsTheStart() {
        assertThatThrownBy(() -> Javalin.create(cfg -> {
                    security.configure(cfg, "127.0.0.1", 0);
                    cfg.routes.get("/api/unlisted", ctx -> ctx.result("leak"));
                }))
                .hasMessageContaining("GET /api/unlisted was registered without a role");
        assertThatThrownBy(() -> Javalin.create(cfg -> {
                    security.configure(cfg, "127.0.0.1", 0);
                    cfg.routes.ws("/ws/unlisted", ws -> {});
                }))
                .hasMessageContaining("WS /ws/unlisted was registered without a role");
    }

    @Test
    void aRouteWithoutAVigilRoleIsRefusedEvenToAdmin() throws Exception {
        String admin = login("boss", "boss-passphrase-123");
        HttpResponse<String> r = send("GET", "/api/foreign", admin);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).doesNotContain("leak");
        List<String> withoutVigilRole = new ArrayList<>();
        for (Security.Route route : security.routes()) {
            if (!route.roles().contains(Access.PUBLIC) && Security.lowest(route.roles()) == null) {
                withoutVigilRole.add(route.key());
            }
        }
        assertThat(withoutVigilRole).containsExactly("GET /api/foreign");
        assertThat(security.auditTrail().entries(0, 100)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("access.denied");
            assertThat(e.target()).isEqualTo("GET /api/foreign");
            assertThat(e.user()).isEqualTo("boss");
            assertThat(e.outcome()).isEqualTo(Audit.Outcome.DENIED);
        });
    }

    @Test
    void aRouteRegisteredWithARoleIsCheckedForIt() throws Exception {
        String op = login("op", "op-passphrase-12345");
        assertThat(send("POST", "/api/alerts/7/acknowledge", op).body()).isEqualTo("acknowledged 7");
        assertThat(send("POST", "/api/qra/posture", op).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/qra/posture", login("boss", "boss-passphrase-123"))
                        .body())
                .isEqualTo("posture set");
        assertThat(send("POST", "/api/alerts/7/acknowledge", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aWriteTheHandlerDidNotAuditIsAuditedAfterwards() throws Exception {
        String op = login("op", "op-passphrase-12345");
        send("POST", "/api/alerts/42/acknowledge", op);
        assertThat(security.auditTrail().entries(0, 100)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("api.call");
            assertThat(e.target()).isEqualTo("POST /api/alerts/{id}/acknowledge");
            assertThat(e.detail()).contains("/api/alerts/42/acknowledge").contains("status 200");
            assertThat(e.user()).isEqualTo("op");
            assertThat(e.role()).isEqualTo("operator");
            assertThat(e.fromAddress()).isEqualTo("127.0.0.1");
            assertThat(e.outcome()).isEqualTo(Audit.Outcome.SUCCESS);
        });
    }

    private String login(String user, String password) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/auth/login"))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\",\"bearer\":true}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    private HttpResponse<String> send(String method, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
