package org.vigil.server.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.vigil.core.radar.RadarSite;
import org.vigil.server.auth.AuthDatabase;
import org.vigil.server.auth.Security;
import org.vigil.server.auth.SecurityConfig;
import org.vigil.server.recording.Recorder;
import org.vigil.server.recording.RecorderConfig;
import org.vigil.server.recording.RecordingManifest;
import picocli.CommandLine.Option;

/**
 * The options {@code vigil run} and {@code vigil demo} share for a server that people sign in to
 * and that records: the data directory (users, audit and the recording live there), the database
 * of events and users (embedded SQLite in the data directory, or a shared PostgreSQL), and TLS.
 *
 * <p>Why passwords come from the environment, never from options: a command line is visible to
 * every user of the machine ({@code ps}) and lands in shell history.
 */
public final class ServerSecurity {
    /** Password of the {@code --tls-keystore} PKCS#12 file. */
    public static final String ENV_TLS_PASSWORD = "VIGIL_TLS_PASSWORD";
    /** Password of the {@code --db-user} of a PostgreSQL {@code --db-url}. */
    public static final String ENV_DB_PASSWORD = "VIGIL_DB_PASSWORD";

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = ".vigil",
            description = "Data directory: users, audit trail and the recording (default ${DEFAULT-VALUE}).")
    Path data;

    @Option(
            names = "--db-url",
            paramLabel = "JDBC-URL",
            description =
                    "Events, users and audit in a shared PostgreSQL (jdbc:postgresql://HOST/DB) instead of SQLite "
                            + "in the data directory; password from env " + ENV_DB_PASSWORD + ".")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "NAME", description = "Database user for --db-url.")
    String dbUser;

    @Option(
            names = "--tls-keystore",
            paramLabel = "FILE.p12",
            description =
                    "Serve HTTPS only, with this PKCS#12 keystore; its password from env " + ENV_TLS_PASSWORD + ".")
    Path tlsKeystore;

    @Option(
            names = "--audit-key",
            paramLabel = "FILE",
            description = "Key of the audit chain (HMAC-SHA256), kept outside the database; created (mode 0600) at the"
                    + " first start. Default: DIR/audit.key. Keep a copy apart from the database backups.")
    Path auditKey;

    /** Held while this process uses the data directory, so a second process on it stops with a clear message. */
    private java.nio.channels.FileChannel dataLock;

    /** Where the recorder keeps its journal and (embedded) its database: {@code DATA/recording}. */
    public RecorderConfig recorderConfig() {
        Path dir = data.resolve("recording");
        return dbUrl == null
                ? RecorderConfig.embedded(dir)
                : RecorderConfig.shared(dir, dbUrl, dbUser, System.getenv(ENV_DB_PASSWORD));
    }

    /**
     * Opens users and audit in the recorder's database (creating the data directory) with the standard
     * access table plus the live server's routes. The first start prints the one-time admin setup link,
     * unless VIGIL_ADMIN_PASSWORD (or _HASH) creates the admin.
     *
     * @throws IllegalArgumentException for a TLS keystore without its password or that cannot be opened,
     *                                  or a database URL that is neither SQLite nor PostgreSQL
     */
    public Security open() throws IOException, SQLException {
        RecorderConfig rc = recorderConfig();
        prepareDataDirectory(rc);
        SecurityConfig config = SecurityConfig.defaults().withAuditKey(openAuditKey());
        if (tlsKeystore != null) {
            String pw = System.getenv(ENV_TLS_PASSWORD);
            if (pw == null)
                throw new IllegalArgumentException(
                        "--tls-keystore needs the keystore password in env " + ENV_TLS_PASSWORD);
            if (!Files.isReadable(tlsKeystore))
                throw new IllegalArgumentException("cannot read --tls-keystore " + tlsKeystore);
            config = config.withTls(tlsKeystore, pw.toCharArray());
        }
        String quarantined = null;
        AuthDatabase db;
        try {
            db = AuthDatabase.open(rc.effectiveJdbcUrl(), rc.dbUser(), rc.dbPassword());
        } catch (RuntimeException e) {
            // A corrupt embedded store must not keep the air picture down: move it aside, start on a new one.
            quarantined = dbUrl == null && corrupt(e) ? quarantineEventStore(rc) : null;
            if (quarantined == null) {
                throw e;
            }
            db = AuthDatabase.open(rc.effectiveJdbcUrl(), rc.dbUser(), rc.dbPassword());
        }
        Security security = Security.open(config, db);
        if (quarantined != null) {
            security.storageDamage().report(quarantined);
        }
        opened = security;
        return security;
    }

    /** The security opened last, whose damage report the recorder's journal joins. */
    private Security opened;

    /** True when SQLite says the file is no database or is damaged (not for a busy or missing one). */
    static boolean corrupt(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage());
            if (m.contains("SQLITE_CORRUPT")
                    || m.contains("SQLITE_NOTADB")
                    || m.contains("malformed")
                    || m.contains("not a database")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Moves {@code events.db} (and its WAL files) into {@code recording/quarantine/} and creates an
     * empty store in its place; returns the sentence for the damage report.
     */
    static String quarantineEventStore(RecorderConfig rc) {
        Path db = rc.directory().resolve("events.db");
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC)
                .format(java.time.Instant.now());
        try {
            Path dir = Files.createDirectories(rc.directory().resolve("quarantine"));
            Path aside = dir.resolve("events-" + stamp + ".db");
            Files.move(db, aside);
            for (String suffix : new String[] {"-wal", "-shm"}) {
                Path f = db.resolveSibling("events.db" + suffix);
                if (Files.exists(f)) {
                    Files.move(f, dir.resolve("events-" + stamp + ".db" + suffix));
                }
            }
            org.vigil.server.auth.DataFiles.createOwnerOnly(db);
            String what = "event store events.db was corrupt: moved to "
                    + rc.directory().relativize(aside)
                    + "; started on a new one (users and the audit trail are in the old one: restore from backup)";
            org.slf4j.LoggerFactory.getLogger(ServerSecurity.class).error("{}", what);
            System.err.println("WARNING: " + what);
            return what;
        } catch (IOException e) {
            throw new Failure(
                    Failure.DATA_DIRECTORY,
                    "event store " + db + " is corrupt and cannot be moved aside: " + reason(e),
                    e);
        }
    }

    /** The audit key file: {@code --audit-key}, or {@code DATA/audit.key}. */
    Path auditKeyFile() {
        return auditKey != null ? auditKey : data.resolve("audit.key");
    }

    /** The signed anchor of the audit chain's end, beside the data (outside the database). */
    Path auditAnchorFile() {
        return data.resolve("audit.anchor");
    }

    private org.vigil.server.auth.AuditKey openAuditKey() {
        try {
            return org.vigil.server.auth.AuditKey.loadOrCreate(auditKeyFile(), auditAnchorFile());
        } catch (IOException e) {
            throw new Failure(Failure.DATA_DIRECTORY, "audit key " + auditKeyFile() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates the data directory (0700: it holds password hashes and the audit key), checks that it
     * can be written, takes its lock ({@code DATA/vigil.lock}, held until the process ends) and makes
     * the embedded database 0600 (SQLite gives its WAL files the database's mode).
     *
     * @throws Failure {@link Failure#DATA_DIRECTORY} when it cannot be created or written,
     *                 {@link Failure#IN_USE} when another process holds it
     */
    void prepareDataDirectory(RecorderConfig rc) {
        try {
            Files.createDirectories(rc.directory());
        } catch (IOException e) {
            throw new Failure(Failure.DATA_DIRECTORY, "cannot create the data directory " + data + ": " + reason(e), e);
        }
        if (!Files.isWritable(data) || !Files.isWritable(rc.directory())) {
            throw new Failure(Failure.DATA_DIRECTORY, "the data directory " + data + " is not writable");
        }
        try {
            restrictDirectory(data);
            restrictDirectory(rc.directory());
        } catch (IOException e) {
            throw new Failure(Failure.DATA_DIRECTORY, "cannot set permissions in " + data + ": " + reason(e), e);
        }
        lockDataDirectory();
        if (dbUrl == null) {
            Path db = rc.directory().resolve("events.db");
            try {
                if (!Files.exists(db)) {
                    org.vigil.server.auth.DataFiles.createOwnerOnly(db);
                }
                for (String suffix : new String[] {"", "-wal", "-shm"}) {
                    org.vigil.server.auth.DataFiles.restrictToOwner(db.resolveSibling("events.db" + suffix));
                }
            } catch (IOException e) {
                throw new Failure(Failure.DATA_DIRECTORY, "cannot prepare " + db + ": " + reason(e), e);
            }
        }
    }

    /** Data directories this JVM holds (a lock is the process's: tests start several servers in one JVM). */
    private static final java.util.Map<Path, java.nio.channels.FileChannel> HELD =
            new java.util.concurrent.ConcurrentHashMap<>();

    private synchronized void lockDataDirectory() {
        if (dataLock != null) {
            return;
        }
        Path key = data.toAbsolutePath().normalize();
        synchronized (HELD) {
            java.nio.channels.FileChannel held = HELD.get(key);
            if (held != null && held.isOpen()) {
                dataLock = held;
                return;
            }
            lockNow(key);
        }
    }

    private void lockNow(Path key) {
        Path lockFile = data.resolve("vigil.lock");
        java.nio.channels.FileChannel ch = null;
        try {
            ch = java.nio.channels.FileChannel.open(
                    lockFile, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
            java.nio.channels.FileLock l;
            try {
                l = ch.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                l = null; // this process already holds it (another server in the same JVM)
            }
            if (l == null) {
                ch.close();
                throw new Failure(
                        Failure.IN_USE,
                        "the data directory " + data.toAbsolutePath() + " is in use by another Vigil process"
                                + " (lock " + lockFile.getFileName() + "); stop it or use another --data");
            }
            dataLock = ch; // released when the process ends
            HELD.put(key, ch);
        } catch (IOException e) {
            throw new Failure(Failure.DATA_DIRECTORY, "cannot lock " + lockFile + ": " + reason(e), e);
        }
    }

    private static void restrictDirectory(Path dir) throws IOException {
        java.nio.file.attribute.PosixFileAttributeView v =
                Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class);
        if (v != null) {
            v.setPermissions(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static String reason(IOException e) {
        return e instanceof java.nio.file.FileSystemException f && f.getReason() != null
                ? f.getReason()
                : e instanceof java.nio.file.AccessDeniedException
                        ? "permission denied"
                        : String.valueOf(e.getMessage());
    }

    /**
     * Opens the recorder in {@code DATA/recording} (or events in {@code --db-url}) and writes the
     * recording manifest (the radar sites needed to decode the recorded ASTERIX again).
     */
    public Recorder openRecorder(List<RadarSite> radars, String scenario) throws IOException, SQLException {
        return openRecorder(radars, scenario, theatreSource);
    }

    /** The theatre the run uses (built-in name or directory), stored in the recording's manifest; null: none. */
    private String theatreSource;

    /** Sets what {@link #openRecorder} stores as the recording's theatre (TheatreChoice.Resolved#source). */
    public void recordTheatre(String source) {
        this.theatreSource = source;
    }

    /** As {@link #openRecorder(List, String)}, storing {@code theatre} in the manifest. */
    public Recorder openRecorder(List<RadarSite> radars, String scenario, String theatre)
            throws IOException, SQLException {
        RecorderConfig rc = recorderConfig();
        Files.createDirectories(rc.directory());
        Recorder r = Recorder.open(rc);
        if (opened != null) {
            r.raw().reportDamageTo(opened.storageDamage());
        }
        try {
            RecordingManifest.of(radars, scenario, theatre).write(rc.directory());
        } catch (IOException | RuntimeException e) {
            r.close();
            throw e;
        }
        return r;
    }

    /**
     * The manifest of the recording already in the data directory (an empty one when there is none):
     * read before {@link #openRecorder} rewrites it, for a restart.
     */
    public RecordingManifest previousManifest() throws IOException {
        return RecordingManifest.read(recorderConfig().directory());
    }

    /** "http" or "https", as the server will listen. */
    public String scheme() {
        return tlsKeystore == null ? "http" : "https";
    }
}
