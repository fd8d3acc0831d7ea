package org.vigil.server.qra;

import java.util.concurrent.ConcurrentLinkedQueue;
import org.vigil.core.event.EventSink;
import org.vigil.core.event.VigilEvent;
import org.vigil.core.qra.scramble.ScrambleService;

/**
 * The scramble workflow's events on their way into the event stream. The workflow runs on the
 * picture's owner thread (track updates, ticks, and the operators' actions handed over by the web
 * layer), but it emits in the middle of a track update, before the downstream stages have written
 * theirs; the stream must keep the order of the track and identification events. So events are
 * queued here and {@link #drain} is called where the stream's writers run: after each track update
 * and alert ({@link ScrambleTrackFeed#afterEach}), after each {@link ScrambleService#tick} and at the
 * periodic flush. (The queue is a concurrent one from the time the workflow was called from web
 * threads; it costs nothing when empty and is kept.)
 *
 * <p>Draining an empty queue allocates nothing (the per-update cost).
 */
public final class ScrambleEventQueue implements EventSink {
    private final ConcurrentLinkedQueue<VigilEvent> queued = new ConcurrentLinkedQueue<>();
    private final EventSink out;

    /** @param out the stream's sink; null: events are dropped */
    public ScrambleEventQueue(EventSink out) {
        this.out = out;
    }

    @Override
    public void accept(VigilEvent e) {
        if (out != null) queued.add(e);
    }

    /** Hands the queued events on, oldest first; call on the stream's thread. */
    public void drain() {
        if (queued.isEmpty()) return;
        VigilEvent e;
        while ((e = queued.poll()) != null) out.accept(e);
    }

    /** Events waiting to be drained. */
    public int pending() {
        return queued.size();
    }
}
