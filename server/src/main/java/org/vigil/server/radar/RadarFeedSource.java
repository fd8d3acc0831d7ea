package org.vigil.server.radar;

import java.util.Objects;
import org.vigil.codec.asterix.plots.AsterixStreamFramer;
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
 * <p>Threads: the sink (the picture) and the shared {@code RadarStatus}es are not thread-safe, so
 * each datagram, frame or read chunk is recorded and decoded where they live ({@link #onOwner}):
 * when {@code lock} is the picture's owner loop (a {@link FeedDelivery.Handoff}, as in
 * {@code LiveServer}), on that thread, handed over and waited for — the journal then holds the
 * blocks in the order the picture applied them among the other feeds' inputs; otherwise while
 * holding {@code lock}. Never across a blocking read.
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

    // the datagram or frame being decoded by decodeTask (the source's one reader thread sets them)
    private byte[] decodeBuf;
    private int decodeOff, decodeLen;
    private long decodeReference;
    private final Runnable decodeTask = this::decodeNow;

    /** On the sink's owner: records the datagram or frame {@link #decodeLocked} was given, then decodes it. */
    private void decodeNow() {
        org.vigil.server.recording.RadarBlockSink r = recorder;
        // as received: a replay decodes it again (undated input: stamped with the wall clock)
        if (r != null) r.block(decodeBuf, decodeOff, decodeLen, receiveTime(decodeReference));
        decoder.decode(decodeBuf, decodeOff, decodeLen, decodeReference);
    }

    /** Records and decodes one datagram or recording frame where the sink lives ({@link #onOwner}). */
    protected final void decodeLocked(byte[] buf, int off, int len, long referenceNanos) {
        decodeBuf = buf;
        decodeOff = off;
        decodeLen = len;
        decodeReference = referenceNanos;
        try {
            onOwner(decodeTask);
        } finally {
            decodeBuf = null;
        }
    }

    /**
     * Runs {@code task} where the decoder's sink lives: on the picture's owner thread when
     * {@code lock} is its loop (handed over and waited for: the caller's buffers stay put), else
     * holding {@code lock}.
     */
    protected final void onOwner(Runnable task) {
        if (lock instanceof FeedDelivery.Handoff owner) {
            owner.runAndWait(task);
        } else {
            synchronized (lock) {
                task.run();
            }
        }
    }

    /** A stream source's chunks (TCP, raw file) recorded and framed where the sink lives. */
    protected final StreamChunks streamChunks() {
        return new StreamChunks(new AsterixStreamFramer(decoder), streamRecorder());
    }

    /**
     * The read chunks of one stream, each recorded (cut into blocks) and framed on the sink's
     * owner ({@link #onOwner}); one reader thread, nothing allocated per chunk.
     */
    protected final class StreamChunks {
        private byte[] buf;
        private int off, len;
        private long time;
        private final Runnable acceptTask;
        private final Runnable endTask;

        /** @param recording null: not recording */
        StreamChunks(AsterixStreamFramer framer, BlockRecorder recording) {
            this.acceptTask = () -> {
                if (recording != null) recording.accept(buf, off, len, time);
                framer.accept(buf, off, len, time);
            };
            this.endTask = () -> {
                if (recording != null) recording.endOfStream(time);
                framer.endOfStream();
            };
        }

        /** One chunk as read, with its receive time ({@code TimeOfDay.UNKNOWN}: undated). */
        public void accept(byte[] b, int o, int l, long receiveNanos) {
            buf = b;
            off = o;
            len = l;
            time = receiveNanos;
            try {
                onOwner(acceptTask);
            } finally {
                buf = null;
            }
        }

        /** The stream ended (a block cut short is counted); {@code recordNanos}: the recorder's time for it. */
        public void endOfStream(long recordNanos) {
            time = recordNanos;
            onOwner(endTask);
        }
    }
}
