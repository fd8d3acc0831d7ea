package org.vigil.codec.asterix;

/**
 * Receives the decoder's output. {@link #record} gets a reusable view that is valid only during
 * the call. The defaults ignore rejections and unknown blocks (they are counted in {@link DecodeStats}).
 */
public interface RecordHandler {
    void record(AsterixRecord record);

    /** Every well-framed block (CAT, LEN in range), before its records are delivered. */
    default void block(int category, byte[] buf, int off, int len) {}

    /** A block or record that was not decoded; {@code offset} is where the problem was found. */
    default void rejected(int category, Rejection why, int offset) {}

    /** A well-framed block of a category without a loaded spec. */
    default void unknownBlock(int category, byte[] buf, int off, int len) {}
}
