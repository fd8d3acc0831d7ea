package org.vigil.server.auth;

import io.javalin.security.RouteRole;
import java.util.Locale;

/**
 * What a signed-in user may do. The roles form a ladder: each includes everything the ones below
 * it may do (admin ⊇ supervisor ⊇ operator ⊇ observer), because in a QRA cell the person who may
 * order a scramble must also be able to see the picture and acknowledge the alert that led to it.
 *
 * <p>Every route names the lowest role it needs when it is registered
 * ({@code app.post("/api/x", h, Role.OPERATOR)}), or {@link Access#PUBLIC}; {@link Security} checks
 * it before the handler runs.
 */
public enum Role implements RouteRole {
    /** Sees the air picture, tracks, alerts, feeds: read only. */
    OBSERVER,
    /** Acknowledges alerts, proposes a scramble, overrides an identity (with a reason). */
    OPERATOR,
    /** Orders scrambles, manages the QRA posture. */
    SUPERVISOR,
    /** Manages users and configuration. */
    ADMIN;

    /** True when a user holding this role may do what {@code needed} may do. */
    public boolean includes(Role needed) {
        return ordinal() >= needed.ordinal();
    }

    /** Lower-case name as used in the API and the database ("operator"). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; null for anything else (callers answer 400, never throw further). */
    public static Role parse(String s) {
        if (s == null) {
            return null;
        }
        for (Role r : values()) {
            if (r.wireName().equals(s.trim().toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        return null;
    }
}
