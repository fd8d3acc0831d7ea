package org.vigil.server.auth;

/**
 * A user as the API shows it: never with the password or its hash.
 *
 * @param username sign-in name, 1..64 of {@code A-Z a-z 0-9 . _ -}
 * @param disabled a disabled user cannot sign in and has no sessions
 */
public record User(String username, Role role, boolean disabled, long createdAtMillis, long passwordChangedAtMillis) {

    /** True when the name is acceptable as a user name (also keeps names safe in logs and the audit). */
    public static boolean validName(String s) {
        if (s == null || s.isEmpty() || s.length() > 64) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9'
                    || c == '.'
                    || c == '_'
                    || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
