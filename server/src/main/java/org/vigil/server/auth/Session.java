package org.vigil.server.auth;

/**
 * A signed-in user's session. The role is the one the user had at sign-in: any change to the user
 * (role, disabled, password) ends all of their sessions, so it cannot go stale.
 *
 * @param id              the digest of the token (never the token itself), also used to end it
 * @param expiresAtMillis absolute end (a shift), whatever the activity
 */
public record Session(String id, String username, Role role, long createdAtMillis, long expiresAtMillis) {}
