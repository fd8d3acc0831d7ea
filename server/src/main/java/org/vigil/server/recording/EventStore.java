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
 *
 * <p>Outages (docs/STORAGE.md "Database outages"): a failed commit marks the store
 * {@link #unavailable() unavailable} with the reason and keeps the events waiting; the background
 * flusher reconnects with back-off (250 ms doubling to 30 s), takes the writer lock again and
 * commits what waited, in sequence order. A commit whose answer was lost with the connection is not
 * repeated: the sequence number persisted with it tells which waiting events are already stored.
 * Memory is bounded: beyond {@link #spillTo its limit} waiting events go to a local spill file,
 * committed first on return.
 */
public final class EventStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventStore.class);

    /** Key of the PostgreSQL advisory lock that makes one Vigil the writer of a database. */
    static final long PG_WRITER_LOCK = 0x5649_4749_4C45_5654L;

    private static final String COLUMNS =
            "seq, event_type, data_time_nanos, track_number, payload, actor_user, actor_role, actor_address, recorded_at_millis";

    private static final String INSERT = "INSERT INTO event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SAVE_SEQ = "UPDATE recorder_state SET value = ? WHERE name = 'event_seq'";

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
    // replaced by a reconnect after an outage (under this store's lock)
    private Connection writer;
    private PreparedStatement insert;
    private PreparedStatement saveSeq;
    /** Guarded by {@link #readerLock}; replaced when a query finds it broken. */
    private Connection reader;

    private final Object readerLock = new Object();
    /** Why the last commit failed, or null when it succeeded (health, refusals of operator actions). */
    private volatile String unavailable;
    /** The writer connection failed: the flusher replaces it before committing again. */
    private volatile boolean broken;

    private long nextAttemptNanos;
    private long backoffNanos = MIN_BACKOFF_NANOS;
    private static final long MIN_BACKOFF_NANOS = 250_000_000L, MAX_BACKOFF_NANOS = 30_000_000_000L;
    private long reconnects;
    /** Spill file for waiting events beyond {@link #memoryLimit}; null: no limit (tests, tools). */
    private Path spillFile;

    private int memoryLimit = Integer.MAX_VALUE;
    private java.io.DataOutputStream spillOut;
    /** Events in the spill file not yet committed (all older than the waiting ones in memory). */
    private long spilled;

    private long spilledTotal;
    private long spillReadPos;
    private int peakWaitingInMemory;
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
            insert = w.prepareStatement(INSERT);
            saveSeq = w.prepareStatement(SAVE_SEQ);
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
        afterAdd();
        return seq;
    }

    /** A full batch is committed at once, unless the database is down (the caller is the picture's thread). */
    private void afterAdd() {
        if (pending.size() >= maxBatch && !broken && unavailable == null) {
            try {
                commitPending();
            } catch (SQLException e) {
                logFailure(e); // stays pending; the flusher retries
            }
        }
        if (pending.size() >= memoryLimit && spillFile != null) {
            try {
                spill();
            } catch (IOException e) {
                logFailure(new SQLException("spilling waiting events to " + spillFile + ": " + e, e));
            }
        }
        peakWaitingInMemory = Math.max(peakWaitingInMemory, pending.size());
    }

    /**
     * Records an operator action's row to be committed with the next batch: for an action already made
     * durable in the raw journal while the database is unavailable (committed on its return).
     */
    public synchronized long queueOperatorAction(
            String type, long dataTimeNanos, Long trackNumber, String payloadJson, Actor actor) {
        check(type, payloadJson);
        if (actor == null) {
            throw new IllegalArgumentException("an operator action needs an actor");
        }
        long seq = ++lastAssigned;
        pending.add(new Pending(seq, type, dataTimeNanos, trackNumber, payloadJson, actor));
        operatorActions++;
        afterAdd();
        return seq;
    }

    /**
     * Bounds the events kept waiting in memory (a database outage) to {@code limit}; beyond it they
     * go to {@code file}, a local spill file (not a durable copy: after a crash the restart rebuild
     * regenerates uncommitted events from the raw journal, so a left-over file is deleted here).
     */
    public synchronized void spillTo(Path file, int limit) throws IOException {
        if (limit < maxBatch) throw new IllegalArgumentException("memory limit below one batch: " + limit);
        java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
        java.nio.file.Files.deleteIfExists(file);
        this.spillFile = file;
        this.memoryLimit = limit;
    }

    private void spill() throws IOException {
        if (spillOut == null) {
            spillOut = new java.io.DataOutputStream(new java.io.BufferedOutputStream(
                    java.nio.file.Files.newOutputStream(
                            spillFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                    1 << 16));
        }
        for (Pending p : pending) {
            spillOut.writeLong(p.seq);
            spillOut.writeUTF(p.type);
            spillOut.writeLong(p.dataTimeNanos);
            spillOut.writeLong(p.track == null ? Long.MIN_VALUE : p.track);
            byte[] b = p.payload.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            spillOut.writeInt(b.length);
            spillOut.write(b);
            spillOut.writeBoolean(p.actor != null);
            if (p.actor != null) {
                writeNullable(spillOut, p.actor.user());
                writeNullable(spillOut, p.actor.role());
                writeNullable(spillOut, p.actor.fromAddress());
            }
        }
        spillOut.flush();
        spilled += pending.size();
        spilledTotal += pending.size();
        if (spilled == pending.size()) {
            LOG.warn("event store unavailable: waiting events beyond {} spill to {}", memoryLimit, spillFile);
        }
        pending.clear();
    }

    private static void writeNullable(java.io.DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) out.writeUTF(s);
    }

    private static String readNullable(java.io.DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    /** Commits the spill file's events (oldest first, those not yet stored), then deletes it. */
    private void commitSpill() throws SQLException {
        while (spilled > 0) commitSpillChunk();
    }

    /**
     * Commits the next batch of the spill file (events at or below the last committed number are
     * skipped: committed by a catch-up whose answer was lost); deletes the file when all are in. The
     * flusher calls it one batch per hold of this store's lock, so recording goes on during a catch-up.
     */
    private void commitSpillChunk() throws SQLException {
        try {
            if (spillOut != null) {
                spillOut.close();
                spillOut = null;
            }
            List<Pending> chunk = new ArrayList<>(maxBatch);
            long pos = spillReadPos;
            boolean end = false;
            try (java.io.InputStream raw = java.nio.file.Files.newInputStream(spillFile)) {
                raw.skipNBytes(pos);
                CountingInput counting = new CountingInput(new java.io.BufferedInputStream(raw, 1 << 16));
                java.io.DataInputStream in = new java.io.DataInputStream(counting);
                while (chunk.size() < maxBatch) {
                    long seq;
                    try {
                        seq = in.readLong();
                    } catch (java.io.EOFException eof) {
                        end = true;
                        break;
                    }
                    String type = in.readUTF();
                    long time = in.readLong();
                    long track = in.readLong();
                    byte[] b = new byte[in.readInt()];
                    in.readFully(b);
                    Actor actor =
                            in.readBoolean() ? new Actor(readNullable(in), readNullable(in), readNullable(in)) : null;
                    if (seq > lastCommitted) {
                        chunk.add(new Pending(
                                seq,
                                type,
                                time,
                                track == Long.MIN_VALUE ? null : track,
                                new String(b, java.nio.charset.StandardCharsets.UTF_8),
                                actor));
                    }
                }
                pos += counting.count;
            }
            if (!chunk.isEmpty()) commitRows(chunk);
            spillReadPos = pos;
            if (end) {
                java.nio.file.Files.deleteIfExists(spillFile);
                LOG.info("event store: {} spilled events committed", spilled);
                spilled = 0;
                spillReadPos = 0;
            }
        } catch (IOException e) {
            commitFailures++;
            throw new SQLException("reading spilled events from " + spillFile + ": " + e, e);
        }
    }

    /** Bytes read through it (where the next spill batch starts). */
    private static final class CountingInput extends java.io.FilterInputStream {
        long count;

        CountingInput(java.io.InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) count += n;
            return n;
        }
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
        if (broken) {
            throw new SQLException("event store unavailable: " + unavailable);
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
        if (pending.isEmpty() && spilled == 0) {
            return;
        }
        if (broken) {
            throw new SQLException("event store unavailable: " + unavailable);
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
        if (spilled > 0) {
            commitSpill();
        }
        // after a reconnect: rows whose commit went through although its answer was lost
        while (!pending.isEmpty() && pending.get(0).seq <= lastCommitted) pending.remove(0);
        if (!pending.isEmpty()) {
            commitRows(pending);
            pending.clear();
        }
    }

    /** Inserts {@code rows} and the highest sequence number in one transaction. */
    private void commitRows(List<Pending> rows) throws SQLException {
        long now = System.currentTimeMillis();
        try {
            for (Pending p : rows) {
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
            long last = rows.get(rows.size() - 1).seq;
            saveSeq.setLong(1, last);
            saveSeq.executeUpdate();
            writer.commit();
            lastCommitted = last;
            committedEvents += rows.size();
        } catch (SQLException e) {
            commitFailures++;
            try {
                insert.clearBatch();
                writer.rollback();
            } catch (SQLException ignored) {
                // the connection is broken; the next commit fails and says so
            }
            unavailable = reason(e);
            if (db.vendor == Database.Vendor.POSTGRESQL || writer.isClosed()) {
                broken = true; // the flusher reconnects (SQLite keeps its connection: a full disk is retried)
            }
            throw e;
        }
    }

    /**
     * Replaces the writer connection after a failure: connects (outside the lock, so recording goes
     * on meanwhile), takes the writer lock again and reads the last committed sequence number.
     */
    private void reconnect() throws SQLException {
        Connection c = db.connect();
        try {
            if (db.vendor == Database.Vendor.POSTGRESQL) {
                try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                    s.setLong(1, PG_WRITER_LOCK);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        if (!rs.getBoolean(1)) {
                            throw new SQLException("another Vigil became the writer of " + db.url);
                        }
                    }
                }
            }
            c.setAutoCommit(false);
            long stored = 0;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT value FROM recorder_state WHERE name = 'event_seq'")) {
                if (rs.next()) stored = rs.getLong(1);
            }
            c.commit();
            PreparedStatement ins = c.prepareStatement(INSERT);
            PreparedStatement save = c.prepareStatement(SAVE_SEQ);
            synchronized (this) {
                Connection old = writer;
                writer = c;
                insert = ins;
                saveSeq = save;
                lastCommitted = Math.max(lastCommitted, stored);
                broken = false;
                reconnects++;
                closeQuietly(old);
            }
            LOG.info("event store: reconnected to the database (sequence {} stored)", stored);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /**
     * A short reason for health and refusals: the root message (a batch failure's own message quotes
     * the statement with its values, which must not reach an API answer), at most 160 characters.
     */
    static String reason(SQLException e) {
        Throwable t = e;
        if (e.getNextException() != null) t = e.getNextException();
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        if (t instanceof java.sql.BatchUpdateException) m = "batch insert failed";
        m = m.replaceAll("\\s+", " ").strip();
        return m.length() > 160 ? m.substring(0, 157) + "..." : m;
    }

    /** Why events cannot be committed now (the database is unreachable...), or null when they can. */
    public String unavailable() {
        return unavailable;
    }

    private void backgroundFlush() {
        boolean retrying = unavailable != null;
        if (retrying && System.nanoTime() < nextAttemptNanos) {
            return; // back-off
        }
        try {
            if (broken && !closed) {
                reconnect();
            }
            while (true) {
                synchronized (this) {
                    if (closed) break;
                    if (spilled > 0 && !broken) {
                        commitSpillChunk(); // a catch-up: one batch per hold of the lock
                        continue;
                    }
                    commitPending();
                    break;
                }
            }
            if (retrying) {
                LOG.info("event store: available again, waiting events committed");
                unavailable = null;
                backoffNanos = MIN_BACKOFF_NANOS;
            }
        } catch (SQLException e) {
            unavailable = reason(e);
            nextAttemptNanos = System.nanoTime() + backoffNanos;
            backoffNanos = Math.min(MAX_BACKOFF_NANOS, backoffNanos * 2);
            logFailure(e);
        } catch (RuntimeException e) {
            LOG.error("event store: flush failed", e);
        }
    }

    private void logFailure(SQLException e) {
        if (Long.bitCount(commitFailures) == 1) {
            LOG.error("event store: commit failed ({} so far), events kept waiting: {}", commitFailures, reason(e));
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
        synchronized (readerLock) {
            try {
                return query(q, sql.toString());
            } catch (SQLException e) {
                if (db.vendor != Database.Vendor.POSTGRESQL) throw e;
                closeQuietly(reader); // the server went away and came back: one new connection, one retry
                reader = db.connect();
                return query(q, sql.toString());
            }
        }
    }

    private List<StoredEvent> query(EventQuery q, String sql) throws SQLException {
        List<StoredEvent> out = new ArrayList<>();
        try (PreparedStatement s = reader.prepareStatement(sql)) {
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
        return out;
    }

    /** Number of event rows in the store. */
    public long count() throws SQLException {
        synchronized (readerLock) {
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
                rowsDeleted,
                spilled,
                spilledTotal,
                peakWaitingInMemory,
                reconnects);
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
                synchronized (readerLock) {
                    closeQuietly(reader);
                }
                if (spillOut != null) {
                    try {
                        spillOut.close();
                    } catch (IOException ignored) {
                        // deleted or regenerated at the next open
                    }
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
