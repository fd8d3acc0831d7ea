package org.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.server.auth.Audit;
import org.vigil.server.auth.Security;
import org.vigil.server.recording.Actor;

/**
 * Command-line and start-up failures as a user meets them: one line saying what is wrong, no stack
 * trace, and the exit code of the class of error documented in docs/SECURITY.md ("Exit codes").
 */
class CliFailuresTest {

    @TempDir
    Path dir;

    /** Exit code and everything written to stdout and stderr. */
    private record Result(int code, String out) {}

    private static Result vigil(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        StringWriter sw = new StringWriter();
        int code;
        try {
            System.setOut(capture);
            System.setErr(capture);
            PrintWriter pw = new PrintWriter(sw, true);
            code = Vigil.commandLine().setOut(pw).setErr(pw).execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        String out = bytes.toString(StandardCharsets.UTF_8) + sw;
        return new Result(code, out);
    }

    private static void assertNoStackTrace(Result r) {
        assertThat(r.out()).doesNotContain("\tat ").doesNotContain("Exception in thread");
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        Result r = vigil("demo", "--port", "99999", "--data", dir.resolve("d").toString());
        assertThat(r.code()).isEqualTo(Failure.USAGE);
        assertThat(r.out()).contains("--port must be a port number 0..65535, got 99999");
        assertNoStackTrace(r);
        assertThat(dir.resolve("d")).doesNotExist();
    }

    @Test
    void aBusyPortIsAPortError() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Result r = vigil(
                    "demo",
                    "--bind",
                    "127.0.0.1",
                    "--port",
                    Integer.toString(busy.getLocalPort()),
                    "--data",
                    dir.resolve("d").toString());
            assertThat(r.code()).as(r.out()).isEqualTo(Failure.PORT);
            assertThat(r.out()).contains("cannot listen");
            assertNoStackTrace(r);
        }
    }

    @Test
    void aMissingReplayDirectoryIsAUsageError() {
        Result r = vigil("replay", dir.resolve("no-such-run").toString());
        assertThat(r.code()).isEqualTo(Failure.USAGE);
        assertThat(r.out()).contains("no-such-run");
        assertNoStackTrace(r);
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsADataDirectoryError() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Result r = vigil("demo", "--port", "0", "--data", file.resolve("data").toString());
        assertThat(r.code()).isEqualTo(Failure.DATA_DIRECTORY);
        assertThat(r.out()).contains("cannot create the data directory");
        assertNoStackTrace(r);
    }

    @Test
    void aSecondProcessOnTheSameDataDirectoryIsRefused() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Process holder = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        DataDirectoryLockHolder.class.getName(),
                        data.toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("locked");
            Result r = vigil("demo", "--port", "0", "--data", data.toString());
            assertThat(r.code()).as(r.out()).isEqualTo(Failure.IN_USE);
            assertThat(r.out()).contains("in use by another Vigil process");
            assertNoStackTrace(r);
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    @Test
    void exportOfADirectoryWithoutAnEventStoreCreatesNothing() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Result r = vigil(
                "export",
                "--recording",
                data.toString(),
                "--out",
                dir.resolve("x.geojson").toString());
        assertThat(r.code()).isEqualTo(Failure.USAGE);
        assertThat(r.out()).contains("no event store");
        try (var files = Files.walk(data)) {
            assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
        }
    }

    @Test
    void auditVerifyFindsTamperingWithTheDocumentedExitCode() throws Exception {
        Path data = dir.resolve("data");
        ServerSecurity secure = new ServerSecurity();
        secure.data = data;
        try (Security s = secure.open()) {
            for (int i = 1; i <= 4; i++) {
                s.auditTrail()
                        .record(
                                new Actor("op", "operator", "10.0.0.8"),
                                "alert.acknowledge",
                                "A-" + i,
                                null,
                                Audit.Outcome.SUCCESS,
                                Audit.NO_DATA_TIME);
            }
        }
        assertThat(data.resolve("audit.key")).exists();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(data.resolve("recording/events.db"))))
                .isEqualTo("rw-------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
                .isEqualTo("rwx------");
        Result ok = vigil("audit", "verify", "--data", data.toString());
        assertThat(ok.code()).as(ok.out()).isZero();
        assertThat(ok.out()).contains("audit trail intact");
        String url = "jdbc:sqlite:" + data.resolve("recording/events.db");
        try (Connection c = DriverManager.getConnection(url);
                Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM audit_log WHERE seq >= 3");
        }
        Result cut = vigil("audit", "verify", "--data", data.toString());
        assertThat(cut.code()).isEqualTo(Failure.AUDIT_BROKEN);
        assertThat(cut.out()).contains("BROKEN at row 3", "the end of the trail was cut");
        assertNoStackTrace(cut);
        Result none = vigil("audit", "verify", "--data", dir.resolve("empty").toString());
        assertThat(none.code()).isEqualTo(Failure.USAGE);
        assertThat(List.of(dir.resolve("empty").toFile().exists())).containsExactly(false);
    }
}
