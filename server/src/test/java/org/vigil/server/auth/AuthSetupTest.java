package org.vigil.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No default password: the first start prints a one-time setup link, or takes the admin from the environment. */
class AuthSetupTest {

    @TempDir
    Path dir;

    private static String token(AuthFixture f) {
        assertThat(f.announced).hasSize(1);
        Matcher m = Pattern.compile("http://localhost:" + f.port + "/login\\.html#setup=([A-Za-z0-9_-]{43}) ")
                .matcher(f.announced.get(0));
        assertThat(m.find()).as(f.announced.get(0)).isTrue();
        return m.group(1);
    }

    private static String setupBody(String token, String user, String password) {
        return "{\"token\":\"" + token + "\",\"username\":\"" + user + "\",\"password\":\"" + password + "\"}";
    }

    @Test
    void theSetupLinkCreatesTheFirstAdminOnceOnly() throws Exception {
        try (AuthFixture f = AuthFixture.fresh(dir)) {
            assertThat(f.security.users().list()).isEmpty();
            String token = token(f);
            assertThat(f.send("GET", "/api/auth/setup", (String) null, null).body())
                    .contains("\"open\":true");

            assertThat(f.send(
                                    "POST",
                                    "/api/auth/setup",
                                    (String) null,
                                    setupBody("A".repeat(43), "root", "root-passphrase-1-Kq7"))
                            .statusCode())
                    .isEqualTo(403);
            // A weak password is refused before the link is used up.
            assertThat(f.send("POST", "/api/auth/setup", (String) null, setupBody(token, "root", "short"))
                            .statusCode())
                    .isEqualTo(400);

            HttpResponse<String> ok =
                    f.send("POST", "/api/auth/setup", (String) null, setupBody(token, "root", "root-passphrase-1-Kq7"));
            assertThat(ok.statusCode()).isEqualTo(201);
            assertThat(ok.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly");
            assertThat(f.security.users().user("root").role()).isEqualTo(Role.ADMIN);
            assertThat(f.send("GET", "/api/auth/setup", (String) null, null).body())
                    .contains("\"open\":false");

            // Single use: the same link again does nothing.
            assertThat(f.send(
                                    "POST",
                                    "/api/auth/setup",
                                    (String) null,
                                    setupBody(token, "root2", "root-passphrase-2-Kq7"))
                            .statusCode())
                    .isEqualTo(409);
            assertThat(f.security.setupLink().redeem(token)).isFalse();
            assertThat(f.security.users().user("root2")).isNull();
            assertThat(f.login("root", "root-passphrase-1-Kq7")).isNotBlank();
        }
    }

    @Test
    void theSetupLinkExpires() throws Exception {
        try (AuthFixture f = AuthFixture.fresh(dir)) {
            String token = token(f);
            f.clock.advance(Duration.ofMinutes(31));
            assertThat(f.send(
                                    "POST",
                                    "/api/auth/setup",
                                    (String) null,
                                    setupBody(token, "root", "root-passphrase-1-Kq7"))
                            .statusCode())
                    .isEqualTo(403);
            assertThat(f.security.users().list()).isEmpty();
        }
    }

    @Test
    void aSecondStartWithAnAdminPrintsNoLink() throws Exception {
        try (AuthFixture f = AuthFixture.withAdmin(dir)) {
            assertThat(f.announced).isEmpty();
            assertThat(f.security.adminFromEnvironment()).isTrue();
        }
        try (AuthFixture f = AuthFixture.fresh(dir)) { // same store, nothing in the environment now
            assertThat(f.announced).isEmpty();
            assertThat(f.security.adminFromEnvironment()).isFalse();
            assertThat(f.login("admin", AuthFixture.ADMIN_PASSWORD)).isNotBlank();
        }
    }

    @Test
    void aWeakPasswordInTheEnvironmentFallsBackToTheLink() throws Exception {
        try (AuthFixture f = AuthFixture.withEnvironment(dir, Map.of(SecurityConfig.ENV_ADMIN_PASSWORD, "admin"))) {
            assertThat(f.security.users().list()).isEmpty();
            assertThat(token(f)).isNotBlank();
        }
    }

    @Test
    void anAdminPasswordHashFromTheEnvironmentIsUsedAsIs() throws Exception {
        String hash = AuthFixture.FAST.hash("hashed-admin-passphrase".toCharArray());
        try (AuthFixture f = AuthFixture.withEnvironment(
                dir, Map.of(SecurityConfig.ENV_ADMIN_PASSWORD_HASH, hash, SecurityConfig.ENV_ADMIN_USER, "chief"))) {
            assertThat(f.announced).isEmpty();
            assertThat(f.login("chief", "hashed-admin-passphrase")).isNotBlank();
        }
    }
}
