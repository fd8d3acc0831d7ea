package org.vigil.server.recording;

/**
 * Who did an operator action: the signed-in user, the role they acted in, and where from (the
 * client address as the server saw it). Present on every operator action; absent on machine events.
 */
public record Actor(String user, String role, String fromAddress) {
    public Actor {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("an operator action needs a user");
        }
        if (user.length() > 128
                || (role != null && role.length() > 32)
                || (fromAddress != null && fromAddress.length() > 256)) {
            throw new IllegalArgumentException("actor field too long");
        }
    }
}
