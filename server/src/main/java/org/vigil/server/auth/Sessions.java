package org.vigil.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

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
    /** Told of every session that ends (logout, user changed, expired): open WebSockets close with it. */
    private final List<Consumer<Session>> endListeners = new CopyOnWriteArrayList<>();

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
        if (expired(e, now)) {
            if (byDigest.remove(id, e)) {
                ended(List.of(e.session));
            }
            return null;
        }
        e.lastUsedMillis = now;
        return e.session;
    }

    /** True while the session with this id lives; unlike {@link #find} it is not activity. */
    public boolean isLive(String id) {
        Entry e = byDigest.get(id);
        return e != null && !expired(e, clock.millis());
    }

    private boolean expired(Entry e, long now) {
        return now >= e.session.expiresAtMillis() || now - e.lastUsedMillis >= idle.toMillis();
    }

    /** Calls {@code listener} with every session that ends from now on (on the thread that ended it). */
    public void onEnd(Consumer<Session> listener) {
        endListeners.add(listener);
    }

    /** Stops calling a listener given to {@link #onEnd}. */
    public void removeOnEnd(Consumer<Session> listener) {
        endListeners.remove(listener);
    }

    private void ended(List<Session> gone) {
        for (Consumer<Session> l : endListeners) {
            for (Session s : gone) {
                l.accept(s);
            }
        }
    }

    /** Ends one session (logout). */
    public void end(Session s) {
        Entry e = byDigest.remove(s.id());
        if (e != null) {
            ended(List.of(e.session));
        }
    }

    /** Ends every session of a user (role changed, disabled, password reset); returns how many. */
    public int endAll(String username) {
        List<Session> gone = new ArrayList<>();
        byDigest.values().removeIf(e -> {
            boolean match = e.session.username().equals(username);
            if (match) {
                gone.add(e.session);
            }
            return match;
        });
        ended(gone);
        return gone.size();
    }

    /** Drops expired sessions. */
    public void sweep() {
        long now = clock.millis();
        List<Session> gone = new ArrayList<>();
        byDigest.values().removeIf(e -> {
            boolean x = expired(e, now);
            if (x) {
                gone.add(e.session);
            }
            return x;
        });
        ended(gone);
    }

    public int count() {
        return byDigest.size();
    }

    /** Seconds a fresh session lives at most (for the cookie's Max-Age). */
    public int lifetimeSeconds() {
        return (int) Math.min(Integer.MAX_VALUE, lifetime.toSeconds());
    }
}
