package org.vigil.server.recording;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/**
 * A JDBC database the recorder writes to: SQLite (embedded, one file) or PostgreSQL (shared
 * server), told apart by the JDBC URL. The schema is the same for both and is brought up to date
 * by Flyway from {@code classpath:db/migration} on every open.
 */
final class Database {

    enum Vendor {
        SQLITE,
        POSTGRESQL
    }

    final String url;
    final String user;
    final String password;
    final Vendor vendor;

    Database(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
        if (url.startsWith("jdbc:sqlite:")) {
            vendor = Vendor.SQLITE;
        } else if (url.startsWith("jdbc:postgresql:")) {
            vendor = Vendor.POSTGRESQL;
        } else {
            throw new IllegalArgumentException(
                    "recorder database must be jdbc:sqlite: or jdbc:postgresql:, not " + url);
        }
    }

    /** Applies pending migrations; fails loudly if the schema in the database is newer or altered. */
    void migrate() {
        Flyway.configure(Database.class.getClassLoader())
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /**
     * A new connection. SQLite: WAL (readers never block the writer) and synchronous=FULL, so that
     * a commit is on disk when it returns, which is what an acknowledged operator action needs.
     */
    Connection connect() throws SQLException {
        java.util.Properties props = new java.util.Properties();
        if (user != null) props.setProperty("user", user);
        if (password != null) props.setProperty("password", password);
        if (vendor == Vendor.POSTGRESQL) {
            // an unreachable server must fail a call in seconds, not hang the recorder (URL settings win)
            if (!url.contains("connectTimeout=")) props.setProperty("connectTimeout", "5");
            if (!url.contains("socketTimeout=")) props.setProperty("socketTimeout", "30");
            if (!url.contains("tcpKeepAlive=")) props.setProperty("tcpKeepAlive", "true");
        }
        Connection c = DriverManager.getConnection(url, props);
        if (vendor == Vendor.SQLITE) {
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

    /** The database file of an SQLite URL (query parameters stripped). */
    String sqliteFile() {
        String f = url.substring("jdbc:sqlite:".length());
        int q = f.indexOf('?');
        return q >= 0 ? f.substring(0, q) : f;
    }
}
