package org.vigil.server.radar;

import org.vigil.server.recording.RadarBlockSink;

/**
 * Records an ASTERIX byte stream (TCP, a raw file) as whole data blocks, beside the decoding
 * framer: the journal holds one block per record, as a replay decodes it (docs/REPLAY.md). A read
 * may split or join blocks, so the bytes are carried until a block's LEN has arrived. A LEN below
 * 3 (a stream out of step) cannot be cut: the carried bytes are recorded as they are, and the
 * replay's decoder rejects them as the live framer did. Only the framer resynchronises; this
 * class follows the stream's own LENs.
 *
 * <p>Allocation-free (one 128 KiB buffer); one per stream, on its reader thread.
 */
final class BlockRecorder {
    private final RadarBlockSink out;
    private final byte[] carry = new byte[2 * 0x10000];
    private int n;

    BlockRecorder(RadarBlockSink out) {
        this.out = out;
    }

    /** Adds a read and records every block completed by it, with {@code receiveNanos} (undated: the wall clock). */
    void accept(byte[] buf, int off, int len, long receiveNanos) {
        while (len > 0) {
            int k = Math.min(len, carry.length - n);
            System.arraycopy(buf, off, carry, n, k);
            n += k;
            off += k;
            len -= k;
            int p = 0;
            while (n - p >= 3) {
                int blockLen = ((carry[p + 1] & 0xFF) << 8) | (carry[p + 2] & 0xFF);
                if (blockLen < 3) { // no block boundary to follow: hand on what is here
                    out.block(carry, p, n - p, RadarFeedSource.receiveTime(receiveNanos));
                    p = n;
                    break;
                }
                if (n - p < blockLen) break;
                out.block(carry, p, blockLen, RadarFeedSource.receiveTime(receiveNanos));
                p += blockLen;
            }
            System.arraycopy(carry, p, carry, 0, n - p);
            n -= p;
        }
    }

    /** End of stream: a block cut short is recorded as it is (the replay counts it, as the framer did). */
    void endOfStream(long receiveNanos) {
        if (n > 0) out.block(carry, 0, n, RadarFeedSource.receiveTime(receiveNanos));
        n = 0;
    }
}
