package org.vigil.server.qra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The scramble workflow's event lines on their way into a shared JSON Lines stream. The workflow
 * emits from the tracker's thread (recommendations, phases) and from web threads (operators'
 * actions); the stream (the track and ident writers' {@code SharedEventStream}) must only be
 * written on the tracker's thread, between whole lines. So lines are queued here and
 * {@link #drain} is called where the stream's writers run: after each track update and alert
 * ({@link ScrambleTrackFeed#afterEach}), after each {@link ScrambleService#tick} and at the
 * periodic flush. Why not write under the tracker's lock from the web thread: the web thread holds
 * the service's lock while emitting and the tracker thread takes the service's lock inside the
 * tracker's; taking them the other way round would deadlock.
 *
 * <p>Draining an empty queue allocates nothing (the per-update cost).
 */
public final class ScrambleEventQueue implements Consumer<String> {
    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    private final Appendable out;

    /** @param out the shared event stream (whole lines, newline-terminated, are appended); null: lines are dropped */
    public ScrambleEventQueue(Appendable out) {
        this.out = out;
    }

    @Override
    public void accept(String line) {
        if (out != null) lines.add(line);
    }

    /** Appends the queued lines, oldest first; call on the stream's thread. */
    public void drain() {
        if (lines.isEmpty()) return;
        String line;
        try {
            while ((line = lines.poll()) != null) {
                out.append(line);
                out.append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("scramble event not written", e);
        }
    }

    /** Lines waiting to be drained. */
    public int pending() {
        return lines.size();
    }
}
