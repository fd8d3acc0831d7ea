package org.vigil.server.auth;

/**
 * One line of the audit trail.
 *
 * @param seq            1, 2, 3... without gaps (a gap means a row was deleted outside the product)
 * @param wallTimeMillis when the server took the action (wall clock at the edge of the system)
 * @param dataTimeNanos  the air picture's time the action refers to, or {@link Audit#NO_DATA_TIME}
 * @param user           who; "(unknown)" for a sign-in attempt with a name that does not exist
 * @param role           the role they acted in (null when not signed in)
 * @param fromAddress    the client address as the server saw it
 * @param action         what, dotted lower case: "login", "user.create", "alert.acknowledge"...
 * @param target         what it was done to (a user name, an alert id, a track number), or null
 * @param detail         free text: the operator's reason, the new role... never a password
 * @param outcome        success, denied (not allowed) or failed (allowed but did not work)
 * @param rowHash        SHA-256 chaining this row to the previous one (see {@link Audit#verify()})
 */
public record AuditEntry(
        long seq,
        long wallTimeMillis,
        long dataTimeNanos,
        String user,
        String role,
        String fromAddress,
        String action,
        String target,
        String detail,
        Audit.Outcome outcome,
        String rowHash) {}
