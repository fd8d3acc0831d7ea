package org.vigil.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The security test, table-driven over every route the web server registered (as Javalin
 * reported them): a route added without an access rule fails here; every non-public route refuses
 * a caller without a session; each role is refused exactly what its rank does not include.
 */
class SecurityRoutesTest {

    @TempDir
    Path dir;
    AuthFixture f;
    final Map<Role, String> passwords = new EnumMap<>(Role.class);

    @BeforeEach
    void start() throws Exception {
        f = AuthFixture.withAdmin(dir);
        for (Role r : Role.values()) {
            passwords.put(r, "pass-of-" + r.wireName() + "-9!xyz");
            f.addUser("u-" + r.wireName(), r, passwords.get(r));
        }
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    private List<RegisteredRoutes.Route> routes() {
        return f.security.routes().all();
    }

    /** A concrete request path for a route pattern ({param} filled with a name that exists nowhere). */
    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{[^}]+}", "nobody").replaceAll("<[^>]+>", "nobody").replace("*", "x");
    }

    @Test
    void everyRegisteredRouteHasAnAccessRule() {
        assertThat(routes()).extracting(RegisteredRoutes.Route::key)
                .contains("GET /api/aircraft", "GET /api/health", "WS /ws", "POST /api/users", "GET /api/me");
        List<String> missing = new ArrayList<>();
        for (RegisteredRoutes.Route r : routes()) {
            if (f.security.ruleFor(r) == null) {
                missing.add(r.key());
            }
        }
        assertThat(missing).as("routes with no entry in AccessPolicy.standard() and no Role at registration: "
                + "add them there (they are refused to everyone until then)").isEmpty();
    }

    @Test
    void everyNonPublicEndpointRefusesWithoutASession() throws Exception {
        int checked = 0;
        for (RegisteredRoutes.Route r : routes()) {
            AccessPolicy.Rule rule = f.security.ruleFor(r);
            if (rule != null && rule.open()) {
                continue;
            }
            String path = concrete(r.path());
            if (r.method().equals("WS")) {
                assertThat(wsStatus(path, null, null)).as(r.key()).isEqualTo(401);
                assertThat(wsStatus(path, "not-a-session-token", null)).as(r.key()).isEqualTo(401);
            } else {
                assertThat(f.send(r.method(), path, (String) null, "{}").statusCode()).as(r.key()).isEqualTo(401);
                assertThat(f.send(r.method(), path, "not-a-session-token", "{}").statusCode()).as(r.key())
                        .isEqualTo(401);
                assertThat(f.send(r.method(), path, Map.of("Cookie", "vigil_session=forged"), "{}").statusCode())
                        .as(r.key()).isEqualTo(401);
            }
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(14);
        // Unknown API paths tell nothing without a session either.
        assertThat(f.send("GET", "/api/no-such-thing", (String) null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void publicRoutesAnswerWithoutASession() throws Exception {
        assertThat(f.send("GET", "/api/health", (String) null, null).statusCode()).isEqualTo(200);
        assertThat(f.send("GET", "/api/auth/setup", (String) null, null).body()).contains("\"open\":false");
        // The console's static files (or the "not built" notice) load without a session: the login page is one.
        assertThat(f.send("GET", "/", (String) null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void eachRoleIsRefusedWhatItMayNotDoAndAllowedTheRest() throws Exception {
        int refusals = 0;
        int allowed = 0;
        for (RegisteredRoutes.Route r : routes()) {
            AccessPolicy.Rule rule = f.security.ruleFor(r);
            if (rule == null || rule.open()) {
                continue;
            }
            String path = concrete(r.path());
            for (Role role : Role.values()) {
                // A fresh session each time: some routes (logout, password change) end the caller's session.
                String token = f.login("u-" + role.wireName(), passwords.get(role));
                long forbiddenBefore = f.security.refusedForbidden();
                long unauthBefore = f.security.refusedUnauthenticated();
                String body = "";
                int status;
                if (r.method().equals("WS")) {
                    status = wsStatus(path, token, null);
                } else {
                    HttpResponse<String> resp = f.send(r.method(), path, token, "{}");
                    status = resp.statusCode();
                    body = resp.body();
                }
                String what = role.wireName() + " on " + r.key() + " (needs " + rule + ")";
                assertThat(f.security.refusedUnauthenticated()).as(what).isEqualTo(unauthBefore);
                if (role.includes(rule.role())) {
                    assertThat(f.security.refusedForbidden()).as(what + " must be allowed").isEqualTo(forbiddenBefore);
                    // The handler itself may still say no (403 "current password wrong"), never the access check.
                    assertThat(status).as(what).isNotEqualTo(401);
                    assertThat(body).as(what).doesNotContain("not allowed for role");
                    allowed++;
                } else {
                    assertThat(status).as(what + " must be refused").isEqualTo(403);
                    assertThat(f.security.refusedForbidden()).as(what).isEqualTo(forbiddenBefore + 1);
                    refusals++;
                }
            }
        }
        assertThat(refusals).isGreaterThanOrEqualTo(17);
        assertThat(allowed).isGreaterThanOrEqualTo(39);
    }

    @Test
    void theHierarchyIsALadder() {
        assertThat(Role.ADMIN.includes(Role.SUPERVISOR)).isTrue();
        assertThat(Role.SUPERVISOR.includes(Role.OPERATOR)).isTrue();
        assertThat(Role.OPERATOR.includes(Role.OBSERVER)).isTrue();
        assertThat(Role.OBSERVER.includes(Role.OPERATOR)).isFalse();
        assertThat(Role.OPERATOR.includes(Role.SUPERVISOR)).isFalse();
        assertThat(Role.SUPERVISOR.includes(Role.ADMIN)).isFalse();
    }

    @Test
    void crossSiteWritesAndWebSocketsAreRefused() throws Exception {
        String token = f.login("admin", AuthFixture.ADMIN_PASSWORD);
        HttpResponse<String> r = f.send("POST", "/api/users",
                Map.of("Cookie", "vigil_session=" + token, "Origin", "http://evil.example"),
                "{\"username\":\"mallory\",\"role\":\"admin\",\"password\":\"mallory-is-admin-now\"}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(f.security.users().user("mallory")).isNull();
        // Same request from the console's own origin goes through.
        r = f.send("POST", "/api/users", Map.of("Cookie", "vigil_session=" + token,
                        "Origin", "http://127.0.0.1:" + f.port),
                "{\"username\":\"alice\",\"role\":\"operator\",\"password\":\"alice-long-passphrase\"}");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(wsStatus("/ws", token, "http://evil.example")).isEqualTo(403);
        assertThat(wsStatus("/ws", token, "http://127.0.0.1:" + f.port)).isEqualTo(101);
    }

    /** 101 when the upgrade succeeded, else the refusal's status. */
    private int wsStatus(String path, String token, String origin) {
        WebSocket.Builder b = f.http.newWebSocketBuilder();
        if (token != null) {
            b.header("Cookie", "vigil_session=" + token);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        try {
            WebSocket ws = b.buildAsync(URI.create("ws://127.0.0.1:" + f.port + path), new WebSocket.Listener() {
            }).get(10, TimeUnit.SECONDS);
            ws.abort();
            return 101;
        } catch (java.util.concurrent.ExecutionException | CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw new AssertionError("WebSocket " + path + " failed oddly", e);
        } catch (Exception e) {
            throw new AssertionError("WebSocket " + path + " failed oddly", e);
        }
    }
}
