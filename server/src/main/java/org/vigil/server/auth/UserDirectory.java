package org.vigil.server.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The users in the {@code vigil_user} table. One connection, used under this object's lock: user
 * management is rare and small, so simple beats a pool.
 *
 * <p>Invariant kept here rather than by each caller: the last enabled admin cannot be demoted or
 * disabled, so the system can never lock its administrators out (recovery would need the database).
 */
public final class UserDirectory implements AutoCloseable {

    private static final String COLUMNS =
            "username, password_hash, role, disabled, created_at_millis, " + "password_changed_at_millis";

    /** A user with the stored password hash: only for sign-in, never leaves this package. */
    record Stored(User user, String passwordHash) {}

    /** Outcome of a change, for the API's status code and the audit. */
    public enum Change {
        DONE,
        NO_SUCH_USER,
        ALREADY_EXISTS,
        LAST_ADMIN
    }

    private final Connection c;

    public UserDirectory(AuthDatabase db) throws SQLException {
        this.c = db.connect();
    }

    synchronized Stored find(String username) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM vigil_user WHERE username = ?")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? row(rs) : null;
            }
        }
    }

    /** The user without the hash, or null. */
    public User user(String username) throws SQLException {
        Stored s = find(username);
        return s == null ? null : s.user();
    }

    /** Every user, by name. */
    public synchronized List<User> list() throws SQLException {
        List<User> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM vigil_user ORDER BY username");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(row(rs).user());
            }
        }
        return out;
    }

    /** True when at least one enabled admin exists (else the first-start setup is needed). */
    public synchronized boolean hasEnabledAdmin() throws SQLException {
        return enabledAdmins() > 0;
    }

    private int enabledAdmins() throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT COUNT(*) FROM vigil_user WHERE role = ? AND disabled = 0")) {
            s.setString(1, Role.ADMIN.wireName());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Adds a user with an already computed password hash. */
    public synchronized Change create(String username, Role role, String passwordHash, long nowMillis)
            throws SQLException {
        if (find(username) != null) {
            return Change.ALREADY_EXISTS;
        }
        try (PreparedStatement s =
                c.prepareStatement("INSERT INTO vigil_user (" + COLUMNS + ") VALUES (?, ?, ?, 0, ?, ?)")) {
            s.setString(1, username);
            s.setString(2, passwordHash);
            s.setString(3, role.wireName());
            s.setLong(4, nowMillis);
            s.setLong(5, nowMillis);
            s.executeUpdate();
        }
        return Change.DONE;
    }

    /** Changes a user's role; refuses to demote the last enabled admin. */
    public synchronized Change setRole(String username, Role role) throws SQLException {
        Stored u = find(username);
        if (u == null) {
            return Change.NO_SUCH_USER;
        }
        if (isLastAdmin(u) && role != Role.ADMIN) {
            return Change.LAST_ADMIN;
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE vigil_user SET role = ? WHERE username = ?")) {
            s.setString(1, role.wireName());
            s.setString(2, username);
            return s.executeUpdate() == 1 ? Change.DONE : Change.NO_SUCH_USER;
        }
    }

    /** Disables or re-enables a user; refuses to disable the last enabled admin. */
    public synchronized Change setDisabled(String username, boolean disabled) throws SQLException {
        Stored u = find(username);
        if (u == null) {
            return Change.NO_SUCH_USER;
        }
        if (disabled && isLastAdmin(u)) {
            return Change.LAST_ADMIN;
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE vigil_user SET disabled = ? WHERE username = ?")) {
            s.setInt(1, disabled ? 1 : 0);
            s.setString(2, username);
            return s.executeUpdate() == 1 ? Change.DONE : Change.NO_SUCH_USER;
        }
    }

    /** Replaces the password hash. */
    public synchronized Change setPasswordHash(String username, String passwordHash, long nowMillis)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE vigil_user SET password_hash = ?, password_changed_at_millis = ? WHERE username = ?")) {
            s.setString(1, passwordHash);
            s.setLong(2, nowMillis);
            s.setString(3, username);
            return s.executeUpdate() == 1 ? Change.DONE : Change.NO_SUCH_USER;
        }
    }

    private boolean isLastAdmin(Stored u) throws SQLException {
        return u.user().role() == Role.ADMIN && !u.user().disabled() && enabledAdmins() <= 1;
    }

    private static Stored row(ResultSet rs) throws SQLException {
        Role role = Role.parse(rs.getString(3));
        // An unknown role in the table (edited by hand) grants nothing: treat the user as disabled.
        boolean disabled = rs.getInt(4) != 0 || role == null;
        return new Stored(
                new User(rs.getString(1), role == null ? Role.OBSERVER : role, disabled, rs.getLong(5), rs.getLong(6)),
                rs.getString(2));
    }

    @Override
    public synchronized void close() throws SQLException {
        c.close();
    }
}
