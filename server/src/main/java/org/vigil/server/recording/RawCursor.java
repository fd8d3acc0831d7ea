package org.vigil.server.recording;

import java.io.IOException;

/**
 * Raw inputs read back from a {@link RawStore} one at a time, in receive (append) order: the pull
 * side of {@link RawStore#read}, for a replay that merges or paces its inputs. After {@link #next}
 * returns true the accessors describe the current input; its bytes are the cursor's own buffer,
 * valid until the next call. {@code feed} is the same String instance for every input of one feed
 * (within a segment), so it can be compared by identity. Single-threaded.
 */
public interface RawCursor extends AutoCloseable {
    /** Moves to the next raw input; false when there is none left in the period. */
    boolean next() throws IOException;

    String feed();

    long receiveNanos();

    long dataNanos();

    byte[] bytes();

    int offset();

    int length();

    @Override
    void close() throws IOException;
}
