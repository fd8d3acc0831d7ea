package org.vigil.server.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recorder: every raw input into the {@link Journal}, every event into the {@link EventStore},
 * retention run periodically over both. This is the API the pipeline, replay, restart, audit and
 * exports build on; it is the only place that knows where things are kept.
 *
 * <p>Threading: {@link #recordRaw} is for the feed/pipeline threads (no allocation, no exceptions
 * for bad input); events may be recorded from any thread.
 */
public final class Recorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Recorder.class);

    private final RecorderConfig config;
    private final Journal journal;
    private final EventStore events;
    private final ScheduledExecutorService retention;
    private final LongSupplier nowNanos;
    /** Events kept waiting in memory while the database is unavailable; beyond, they spill to a local file. */
    public static final int MEMORY_LIMIT = 20_000;

    private int actionFeed = -1;
    private long actionsEntered;

    private Recorder(RecorderConfig config, LongSupplier nowNanos) throws IOException, SQLException {
        this.config = config;
        this.nowNanos = nowNanos;
        Files.createDirectories(config.directory());
        journal = Journal.open(config.directory().resolve("raw"), config.journal());
        EventStore ev;
        try {
            ev = EventStore.open(
                    config.effectiveJdbcUrl(),
                    config.dbUser(),
                    config.dbPassword(),
                    config.eventBatchInterval(),
                    config.maxEventBatch());
        } catch (SQLException | IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
        events = ev;
        try {
            // a database outage keeps at most this many waiting events in memory, the rest in a local file
            events.spillTo(config.directory().resolve("spill").resolve("events.spill"), MEMORY_LIMIT);
        } catch (IOException | RuntimeException e) {
            events.close();
            journal.close();
            throw e;
        }
        // an event committed must never refer to raw input a process crash could still lose
        // (restart regenerates events from the journal and matches them against the stored ones)
        events.beforeCommit(journal::flushToOs);
        if (config.retentionEvery().isZero() || config.retentionEvery().isNegative()) {
            retention = null;
        } else {
            retention = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "recorder-retention");
                t.setDaemon(true);
                return t;
            });
            long every = config.retentionEvery().toNanos();
            var unused = // the task catches and logs its own failures; the executor is shut down on close
                    retention.scheduleWithFixedDelay(this::retentionQuietly, every, every, TimeUnit.NANOSECONDS);
        }
        LOG.info(
                "recorder: raw journal in {}, events in {}",
                journal.directory(),
                events.isPostgres() ? "PostgreSQL" : config.effectiveJdbcUrl());
    }

    /** Opens the recorder; retention ages are measured against the wall clock. */
    public static Recorder open(RecorderConfig config) throws IOException, SQLException {
        return new Recorder(config, () -> System.currentTimeMillis() * 1_000_000L);
    }

    /** Opens the recorder with a given clock for retention (epoch nanos), e.g. data time in tests or replay. */
    public static Recorder open(RecorderConfig config, LongSupplier nowNanos) throws IOException, SQLException {
        return new Recorder(config, nowNanos);
    }

    /** Feed id for {@link #recordRaw}; -1 if refused (bad name). Call once per feed, not per message. */
    public int feed(String feedName) {
        int id = journal.feedId(feedName);
        if (id >= 0) mirrorNames.put(id, feedName);
        return id;
    }

    /**
     * Another copy of every raw input and machine event recorded from now on (the Kafka backbone,
     * docs/SCALE.md), sent just after the journal or event store took it; closed with the recorder.
     */
    public void mirror(RecordingMirror m) {
        this.mirror = m;
    }

    /** What {@link #mirror} gets: the journal's feed name (its kind prefix and source), times, bytes. */
    public interface RecordingMirror extends AutoCloseable {
        void raw(String feed, long receiveNanos, long dataNanos, byte[] bytes, int offset, int length);

        void event(String type, long dataTimeNanos, Long trackNumber, String json);

        @Override
        void close();
    }

    private volatile RecordingMirror mirror;
    private final java.util.concurrent.ConcurrentHashMap<Integer, String> mirrorNames =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Records one raw input; false if rejected (counted in {@link Journal#stats()}). */
    public boolean recordRaw(int feedId, long receiveNanos, long dataNanos, byte[] bytes, int offset, int length) {
        boolean ok = journal.append(feedId, receiveNanos, dataNanos, bytes, offset, length);
        RecordingMirror m = mirror;
        if (m != null) {
            String name = mirrorNames.get(feedId);
            if (name != null) m.raw(name, receiveNanos, dataNanos, bytes, offset, length);
        }
        return ok;
    }

    /** Records a machine event (batched). */
    public long recordEvent(String type, long dataTimeNanos, Long trackNumber, String payloadJson) {
        long seq = events.record(type, dataTimeNanos, trackNumber, payloadJson);
        RecordingMirror m = mirror;
        if (m != null) m.event(type, dataTimeNanos, trackNumber, payloadJson);
        return seq;
    }

    /**
     * The event store's synchronous commit of an operator action row (with every event recorded
     * before it); the returned sequence number is the acknowledgement. Live actions use the two
     * steps below, which end in this call; used alone by tools and tests.
     */
    public long recordOperatorAction(String type, long dataTimeNanos, Long trackNumber, String payloadJson, Actor actor)
            throws SQLException {
        return events.recordOperatorAction(type, dataTimeNanos, trackNumber, payloadJson, actor);
    }

    /**
     * Why operator actions cannot be made durable now (the event store is unavailable), or null: a
     * feature refuses the action with 503 and this reason before carrying it out.
     */
    public String operatorActionsRefused() {
        String why = events.unavailable();
        return why == null ? null : "event store unavailable (" + why + "): action not taken";
    }

    /**
     * The one write path of an operator action (docs/STORAGE.md "Operator actions"), step 1: on the
     * picture's owner, once the action is checked and just before it takes effect, its command
     * ({@code commandJson}, what a restart needs to carry it out again) enters the raw journal at
     * that point of the input sequence (feed {@link RawInput#OPERATOR_ACTIONS}).
     *
     * @return false when the journal refused it (closed, full disk): refuse the action
     */
    public boolean enterOperatorAction(long dataTimeNanos, String commandJson) {
        byte[] b = commandJson.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        synchronized (this) {
            if (actionFeed < 0) actionFeed = journal.feedId(RawInput.OPERATOR_ACTIONS);
            if (actionFeed < 0 || !journal.append(actionFeed, dataTimeNanos, dataTimeNanos, b, 0, b.length)) {
                return false;
            }
            RecordingMirror m = mirror;
            if (m != null) m.raw(RawInput.OPERATOR_ACTIONS, dataTimeNanos, dataTimeNanos, b, 0, b.length);
            actionsEntered++;
            return true;
        }
    }

    /**
     * Step 2, off the picture's thread, before the action is acknowledged: the journal is synced to
     * disk (fdatasync, with the command in it) and the action's row is committed in the event store
     * together with every event recorded before it, the action's own events among them. When the
     * database fails in between, the row waits for its return (the action is already durable in the
     * journal, and a restart carries it out again): the action still counts as durable.
     *
     * @throws IOException when the journal could not be synced: the action is not durable, do not
     *     acknowledge it
     */
    public long commitOperatorAction(String type, long dataTimeNanos, Long trackNumber, String payloadJson, Actor actor)
            throws IOException {
        journal.sync();
        try {
            return events.recordOperatorAction(type, dataTimeNanos, trackNumber, payloadJson, actor);
        } catch (SQLException e) {
            return events.queueOperatorAction(type, dataTimeNanos, trackNumber, payloadJson, actor);
        }
    }

    /** Operator actions entered into the journal by this process. */
    public synchronized long operatorActionsEntered() {
        return actionsEntered;
    }

    public Journal raw() {
        return journal;
    }

    public EventStore events() {
        return events;
    }

    public RecorderConfig config() {
        return config;
    }

    /** Runs retention now over raw input and events; returns journal bytes and event rows deleted. */
    public long[] applyRetention() throws IOException, SQLException {
        long now = nowNanos.getAsLong();
        long bytes = journal.applyRetention(config.retention(), now);
        long rows = events.applyRetention(config.retention(), now);
        return new long[] {bytes, rows};
    }

    private void retentionQuietly() {
        try {
            long[] d = applyRetention();
            if (d[0] > 0 || d[1] > 0) {
                LOG.info("recorder retention: {} journal bytes and {} events deleted", d[0], d[1]);
            }
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.error("recorder retention failed: {}", e.toString());
        }
    }

    /** Commits waiting events and syncs the journal: everything recorded so far is durable after this. */
    public void sync() throws IOException, SQLException {
        journal.sync();
        events.flush();
    }

    @Override
    public void close() throws IOException, SQLException {
        if (retention != null) {
            retention.shutdownNow();
        }
        RecordingMirror m = mirror;
        mirror = null;
        if (m != null) m.close(); // its last events were recorded before (the server closes first)
        try {
            events.close();
        } finally {
            journal.close();
        }
    }
}
