package org.vigil.server.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.core.event.EventCodec;
import org.vigil.core.event.EventSink;
import org.vigil.core.event.IdentEvent;
import org.vigil.core.event.OperatorEvent;
import org.vigil.core.event.VigilEvent;

/**
 * Each system track's identification history for the console's details panel ({@code GET
 * /api/tracks/{number}/history}): its identification start and end, rules fired and cleared, identity
 * changes (with the deciding rule and evidence), alerts raised, acknowledged, assigned and resolved,
 * operator overrides and radio-contact inputs, with their times, as the typed events say them
 * (docs/EVENTS.md). An {@link EventSink} beside the event store: it sees the same stream, in order.
 *
 * <p>Bounded: the newest {@link #PER_TRACK} events of a track and the {@link #TRACKS} tracks most
 * recently heard of (an ended track's history stays until newer tracks push it out). Alert updates
 * (a value changing while it fires) are left out: they would push the lifecycle out. Thread-safe: written
 * on the picture's thread, read by HTTP threads.
 */
public final class TrackHistory implements EventSink {

    /** Events kept per track, the newest. */
    public static final int PER_TRACK = 60;

    /** Tracks kept, the most recently heard of. */
    public static final int TRACKS = 20_000;

    /** Encoded events (JSON objects) per track number, least recently heard of first. */
    private final Map<Integer, ArrayDeque<String>> byTrack = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, ArrayDeque<String>> eldest) {
            return size() > TRACKS;
        }
    };

    @Override
    public void accept(VigilEvent event) {
        int track;
        if (event instanceof IdentEvent.AlertChanged a && a.change() == IdentEvent.AlertChange.UPDATED) return;
        if (event instanceof IdentEvent e) track = e.track();
        else if (event instanceof OperatorEvent o) track = o.track();
        else return;
        String line = EventCodec.encode(event);
        synchronized (this) {
            ArrayDeque<String> q = byTrack.computeIfAbsent(track, k -> new ArrayDeque<>());
            if (q.size() == PER_TRACK) q.removeFirst();
            q.addLast(line);
        }
    }

    /** The track's events, oldest first, as a JSON array; {@code []} for a track not heard of. */
    public String json(int track) {
        List<String> lines;
        synchronized (this) {
            ArrayDeque<String> q = byTrack.get(track);
            lines = q == null ? List.of() : new ArrayList<>(q);
        }
        return "[" + String.join(",", lines) + "]";
    }
}
