package org.vigil.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passwords are never logged or returned: every password used in a full session of sign-ins,
 * failures, user management and bad requests is searched for in everything printed to stdout and
 * stderr (the logger writes there), every response, the audit trail and the database files.
 */
class AuthPasswordsNeverLeakTest {

    @TempDir
    Path dir;

    @Test
    void passwordsAppearNowhere() throws Exception {
        List<String> passwords = List.of(
                "Setup-Secret-Alpha-1-Kq7#x",
                "Olga-Secret-Bravo-2-Kq7#x",
                "Olga-Secret-Charlie-3-Kq7#x",
                "Guess-Secret-Delta-4-Kq7#x",
                "Sam-Secret-Echo-5-Kq7#x",
                "Sam-Secret-Foxtrot-6-Kq7#x",
                "Typo-Secret-Golf-7-Kq7#x");
        List<String> seen = new ArrayList<>();
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(tee);
        System.setErr(tee);
        try (AuthFixture f = AuthFixture.fresh(dir)) {
            String link = f.announced.get(0);
            String token = link.substring(link.indexOf("#setup=") + 7, link.indexOf(' ', link.indexOf("#setup=")));
            seen.add(link);
            seen.add(f.send(
                            "POST",
                            "/api/auth/setup",
                            (String) null,
                            "{\"token\":\"" + token + "\",\"username\":\"root\",\"password\":\"" + passwords.get(0)
                                    + "\"}")
                    .body());
            String admin = f.login("root", passwords.get(0));
            seen.add(f.send(
                            "POST",
                            "/api/users",
                            admin,
                            "{\"username\":\"olga\",\"role\":\"operator\",\"password\":\"" + passwords.get(1) + "\"}")
                    .body());
            String olga = f.login("olga", passwords.get(1));
            seen.add(f.send(
                            "POST",
                            "/api/me/password",
                            olga,
                            "{\"current\":\"" + passwords.get(1) + "\",\"password\":\"" + passwords.get(2) + "\"}")
                    .body());
            // Failures: wrong password, a password typed into the user name field, malformed JSON quoting it.
            seen.add(f.send(
                            "POST",
                            "/api/auth/login",
                            (String) null,
                            "{\"username\":\"olga\",\"password\":\"" + passwords.get(3) + "\"}")
                    .body());
            seen.add(f.send(
                            "POST",
                            "/api/auth/login",
                            (String) null,
                            "{\"username\":\"" + passwords.get(6) + "\",\"password\":\"x\"}")
                    .body());
            seen.add(f.send(
                            "POST",
                            "/api/auth/login",
                            (String) null,
                            "{\"username\":\"olga\",\"password\":\"" + passwords.get(3) + "\"")
                    .body());
            seen.add(f.send(
                            "POST",
                            "/api/users",
                            admin,
                            "{\"username\":\"sam\",\"role\":\"operator\",\"password\":\"" + passwords.get(4) + "\"}")
                    .body());
            seen.add(f.send("POST", "/api/users/sam/password", admin, "{\"password\":\"" + passwords.get(5) + "\"}")
                    .body());
            seen.add(f.send(
                            "POST",
                            "/api/users",
                            admin,
                            "{\"username\":\"bad name\",\"role\":\"operator\"," + "\"password\":\"" + passwords.get(4)
                                    + "\"}")
                    .body());
            seen.add(f.send("GET", "/api/users", admin, null).body());
            seen.add(f.send("GET", "/api/audit", admin, null).body());
            HttpResponse<String> me = f.send("GET", "/api/me", admin, null);
            seen.add(me.body());
            seen.add(me.headers().map().toString());
            for (AuditEntry e : f.security.auditTrail().entries(0, 1000)) {
                seen.add(e.toString());
            }
            seen.add(f.security.config().toString());
            assertThat(f.security.auditTrail().entries(0, 1000))
                    .extracting(AuditEntry::action)
                    .contains("setup.admin", "login", "password.change", "user.create", "user.password.reset");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        seen.add(captured.toString(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                seen.add(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(captured.size())
                .as("the run logged something, so the capture works")
                .isPositive();
        for (String text : seen) {
            for (String pw : passwords) {
                assertThat(text).doesNotContain(pw);
            }
        }
    }
}
