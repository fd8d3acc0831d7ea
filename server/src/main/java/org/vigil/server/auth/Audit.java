package org.vigil.server.auth;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.vigil.server.recording.Actor;

/**
 * The audit trail: who did what, when, from where, and how it ended. Append-only: this class has
 * no update or delete, no other class writes the {@code audit_log} table, and the recorder's
 * retention never touches it.
 *
 * <p>Every row is committed before {@link #record} returns (SQLite synchronous=FULL), so an action
 * that was acknowledged to the operator is in the trail even after a power cut. A feature must
 * record first and act or acknowledge only when {@code record} returned: if it throws, refuse the
 * action.
 *
 * <p>Tamper evidence: row N stores SHA-256(row N-1's hash, row N's fields). Editing, deleting or
 * inserting a row by hand in the database breaks the chain from there on, which {@link #verify()}
 * reports (the product itself cannot edit the trail; this catches edits made around it).
 */
public final class Audit implements AutoCloseable {

    /** How an audited action ended. */
    public enum Outcome {
        /** Done. */
        SUCCESS,
        /** Refused: not signed in, wrong role, bad credentials. */
        DENIED,
        /** Allowed, but it did not work (bad input, conflict, storage error). */
        FAILED;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Data time for actions that do not refer to a moment of the air picture (sign-in, user management). */
    public static final long NO_DATA_TIME = Long.MIN_VALUE;

    private static final String GENESIS = "0".repeat(64);
    private static final String COLUMNS = "seq, wall_time_millis, data_time_nanos, actor_user, actor_role, "
            + "actor_address, action, target, detail, outcome, row_hash";
    private static final int MAX_DETAIL = 4000;

    private final Connection c;
    private final Clock wallClock;
    private final PreparedStatement insert;
    private long lastSeq;
    private String lastHash;

    /**
     * @param wallClock the time stamp of each row ({@code Clock.systemUTC()} in service; the edge of
     *                  the system is the one place that uses the wall clock)
     */
    public Audit(AuthDatabase db, Clock wallClock) throws SQLException {
        this.wallClock = wallClock;
        this.c = db.connect();
        long seq = 0;
        String hash = GENESIS;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT seq, row_hash FROM audit_log ORDER BY seq DESC LIMIT 1")) {
            if (rs.next()) {
                seq = rs.getLong(1);
                hash = rs.getString(2);
            }
        }
        lastSeq = seq;
        lastHash = hash;
        insert = c.prepareStatement("INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    /**
     * Appends one action to the trail, durably. Returns its sequence number.
     *
     * @param who           the signed-in user, their role and address ({@link Security#actor})
     * @param action        dotted lower case, up to 64 characters: "alert.acknowledge", "scramble.order"
     * @param target        what it was done to, or null (cut to 256 characters)
     * @param detail        the reason or other free text, or null (cut to 4000 characters); never a secret
     * @param dataTimeNanos the air picture's time the action refers to, or {@link #NO_DATA_TIME}
     * @throws SQLException when it could not be stored: the caller must not carry out or acknowledge the action
     */
    public synchronized long record(
            Actor who, String action, String target, String detail, Outcome outcome, long dataTimeNanos)
            throws SQLException {
        if (who == null || outcome == null || action == null || action.isEmpty() || action.length() > 64) {
            throw new IllegalArgumentException("an audit row needs an actor, an action (1..64 chars) and an outcome");
        }
        String t = cut(target, 256);
        String d = cut(detail, MAX_DETAIL);
        long seq = lastSeq + 1;
        long wall = wallClock.millis();
        Long data = dataTimeNanos == NO_DATA_TIME ? null : dataTimeNanos;
        String hash = chain(
                lastHash, seq, wall, data, who.user(), who.role(), who.fromAddress(), action, t, d, outcome.wireName());
        insert.setLong(1, seq);
        insert.setLong(2, wall);
        if (data == null) {
            insert.setNull(3, Types.BIGINT);
        } else {
            insert.setLong(3, data);
        }
        insert.setString(4, who.user());
        insert.setString(5, who.role());
        insert.setString(6, who.fromAddress());
        insert.setString(7, action);
        insert.setString(8, t);
        insert.setString(9, d);
        insert.setString(10, outcome.wireName());
        insert.setString(11, hash);
        insert.executeUpdate();
        lastSeq = seq;
        lastHash = hash;
        return seq;
    }

    /** Rows after {@code afterSeq}, oldest first, at most {@code limit} (1..10000). */
    public synchronized List<AuditEntry> entries(long afterSeq, int limit) throws SQLException {
        int n = Math.max(1, Math.min(limit, 10_000));
        List<AuditEntry> out = new ArrayList<>();
        try (PreparedStatement s =
                c.prepareStatement("SELECT " + COLUMNS + " FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?")) {
            s.setLong(1, afterSeq);
            s.setInt(2, n);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long data = rs.getLong(3);
                    if (rs.wasNull()) {
                        data = NO_DATA_TIME;
                    }
                    out.add(new AuditEntry(
                            rs.getLong(1),
                            rs.getLong(2),
                            data,
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            outcome(rs.getString(10)),
                            rs.getString(11)));
                }
            }
        }
        return out;
    }

    /**
     * Walks the whole trail and checks numbering and hash chain. Returns the sequence number of the
     * first row that does not fit (edited, inserted, or following a deleted row), or 0 when the
     * trail is intact.
     */
    public synchronized long verify() throws SQLException {
        String prev = GENESIS;
        long expectSeq = 1;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq")) {
            while (rs.next()) {
                long seq = rs.getLong(1);
                long data = rs.getLong(3);
                Long dataTime = rs.wasNull() ? null : data;
                String hash = chain(
                        prev,
                        seq,
                        rs.getLong(2),
                        dataTime,
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10));
                if (seq != expectSeq || !hash.equals(rs.getString(11))) {
                    return seq;
                }
                prev = hash;
                expectSeq++;
            }
        }
        // A deleted tail is caught by comparing with what this process last wrote.
        return expectSeq - 1 < lastSeq ? expectSeq : 0;
    }

    /** Rows written so far (highest sequence number). */
    public synchronized long lastSequence() {
        return lastSeq;
    }

    private static Outcome outcome(String s) {
        for (Outcome o : Outcome.values()) {
            if (o.wireName().equals(s)) {
                return o;
            }
        }
        return Outcome.FAILED;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** Hash of the previous hash and the row's fields, each length-prefixed so no two rows encode alike. */
    private static String chain(String prev, long seq, long wall, Long data, String... fields) {
        StringBuilder b = new StringBuilder(256)
                .append(prev)
                .append('|')
                .append(seq)
                .append('|')
                .append(wall)
                .append('|')
                .append(data == null ? "-" : data.toString());
        for (String f : fields) {
            if (f == null) {
                b.append("|-");
            } else {
                b.append('|').append(f.length()).append(':').append(f);
            }
        }
        return HexFormat.of().formatHex(Tokens.sha256(b.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public synchronized void close() throws SQLException {
        insert.close();
        c.close();
    }
}
