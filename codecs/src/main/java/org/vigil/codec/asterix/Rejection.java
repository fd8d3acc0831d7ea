package org.vigil.codec.asterix;

/** Why a block or record was not decoded. {@link #code} is the operator-facing counter name. */
public enum Rejection {
    /** Block LEN below 3 or beyond the bytes available: the rest of the datagram is dropped. */
    BAD_LENGTH("bad_length"),
    /** Fewer than 3 octets left after the last block, or an item runs past its block's end. */
    TRUNCATED("truncated"),
    /** FSPEC continues (FX) past the UAP, or flags an FRN the UAP does not define. */
    FSPEC_OVERRUN("fspec_overrun"),
    /** No spec loaded for the block's category; the block is skipped by its LEN. */
    UNKNOWN_CATEGORY("unknown_category"),
    /** An item's own structure is invalid (explicit length 0, FX past a compound's slots, ...). */
    BAD_ITEM("bad_item"),
    /** A record whose FSPEC flags no item (often zero padding); the rest of the block is skipped. */
    EMPTY_RECORD("empty_record");

    public final String code;

    Rejection(String code) {
        this.code = code;
    }

    private static final Rejection[] VALUES = values();

    static Rejection of(int ordinal) {
        return VALUES[ordinal];
    }
}
