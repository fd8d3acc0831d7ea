package org.vigil.server.radar;

import java.util.Objects;
import org.vigil.codec.asterix.plots.PlotCounters;
import org.vigil.codec.asterix.plots.RadarPlotDecoder;
import org.vigil.codec.feed.FrameSink;
import org.vigil.codec.feed.SbsSink;
import org.vigil.core.radar.RadarNetwork;
import org.vigil.core.radar.RadarPlotSink;
import org.vigil.server.feed.Feed;
import org.vigil.server.feed.FeedDelivery;
import org.vigil.server.feed.FeedKind;
import org.vigil.server.feed.FeedSource;
import org.vigil.server.feed.FeedState;
import org.vigil.server.feed.FeedStatus;

/**
 * Common part of the ASTERIX radar feeds: a {@link FeedSource} (so the {@code FeedRegistry} starts,
 * stops and lists it in {@code /api/feeds} next to the Mode S feeds) that decodes radar data into
 * a {@link RadarPlotSink}.
 *
 * <p>Locking: every decode runs while holding the delivery lock, the same monitor the Mode S feeds
 * use, because the sink (the picture) and the shared {@code RadarStatus}es are not thread-safe.
 * The lock is taken per datagram, frame or read chunk, never across a blocking read.
 *
 * <p>Status: state, last error and connection counts are kept here (the {@link Feed} setters
 * belong to the feed package); counters come from {@link PlotCounters}.
 */
public abstract class RadarFeedSource extends FeedSource {
    protected final PlotCounters counters = new PlotCounters();
    protected final RadarPlotDecoder decoder;
    private final SurveillanceReports reports;
    protected final Object lock;
    private final String kindLabel;
    private final String endpoint;
    private volatile String format;
    private volatile FeedState state = FeedState.NEW;
    private volatile String lastError;
    private volatile long connects;
    private volatile long disconnects;
    /** Where each block is recorded as received, before decoding (docs/REPLAY.md); null: not recording. */
    private volatile org.vigil.server.recording.RadarBlockSink recorder;

    protected RadarFeedSource(
            String name,
            FeedKind closestKind,
            String kindLabel,
            String endpoint,
            String format,
            RadarNetwork network,
            RadarPlotSink sink,
            Object lock) {
        super(new Feed(name, closestKind, endpoint, null), new FeedDelivery(lock, (FrameSink) null, (SbsSink) null));
        this.lock = Objects.requireNonNull(lock, "lock");
        this.kindLabel = kindLabel;
        this.endpoint = endpoint;
        this.format = format;
        this.decoder = new RadarPlotDecoder(network, sink, counters);
        // CAT021 and CAT062 into the picture when the sink takes them; else counted as other categories
        this.reports = sink instanceof ReportSink r ? SurveillanceReports.attach(decoder, r) : null;
    }

    /** CAT021/CAT062 routing and its counters; null when the sink takes only plots. */
    public SurveillanceReports reports() {
        return reports;
    }

    public PlotCounters counters() {
        return counters;
    }

    /**
     * Records every block or datagram this source decodes, with the decoder's reference time as its
     * receive time, just before decoding (e.g. {@code tap.radar(name)}); null stops. Set before start.
     */
    public RadarFeedSource recordTo(org.vigil.server.recording.RadarBlockSink recorder) {
        this.recorder = recorder;
        return this;
    }

    public FeedState state() {
        return state;
    }

    public String lastError() {
        return lastError;
    }

    protected void state(FeedState s) {
        state = s;
    }

    protected void lastError(String text) {
        lastError = text;
    }

    protected void format(String f) {
        format = f;
    }

    @SuppressWarnings("NonAtomicVolatileUpdate") // only the reader thread writes; volatile publishes to readers
    protected void connected() {
        connects++;
    } // only the reader thread writes

    @SuppressWarnings("NonAtomicVolatileUpdate") // only the reader thread writes; volatile publishes to readers
    protected void disconnected() {
        disconnects++;
    }

    @Override
    public FeedStatus status() {
        return new FeedStatus(
                feed().name(),
                kindLabel,
                endpoint,
                format,
                state.label,
                counters.plots() + (reports == null ? 0 : reports.adsbReports() + reports.systemTracks()),
                counters.bytesRead(),
                rejects(),
                counters.skipsByReason(),
                connects,
                disconnects,
                0,
                counters.sinkErrors(),
                counters.lastPlotTimeNanos() == Long.MIN_VALUE ? -1 : counters.lastPlotTimeNanos(),
                lastError);
    }

    /** Plot refusals, and the CAT021/CAT062 refusals added under the same labels. */
    private java.util.Map<String, Long> rejects() {
        java.util.Map<String, Long> m = new java.util.LinkedHashMap<>(counters.rejectsByReason());
        if (reports != null) reports.rejectsByReason().forEach((k, v) -> m.merge(k, v, Long::sum));
        return m;
    }

    /** The receive time a block is recorded with: its reference time, or the wall clock when it has none. */
    static long receiveTime(long referenceNanos) {
        return referenceNanos == org.vigil.core.radar.TimeOfDay.UNKNOWN
                ? System.currentTimeMillis() * 1_000_000L
                : referenceNanos;
    }

    /** The recorder of a stream source (TCP, raw file), cutting its reads into blocks; null when not recording. */
    protected final BlockRecorder streamRecorder() {
        org.vigil.server.recording.RadarBlockSink r = recorder;
        return r == null ? null : new BlockRecorder(r);
    }

    /** Decodes one datagram or recording frame under the lock. */
    protected final void decodeLocked(byte[] buf, int off, int len, long referenceNanos) {
        synchronized (lock) {
            org.vigil.server.recording.RadarBlockSink r = recorder;
            // as received: a replay decodes it again (undated input: stamped with the wall clock)
            if (r != null) r.block(buf, off, len, receiveTime(referenceNanos));
            decoder.decode(buf, off, len, referenceNanos);
        }
    }
}
