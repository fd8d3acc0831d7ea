package org.vigil.server.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The feeds Vigil runs, for {@code /api/feeds} and for an orderly shutdown. Thread-safe. */
public final class FeedRegistry {
    private final CopyOnWriteArrayList<FeedSource> sources = new CopyOnWriteArrayList<>();

    /** Registers a source (not started here). Feed names must be unique. */
    public <S extends FeedSource> S add(S source) {
        String name = source.feed().name();
        synchronized (sources) {
            for (FeedSource s : sources) {
                if (s.feed().name().equals(name)) throw new IllegalArgumentException("duplicate feed name: " + name);
            }
            sources.add(source);
        }
        return source;
    }

    public List<Feed> feeds() {
        List<Feed> out = new ArrayList<>(sources.size());
        for (FeedSource s : sources) out.add(s.feed());
        return out;
    }

    /** Snapshot of every feed, in registration order. */
    public List<FeedStatus> statuses() {
        List<FeedStatus> out = new ArrayList<>(sources.size());
        for (FeedSource s : sources) out.add(s.status());
        return List.copyOf(out);
    }

    public void startAll() {
        for (FeedSource s : sources) s.start();
    }

    /** Stops every source and waits (bounded) for its threads. */
    public void stopAll() {
        for (FeedSource s : sources) s.stop();
    }
}
