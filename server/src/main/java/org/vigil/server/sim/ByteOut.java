package org.vigil.server.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * A reusable output buffer in front of a file: raw bytes plus the few ASCII number formats the
 * truth file needs, written without building Strings so a 5,000-flight run does not churn garbage.
 * Numbers are formatted by fixed rules (no locale), which keeps outputs byte-identical across machines.
 */
final class ByteOut implements AutoCloseable {
    private final OutputStream out;
    final byte[] buf = new byte[1 << 16];
    int pos;
    long written;

    ByteOut(OutputStream out) {
        this.out = out;
    }

    /** Makes room for {@code n} more bytes (at most the buffer size). */
    void reserve(int n) {
        if (pos + n > buf.length) flush();
    }

    ByteOut bytes(byte[] b, int off, int len) {
        reserve(len);
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
        return this;
    }

    /** ASCII text (constants and identifiers only; non-ASCII becomes '?'). */
    ByteOut ascii(String s) {
        reserve(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            buf[pos++] = (byte) (c < 128 ? c : '?');
        }
        return this;
    }

    ByteOut ch(char c) {
        reserve(1);
        buf[pos++] = (byte) c;
        return this;
    }

    ByteOut integer(long v) {
        reserve(21);
        if (v < 0) {
            buf[pos++] = '-';
            v = -v;
        }
        int start = pos;
        do {
            buf[pos++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v > 0);
        for (int i = start, j = pos - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
        return this;
    }

    /** Fixed-point with {@code decimals} places, rounded half away from zero. */
    ByteOut fixed(double v, int decimals) {
        long scale = 1;
        for (int i = 0; i < decimals; i++) scale *= 10;
        long n = Math.round(Math.abs(v) * scale);
        if (v < 0 && n != 0) ch('-');
        integer(n / scale);
        if (decimals > 0) {
            ch('.');
            long frac = n % scale;
            for (long d = scale / 10; d > 0; d /= 10) {
                ch((char) ('0' + frac / d % 10));
            }
        }
        return this;
    }

    /** Four octal digits of a squawk held as a decimal number (e.g. 7600 -> "7600"). */
    ByteOut squawk(int code) {
        reserve(4);
        buf[pos++] = (byte) ('0' + code / 1000 % 10);
        buf[pos++] = (byte) ('0' + code / 100 % 10);
        buf[pos++] = (byte) ('0' + code / 10 % 10);
        buf[pos++] = (byte) ('0' + code % 10);
        return this;
    }

    ByteOut hex24(int v) {
        reserve(6);
        for (int s = 20; s >= 0; s -= 4) buf[pos++] = (byte) "0123456789ABCDEF".charAt((v >>> s) & 0xF);
        return this;
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
