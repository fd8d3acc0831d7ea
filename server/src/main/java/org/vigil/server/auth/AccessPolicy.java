package org.vigil.server.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which role each route needs: the server-side check behind every API call. Keys are
 * {@code "METHOD /path/{param}"} exactly as the route was registered with Javalin, and
 * {@code "WS /path"} for WebSockets.
 *
 * <p>Default deny: a registered route that is neither in this table nor registered with a
 * {@link Role} ({@code app.post(path, handler, Role.OPERATOR)}) is refused to everyone, and
 * {@code SecurityRoutesTest} fails on it, so a new route cannot go out unprotected by accident.
 * Public (no session): the console's static files, {@code GET /} , {@code GET /api/health} and the
 * sign-in routes; everything else needs a session.
 */
public final class AccessPolicy {

    /** What a route needs: nothing ({@link #PUBLIC}) or a session with at least {@code role}. */
    public record Rule(boolean open, Role role) {
        public static final Rule PUBLIC = new Rule(true, null);

        public static Rule of(Role role) {
            return new Rule(false, role);
        }

        /** True when a session with this role may use the route (always for public ones). */
        public boolean allows(Role held) {
            return open || held != null && held.includes(role);
        }

        @Override
        public String toString() {
            return open ? "public" : role.wireName();
        }
    }

    private final Map<String, Rule> table;

    private AccessPolicy(Map<String, Rule> table) {
        this.table = table;
    }

    /** Vigil's routes. A feature adding a route adds its line here (or registers the route with a Role). */
    public static AccessPolicy standard() {
        Map<String, Rule> t = new LinkedHashMap<>();
        // Public: the console shell, health for monitoring, and the way in.
        t.put("GET /", Rule.PUBLIC); // the "console not built" notice
        t.put("GET /api/health", Rule.PUBLIC);
        t.put("POST /api/auth/login", Rule.PUBLIC);
        t.put("GET /api/auth/setup", Rule.PUBLIC);
        t.put("POST /api/auth/setup", Rule.PUBLIC);
        // Any signed-in user: their own session.
        t.put("POST /api/auth/logout", Rule.of(Role.OBSERVER));
        t.put("GET /api/me", Rule.of(Role.OBSERVER));
        t.put("POST /api/me/password", Rule.of(Role.OBSERVER));
        // The air picture: read.
        t.put("GET /api/aircraft", Rule.of(Role.OBSERVER));
        t.put("GET /api/plots", Rule.of(Role.OBSERVER));
        t.put("GET /api/flightplans", Rule.of(Role.OBSERVER));
        t.put("POST /api/flightplans", Rule.of(Role.OPERATOR)); // file, change, cancel plans (ATS text), audited
        t.put("GET /api/airspace", Rule.of(Role.OBSERVER)); // national airspaces and zones, GeoJSON
        t.put("GET /api/tracks", Rule.of(Role.OBSERVER));
        t.put("GET /api/feeds", Rule.of(Role.OBSERVER));
        t.put("WS /ws", Rule.of(Role.OBSERVER));
        // Alerts and identification (org.vigil.server.ident.AlertService): read, and the operator's actions.
        t.put("GET /api/alerts", Rule.of(Role.OBSERVER));
        t.put("GET /api/tracks/{track}/identity", Rule.of(Role.OBSERVER));
        t.put("POST /api/alerts/{id}/acknowledge", Rule.of(Role.OPERATOR));
        t.put("POST /api/alerts/{id}/assign", Rule.of(Role.OPERATOR));
        t.put("POST /api/alerts/{id}/resolve", Rule.of(Role.OPERATOR));
        t.put("POST /api/tracks/{track}/identity", Rule.of(Role.OPERATOR)); // override, with a reason
        t.put("DELETE /api/tracks/{track}/identity", Rule.of(Role.OPERATOR)); // end the override
        t.put("POST /api/tracks/{track}/radio-contact", Rule.of(Role.OPERATOR));
        t.put("POST /api/tracks/{track}/no-reply", Rule.of(Role.OPERATOR));
        // Scrambles and QRA posture (org.vigil.server.qra.QraApi): everyone on watch sees them, an
        // operator proposes, a supervisor orders, re-tasks, cancels, enters the outcome and changes the posture.
        t.put("GET /api/qra/posture", Rule.of(Role.OBSERVER));
        t.put("GET /api/qra/units", Rule.of(Role.OBSERVER));
        t.put("GET /api/qra/recommendation", Rule.of(Role.OBSERVER));
        t.put("GET /api/qra/responsiveness", Rule.of(Role.OBSERVER));
        t.put("POST /api/qra/responsiveness", Rule.of(Role.OBSERVER)); // a what-if: computes, changes nothing
        t.put("GET /api/scrambles", Rule.of(Role.OBSERVER));
        t.put("GET /api/scrambles/{id}", Rule.of(Role.OBSERVER));
        t.put("POST /api/scrambles", Rule.of(Role.OPERATOR)); // propose
        t.put("POST /api/scrambles/{id}/order", Rule.of(Role.SUPERVISOR)); // Alpha scramble
        t.put("POST /api/scrambles/{id}/retask", Rule.of(Role.SUPERVISOR));
        t.put("POST /api/scrambles/{id}/cancel", Rule.of(Role.SUPERVISOR));
        t.put("POST /api/scrambles/{id}/rtb", Rule.of(Role.SUPERVISOR));
        t.put("POST /api/scrambles/{id}/outcome", Rule.of(Role.SUPERVISOR));
        t.put("POST /api/qra/detachments", Rule.of(Role.SUPERVISOR));
        t.put("PUT /api/qra/detachments/{id}/base", Rule.of(Role.SUPERVISOR));
        t.put("PUT /api/qra/detachments/{id}/readiness", Rule.of(Role.SUPERVISOR));
        t.put("DELETE /api/qra/detachments/{id}", Rule.of(Role.SUPERVISOR));
        // Accountability: supervisors review what was done on their watch.
        t.put("GET /api/audit", Rule.of(Role.SUPERVISOR));
        // Users: admin only.
        t.put("GET /api/users", Rule.of(Role.ADMIN));
        t.put("POST /api/users", Rule.of(Role.ADMIN));
        t.put("PUT /api/users/{username}/role", Rule.of(Role.ADMIN));
        t.put("PUT /api/users/{username}/disabled", Rule.of(Role.ADMIN));
        t.put("POST /api/users/{username}/password", Rule.of(Role.ADMIN));
        return new AccessPolicy(Collections.unmodifiableMap(t));
    }

    /** A copy with one more (or a replaced) entry; {@code role} null means public. */
    public AccessPolicy with(String method, String path, Role role) {
        Map<String, Rule> t = new LinkedHashMap<>(table);
        t.put(key(method, path), role == null ? Rule.PUBLIC : Rule.of(role));
        return new AccessPolicy(Collections.unmodifiableMap(t));
    }

    /** The table entry for a registered route, or null when the table does not name it. */
    public Rule rule(String method, String path) {
        return table.get(key(method, path));
    }

    /** The whole table, in declaration order (for docs and tests). */
    public Map<String, Rule> table() {
        return table;
    }

    static String key(String method, String path) {
        return method + " " + path;
    }
}
