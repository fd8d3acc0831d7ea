package org.vigil.codec.feed;

/**
 * Receives Mode S frames from a framer. Called once per frame with a view into the framer's own
 * buffer: the bytes are valid only during the call (copy them to keep them). Nothing is
 * allocated per frame.
 */
public interface FrameSink {
    /**
     * @param buf        buffer holding the frame
     * @param off        offset of the first byte of the frame
     * @param len        2 (Mode A/C), 7 (short) or 14 (long Mode S)
     * @param timeNanos  receive time, nanoseconds since the Unix epoch (from the data when it carries one,
     *                   otherwise set by the adapter at the rim)
     * @param mlat12MHz  receiver's 12 MHz clock (Beast), or -1 when the format has none
     * @param signal     signal level 0..255 (Beast), or -1 when the format has none
     */
    void onFrame(byte[] buf, int off, int len, long timeNanos, long mlat12MHz, int signal);
}
