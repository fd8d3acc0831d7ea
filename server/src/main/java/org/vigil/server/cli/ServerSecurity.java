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
        Files.createDirectories(rc.directory());
        SecurityConfig config = SecurityConfig.defaults();
        if (tlsKeystore != null) {
            String pw = System.getenv(ENV_TLS_PASSWORD);
            if (pw == null)
                throw new IllegalArgumentException(
                        "--tls-keystore needs the keystore password in env " + ENV_TLS_PASSWORD);
            if (!Files.isReadable(tlsKeystore))
                throw new IllegalArgumentException("cannot read --tls-keystore " + tlsKeystore);
            config = config.withTls(tlsKeystore, pw.toCharArray());
        }
        AuthDatabase db = AuthDatabase.open(rc.effectiveJdbcUrl(), rc.dbUser(), rc.dbPassword());
        return Security.open(config, db);
    }

    /**
     * Opens the recorder in {@code DATA/recording} (or events in {@code --db-url}) and writes the
     * recording manifest (the radar sites needed to decode the recorded ASTERIX again).
     */
    public Recorder openRecorder(List<RadarSite> radars, String scenario) throws IOException, SQLException {
        RecorderConfig rc = recorderConfig();
        Files.createDirectories(rc.directory());
        Recorder r = Recorder.open(rc);
        try {
            RecordingManifest.of(radars, scenario).write(rc.directory());
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
