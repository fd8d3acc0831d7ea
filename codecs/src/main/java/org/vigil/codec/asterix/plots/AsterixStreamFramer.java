package org.vigil.codec.asterix.plots;

import org.vigil.core.radar.TimeOfDay;

/**
 * Cuts a byte stream (TCP, a raw recording) into ASTERIX data blocks by their LEN and hands each to
 * a {@link RadarPlotDecoder}. Reads may split or join blocks arbitrarily.
 *
 * <p>Resynchronisation. A header is <em>plausible</em> when its category is one the decoder knows
 * and LEN >= 4. In sync, each block is decoded and stepped over by its LEN (an unknown category is
 * the decoder's to count). Framing is taken as lost, one {@link PlotRejection#BAD_LENGTH} counted,
 * when LEN < 3, or when the block's records did not fit its LEN and the octets after it (already
 * here) do not start a plausible header. Then bytes are dropped one at a time (counted as resync
 * bytes) until a plausible header is confirmed by another plausible header right after its block
 * (or by the end of the data at end of stream); the scan starts one octet into the suspect block,
 * so genuine blocks that a too-long LEN swallowed are found again. A corrupt LEN thus costs at
 * most the bytes up to the next genuine block, never the stream. A LEN that is too long on a live
 * stream delays decoding until that many octets have arrived (at most 64 KiB); at end of stream
 * an incomplete block is counted as {@link PlotRejection#TRUNCATED} and its octets searched too.
 *
 * <p>Allocation-free after construction (one 128 KiB buffer); one instance per stream.
 */
public final class AsterixStreamFramer {
    /** The largest block LEN can describe; the buffer holds one plus a full read. */
    private static final int MAX_BLOCK = 0xFFFF;

    private static final int MIN_PLAUSIBLE = 4;

    private final RadarPlotDecoder decoder;
    private final PlotCounters counters;
    private final byte[] pending = new byte[2 * (MAX_BLOCK + 1)];
    private int start;
    private int end;
    private boolean inSync = true;

    public AsterixStreamFramer(RadarPlotDecoder decoder) {
        this.decoder = decoder;
        this.counters = decoder.counters();
    }

    /**
     * Adds {@code buf[off, off+len)} and decodes every complete block.
     * @param referenceNanos receive time (or {@link TimeOfDay#UNKNOWN}), passed to the decoder
     */
    public void accept(byte[] buf, int off, int len, long referenceNanos) {
        counters.bytesRead(len);
        while (len > 0) {
            if (start > 0 && pending.length - end < len) compact();
            int n = Math.min(len, pending.length - end);
            System.arraycopy(buf, off, pending, end, n);
            end += n;
            off += n;
            len -= n;
            drain(referenceNanos, false);
            if (end - start == pending.length) { // cannot happen with MAX_BLOCK-sized blocks; keeps the loop finite
                dropOne();
            }
        }
    }

    /** The stream ended (connection closed, end of file): decodes what it can, counts the rest. */
    public void endOfStream() {
        drain(TimeOfDay.UNKNOWN, true);
        if (end > start) {
            if (inSync) counters.reject(PlotRejection.TRUNCATED);
            counters.resyncBytes(end - start);
        }
        start = 0;
        end = 0;
        inSync = true;
    }

    private void drain(long referenceNanos, boolean atEnd) {
        while (end - start >= 3) {
            int len = lengthAt(start);
            if (inSync) {
                if (len < 3) {
                    lostSync();
                    continue;
                }
                if (end - start < len) {
                    if (!atEnd) return; // wait for the rest of the block
                    counters.reject(PlotRejection.TRUNCATED); // cut short, or a LEN too long: look inside
                    inSync = false;
                    dropOne();
                    continue;
                }
                int next = start + len;
                boolean clean = decoder.decode(pending, start, len, referenceNanos) >= 0 && decoder.lastDecodeClean();
                if (!clean && end - next >= 3 && !plausible(next, lengthAt(next))) {
                    lostSync(); // its records did not fit and no block follows: the LEN is suspect
                    continue;
                }
                start = next;
            } else {
                int verdict = confirmed(start, len, atEnd);
                if (verdict == WAIT) return;
                if (verdict == NO) dropOne();
                else inSync = true;
            }
        }
        if (start == end) {
            start = 0;
            end = 0;
        }
    }

    private void lostSync() {
        counters.reject(PlotRejection.BAD_LENGTH);
        inSync = false;
        dropOne();
    }

    private static final int YES = 0, NO = 1, WAIT = 2;

    /** Whether a header at {@code p} is a plausible block start followed by another. */
    private int confirmed(int p, int len, boolean atEnd) {
        if (!plausible(p, len)) return NO;
        int next = p + len;
        if (next == end && atEnd) return YES;
        if (end - next < 3) return atEnd ? NO : WAIT;
        return plausible(next, lengthAt(next)) ? YES : NO;
    }

    private boolean plausible(int p, int len) {
        return len >= MIN_PLAUSIBLE && decoder.knows(pending[p]);
    }

    private int lengthAt(int p) {
        return ((pending[p + 1] & 0xFF) << 8) | (pending[p + 2] & 0xFF);
    }

    private void dropOne() {
        start++;
        counters.resyncBytes(1);
    }

    private void compact() {
        System.arraycopy(pending, start, pending, 0, end - start);
        end -= start;
        start = 0;
    }
}
