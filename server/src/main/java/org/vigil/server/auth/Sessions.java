package org.vigil.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live sessions, in memory, keyed by the SHA-256 of the token. A restart signs everyone out: a
 * session is cheap to make again and this way no token is ever written to disk.
 *
 * <p>A session ends at the first of: its absolute lifetime, {@code idle} without a request, logout,
 * or any change to its user. Expired sessions are dropped when next looked up and by {@link #sweep()}.
 */
public final class Sessions {

    /** Cap on live sessions, so a client signing in in a loop cannot exhaust memory. */
    static final int MAX_SESSIONS = 10_000;

    private final Clock clock;
    private final Duration lifetime;
    private final Duration idle;
    private final Map<String, Entry> byDigest = new ConcurrentHashMap<>();

    private static final class Entry {
        final Session session;
        volatile long lastUsedMillis;

        Entry(Session session, long now) {
            this.session = session;
            this.lastUsedMillis = now;
        }
    }

    public Sessions(Clock clock, Duration lifetime, Duration idle) {
        if (lifetime.isNegative() || lifetime.isZero() || idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("session lifetime and idle timeout must be positive");
        }
        this.clock = clock;
        this.lifetime = lifetime;
        this.idle = idle;
    }

    /**
     * Starts a session and returns its token: the only time the token exists outside the client.
     * Returns null when too many sessions are live.
     */
    public String start(String username, Role role) {
        sweep();
        if (byDigest.size() >= MAX_SESSIONS) {
            return null;
        }
        String token = Tokens.newToken();
        long now = clock.millis();
        String id = Tokens.digest(token);
        byDigest.put(id, new Entry(new Session(id, username, role, now, now + lifetime.toMillis()), now));
        return token;
    }

    /** The live session for a token, or null (unknown, expired, idle too long). Counts as activity. */
    public Session find(String token) {
        if (token == null || token.isEmpty() || token.length() > 128) {
            return null;
        }
        String id = Tokens.digest(token);
        Entry e = byDigest.get(id);
        if (e == null) {
            return null;
        }
        long now = clock.millis();
        if (now >= e.session.expiresAtMillis() || now - e.lastUsedMillis >= idle.toMillis()) {
            byDigest.remove(id, e);
            return null;
        }
        e.lastUsedMillis = now;
        return e.session;
    }

    /** Ends one session (logout). */
    public void end(Session s) {
        byDigest.remove(s.id());
    }

    /** Ends every session of a user (role changed, disabled, password reset); returns how many. */
    public int endAll(String username) {
        int[] n = {0};
        byDigest.values().removeIf(e -> {
            boolean match = e.session.username().equals(username);
            if (match) {
                n[0]++;
            }
            return match;
        });
        return n[0];
    }

    /** Drops expired sessions. */
    public void sweep() {
        long now = clock.millis();
        byDigest.values()
                .removeIf(e -> now >= e.session.expiresAtMillis() || now - e.lastUsedMillis >= idle.toMillis());
    }

    public int count() {
        return byDigest.size();
    }

    /** Seconds a fresh session lives at most (for the cookie's Max-Age). */
    public int lifetimeSeconds() {
        return (int) Math.min(Integer.MAX_VALUE, lifetime.toSeconds());
    }
}
