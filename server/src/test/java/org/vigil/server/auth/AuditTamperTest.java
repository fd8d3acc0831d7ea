package org.vigil.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.server.recording.Actor;
import org.vigil.server.recording.RecorderConfig;

/**
 * The keyed audit chain against someone who can write the database but does not hold the key:
 * an edited row (even with its plain hash recomputed), a deleted row and a cut tail are each found,
 * across a restart, with the first bad row named.
 */
class AuditTamperTest {

    @TempDir
    Path dir;

    private static final Actor OP = new Actor("op", "operator", "10.0.0.8");

    private String url() {
        return RecorderConfig.embedded(dir).effectiveJdbcUrl();
    }

    private AuditKey key() throws Exception {
        return AuditKey.loadOrCreate(dir.resolve("audit.key"), dir.resolve("audit.anchor"));
    }

    /** Writes n keyed rows through the product, as a server does, then closes (a stop). */
    private void writeRows(int n) throws Exception {
        try (Audit audit = new Audit(AuthDatabase.open(url(), null, null), new AuthFixture.ManualClock(), key())) {
            for (int i = 1; i <= n; i++) {
                audit.record(OP, "alert.acknowledge", "A-" + i, "reason " + i, Audit.Outcome.SUCCESS, 1000L + i);
            }
            assertThat(audit.check().intact()).isTrue();
        }
    }

    /** What the start-up check of the next start finds. */
    private AuditVerification checkAfterRestart() throws Exception {
        try (Audit audit = new Audit(AuthDatabase.open(url(), null, null), new AuthFixture.ManualClock(), key())) {
            return audit.check();
        }
    }

    private void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(url());
                Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    @Test
    void anIntactKeyedTrailVerifiesAfterARestartAndTheKeyFileIsTheOwnersOnly() throws Exception {
        writeRows(5);
        AuditVerification v = checkAfterRestart();
        assertThat(v.intact()).isTrue();
        assertThat(v.keyed()).isTrue();
        assertThat(v.state()).isEqualTo("intact");
        assertThat(v.rows()).isEqualTo(5);
        assertThat(v.keyedFromSeq()).isEqualTo(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("audit.key"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("audit.anchor"))))
                .isEqualTo("rw-------");
    }

    @Test
    void anEditedRowIsFoundEvenWithItsPlainHashRecomputed() throws Exception {
        writeRows(5);
        sql("UPDATE audit_log SET actor_user = 'someone-else' WHERE seq = 3");
        AuditVerification v = checkAfterRestart();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSeq()).isEqualTo(3);
        assertThat(v.problem()).contains("row 3").contains("edited");
        // The old unkeyed chain could be recomputed by anyone; the keyed one cannot without the key.
        recomputePlainChainFrom(3);
        assertThat(checkAfterRestart().firstBadSeq()).isEqualTo(3);
    }

    @Test
    void aDeletedRowIsFound() throws Exception {
        writeRows(5);
        sql("DELETE FROM audit_log WHERE seq = 2");
        AuditVerification v = checkAfterRestart();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSeq())
                .as("the first row that does not fit: the one after the gap")
                .isEqualTo(3);
        assertThat(v.problem()).contains("row 2 missing (deleted) before row 3");
    }

    @Test
    void aCutTailIsFoundAcrossARestartThroughTheAnchor() throws Exception {
        writeRows(5);
        sql("DELETE FROM audit_log WHERE seq >= 4");
        AuditVerification v = checkAfterRestart();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSeq()).isEqualTo(4);
        assertThat(v.problem()).contains("rows 4 to 5 missing");
    }

    @Test
    void anAlteredOrMissingAnchorIsReported() throws Exception {
        writeRows(3);
        Path anchor = dir.resolve("audit.anchor");
        String text = Files.readString(anchor, StandardCharsets.US_ASCII);
        // claim the trail ended at row 2: the signature no longer matches
        Files.writeString(anchor, text.replaceFirst(" 3 ", " 2 "), StandardCharsets.US_ASCII);
        assertThat(checkAfterRestart().problem()).contains("altered");
        Files.delete(anchor);
        AuditVerification v = checkAfterRestart();
        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).contains("missing");
    }

    @Test
    void anOldUnkeyedTrailIsSealedByTheKeyedRowsAfterIt() throws Exception {
        try (Audit plain = new Audit(AuthDatabase.open(url(), null, null), new AuthFixture.ManualClock())) {
            for (int i = 1; i <= 3; i++) {
                plain.record(OP, "login", "op", null, Audit.Outcome.SUCCESS, Audit.NO_DATA_TIME);
            }
        }
        writeRows(2); // the first start with a key: rows 4 and 5 are keyed
        AuditVerification v = checkAfterRestart();
        assertThat(v.intact()).isTrue();
        assertThat(v.keyedFromSeq()).isEqualTo(4);
        assertThat(v.describe()).contains("keyed from row 4");
        // Rewriting an old row and recomputing the plain chain breaks the first keyed row.
        sql("UPDATE audit_log SET actor_user = 'someone-else' WHERE seq = 2");
        recomputePlainChainFrom(2);
        AuditVerification after = checkAfterRestart();
        assertThat(after.intact()).isFalse();
        assertThat(after.firstBadSeq()).isEqualTo(4);
    }

    @Test
    void theStartUpCheckReportsAndAuditsABrokenTrailAndTheAdminSeesIt() throws Exception {
        String admin;
        try (AuthFixture f = AuthFixture.withAdmin(dir)) {
            admin = f.login("admin", AuthFixture.ADMIN_PASSWORD);
            assertThat(f.send("GET", "/api/audit/verification", admin, null).body())
                    .contains("\"state\":\"intact\"");
        }
        sql("UPDATE audit_log SET detail = 'nothing happened' WHERE seq = 2");
        try (AuthFixture f = AuthFixture.withAdmin(dir)) {
            assertThat(f.security.startupVerification().firstBadSeq()).isEqualTo(2);
            assertThat(f.announced).anyMatch(l -> l.contains("audit trail BROKEN at row 2"));
            assertThat(f.security.auditTrail().entries(0, 100))
                    .anyMatch(e -> e.action().equals("audit.verify") && e.outcome() == Audit.Outcome.FAILED);
            String token = f.login("admin", AuthFixture.ADMIN_PASSWORD);
            var r = f.send("GET", "/api/audit/verification", token, null);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"state\":\"broken\"", "\"first_bad_seq\":2");
        }
    }

    /** What an attacker without the key can do: recompute the plain SHA-256 chain from a row on. */
    private void recomputePlainChainFrom(long from) throws Exception {
        try (Connection c = DriverManager.getConnection(url())) {
            String prev;
            try (PreparedStatement p = c.prepareStatement("SELECT row_hash FROM audit_log WHERE seq = ?")) {
                p.setLong(1, from - 1);
                try (ResultSet rs = p.executeQuery()) {
                    prev = rs.next() ? rs.getString(1) : "0".repeat(64);
                }
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT seq, wall_time_millis, data_time_nanos, actor_user,"
                            + " actor_role, actor_address, action, target, detail, outcome FROM audit_log WHERE seq >= "
                            + from + " ORDER BY seq");
                    PreparedStatement u = c.prepareStatement("UPDATE audit_log SET row_hash = ? WHERE seq = ?")) {
                while (rs.next()) {
                    long data = rs.getLong(3);
                    boolean noData = rs.wasNull();
                    StringBuilder b = new StringBuilder()
                            .append(prev)
                            .append('|')
                            .append(rs.getLong(1))
                            .append('|')
                            .append(rs.getLong(2))
                            .append('|')
                            .append(noData ? "-" : Long.toString(data));
                    for (int i = 4; i <= 10; i++) {
                        String f = rs.getString(i);
                        b.append(f == null ? "|-" : "|" + f.length() + ":" + f);
                    }
                    prev = HexFormat.of().formatHex(Tokens.sha256(b.toString().getBytes(StandardCharsets.UTF_8)));
                    u.setString(1, prev);
                    u.setLong(2, rs.getLong(1));
                    u.executeUpdate();
                }
            }
        }
    }
}
