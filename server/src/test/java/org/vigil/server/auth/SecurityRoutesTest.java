package org.vigil.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.security.RouteRole;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.server.live.LiveServer;
import org.vigil.server.recording.RecorderConfig;
import org.vigil.server.web.WebServer;

/**
 * The security test, table-driven over every route the web server registered (as Javalin
 * reported them) against the reviewed access table below: a route registered with another role than
 * the table's, or missing from the table, fails here; every non-public route refuses a caller without
 * a session; each role is refused exactly what its rank does not include.
 */
class SecurityRoutesTest {

    /**
     * Who may call each route: {@link Access#PUBLIC} or the lowest {@link Role}. The routes declare
     * their role at registration; this table is the reviewed copy they are checked against, so a
     * change of a route's role is a change here too. Keys are "METHOD /path" as registered.
     */
    static final Map<String, RouteRole> TABLE = new LinkedHashMap<>();

    static {
        // Public: the console shell, health for monitoring, and the way in.
        TABLE.put("GET /", Access.PUBLIC); // the "console not built" notice
        TABLE.put("GET /api/health", Access.PUBLIC);
        TABLE.put("POST /api/auth/login", Access.PUBLIC);
        TABLE.put("GET /api/auth/setup", Access.PUBLIC);
        TABLE.put("POST /api/auth/setup", Access.PUBLIC);
        // Any signed-in user: their own session.
        TABLE.put("POST /api/auth/logout", Role.OBSERVER);
        TABLE.put("GET /api/me", Role.OBSERVER);
        TABLE.put("POST /api/me/password", Role.OBSERVER);
        // The air picture: read.
        TABLE.put("GET /api/aircraft", Role.OBSERVER);
        TABLE.put("GET /api/aircraft/{icao}", Role.OBSERVER);
        TABLE.put("GET /api/aircraft/{icao}/trail", Role.OBSERVER);
        TABLE.put("GET /api/interference", Role.OBSERVER);
        TABLE.put("GET /api/interference/history", Role.OBSERVER);
        TABLE.put("GET /api/interference/aircraft/{icao}", Role.OBSERVER);
        TABLE.put("GET /api/interference/alerts", Role.OBSERVER);
        TABLE.put("GET /api/qra/divert", Role.OBSERVER);
        TABLE.put("GET /api/qra/responsiveness/weekly", Role.OBSERVER); // posture by date, per week
        TABLE.put("GET /api/plots", Role.OBSERVER);
        TABLE.put("GET /api/flightplans", Role.OBSERVER);
        TABLE.put("POST /api/flightplans", Role.OPERATOR); // file, change, cancel plans (ATS text), audited
        TABLE.put("GET /api/flightplans/counters", Role.OBSERVER); // message outcomes, plans whose route is unknown
        TABLE.put("GET /api/airspace", Role.OBSERVER); // national airspaces and zones, GeoJSON
        TABLE.put("GET /api/theatre", Role.OBSERVER); // the theatre's name and area of interest (docs/THEATRES.md)
        TABLE.put("GET /api/theatre/firs", Role.OBSERVER); // the theatre's FIR boundaries for the console's FIR layer
        TABLE.put("GET /api/coverage", Role.OBSERVER); // where each sensor delivered lately, GeoJSON
        TABLE.put("GET /api/tracks", Role.OBSERVER);
        TABLE.put("GET /api/tracks/{number}", Role.OBSERVER); // one system track with its trail (trails on demand)
        TABLE.put("GET /api/tracks/{number}/history", Role.OBSERVER); // identity changes, rules, alerts with times
        TABLE.put("GET /api/feeds", Role.OBSERVER);
        TABLE.put("GET /api/sites", Role.OBSERVER); // radars and receivers with position and range: range rings
        TABLE.put("WS /ws", Role.OBSERVER);
        // Alerts and identification: read, and the operator's actions.
        TABLE.put("GET /api/alerts", Role.OBSERVER);
        TABLE.put("GET /api/tracks/{track}/identity", Role.OBSERVER);
        TABLE.put("POST /api/alerts/{id}/acknowledge", Role.OPERATOR);
        TABLE.put("POST /api/alerts/{id}/assign", Role.OPERATOR);
        TABLE.put("POST /api/alerts/{id}/resolve", Role.OPERATOR);
        TABLE.put("POST /api/tracks/{track}/identity", Role.OPERATOR); // override, with a reason
        TABLE.put("DELETE /api/tracks/{track}/identity", Role.OPERATOR); // end the override
        TABLE.put("POST /api/tracks/{track}/radio-contact", Role.OPERATOR);
        TABLE.put("POST /api/tracks/{track}/no-reply", Role.OPERATOR);
        // Scrambles and QRA posture: everyone on watch sees them, an operator proposes, a supervisor
        // orders, re-tasks, cancels, enters the outcome and changes the posture.
        TABLE.put("GET /api/qra/posture", Role.OBSERVER);
        TABLE.put("GET /api/qra/units", Role.OBSERVER);
        TABLE.put("GET /api/qra/recommendation", Role.OBSERVER);
        TABLE.put("GET /api/qra/responsiveness", Role.OBSERVER);
        TABLE.put("POST /api/qra/responsiveness", Role.OBSERVER); // a what-if: computes, changes nothing
        TABLE.put("GET /api/scrambles", Role.OBSERVER);
        TABLE.put("GET /api/scrambles/{id}", Role.OBSERVER);
        TABLE.put("POST /api/scrambles", Role.OPERATOR); // propose
        TABLE.put("POST /api/scrambles/{id}/order", Role.SUPERVISOR); // Alpha scramble
        TABLE.put("POST /api/scrambles/{id}/retask", Role.SUPERVISOR);
        TABLE.put("POST /api/scrambles/{id}/cancel", Role.SUPERVISOR);
        TABLE.put("POST /api/scrambles/{id}/rtb", Role.SUPERVISOR);
        TABLE.put("POST /api/scrambles/{id}/handover", Role.SUPERVISOR);
        TABLE.put("POST /api/scrambles/{id}/visual-id", Role.OPERATOR);
        TABLE.put("POST /api/scrambles/{id}/outcome", Role.SUPERVISOR);
        TABLE.put("POST /api/qra/detachments", Role.SUPERVISOR);
        TABLE.put("PUT /api/qra/detachments/{id}/base", Role.SUPERVISOR);
        TABLE.put("PUT /api/qra/detachments/{id}/readiness", Role.SUPERVISOR);
        TABLE.put("DELETE /api/qra/detachments/{id}", Role.SUPERVISOR);
        // Accountability: supervisors review what was done on their watch.
        TABLE.put("GET /api/audit", Role.SUPERVISOR);
        TABLE.put("GET /api/audit/verification", Role.ADMIN);
        // Users: admin only.
        TABLE.put("GET /api/users", Role.ADMIN);
        TABLE.put("POST /api/users", Role.ADMIN);
        TABLE.put("PUT /api/users/{username}/role", Role.ADMIN);
        TABLE.put("PUT /api/users/{username}/disabled", Role.ADMIN);
        TABLE.put("POST /api/users/{username}/password", Role.ADMIN);
    }

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

    private List<Security.Route> routes() {
        return f.security.routes();
    }

    /** What the route was registered with: Access.PUBLIC, or the lowest Role; null when neither. */
    private static RouteRole declared(Security.Route r) {
        return r.roles().contains(Access.PUBLIC) ? Access.PUBLIC : Security.lowest(r.roles());
    }

    /** A concrete request path for a route pattern ({param} filled with a name that exists nowhere). */
    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{[^}]+}", "nobody")
                .replaceAll("<[^>]+>", "nobody")
                .replace("*", "x");
    }

    @Test
    void everyRegisteredRouteDeclaresTheRoleOfTheTable() {
        assertThat(routes())
                .extracting(Security.Route::key)
                .contains("GET /api/aircraft", "GET /api/health", "WS /ws", "POST /api/users", "GET /api/me");
        List<String> wrong = new ArrayList<>();
        for (Security.Route r : routes()) {
            if (!TABLE.containsKey(r.key()) || TABLE.get(r.key()) != declared(r)) {
                wrong.add(r.key() + " registered with " + r.roles() + ", table: " + TABLE.get(r.key()));
            }
        }
        assertThat(wrong)
                .as("routes whose registered role differs from the reviewed table (or that are not in "
                        + "it): review the role and change both")
                .isEmpty();
    }

    @Test
    void theLiveServerRegistersEveryRouteOfTheTableWithItsRole() throws Exception {
        // The fixture above serves the web server's own and the sign-in routes; what `vigil run` serves
        // (alerts, QRA, flight plans, airspace) is checked here against the same table, both ways.
        Path liveDir = java.nio.file.Files.createDirectories(dir.resolve("live"));
        AuthDatabase db = AuthDatabase.open(RecorderConfig.embedded(liveDir).effectiveJdbcUrl(), null, null);
        Map<String, RouteRole> registered = new LinkedHashMap<>();
        try (Security security = Security.open(
                        SecurityConfig.defaults()
                                .withEnvironment(Map.of())
                                .withAnnounce(s -> {})
                                .withHasher(AuthFixture.FAST),
                        db);
                LiveServer live = new LiveServer(
                        org.vigil.server.cli.Theatres.builtIn("black-sea-2022"), "127.0.0.1", 0, security)) {
            live.start();
            for (Security.Route r : security.routes()) {
                assertThat(registered.put(r.key(), declared(r)))
                        .as("registered twice: " + r.key())
                        .isNull();
            }
        }
        Map<String, RouteRole> expected = new LinkedHashMap<>(TABLE);
        if (WebServer.consoleBundled()) {
            expected.remove("GET /"); // the static index.html instead of the "console not built" notice
        }
        assertThat(registered).isEqualTo(expected);
    }

    @Test
    void everyNonPublicEndpointRefusesWithoutASession() throws Exception {
        int checked = 0;
        for (Security.Route r : routes()) {
            RouteRole rule = TABLE.get(r.key());
            if (rule == Access.PUBLIC) {
                continue;
            }
            String path = concrete(r.path());
            if (r.method().equals("WS")) {
                assertThat(wsStatus(path, null, null)).as(r.key()).isEqualTo(401);
                assertThat(wsStatus(path, "not-a-session-token", null))
                        .as(r.key())
                        .isEqualTo(401);
            } else {
                assertThat(f.send(r.method(), path, (String) null, "{}").statusCode())
                        .as(r.key())
                        .isEqualTo(401);
                assertThat(f.send(r.method(), path, "not-a-session-token", "{}").statusCode())
                        .as(r.key())
                        .isEqualTo(401);
                assertThat(f.send(r.method(), path, Map.of("Cookie", "vigil_session=forged"), "{}")
                                .statusCode())
                        .as(r.key())
                        .isEqualTo(401);
            }
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(14);
        // Unknown API paths tell nothing without a session either.
        assertThat(f.send("GET", "/api/no-such-thing", (String) null, null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void pathsThatAreNoRouteTellNothingWithoutASession() throws Exception {
        // HEAD of a GET route is no registered route (Javalin answers it from the GET route's existence)
        assertThat(f.send("HEAD", "/api/users", (String) null, null).statusCode())
                .isEqualTo(401);
        assertThat(f.send("POST", "/api/no-such-thing", (String) null, "{}").statusCode())
                .isEqualTo(401);
        assertThat(f.send("GET", "/api/users/nobody/role", (String) null, null).statusCode())
                .isEqualTo(401);
        String token = f.login("u-observer", passwords.get(Role.OBSERVER));
        assertThat(f.send("GET", "/api/no-such-thing", token, null).statusCode())
                .isEqualTo(404);
        // no Vigil role on the HEAD: default deny, even for an admin
        assertThat(f.send("HEAD", "/api/users", f.login("u-admin", passwords.get(Role.ADMIN)), null)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void publicRoutesAnswerWithoutASession() throws Exception {
        assertThat(f.send("GET", "/api/health", (String) null, null).statusCode())
                .isEqualTo(200);
        assertThat(f.send("GET", "/api/auth/setup", (String) null, null).body()).contains("\"open\":false");
        // The console's static files (or the "not built" notice) load without a session: the login page is one.
        assertThat(f.send("GET", "/", (String) null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void eachRoleIsRefusedWhatItMayNotDoAndAllowedTheRest() throws Exception {
        int refusals = 0;
        int allowed = 0;
        for (Security.Route r : routes()) {
            if (!(TABLE.get(r.key()) instanceof Role rule)) {
                continue; // public (or not in the table: the first test fails)
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
                String what = role.wireName() + " on " + r.key() + " (needs " + rule.wireName() + ")";
                assertThat(f.security.refusedUnauthenticated()).as(what).isEqualTo(unauthBefore);
                if (role.includes(rule)) {
                    assertThat(f.security.refusedForbidden())
                            .as(what + " must be allowed")
                            .isEqualTo(forbiddenBefore);
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
        HttpResponse<String> r = f.send(
                "POST",
                "/api/users",
                Map.of("Cookie", "vigil_session=" + token, "Origin", "http://evil.example"),
                "{\"username\":\"mallory\",\"role\":\"admin\",\"password\":\"mallory-is-admin-now\"}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(f.security.users().user("mallory")).isNull();
        // Same request from the console's own origin goes through.
        r = f.send(
                "POST",
                "/api/users",
                Map.of("Cookie", "vigil_session=" + token, "Origin", "http://127.0.0.1:" + f.port),
                "{\"username\":\"alice\",\"role\":\"operator\",\"password\":\"alice-long-passphrase-Kq7\"}");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(wsStatus("/ws", token, "http://evil.example")).isEqualTo(403);
        assertThat(wsStatus("/ws", token, "http://127.0.0.1:" + f.port)).isEqualTo(101);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        String token = f.login("u-admin", passwords.get(Role.ADMIN));
        int checked = 0;
        for (Security.Route r : routes()) {
            if (r.method().equals("WS")) {
                continue;
            }
            HttpResponse<String> resp = f.send(r.method(), concrete(r.path()), token, "{}");
            assertSecurityHeaders(resp, r.key());
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(14);
        // refusals and the static console too
        assertSecurityHeaders(f.send("GET", "/api/users", (String) null, null), "401");
        assertSecurityHeaders(f.send("GET", "/", (String) null, null), "GET /");
        assertThat(f.send("GET", "/api/me", token, null).headers().firstValue("Cache-Control"))
                .hasValue("no-store");
    }

    private static void assertSecurityHeaders(HttpResponse<String> resp, String what) {
        var h = resp.headers();
        assertThat(h.firstValue("Content-Security-Policy"))
                .as(what)
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains(
                                "default-src 'self'",
                                "script-src 'self'",
                                "frame-ancestors 'none'",
                                "object-src 'none'")
                        .doesNotContain("unsafe-inline", "unsafe-eval"));
        assertThat(h.firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
        assertThat(h.firstValue("Referrer-Policy")).as(what).hasValue("no-referrer");
        assertThat(h.firstValue("X-Frame-Options")).as(what).hasValue("DENY");
        assertThat(h.firstValue("Strict-Transport-Security"))
                .as(what + ": no HSTS over plain HTTP")
                .isEmpty();
    }

    @Test
    void throttlingTellsNothingAboutWhichUsersExist() throws Exception {
        String login = "{\"username\":\"%s\",\"password\":\"guess-%d\"}";
        List<String> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i <= AuthApi.MAX_FAILURES; i++) {
            HttpResponse<String> k =
                    f.send("POST", "/api/auth/login", Map.of(), String.format(login, "u-supervisor", i));
            HttpResponse<String> u =
                    f.send("POST", "/api/auth/login", Map.of(), String.format(login, "no-such-user", i));
            known.add(k.statusCode() + " " + k.body() + " " + k.headers().firstValue("Retry-After"));
            unknown.add(u.statusCode() + " " + u.body() + " " + u.headers().firstValue("Retry-After"));
        }
        assertThat(unknown).isEqualTo(known);
        assertThat(known.get(AuthApi.MAX_FAILURES)).startsWith("429");
    }

    @Test
    void aStrangerGuessingFromElsewhereCannotKeepASupervisorOut() throws Exception {
        // 127.0.0.2 is another client on the loopback network
        for (int i = 0; i < 3 * AuthApi.MAX_FAILURES; i++) {
            int status = rawLoginFrom("127.0.0.2", "u-supervisor", "a-stranger-guesses-" + i);
            assertThat(status).isIn(401, 429);
        }
        assertThat(rawLoginFrom("127.0.0.2", "u-supervisor", passwords.get(Role.SUPERVISOR)))
                .as("the stranger's client is throttled, even with the right password")
                .isEqualTo(429);
        assertThat(f.send(
                                "POST",
                                "/api/auth/login",
                                Map.of(),
                                "{\"username\":\"u-supervisor\",\"password\":\"" + passwords.get(Role.SUPERVISOR)
                                        + "\"}")
                        .statusCode())
                .as("the supervisor at their own console signs in")
                .isEqualTo(200);
        // the throttle backs off: the next lock of the stranger's client lasts longer
        f.clock.advance(java.time.Duration.ofMillis(AuthApi.LOCK_MILLIS));
        assertThat(rawLoginFrom("127.0.0.2", "u-supervisor", "again-0")).isEqualTo(401);
    }

    /** A sign-in sent from a given local address (the JDK HttpClient cannot choose it); the status. */
    private int rawLoginFrom(String localAddress, String user, String password) throws Exception {
        String body = "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}";
        try (java.net.Socket s = new java.net.Socket()) {
            s.bind(new java.net.InetSocketAddress(java.net.InetAddress.getByAddress(new byte[] {127, 0, 0, 2}), 0));
            assertThat(localAddress).isEqualTo("127.0.0.2");
            s.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), f.port), 5000);
            s.setSoTimeout(10_000);
            byte[] b = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String req = "POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1:" + f.port
                    + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " + b.length
                    + "\r\n\r\n";
            s.getOutputStream().write(req.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            s.getOutputStream().write(b);
            s.getOutputStream().flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(
                            s.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    @Test
    void theConsoleWebSocketClosesAtLogoutDisableAndRoleChange() throws Exception {
        String admin = f.login("admin", AuthFixture.ADMIN_PASSWORD);
        // logout
        String op = f.login("u-operator", passwords.get(Role.OPERATOR));
        java.util.concurrent.CompletableFuture<Integer> closed = openWs(op);
        assertThat(f.send("POST", "/api/auth/logout", op, null).statusCode()).isEqualTo(204);
        assertThat(closed.get(10, TimeUnit.SECONDS)).isEqualTo(WebServer.SESSION_ENDED);
        // role change
        op = f.login("u-operator", passwords.get(Role.OPERATOR));
        closed = openWs(op);
        assertThat(f.send("PUT", "/api/users/u-operator/role", admin, "{\"role\":\"observer\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(closed.get(10, TimeUnit.SECONDS)).isEqualTo(WebServer.SESSION_ENDED);
        // disable
        String obs = f.login("u-observer", passwords.get(Role.OBSERVER));
        closed = openWs(obs);
        assertThat(f.send("PUT", "/api/users/u-observer/disabled", admin, "{\"disabled\":true}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(closed.get(10, TimeUnit.SECONDS)).isEqualTo(WebServer.SESSION_ENDED);
        // an idle session that expires is closed by the next push
        String sup = f.login("u-supervisor", passwords.get(Role.SUPERVISOR));
        closed = openWs(sup);
        f.clock.advance(java.time.Duration.ofMinutes(31));
        assertThat(closed.get(10, TimeUnit.SECONDS)).isEqualTo(WebServer.SESSION_ENDED);
    }

    /** Opens /ws with the session cookie; completes with the close code the server sends. */
    private java.util.concurrent.CompletableFuture<Integer> openWs(String token) throws Exception {
        java.util.concurrent.CompletableFuture<Integer> closed = new java.util.concurrent.CompletableFuture<>();
        f.http.newWebSocketBuilder()
                .header("Cookie", "vigil_session=" + token)
                .buildAsync(URI.create("ws://127.0.0.1:" + f.port + "/ws"), new WebSocket.Listener() {
                    @Override
                    public java.util.concurrent.CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                        closed.complete(code);
                        return null;
                    }
                })
                .get(10, TimeUnit.SECONDS);
        return closed;
    }

    @Test
    void theCrossSiteCheckAppliesWheneverTheIdentityComesFromTheCookie() throws Exception {
        String token = f.login("admin", AuthFixture.ADMIN_PASSWORD);
        String body = "{\"username\":\"mallory\",\"role\":\"admin\",\"password\":\"mallory-is-admin-now-Kq7\"}";
        // an Authorization header that is no bearer token does not switch the check off
        HttpResponse<String> r = f.send(
                "POST",
                "/api/users",
                Map.of(
                        "Cookie", "vigil_session=" + token,
                        "Origin", "http://evil.example",
                        "Authorization", "Basic bWFsbG9yeTp4"),
                body);
        assertThat(r.statusCode()).isEqualTo(403);
        // nor does a missing Origin when the browser says the request is cross-site
        r = f.send(
                "POST", "/api/users", Map.of("Cookie", "vigil_session=" + token, "Sec-Fetch-Site", "cross-site"), body);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(f.security.users().user("mallory")).isNull();
        // a bearer token is never sent by a browser on its own: no cross-site risk, so no Origin check
        r = f.send(
                "POST",
                "/api/users",
                Map.of("Authorization", "Bearer " + token, "Origin", "http://tool.example"),
                body);
        assertThat(r.statusCode()).isEqualTo(201);
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
            WebSocket ws = b.buildAsync(URI.create("ws://127.0.0.1:" + f.port + path), new WebSocket.Listener() {})
                    .get(10, TimeUnit.SECONDS);
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
