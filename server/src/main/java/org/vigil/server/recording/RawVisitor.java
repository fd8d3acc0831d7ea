package org.vigil.server.recording;

/**
 * Receives raw inputs read back from a {@link RawStore}, in receive (append) order.
 *
 * <p>The byte array is the reader's own buffer and is overwritten after the call returns: copy
 * what must outlive the call. {@code feed} is the same String instance for every record of one
 * feed, so it can be used as a map key without allocation.
 */
@FunctionalInterface
public interface RawVisitor {
    /** @return false to stop reading */
    boolean onRaw(String feed, long receiveNanos, long dataNanos, byte[] bytes, int offset, int length);
}
