package org.vigil.codec.modes;

/**
 * Why {@link ModeSDecoder} refused a frame ({@code ModeSMessage.error}). Each carries the name
 * counted per feed and shown in the {@code decode} command's JSON and the pipeline statistics
 * ("bad_crc", ...), which stays as it was when these were strings.
 */
public enum DecodeFailure {
    /** Fewer bytes than the downlink format needs. */
    TRUNCATED("truncated"),
    /** Length is none of 2, 7, 14, or longer than the downlink format needs. */
    BAD_LENGTH("bad_length"),
    /** DF11/17/18 parity does not check. */
    BAD_CRC("bad_crc"),
    /** Downlink format we do not decode (1-3, 6-10, 12-15, 19, 22, 23). */
    UNKNOWN_DF("unknown_df"),
    /** A field holds a value the standard does not allow (illegal callsign character, reserved bits set). */
    BAD_FIELD("bad_field"),
    /** All-zero Mode A/C frame, sent as a keep-alive by some receivers. */
    HEARTBEAT("heartbeat");

    private final String label;

    DecodeFailure(String label) {
        this.label = label;
    }

    /** The external name ("bad_crc", ...). */
    public String label() {
        return label;
    }
}
