package org.vigil.codec.feed;

/**
 * Incremental reader of one byte stream (one TCP connection, one file). Bytes arrive in chunks of
 * any size; a frame split across chunks is reassembled. Implementations keep all state in
 * preallocated fields and allocate nothing per frame. Not thread-safe: one framer per stream,
 * fed by one thread at a time.
 */
public interface FeedFramer {
    /**
     * Feeds the next chunk. Every frame that completes inside the chunk is delivered before this
     * returns, stamped with {@code receiveTimeNanos} (unless the data carries its own time).
     * Malformed input is counted and skipped; no exception escapes for bad data.
     */
    void accept(byte[] data, int off, int len, long receiveTimeNanos);

    /**
     * The stream ended (disconnect, end of file). A partial frame still buffered is counted as
     * {@link RejectReason#TRUNCATED} and dropped; the framer is then ready for a new stream.
     */
    void endOfStream();

    FeedCounters counters();
}
