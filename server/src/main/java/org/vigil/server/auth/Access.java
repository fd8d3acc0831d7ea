package org.vigil.server.auth;

import io.javalin.security.RouteRole;

/**
 * The route role for routes anyone may call without signing in, next to the user ladder of
 * {@link Role}: the way in (sign-in, first-admin setup), health for monitoring, the console's files.
 * Every route names either this or the lowest {@link Role} it needs when it is registered
 * ({@code app.get("/api/health", h, Access.PUBLIC)}); a route with neither stops the start.
 */
public enum Access implements RouteRole {
    /** No session needed. */
    PUBLIC;

    @Override
    public String toString() {
        return "public";
    }
}
