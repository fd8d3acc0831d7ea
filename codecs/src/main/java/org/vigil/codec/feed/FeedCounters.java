package org.vigil.codec.feed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counters of one feed: accepted frames, bytes read, rejects and skips by reason.
 *
 * <p>Written by the feed's reader thread(s) (a listener feed has one per connected feeder, all
 * sharing this object), read by any thread (status API). Atomics make that safe without locks;
 * an increment allocates nothing. Counters only grow; a snapshot taken while frames flow is not
 * atomic across counters (each value is exact on its own).
 */
public final class FeedCounters {
    private final AtomicLong framesAccepted = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong lastFrameTimeNanos = new AtomicLong(-1);
    private final AtomicLongArray rejects = new AtomicLongArray(RejectReason.COUNT);
    private final AtomicLongArray skips = new AtomicLongArray(SkipReason.COUNT);

    public void frameAccepted(long timeNanos) {
        framesAccepted.incrementAndGet();
        lastFrameTimeNanos.set(timeNanos);
    }

    public void bytesRead(int n) {
        bytesRead.addAndGet(n);
    }

    public void reject(RejectReason reason) {
        rejects.incrementAndGet(reason.ordinal());
    }

    public void skip(SkipReason reason) {
        skips.incrementAndGet(reason.ordinal());
    }

    public long framesAccepted() {
        return framesAccepted.get();
    }

    public long bytesRead() {
        return bytesRead.get();
    }

    /** Receive time of the last accepted frame, -1 before the first. */
    public long lastFrameTimeNanos() {
        return lastFrameTimeNanos.get();
    }

    public long rejects(RejectReason reason) {
        return rejects.get(reason.ordinal());
    }

    public long skips(SkipReason reason) {
        return skips.get(reason.ordinal());
    }

    public long totalRejects() {
        long n = 0;
        for (int i = 0; i < RejectReason.COUNT; i++) n += rejects.get(i);
        return n;
    }

    public long totalSkips() {
        long n = 0;
        for (int i = 0; i < SkipReason.COUNT; i++) n += skips.get(i);
        return n;
    }

    /** Rejects by operator label, every reason present (zeros included). Allocates: for status displays only. */
    public Map<String, Long> rejectsByReason() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (RejectReason r : RejectReason.all()) m.put(r.label, rejects.get(r.ordinal()));
        return m;
    }

    /** Skips by operator label, every reason present. Allocates: for status displays only. */
    public Map<String, Long> skipsByReason() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (SkipReason r : SkipReason.all()) m.put(r.label, skips.get(r.ordinal()));
        return m;
    }

    @Override
    public String toString() {
        return "FeedCounters{frames=" + framesAccepted() + ", bytes=" + bytesRead() + ", rejects=" + rejectsByReason()
                + ", skips=" + skipsByReason() + '}';
    }
}
