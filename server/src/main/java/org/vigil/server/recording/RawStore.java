package org.vigil.server.recording;

import java.io.IOException;

/**
 * Where every raw input (feed, receive time, data time, bytes) is kept for replay and restart.
 *
 * <p>Contract for writers: {@link #append} is the per-message hot path; it allocates nothing and
 * never throws for bad input, it returns false and counts a named rejection instead. Records are
 * read back in append order, which is receive order as long as receive times do not go backwards
 * (regressions are stored as given and counted).
 */
public interface RawStore extends AutoCloseable {

    /** Largest raw input accepted, in bytes (an ASTERIX block is at most 65,535). */
    int MAX_RAW_BYTES = 65_535;

    /** Numeric id of a feed for {@link #append}; registers the feed on first use; -1 if refused. */
    int feedId(String feedName);

    /** Records one raw input; false (and a counted rejection) if it cannot be stored. */
    boolean append(int feedId, long receiveNanos, long dataNanos, byte[] bytes, int offset, int length);

    /** Reads raw inputs with receive time in [fromNanos, toNanos) in receive order; returns how many. */
    long read(long fromNanos, long toNanos, RawVisitor visitor) throws IOException;

    /**
     * The raw inputs of [fromNanos, toNanos) to pull one at a time. This default copies the period
     * out of {@link #read} first (fine for small stores); the journal streams it.
     */
    default RawCursor cursor(long fromNanos, long toNanos) throws IOException {
        @SuppressWarnings("ArrayRecordComponent") // a copied raw record; the bytes are owned by the copy
        record Copy(String feed, long receiveNanos, long dataNanos, byte[] bytes) {}
        java.util.List<Copy> all = new java.util.ArrayList<>();
        read(
                fromNanos,
                toNanos,
                (feed, rx, data, b, off, len) ->
                        all.add(new Copy(feed, rx, data, java.util.Arrays.copyOfRange(b, off, off + len))));
        return new RawCursor() {
            private int i = -1;

            @Override
            public boolean next() {
                return ++i < all.size();
            }

            @Override
            public String feed() {
                return all.get(i).feed();
            }

            @Override
            public long receiveNanos() {
                return all.get(i).receiveNanos();
            }

            @Override
            public long dataNanos() {
                return all.get(i).dataNanos();
            }

            @Override
            public byte[] bytes() {
                return all.get(i).bytes();
            }

            @Override
            public int offset() {
                return 0;
            }

            @Override
            public int length() {
                return bytes().length;
            }

            @Override
            public void close() {}
        };
    }

    /** Makes everything appended so far durable (survives power loss) before returning. */
    void sync() throws IOException;

    /** Deletes old data per the policy, whole segments only; returns bytes deleted. */
    long applyRetention(RetentionPolicy policy, long nowNanos) throws IOException;

    @Override
    void close() throws IOException;
}
