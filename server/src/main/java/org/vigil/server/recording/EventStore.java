package org.vigil.server.recording;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events (track lifecycle, identity changes, alerts, operator actions, scrambles) in SQL, on
 * SQLite or PostgreSQL with the same schema.
 *
 * <p>Sequence numbers: this store is the only writer of its database (file lock for SQLite,
 * advisory lock for PostgreSQL) and hands out {@code seq} itself, one higher each time, under its
 * lock, in the order events are recorded. The highest number is persisted in
 * {@code recorder_state} in the same transaction as the events, so after a restart numbering goes
 * on from the last committed event: no gaps, no duplicates among committed events, even when
 * retention has deleted all rows.
 *
 * <p>Durability: machine events are batched and committed every {@code batchInterval} (or when
 * {@code maxBatch} are waiting); a crash may lose the last batch, which replaying raw input
 * regenerates, and their numbers are then given again to the regenerated events. An operator
 * action is committed synchronously, together with every event recorded before it, before
 * {@link #recordOperatorAction} returns: once acknowledged it is on disk.
 */
public final class EventStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventStore.class);

    /** Key of the PostgreSQL advisory lock that makes one Vigil the writer of a database. */
    static final long PG_WRITER_LOCK = 0x5649_4749_4C45_5654L;

    private static final String COLUMNS =
            "seq, event_type, data_time_nanos, track_number, payload, actor_user, actor_role, actor_address, recorded_at_millis";

    private static final class Pending {
        final long seq;
        final String type;
        final long dataTimeNanos;
        final Long track;
        final String payload;
        final Actor actor;

        Pending(long seq, String type, long dataTimeNanos, Long track, String payload, Actor actor) {
            this.seq = seq;
            this.type = type;
            this.dataTimeNanos = dataTimeNanos;
            this.track = track;
            this.payload = payload;
            this.actor = actor;
        }
    }

    private final Database db;
    private final int maxBatch;
    private final Connection writer;
    private final PreparedStatement insert;
    private final PreparedStatement saveSeq;
    private final Connection reader;
    private final FileChannel lockChannel;
    private final FileLock fileLock;
    private final ScheduledExecutorService flusher;
    private final ArrayList<Pending> pending = new ArrayList<>();
    /** Runs before every commit, under this store's lock (the recorder flushes the raw journal here). */
    private volatile BeforeCommit beforeCommit;

    /** What must happen before events are committed; an exception fails (and keeps pending) the commit. */
    @FunctionalInterface
    public interface BeforeCommit {
        void run() throws java.io.IOException;
    }

    private long lastAssigned;
    private volatile long lastCommitted;
    private long committedEvents;
    private long operatorActions;
    private long commitFailures;
    private long rowsDeleted;
    private boolean closed;

    private EventStore(Database db, Duration batchInterval, int maxBatch) throws SQLException, IOException {
        this.db = db;
        this.maxBatch = maxBatch;
        FileChannel lc = null;
        FileLock fl = null;
        if (db.vendor == Database.Vendor.SQLITE) {
            lc = FileChannel.open(
                    Path.of(db.sqliteFile() + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                fl = lc.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                fl = null; // held by this same process
            }
            if (fl == null) {
                lc.close();
                throw new IOException("event store " + db.sqliteFile() + " is in use by another recorder");
            }
        }
        lockChannel = lc;
        fileLock = fl;
        Connection w = null;
        Connection r = null;
        try {
            db.migrate();
            w = db.connect();
            if (db.vendor == Database.Vendor.POSTGRESQL) {
                try (PreparedStatement s = w.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                    s.setLong(1, PG_WRITER_LOCK);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        if (!rs.getBoolean(1)) {
                            throw new SQLException("another Vigil is already recording into " + db.url);
                        }
                    }
                }
            }
            w.setAutoCommit(false);
            long last = 0;
            try (Statement s = w.createStatement();
                    ResultSet rs = s.executeQuery("SELECT value FROM recorder_state WHERE name = 'event_seq'")) {
                if (rs.next()) {
                    last = rs.getLong(1);
                }
            }
            try (Statement s = w.createStatement();
                    ResultSet rs = s.executeQuery("SELECT MAX(seq) FROM event")) {
                if (rs.next()) {
                    last = Math.max(last, rs.getLong(1));
                }
            }
            w.commit();
            lastAssigned = last;
            lastCommitted = last;
            writer = w;
            insert = w.prepareStatement("INSERT INTO event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            saveSeq = w.prepareStatement("UPDATE recorder_state SET value = ? WHERE name = 'event_seq'");
            r = db.connect();
            reader = r;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(w);
            closeQuietly(r);
            if (fl != null) {
                fl.release();
                lc.close();
            }
            throw e;
        }
        flusher = Executors.newSingleThreadScheduledExecutor(t -> {
            Thread th = new Thread(t, "event-flush");
            th.setDaemon(true);
            return th;
        });
        long every = Math.max(1, batchInterval.toNanos());
        var unused = // the task catches and logs its own failures; the executor is shut down on close
                flusher.scheduleWithFixedDelay(this::backgroundFlush, every, every, TimeUnit.NANOSECONDS);
    }

    /**
     * Opens the event store at a JDBC URL ({@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://...}),
     * migrating the schema first.
     */
    public static EventStore open(String jdbcUrl, String user, String password, Duration batchInterval, int maxBatch)
            throws SQLException, IOException {
        return new EventStore(new Database(jdbcUrl, user, password), batchInterval, maxBatch);
    }

    // ---------------------------------------------------------------- writing

    /**
     * Records a machine event (batched: committed within the batch interval). Returns its sequence
     * number, final once {@link #latestSequence()} has reached it.
     */
    public synchronized long record(String type, long dataTimeNanos, Long trackNumber, String payloadJson) {
        check(type, payloadJson);
        long seq = ++lastAssigned;
        pending.add(new Pending(seq, type, dataTimeNanos, trackNumber, payloadJson, null));
        if (pending.size() >= maxBatch) {
            try {
                commitPending();
            } catch (SQLException e) {
                logFailure(e); // stays pending; the flusher retries
            }
        }
        return seq;
    }

    /**
     * Records an operator action and commits it, with everything recorded before it, before
     * returning: the returned sequence number is the acknowledgement. Throws (and the action is not
     * recorded, its number not used) if the commit fails, so the caller must not acknowledge.
     */
    public synchronized long recordOperatorAction(
            String type, long dataTimeNanos, Long trackNumber, String payloadJson, Actor actor) throws SQLException {
        check(type, payloadJson);
        if (actor == null) {
            throw new IllegalArgumentException("an operator action needs an actor");
        }
        long seq = ++lastAssigned;
        Pending p = new Pending(seq, type, dataTimeNanos, trackNumber, payloadJson, actor);
        pending.add(p);
        try {
            commitPending();
        } catch (SQLException e) {
            pending.remove(pending.size() - 1);
            lastAssigned--;
            throw e;
        }
        operatorActions++;
        return seq;
    }

    private void check(String type, String payloadJson) {
        if (closed) {
            throw new IllegalStateException("event store closed");
        }
        if (type == null || type.isEmpty() || type.length() > 64) {
            throw new IllegalArgumentException("event type must be 1..64 characters: " + type);
        }
        if (payloadJson == null) {
            throw new IllegalArgumentException("event payload must be JSON text, not null");
        }
    }

    /** Sets what runs before every commit (null: nothing). */
    public void beforeCommit(BeforeCommit hook) {
        this.beforeCommit = hook;
    }

    /** Commits waiting machine events now. */
    public synchronized void flush() throws SQLException {
        commitPending();
    }

    private void commitPending() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        BeforeCommit hook = beforeCommit;
        if (hook != null) {
            try {
                hook.run();
            } catch (java.io.IOException e) {
                commitFailures++;
                throw new SQLException("before commit: " + e, e);
            }
        }
        long now = System.currentTimeMillis();
        try {
            for (Pending p : pending) {
                insert.setLong(1, p.seq);
                insert.setString(2, p.type);
                insert.setLong(3, p.dataTimeNanos);
                if (p.track == null) {
                    insert.setNull(4, Types.BIGINT);
                } else {
                    insert.setLong(4, p.track);
                }
                insert.setString(5, p.payload);
                insert.setString(6, p.actor == null ? null : p.actor.user());
                insert.setString(7, p.actor == null ? null : p.actor.role());
                insert.setString(8, p.actor == null ? null : p.actor.fromAddress());
                insert.setLong(9, now);
                insert.addBatch();
            }
            insert.executeBatch();
            long last = pending.get(pending.size() - 1).seq;
            saveSeq.setLong(1, last);
            saveSeq.executeUpdate();
            writer.commit();
            lastCommitted = last;
            committedEvents += pending.size();
            pending.clear();
        } catch (SQLException e) {
            commitFailures++;
            try {
                insert.clearBatch();
                writer.rollback();
            } catch (SQLException ignored) {
                // the connection is broken; the next commit fails and says so
            }
            throw e;
        }
    }

    private void backgroundFlush() {
        try {
            synchronized (this) {
                if (!closed) {
                    commitPending();
                }
            }
        } catch (SQLException e) {
            logFailure(e);
        } catch (RuntimeException e) {
            LOG.error("event store: flush failed", e);
        }
    }

    private void logFailure(SQLException e) {
        if (Long.bitCount(commitFailures) == 1) {
            LOG.error("event store: commit failed ({} so far), events kept waiting: {}", commitFailures, e.toString());
        }
    }

    // ---------------------------------------------------------------- reading

    /** Highest committed sequence number (0 if none ever). */
    public long latestSequence() {
        return lastCommitted;
    }

    /** Highest sequence number handed out, committed or not. */
    public synchronized long lastAssignedSequence() {
        return lastAssigned;
    }

    /** Committed events matching the query, in sequence order. */
    public List<StoredEvent> query(EventQuery q) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(COLUMNS)
                .append(" FROM event WHERE data_time_nanos >= ? AND data_time_nanos < ? AND seq > ?");
        if (q.type() != null) {
            sql.append(" AND event_type = ?");
        }
        if (q.trackNumber() != null) {
            sql.append(" AND track_number = ?");
        }
        sql.append(" ORDER BY seq LIMIT ?");
        List<StoredEvent> out = new ArrayList<>();
        synchronized (reader) {
            try (PreparedStatement s = reader.prepareStatement(sql.toString())) {
                int i = 1;
                s.setLong(i++, q.fromNanos());
                s.setLong(i++, q.toNanos());
                s.setLong(i++, q.afterSeq());
                if (q.type() != null) {
                    s.setString(i++, q.type());
                }
                if (q.trackNumber() != null) {
                    s.setLong(i++, q.trackNumber());
                }
                s.setInt(i, q.limit());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long track = rs.getLong(4);
                        Long trackNumber = rs.wasNull() ? null : track;
                        String user = rs.getString(6);
                        Actor actor = user == null ? null : new Actor(user, rs.getString(7), rs.getString(8));
                        out.add(new StoredEvent(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getLong(3),
                                trackNumber,
                                rs.getString(5),
                                actor,
                                rs.getLong(9)));
                    }
                }
            }
        }
        return out;
    }

    /** Number of event rows in the store. */
    public long count() throws SQLException {
        synchronized (reader) {
            try (Statement s = reader.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM event")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    // ---------------------------------------------------------------- retention

    /**
     * Deletes machine events (and operator actions unless the policy keeps them) older than the
     * policy's age, then the oldest beyond its row count. Returns rows deleted. Never touches the
     * persisted sequence number.
     */
    public synchronized long applyRetention(RetentionPolicy policy, long nowNanos) throws SQLException {
        commitPending();
        String machineOnly = policy.keepOperatorActions() ? " AND actor_user IS NULL" : "";
        long deleted = 0;
        try {
            if (policy.limitsAge()) {
                try (PreparedStatement s =
                        writer.prepareStatement("DELETE FROM event WHERE data_time_nanos < ?" + machineOnly)) {
                    s.setLong(1, policy.ageCutoffNanos(nowNanos));
                    deleted += s.executeUpdate();
                }
            }
            if (policy.maxEventRows() > 0) {
                long cutoffSeq = -1;
                try (PreparedStatement s = writer.prepareStatement(
                        "SELECT seq FROM event WHERE 1 = 1" + machineOnly + " ORDER BY seq DESC LIMIT 1 OFFSET ?")) {
                    s.setLong(1, policy.maxEventRows() - 1);
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            cutoffSeq = rs.getLong(1);
                        }
                    }
                }
                if (cutoffSeq > 0) {
                    try (PreparedStatement s =
                            writer.prepareStatement("DELETE FROM event WHERE seq < ?" + machineOnly)) {
                        s.setLong(1, cutoffSeq);
                        deleted += s.executeUpdate();
                    }
                }
            }
            writer.commit();
        } catch (SQLException e) {
            try {
                writer.rollback();
            } catch (SQLException ignored) {
                // reported by the next commit
            }
            throw e;
        }
        rowsDeleted += deleted;
        return deleted;
    }

    // ---------------------------------------------------------------- state

    /** Counters for metrics and tests. */
    public synchronized EventStoreStats stats() {
        return new EventStoreStats(
                lastAssigned,
                lastCommitted,
                pending.size(),
                committedEvents,
                operatorActions,
                commitFailures,
                rowsDeleted);
    }

    public boolean isPostgres() {
        return db.vendor == Database.Vendor.POSTGRESQL;
    }

    /** Commits what is waiting, then closes. */
    @Override
    public void close() throws SQLException {
        flusher.shutdown();
        try {
            flusher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                commitPending();
            } finally {
                closeQuietly(writer);
                synchronized (reader) {
                    closeQuietly(reader);
                }
                if (fileLock != null) {
                    try {
                        fileLock.release();
                        lockChannel.close();
                    } catch (IOException e) {
                        LOG.warn("event store: releasing lock: {}", e.toString());
                    }
                }
            }
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
