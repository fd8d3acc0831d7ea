package org.vigil.server.auth;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/**
 * The database holding users and the audit trail: the recorder's own (same JDBC URL, same Flyway
 * migrations, {@code V50__users_and_audit.sql} among them), so one backup holds the picture's
 * history and who acted on it. Opened separately from the recorder because the recorder's
 * connection belongs to its single event writer.
 */
public final class AuthDatabase {

    private final String url;
    private final String user;
    private final String password;

    private AuthDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * Opens (and migrates, which is a no-op when the recorder already did) the database at a JDBC URL,
     * {@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://...}; for the embedded recorder use
     * {@code RecorderConfig.effectiveJdbcUrl()}.
     */
    public static AuthDatabase open(String jdbcUrl, String user, String password) {
        if (!jdbcUrl.startsWith("jdbc:sqlite:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("users and audit need jdbc:sqlite: or jdbc:postgresql:");
        }
        Flyway.configure(AuthDatabase.class.getClassLoader())
                .dataSource(jdbcUrl, user, password)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return new AuthDatabase(jdbcUrl, user, password);
    }

    /**
     * A new connection in auto-commit mode. SQLite: WAL and synchronous=FULL like the recorder, so a
     * committed audit row is on disk when the call that wrote it returns; a busy timeout because the
     * recorder writes to the same file.
     */
    Connection connect() throws SQLException {
        Connection c =
                user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
        if (url.startsWith("jdbc:sqlite:")) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=10000");
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        }
        return c;
    }
}
