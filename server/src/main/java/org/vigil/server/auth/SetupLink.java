package org.vigil.server.auth;

import java.time.Clock;
import java.time.Duration;

/**
 * The first-start admin setup: when no enabled admin exists, a random one-time token is printed
 * (never logged through the logger, which may go to shared log storage) and whoever opens the link
 * within its validity creates the first admin. Single use: the first successful use, or expiry,
 * ends it; a new one is made at the next start.
 */
public final class SetupLink {

    private final Clock clock;
    private String digest;
    private long expiresAtMillis;

    SetupLink(Clock clock) {
        this.clock = clock;
    }

    /** Makes a new token valid for {@code validity}; returns it (the only copy). */
    synchronized String issue(Duration validity) {
        String token = Tokens.newToken();
        digest = Tokens.digest(token);
        expiresAtMillis = clock.millis() + validity.toMillis();
        return token;
    }

    /** True when a token is waiting to be used. */
    synchronized boolean open() {
        return digest != null && clock.millis() < expiresAtMillis;
    }

    /** Uses the token: true once, for the right token within its validity; then never again. */
    synchronized boolean redeem(String token) {
        if (token == null || digest == null || token.length() > 128) {
            return false;
        }
        if (clock.millis() >= expiresAtMillis) {
            digest = null;
            return false;
        }
        if (!Tokens.sameDigest(digest, Tokens.digest(token))) {
            return false;
        }
        digest = null;
        return true;
    }

    /** Puts back a redeemed token when creating the admin then failed (so the operator can retry). */
    synchronized void restore(String token) {
        if (digest == null && clock.millis() < expiresAtMillis) {
            digest = Tokens.digest(token);
        }
    }
}
