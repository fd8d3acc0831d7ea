package org.vigil.codec.feed;

/**
 * Well-formed records that are deliberately not delivered as frames. They are not errors, but
 * they are counted so that nothing disappears without trace.
 */
public enum SkipReason {
    /** Beast type '4' status/configuration frame. */
    STATUS("status"),
    /** Beast type '5' receiver position frame. */
    RECEIVER_POSITION("receiver_position"),
    /** Keep-alive: all-zero Mode A/C frame (Beast, AVR) or empty line (SBS). */
    HEARTBEAT("heartbeat"),
    /** SBS record that is not MSG (SEL, ID, AIR, STA, CLK). */
    OTHER_RECORD("other_record"),
    /** SBS line for a non-ICAO address (hex ident prefixed with '~'), which the message model cannot hold. */
    NON_ICAO("non_icao");

    private static final SkipReason[] VALUES = values();
    public static final int COUNT = VALUES.length;

    /** Name shown to operators and in /api/feeds. */
    public final String label;

    SkipReason(String label) {
        this.label = label;
    }

    static SkipReason[] all() {
        return VALUES;
    }
}
