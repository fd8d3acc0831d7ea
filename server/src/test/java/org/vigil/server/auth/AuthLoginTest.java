package org.vigil.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in, the session cookie and bearer token, expiry, logout, lock-out and user management. */
class AuthLoginTest {

    @TempDir
    Path dir;

    AuthFixture f;

    @BeforeEach
    void start() throws Exception {
        f = AuthFixture.withAdmin(dir);
        f.addUser("olga", Role.OPERATOR, "olga-passphrase-1");
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    private HttpResponse<String> login(String user, String password) throws Exception {
        return f.send(
                "POST",
                "/api/auth/login",
                (String) null,
                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
    }

    private static String cookieToken(HttpResponse<String> r) {
        String c = r.headers().firstValue("Set-Cookie").orElseThrow();
        return c.substring(c.indexOf('=') + 1, c.indexOf(';'));
    }

    @Test
    void signInSetsAStrictHttpOnlyCookieAndReturnsNoTokenUnlessAsked() throws Exception {
        HttpResponse<String> r = login("olga", "olga-passphrase-1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("\"username\":\"olga\"", "\"role\":\"operator\"")
                .doesNotContain("token");
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie)
                .startsWith("vigil_session=")
                .contains("HttpOnly")
                .contains("SameSite=Strict")
                .contains("Path=/")
                .doesNotContain("Secure"); // Secure only with TLS (see TlsHandshakeTest)
        String token = cookieToken(r);
        // 256 random bits, base64url: 43 characters.
        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        HttpResponse<String> me = f.send("GET", "/api/me", Map.of("Cookie", "vigil_session=" + token), null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"olga\"", "\"role\":\"operator\"");
    }

    @Test
    void bearerTokenWorksForApiClientsAndLogoutEndsIt() throws Exception {
        String token = f.login("olga", "olga-passphrase-1");
        assertThat(f.send("GET", "/api/aircraft", token, null).statusCode()).isEqualTo(200);
        assertThat(f.send("POST", "/api/auth/logout", token, null).statusCode()).isEqualTo(204);
        assertThat(f.send("GET", "/api/aircraft", token, null).statusCode()).isEqualTo(401);
        assertThat(f.send("GET", "/api/me", token, null).statusCode()).isEqualTo(401);
    }

    @Test
    void wrongPasswordUnknownUserAndDisabledUserGetTheSameAnswer() throws Exception {
        HttpResponse<String> wrong = login("olga", "not-olgas-password");
        HttpResponse<String> unknown = login("nobody", "not-olgas-password");
        f.security.users().setDisabled("olga", true);
        HttpResponse<String> disabled = login("olga", "olga-passphrase-1");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(disabled.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body()).isEqualTo(disabled.body());
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void repeatedFailuresLockTheNameForAMinute() throws Exception {
        for (int i = 0; i < AuthApi.MAX_FAILURES; i++) {
            assertThat(login("olga", "guess-number-" + i).statusCode()).isEqualTo(401);
        }
        // Even the right password is refused while locked.
        assertThat(login("olga", "olga-passphrase-1").statusCode()).isEqualTo(429);
        f.clock.advance(Duration.ofMillis(AuthApi.LOCK_MILLIS));
        assertThat(login("olga", "olga-passphrase-1").statusCode()).isEqualTo(200);
    }

    @Test
    void sessionsEndWhenIdleAndAfterTheirLifetime() throws Exception {
        String token = f.login("olga", "olga-passphrase-1");
        f.clock.advance(Duration.ofMinutes(29));
        assertThat(f.send("GET", "/api/me", token, null).statusCode()).isEqualTo(200);
        f.clock.advance(Duration.ofMinutes(30));
        assertThat(f.send("GET", "/api/me", token, null).statusCode()).isEqualTo(401);

        String busy = f.login("olga", "olga-passphrase-1");
        for (int i = 0; i < 24; i++) { // active all along, but a session lasts one watch (12 h) at most
            f.clock.advance(Duration.ofMinutes(29));
            assertThat(f.send("GET", "/api/me", busy, null).statusCode()).isEqualTo(200);
        }
        f.clock.advance(Duration.ofMinutes(29));
        assertThat(f.send("GET", "/api/me", busy, null).statusCode()).isEqualTo(401);
    }

    @Test
    void adminManagesUsersAndChangesTakeEffectAtOnce() throws Exception {
        String admin = f.login("admin", AuthFixture.ADMIN_PASSWORD);
        HttpResponse<String> created = f.send(
                "POST",
                "/api/users",
                admin,
                "{\"username\":\"sam\",\"role\":\"observer\",\"password\":\"sam-first-passphrase-Kq7\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"role\":\"observer\"").doesNotContain("passphrase", "argon2");
        assertThat(f.send(
                                "POST",
                                "/api/users",
                                admin,
                                "{\"username\":\"sam\",\"role\":\"observer\",\"password\":\"sam-first-passphrase-Kq7\"}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(f.send(
                                "POST",
                                "/api/users",
                                admin,
                                "{\"username\":\"tim\",\"role\":\"observer\",\"password\":\"short\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(f.send(
                                "POST",
                                "/api/users",
                                admin,
                                "{\"username\":\"tim\",\"role\":\"general\",\"password\":\"tim-long-passphrase-Kq7\"}")
                        .statusCode())
                .isEqualTo(400);

        String sam = f.login("sam", "sam-first-passphrase-Kq7");
        assertThat(f.send("GET", "/api/audit", sam, null).statusCode()).isEqualTo(403);
        // Promotion ends sam's session so the new role is used from the next sign-in.
        assertThat(f.send("PUT", "/api/users/sam/role", admin, "{\"role\":\"supervisor\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(f.send("GET", "/api/me", sam, null).statusCode()).isEqualTo(401);
        sam = f.login("sam", "sam-first-passphrase-Kq7");
        assertThat(f.send("GET", "/api/audit", sam, null).statusCode()).isEqualTo(200);

        assertThat(f.send("POST", "/api/users/sam/password", admin, "{\"password\":\"sam-second-passphrase-Kq7\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(f.send("GET", "/api/me", sam, null).statusCode()).isEqualTo(401);
        assertThat(login("sam", "sam-first-passphrase-Kq7").statusCode()).isEqualTo(401);
        sam = f.login("sam", "sam-second-passphrase-Kq7");

        assertThat(f.send("PUT", "/api/users/sam/disabled", admin, "{\"disabled\":true}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(f.send("GET", "/api/me", sam, null).statusCode()).isEqualTo(401);
        assertThat(login("sam", "sam-second-passphrase-Kq7").statusCode()).isEqualTo(401);
        assertThat(f.send("PUT", "/api/users/ghost/role", admin, "{\"role\":\"observer\"}")
                        .statusCode())
                .isEqualTo(404);

        HttpResponse<String> list = f.send("GET", "/api/users", admin, null);
        assertThat(list.body())
                .contains("\"username\":\"sam\"", "\"disabled\":true")
                .doesNotContain("argon2");
    }

    @Test
    void theLastAdminCannotBeDemotedOrDisabled() throws Exception {
        String admin = f.login("admin", AuthFixture.ADMIN_PASSWORD);
        assertThat(f.send("PUT", "/api/users/admin/role", admin, "{\"role\":\"observer\"}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(f.send("PUT", "/api/users/admin/disabled", admin, "{\"disabled\":true}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(f.security.users().user("admin").role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void usersChangeTheirOwnPasswordWithTheCurrentOne() throws Exception {
        String olga = f.login("olga", "olga-passphrase-1");
        assertThat(f.send(
                                "POST",
                                "/api/me/password",
                                olga,
                                "{\"current\":\"wrong-current-pass\",\"password\":\"olga-passphrase-2-Kq7\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(f.send(
                                "POST",
                                "/api/me/password",
                                olga,
                                "{\"current\":\"olga-passphrase-1\",\"password\":\"olga-passphrase-2-Kq7\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(f.send("GET", "/api/me", olga, null).statusCode()).isEqualTo(401);
        assertThat(login("olga", "olga-passphrase-1").statusCode()).isEqualTo(401);
        assertThat(login("olga", "olga-passphrase-2-Kq7").statusCode()).isEqualTo(200);
    }
}
