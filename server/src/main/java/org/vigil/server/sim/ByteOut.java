package org.vigil.server.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.vigil.codec.text.AsciiWriter;

/**
 * A reusable output buffer in front of a file: raw bytes plus ASCII text (the shared
 * {@link AsciiWriter}: integers, fixed-point, hex, times) written without building Strings, so a
 * 5,000-flight run does not churn garbage. The buffer is written out whenever it is full.
 */
final class ByteOut extends AsciiWriter implements AutoCloseable {
    private final OutputStream out;
    long written;

    ByteOut(OutputStream out) {
        super(1 << 16);
        this.out = out;
    }

    /** Makes room for {@code n} more bytes (at most the buffer size). */
    @Override
    protected void reserve(int n) {
        if (pos + n > buf.length) flush();
    }

    void flush() {
        try {
            out.write(buf, 0, pos);
            written += pos;
            pos = 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        flush();
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
