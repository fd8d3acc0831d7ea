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
import javax.crypto.Mac;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * <p>Tamper evidence: row N stores HMAC-SHA256(key, row N-1's hash, row N's fields), with the key
 * kept outside the database ({@link AuditKey}). Editing, deleting or inserting a row by hand in the
 * database breaks the chain from there on, and without the key it cannot be recomputed. A cut tail
 * is caught with the anchor: a file beside the key holding the last row's number and hash, itself
 * signed with the key and rewritten after every row. {@link #check()} reports the first bad row.
 * Without a key (tests, old trails) rows are chained with plain SHA-256; when a key is first used,
 * the rows already there are kept as they are and the keyed rows after them seal them
 * ({@code keyedFrom} in the anchor).
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

    private static final Logger LOG = LoggerFactory.getLogger(Audit.class);
    private static final String ANCHOR_MAGIC = "vigil-audit-anchor/1";

    private final Connection c;
    private final Clock wallClock;
    private final PreparedStatement insert;
    /** Null: unkeyed (plain SHA-256 chain). */
    private final AuditKey key;

    private final Mac mac;
    private long lastSeq;
    private String lastHash;
    /** First row written with the key; 0 when unkeyed. */
    private long keyedFrom;
    /** What was wrong with the anchor at open (missing, altered), or null. */
    private String anchorProblem;

    private long anchorWriteFailures;

    /**
     * An unkeyed trail (plain SHA-256 chain): for tests and tools only; a server uses
     * {@link #Audit(AuthDatabase, Clock, AuditKey)}.
     *
     * @param wallClock the time stamp of each row ({@code Clock.systemUTC()} in service; the edge of
     *                  the system is the one place that uses the wall clock)
     */
    public Audit(AuthDatabase db, Clock wallClock) throws SQLException {
        this(db, wallClock, null);
    }

    /**
     * A trail keyed with {@code key} (null: unkeyed). When the key is new, rows already in the trail
     * are kept as they are (an old unkeyed trail) and keyed rows follow them.
     */
    public Audit(AuthDatabase db, Clock wallClock, AuditKey key) throws SQLException {
        this.wallClock = wallClock;
        this.key = key;
        this.mac = key == null ? null : key.mac();
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
        if (key != null) {
            openAnchor();
        }
        insert = c.prepareStatement("INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    /** A signed anchor, as stored in the anchor file. */
    private record Anchor(long keyedFrom, long lastSeq, String lastHash) {}

    private void openAnchor() {
        Anchor a = null;
        try {
            a = readAnchor();
        } catch (java.io.IOException e) {
            anchorProblem = "audit anchor " + key.anchorFile() + " unreadable: " + e.getMessage();
        }
        if (a != null) {
            keyedFrom = a.keyedFrom();
            return;
        }
        if (anchorProblem == null && !key.created() && lastSeq > 0) {
            anchorProblem = "audit anchor " + key.anchorFile() + " is missing";
        }
        // A new key (an old unkeyed trail, or a fresh one): keyed rows start after what is there.
        // A missing or altered anchor: reported by check(); the keyed rows already there still verify.
        keyedFrom = lastSeq + 1;
        writeAnchor();
    }

    private Anchor readAnchor() throws java.io.IOException {
        java.nio.file.Path f = key.anchorFile();
        if (!java.nio.file.Files.exists(f)) {
            return null;
        }
        String[] p = java.nio.file.Files.readString(f, StandardCharsets.US_ASCII)
                .trim()
                .split(" ");
        if (p.length != 5 || !p[0].equals(ANCHOR_MAGIC) || !p[4].equals(anchorMac(p[1], p[2], p[3]))) {
            anchorProblem = "audit anchor " + f + " was altered (its signature does not match)";
            return null;
        }
        try {
            return new Anchor(Long.parseLong(p[1]), Long.parseLong(p[2]), p[3]);
        } catch (NumberFormatException e) {
            anchorProblem = "audit anchor " + f + " was altered";
            return null;
        }
    }

    private String anchorMac(String keyedFromText, String seqText, String hash) {
        return HexFormat.of()
                .formatHex(mac.doFinal((ANCHOR_MAGIC + "|" + keyedFromText + "|" + seqText + "|" + hash)
                        .getBytes(StandardCharsets.UTF_8)));
    }

    /** Rewrites the anchor with the current end of the chain; a failure is logged, never fails a row. */
    private void writeAnchor() {
        if (key.verifyOnly()) {
            return;
        }
        String k = Long.toString(keyedFrom);
        String n = Long.toString(lastSeq);
        String line = ANCHOR_MAGIC + " " + k + " " + n + " " + lastHash + " " + anchorMac(k, n, lastHash) + "\n";
        try {
            DataFiles.replaceOwnerOnly(key.anchorFile(), line.getBytes(StandardCharsets.US_ASCII));
        } catch (java.io.IOException | RuntimeException e) {
            if (Long.bitCount(++anchorWriteFailures) == 1) {
                LOG.error(
                        "audit anchor {} not written ({} so far): {}",
                        key.anchorFile(),
                        anchorWriteFailures,
                        e.toString());
            }
        }
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
                mac,
                lastHash,
                seq,
                wall,
                data,
                who.user(),
                who.role(),
                who.fromAddress(),
                action,
                t,
                d,
                outcome.wireName());
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
        if (key != null) {
            writeAnchor();
        }
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
     * Walks the whole trail and checks numbering, chain and anchor. Returns the sequence number of
     * the first row that does not fit (edited, inserted, the first one deleted, or the first of a cut
     * tail), or 0 when the trail is intact. {@link #check()} says more.
     */
    public synchronized long verify() throws SQLException {
        return check().firstBadSeq();
    }

    /** Walks the whole trail: numbering, the (keyed) chain, and the anchor of its end. */
    public synchronized AuditVerification check() throws SQLException {
        Anchor anchor = null;
        String problemAtOpen = anchorProblem;
        if (key != null && problemAtOpen == null) {
            try {
                anchor = readAnchor();
            } catch (java.io.IOException e) {
                problemAtOpen = "audit anchor " + key.anchorFile() + " unreadable: " + e.getMessage();
            }
            if (anchor == null && problemAtOpen == null) {
                problemAtOpen =
                        anchorProblem != null ? anchorProblem : "audit anchor " + key.anchorFile() + " is missing";
            }
        }
        long now = wallClock.millis();
        String prev = GENESIS;
        long expectSeq = 1;
        boolean keyedSeen = false;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq")) {
            while (rs.next()) {
                long seq = rs.getLong(1);
                if (seq != expectSeq) {
                    // the first row that does not fit: the one after a gap (its predecessor is gone)
                    return broken(
                            expectSeq - 1,
                            seq,
                            seq > expectSeq
                                    ? "row " + expectSeq + (seq - 1 > expectSeq ? " to " + (seq - 1) : "")
                                            + " missing (deleted) before row " + seq
                                    : "row " + seq + " appears twice or out of order",
                            now);
                }
                long data = rs.getLong(3);
                Long dataTime = rs.wasNull() ? null : data;
                String[] fields = {
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9),
                    rs.getString(10)
                };
                String stored = rs.getString(11);
                boolean ok = false;
                if (mac != null
                        && chain(mac, prev, seq, rs.getLong(2), dataTime, fields)
                                .equals(stored)) {
                    ok = true;
                    keyedSeen = true;
                } else if (!keyedSeen
                        && (mac == null || seq < keyedFrom)
                        && chain(null, prev, seq, rs.getLong(2), dataTime, fields)
                                .equals(stored)) {
                    ok = true; // a row from before keying, sealed by the keyed rows after it
                }
                if (!ok) {
                    return broken(
                            seq - 1,
                            seq,
                            "row " + seq + " was edited or inserted (its hash does not match"
                                    + (mac == null ? ")" : " the key)"),
                            now);
                }
                if (anchor != null && seq == anchor.lastSeq() && !stored.equals(anchor.lastHash())) {
                    return broken(seq - 1, seq, "row " + seq + " differs from the anchor", now);
                }
                prev = stored;
                expectSeq++;
            }
        }
        long rows = expectSeq - 1;
        if (anchor != null && rows < anchor.lastSeq()) {
            return broken(
                    rows,
                    rows + 1,
                    "rows " + (rows + 1) + " to " + anchor.lastSeq() + " missing: the end of the trail was cut",
                    now);
        }
        if (rows < lastSeq) {
            // A deleted tail is caught by comparing with what this process last wrote.
            return broken(rows, rows + 1, "rows " + (rows + 1) + " to " + lastSeq + " missing: the end was cut", now);
        }
        if (problemAtOpen != null) {
            return broken(rows, Math.max(1, rows), problemAtOpen, now);
        }
        return new AuditVerification(true, mac != null, rows, 0, null, mac == null ? 0 : keyedFrom, now);
    }

    private AuditVerification broken(long rowsRead, long firstBad, String problem, long now) {
        return new AuditVerification(false, mac != null, rowsRead, firstBad, problem, mac == null ? 0 : keyedFrom, now);
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

    /**
     * HMAC (with {@code mac}) or, without one, SHA-256 of the previous hash and the row's fields, each
     * length-prefixed so no two rows encode alike.
     */
    private static String chain(Mac mac, String prev, long seq, long wall, Long data, String... fields) {
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
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(mac == null ? Tokens.sha256(bytes) : mac.doFinal(bytes));
    }

    @Override
    public synchronized void close() throws SQLException {
        insert.close();
        c.close();
    }
}
