package org.vigil.server.recording;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and how the recorder keeps things.
 *
 * @param directory local directory: the raw journal ({@code raw/}) and, embedded, the SQLite event
 *     database ({@code events.db})
 * @param jdbcUrl event database; null for the embedded SQLite file in {@code directory}, or a
 *     {@code jdbc:postgresql://host/db} URL for a shared server
 * @param eventBatchInterval how often machine events are committed
 * @param retentionEvery how often retention runs (zero: never, only on demand)
 */
public record RecorderConfig(
        Path directory,
        String jdbcUrl,
        String dbUser,
        String dbPassword,
        JournalConfig journal,
        Duration eventBatchInterval,
        int maxEventBatch,
        RetentionPolicy retention,
        Duration retentionEvery) {

    /** The embedded default: journal + SQLite in {@code directory}, durability defaults, keep everything. */
    public static RecorderConfig embedded(Path directory) {
        return new RecorderConfig(
                directory,
                null,
                null,
                null,
                JournalConfig.DEFAULT,
                Duration.ofMillis(200),
                1000,
                RetentionPolicy.KEEP_ALL,
                Duration.ofMinutes(10));
    }

    /** Events in a shared PostgreSQL server; raw input stays in the local journal in {@code directory}. */
    public static RecorderConfig shared(Path directory, String jdbcUrl, String user, String password) {
        return embedded(directory).withDatabase(jdbcUrl, user, password);
    }

    public RecorderConfig withDatabase(String url, String user, String password) {
        return new RecorderConfig(
                directory, url, user, password, journal, eventBatchInterval, maxEventBatch, retention, retentionEvery);
    }

    public RecorderConfig withJournal(JournalConfig j) {
        return new RecorderConfig(
                directory,
                jdbcUrl,
                dbUser,
                dbPassword,
                j,
                eventBatchInterval,
                maxEventBatch,
                retention,
                retentionEvery);
    }

    public RecorderConfig withRetention(RetentionPolicy r, Duration every) {
        return new RecorderConfig(
                directory, jdbcUrl, dbUser, dbPassword, journal, eventBatchInterval, maxEventBatch, r, every);
    }

    public RecorderConfig withEventBatchInterval(Duration d) {
        return new RecorderConfig(
                directory, jdbcUrl, dbUser, dbPassword, journal, d, maxEventBatch, retention, retentionEvery);
    }

    /** The JDBC URL actually used for events. */
    public String effectiveJdbcUrl() {
        return jdbcUrl != null
                ? jdbcUrl
                : "jdbc:sqlite:" + directory.resolve("events.db").toAbsolutePath();
    }
}
