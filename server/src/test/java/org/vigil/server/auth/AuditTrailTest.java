package org.vigil.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.server.recording.Actor;
import org.vigil.server.recording.Recorder;
import org.vigil.server.recording.RecorderConfig;
import org.vigil.server.recording.RetentionPolicy;

/** The audit trail records each action with who, when, what, from where and outcome, and cannot be edited. */
class AuditTrailTest {

    @TempDir
    Path dir;

    @Test
    void eachActionIsRecordedWithWhoWhenWhatWhereAndOutcome() throws Exception {
        try (AuthFixture f = AuthFixture.withAdmin(dir)) {
            f.addUser("olga", Role.OPERATOR, "olga-passphrase-1");
            long t0 = f.clock.millis();
            String admin = f.login("admin", AuthFixture.ADMIN_PASSWORD);
            f.send("POST", "/api/auth/login", (String) null, "{\"username\":\"olga\",\"password\":\"bad-guess-1234\"}");
            String olga = f.login("olga", "olga-passphrase-1");
            f.send("GET", "/api/users", olga, null); // refused: needs admin
            f.send(
                    "POST",
                    "/api/users",
                    admin,
                    "{\"username\":\"sam\",\"role\":\"observer\",\"password\":\"sam-first-passphrase-Kq7\"}");
            f.send("PUT", "/api/users/sam/role", admin, "{\"role\":\"operator\"}");
            f.send("PUT", "/api/users/sam/disabled", admin, "{\"disabled\":true}");
            f.send("POST", "/api/users/sam/password", admin, "{\"password\":\"sam-second-passphrase-Kq7\"}");
            f.send("POST", "/api/auth/logout", olga, null);

            List<AuditEntry> trail = f.security.auditTrail().entries(0, 1000);
            assertThat(trail)
                    .extracting(e -> e.action() + " " + e.user() + " " + e.target() + " " + e.outcome())
                    .containsExactly(
                            "setup.admin (configuration) admin SUCCESS",
                            "login admin admin SUCCESS",
                            "login olga olga DENIED",
                            "login olga olga SUCCESS",
                            "access.denied olga GET /api/users DENIED",
                            "user.create admin sam SUCCESS",
                            "user.role admin sam SUCCESS",
                            "user.disable admin sam SUCCESS",
                            "user.password.reset admin sam SUCCESS",
                            "logout olga olga SUCCESS");
            for (AuditEntry e : trail.subList(1, trail.size())) {
                assertThat(e.fromAddress()).isEqualTo("127.0.0.1");
                assertThat(e.wallTimeMillis()).isEqualTo(t0);
                assertThat(e.dataTimeNanos()).isEqualTo(Audit.NO_DATA_TIME);
            }
            assertThat(trail.get(6).role()).isEqualTo("admin");
            assertThat(trail.get(6).detail()).isEqualTo("role operator");
            assertThat(trail).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
            assertThat(f.security.auditTrail().verify()).isZero();
            // Supervisors and admins read it through the API.
            assertThat(f.send("GET", "/api/audit?after=8", admin, null).body())
                    .contains("\"action\":\"user.password.reset\"", "\"from\":\"127.0.0.1\"")
                    .doesNotContain("\"action\":\"user.disable\"");
        }
    }

    @Test
    void featuresRecordTheirActionsWithDataTimeAndTheRowSurvivesARestart() throws Exception {
        String url = RecorderConfig.embedded(dir).effectiveJdbcUrl();
        AuthDatabase db = AuthDatabase.open(url, null, null);
        AuthFixture.ManualClock clock = new AuthFixture.ManualClock();
        long seq;
        try (Audit audit = new Audit(db, clock)) {
            seq = audit.record(
                    new Actor("sup", "supervisor", "10.0.0.7"),
                    "scramble.order",
                    "QRA-1",
                    "track 4711 unidentified, no radio contact",
                    Audit.Outcome.SUCCESS,
                    1_700_000_000_123_000_000L);
        }
        try (Audit audit = new Audit(AuthDatabase.open(url, null, null), clock)) {
            AuditEntry e = audit.entries(0, 10).get(0);
            assertThat(e.seq()).isEqualTo(seq);
            assertThat(e.user()).isEqualTo("sup");
            assertThat(e.role()).isEqualTo("supervisor");
            assertThat(e.fromAddress()).isEqualTo("10.0.0.7");
            assertThat(e.action()).isEqualTo("scramble.order");
            assertThat(e.target()).isEqualTo("QRA-1");
            assertThat(e.detail()).isEqualTo("track 4711 unidentified, no radio contact");
            assertThat(e.dataTimeNanos()).isEqualTo(1_700_000_000_123_000_000L);
            assertThat(e.wallTimeMillis()).isEqualTo(clock.millis());
            // Numbering and the chain go on after the restart.
            assertThat(audit.record(
                            new Actor("op", "operator", "10.0.0.8"),
                            "alert.acknowledge",
                            "A-3",
                            null,
                            Audit.Outcome.SUCCESS,
                            Audit.NO_DATA_TIME))
                    .isEqualTo(seq + 1);
            assertThat(audit.verify()).isZero();
        }
    }

    @Test
    void editsMadeAroundTheProductAreDetected() throws Exception {
        String url = RecorderConfig.embedded(dir).effectiveJdbcUrl();
        AuthDatabase db = AuthDatabase.open(url, null, null);
        try (Audit audit = new Audit(db, new AuthFixture.ManualClock())) {
            for (int i = 1; i <= 5; i++) {
                audit.record(
                        new Actor("op", "operator", "10.0.0.8"),
                        "alert.acknowledge",
                        "A-" + i,
                        null,
                        Audit.Outcome.SUCCESS,
                        Audit.NO_DATA_TIME);
            }
            assertThat(audit.verify()).isZero();
            try (Connection c = DriverManager.getConnection(url);
                    Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE audit_log SET actor_user = 'someone-else' WHERE seq = 3");
            }
            assertThat(audit.verify()).isEqualTo(3);
        }
        Path other = dir.resolve("other");
        String url2 = RecorderConfig.embedded(other).effectiveJdbcUrl();
        java.nio.file.Files.createDirectories(other);
        try (Audit audit = new Audit(AuthDatabase.open(url2, null, null), new AuthFixture.ManualClock())) {
            for (int i = 1; i <= 5; i++) {
                audit.record(
                        new Actor("op", "operator", "10.0.0.8"),
                        "alert.acknowledge",
                        "A-" + i,
                        null,
                        Audit.Outcome.SUCCESS,
                        Audit.NO_DATA_TIME);
            }
            try (Connection c = DriverManager.getConnection(url2);
                    Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM audit_log WHERE seq = 2");
            }
            assertThat(audit.verify()).isEqualTo(3);
            try (Connection c = DriverManager.getConnection(url2);
                    Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM audit_log WHERE seq >= 3");
            }
            assertThat(audit.verify()).isEqualTo(2); // a cut-off tail: rows this process wrote are missing
        }
    }

    @Test
    void theProductHasNoWayToEditTheTrail() throws Exception {
        List<String> writers = Arrays.stream(Audit.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()))
                .map(Method::getName)
                .filter(n -> !n.equals("record")
                        && !n.equals("entries")
                        && !n.equals("verify")
                        && !n.equals("check")
                        && !n.equals("lastSequence")
                        && !n.equals("close"))
                .toList();
        assertThat(writers)
                .as("Audit's public API is record/entries/verify/check only")
                .isEmpty();
        try (AuthFixture f = AuthFixture.withAdmin(dir)) {
            assertThat(f.security.routes())
                    .filteredOn(r -> r.path().startsWith("/api/audit"))
                    .extracting(Security.Route::method)
                    .containsOnly("GET");
        }
    }

    @Test
    void recorderRetentionNeverDeletesTheTrail() throws Exception {
        RecorderConfig cfg = RecorderConfig.embedded(dir)
                .withRetention(new RetentionPolicy(Duration.ofNanos(1), 0, 1, false), Duration.ZERO);
        long[] now = {1_000_000_000_000_000_000L};
        try (Recorder rec = Recorder.open(cfg, () -> now[0]);
                Audit audit = new Audit(
                        AuthDatabase.open(cfg.effectiveJdbcUrl(), null, null), new AuthFixture.ManualClock())) {
            for (int i = 0; i < 3; i++) {
                audit.record(
                        new Actor("op", "operator", "10.0.0.8"),
                        "identity.override",
                        "T-" + i,
                        "reason " + i,
                        Audit.Outcome.SUCCESS,
                        1000L + i);
                rec.recordOperatorAction(
                        "identity.override", 1000L + i, (long) i, "{}", new Actor("op", "operator", "10.0.0.8"));
            }
            rec.sync();
            now[0] += Duration.ofDays(3650).toNanos();
            long[] deleted = rec.applyRetention();
            assertThat(deleted[1]).as("the store deleted its old events").isPositive();
            assertThat(audit.entries(0, 100)).hasSize(3);
            assertThat(audit.verify()).isZero();
        }
    }
}
