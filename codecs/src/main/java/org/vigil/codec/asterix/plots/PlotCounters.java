package org.vigil.codec.asterix.plots;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counters of one radar feed: blocks, plots, service messages, rejections by reason and skips.
 * Written by the feed's reader, read by anyone (status API): atomics, no locks, no allocation per
 * increment. Each value is exact on its own; a snapshot is not atomic across values.
 */
public final class PlotCounters {
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong blocks = new AtomicLong();
    private final AtomicLong plots = new AtomicLong();
    private final AtomicLong serviceMessages = new AtomicLong();
    private final AtomicLong otherCategory = new AtomicLong();
    private final AtomicLong resyncBytes = new AtomicLong();
    private final AtomicLong sinkErrors = new AtomicLong();
    private final AtomicLong lastPlotTimeNanos = new AtomicLong(Long.MIN_VALUE);
    private final AtomicInteger lastUnknownSensor = new AtomicInteger(-1);
    private final AtomicLongArray rejects = new AtomicLongArray(PlotRejection.COUNT);

    public void bytesRead(int n) {
        bytesRead.addAndGet(n);
    }

    void block() {
        blocks.incrementAndGet();
    }

    void plot(long timeNanos) {
        plots.incrementAndGet();
        lastPlotTimeNanos.set(timeNanos);
    }

    void serviceMessage() {
        serviceMessages.incrementAndGet();
    }

    void skipOtherCategory() {
        otherCategory.incrementAndGet();
    }

    void resyncBytes(int n) {
        resyncBytes.addAndGet(n);
    }

    void sinkError() {
        sinkErrors.incrementAndGet();
    }

    void reject(PlotRejection r) {
        rejects.incrementAndGet(r.ordinal());
    }

    void unknownSensor(int sac, int sic) {
        lastUnknownSensor.set(sac << 8 | sic);
    }

    public long bytesRead() {
        return bytesRead.get();
    }
    /** Well-framed blocks seen. */
    public long blocks() {
        return blocks.get();
    }
    /** Plots delivered to the sink. */
    public long plots() {
        return plots.get();
    }
    /** CAT034 messages applied to a radar's status. */
    public long serviceMessages() {
        return serviceMessages.get();
    }
    /** Well-formed records of categories that are not radar plots (CAT021, CAT062, ...): skipped. */
    public long otherCategory() {
        return otherCategory.get();
    }
    /** Bytes dropped from a stream while looking for the next block header. */
    public long resyncBytes() {
        return resyncBytes.get();
    }
    /** Plots or status updates the consumer threw on (reading went on). */
    public long sinkErrors() {
        return sinkErrors.get();
    }
    /** Data time of the last plot delivered, Long.MIN_VALUE before the first. */
    public long lastPlotTimeNanos() {
        return lastPlotTimeNanos.get();
    }

    public long rejects(PlotRejection r) {
        return rejects.get(r.ordinal());
    }

    public long totalRejects() {
        long n = 0;
        for (int i = 0; i < PlotRejection.COUNT; i++) n += rejects.get(i);
        return n;
    }

    /** SAC/SIC ("25/10") of the last report from a radar that is not configured, null if none: the operator's hint. */
    public String lastUnknownSensor() {
        int k = lastUnknownSensor.get();
        return k < 0 ? null : (k >>> 8) + "/" + (k & 0xFF);
    }

    /** Rejections by reason code, all reasons present. Allocates: for status displays. */
    public Map<String, Long> rejectsByReason() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (PlotRejection r : PlotRejection.all()) m.put(r.code, rejects.get(r.ordinal()));
        return m;
    }

    /** Data not turned into plots that is not an error, by name. Allocates: for status displays. */
    public Map<String, Long> skipsByReason() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("other_category", otherCategory.get());
        m.put("resync_bytes", resyncBytes.get());
        return m;
    }

    @Override
    public String toString() {
        return "PlotCounters{blocks=" + blocks() + ", plots=" + plots() + ", service=" + serviceMessages()
                + ", rejects=" + rejectsByReason() + ", skips=" + skipsByReason() + '}';
    }
}
