package org.vigil.codec.asterix.plots;

import org.vigil.codec.asterix.Rejection;

/**
 * Why radar data was not turned into a plot or status update. {@link #code} is the operator-facing
 * counter name shown in {@code /api/feeds}. The first six mirror the ASTERIX decoder's
 * {@link Rejection}s; the rest are about what a well-formed record says.
 */
public enum PlotRejection {
    BAD_LENGTH("bad_length"),
    TRUNCATED("truncated"),
    FSPEC_OVERRUN("fspec_overrun"),
    UNKNOWN_CATEGORY("unknown_category"),
    BAD_ITEM("bad_item"),
    EMPTY_RECORD("empty_record"),
    /** No I048/010 or I034/010: nobody to attribute it to. */
    NO_SAC_SIC("no_sac_sic"),
    /** SAC/SIC not in the radar configuration: without the radar's position nothing can be placed. */
    UNKNOWN_SAC_SIC("unknown_sac_sic"),
    /** No measured position (I048/040) in a target report. */
    NO_POSITION("no_position"),
    /** I048/020 ERR says the range is in RE/ERR (beyond 256 NM) but RE/ERR is missing. */
    EXTENDED_RANGE("extended_range"),
    /** No time of day (I048/140) in a target report. */
    NO_TIME("no_time"),
    /** A time of day but no date to put it on (no receive clock and nothing earlier from that radar). */
    NO_TIME_REFERENCE("no_time_reference");

    public final String code;

    PlotRejection(String code) {
        this.code = code;
    }

    private static final PlotRejection[] VALUES = values();
    public static final int COUNT = VALUES.length;

    static PlotRejection of(Rejection r) {
        return switch (r) {
            case BAD_LENGTH -> BAD_LENGTH;
            case TRUNCATED -> TRUNCATED;
            case FSPEC_OVERRUN -> FSPEC_OVERRUN;
            case UNKNOWN_CATEGORY -> UNKNOWN_CATEGORY;
            case BAD_ITEM -> BAD_ITEM;
            case EMPTY_RECORD -> EMPTY_RECORD;
        };
    }

    /** Every reason in declaration order (shared array: do not modify). */
    static PlotRejection[] all() {
        return VALUES;
    }
}
