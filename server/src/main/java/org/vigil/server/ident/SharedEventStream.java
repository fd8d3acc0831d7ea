package org.vigil.server.ident;

import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Lets the identification events ({@link org.vigil.core.ident.EventLines}) go into the same
 * JSON Lines stream as the track events, whole lines only: an {@link Appendable} that collects
 * one line and, at its newline, first flushes the other writer of the stream ({@code before}, the
 * track event writer, whose generator buffers) and then writes the line's UTF-8 bytes. So lines
 * never interleave and the file stays in data-time order (both writers are called from the
 * tracker's thread in event order).
 *
 * <p>Why flush the other writer and not share its generator: its generator is private; flushing it
 * is its public API. Identification events are rare (changes, not updates), so the extra flushes
 * cost nothing measurable. An I/O error surfaces as IOException from {@link #append}, which
 * EventLines rethrows unchecked (the replay stops rather than silently losing events).
 */
public final class SharedEventStream implements Appendable, Flushable {
    private final OutputStream out;
    private final Flushable before;
    private final StringBuilder line = new StringBuilder(512);

    /**
     * @param out    the events stream (the one the track event writer writes to)
     * @param before the track event writer (flushed before each ident line), or null
     */
    public SharedEventStream(OutputStream out, Flushable before) {
        this.out = out;
        this.before = before;
    }

    /** The usual pairing: ident lines after the track event writer's ({@code before::flush}). */
    public SharedEventStream(OutputStream out, org.vigil.server.tracking.TrackEventWriter before) {
        this(out, before == null ? null : (Flushable) before::flush);
    }

    @Override
    public Appendable append(CharSequence csq) throws IOException {
        return append(csq, 0, csq.length());
    }

    @Override
    public Appendable append(CharSequence csq, int start, int end) throws IOException {
        for (int i = start; i < end; i++) append(csq.charAt(i));
        return this;
    }

    @Override
    public Appendable append(char c) throws IOException {
        line.append(c);
        if (c == '\n') {
            if (before != null) before.flush();
            out.write(line.toString().getBytes(StandardCharsets.UTF_8));
            line.setLength(0);
        }
        return this;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }
}
