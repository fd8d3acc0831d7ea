package org.vigil.codec.feed;

/**
 * Why a piece of a feed was thrown away. Each rejection is counted once per event (one bad frame,
 * one run of garbage), never once per byte, so the numbers read like "how many things went wrong".
 */
public enum RejectReason {
    /** Beast: a single 0x1A inside a frame (the frame was cut short and a new one starts there). */
    BAD_ESCAPE("bad_escape"),
    /** Frame failed the Mode S parity check. Framers do not check CRC: the decoding pipeline counts it here. */
    BAD_CRC("bad_crc"),
    /** A frame or line that ended early (new frame start, line end, disconnect or end of file). */
    TRUNCATED("truncated"),
    /** Beast type byte that is not a known frame type. */
    UNKNOWN_TYPE("unknown_type"),
    /** A field that does not parse: non-hex digit, wrong frame length, bad number in SBS, ... */
    BAD_FIELD("bad_field"),
    /** A line longer than any valid one (AVR, SBS); the rest of the line is skipped. */
    TOO_LONG("too_long"),
    /** Bytes between frames that do not start a frame; one count per contiguous run. */
    GARBAGE("garbage");

    private static final RejectReason[] VALUES = values();
    public static final int COUNT = VALUES.length;

    /** Name shown to operators and in /api/feeds. */
    public final String label;

    RejectReason(String label) {
        this.label = label;
    }

    /** All reasons without allocating (do not modify the array). */
    static RejectReason[] all() {
        return VALUES;
    }

    /**
     * The feed's reason for a frame the Mode S decoder refused; null for what is not a malformed
     * frame (a heartbeat: well-formed, just nothing to apply).
     */
    public static RejectReason of(org.vigil.codec.modes.DecodeFailure failure) {
        if (failure == null) return null;
        return switch (failure) {
            case BAD_CRC -> BAD_CRC;
            case TRUNCATED, BAD_LENGTH -> TRUNCATED;
            case UNKNOWN_DF -> UNKNOWN_TYPE;
            case BAD_FIELD -> BAD_FIELD;
            case HEARTBEAT -> null;
        };
    }
}
