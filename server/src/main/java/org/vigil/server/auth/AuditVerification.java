package org.vigil.server.auth;

/**
 * The result of walking the audit trail ({@link Audit#check()}).
 *
 * @param intact         true when every row fits the chain and the anchor
 * @param keyed          true when the trail is checked with the key (HMAC-SHA256); false for an
 *                       unkeyed trail (only a plain SHA-256 chain: anyone who can write the database
 *                       can recompute it)
 * @param rows           rows read
 * @param firstBadSeq    the first row that does not fit (edited, or the first one missing), or 0
 * @param problem        what is wrong, in the operator's words, or null when intact
 * @param keyedFromSeq   the first row written with the key (rows before it are from before keying,
 *                       protected by the keyed rows after them), or 0 for an unkeyed trail
 * @param checkedAtMillis wall time of the check
 */
public record AuditVerification(
        boolean intact,
        boolean keyed,
        long rows,
        long firstBadSeq,
        String problem,
        long keyedFromSeq,
        long checkedAtMillis) {

    /** "intact", "broken" or "unkeyed" (intact, but without a key it proves little). */
    public String state() {
        return !intact ? "broken" : keyed ? "intact" : "unkeyed";
    }

    /** One line for logs and the command line. */
    public String describe() {
        return intact
                ? "audit trail " + state() + ": " + rows + " rows"
                        + (keyed && keyedFromSeq > 1 ? " (keyed from row " + keyedFromSeq + ")" : "")
                : "audit trail BROKEN at row " + firstBadSeq + ": " + problem + " (" + rows + " rows read)";
    }
}
