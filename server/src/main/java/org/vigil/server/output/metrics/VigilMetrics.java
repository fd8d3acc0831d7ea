package org.vigil.server.output.metrics;

import io.javalin.http.ContentType;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.server.auth.Access;
import org.vigil.server.feed.FeedStatus;
import org.vigil.server.live.LiveServer;
import org.vigil.server.picture.PictureSnapshot;
import org.vigil.server.pipeline.ModeSPipeline;
import org.vigil.server.recording.EventStoreStats;
import org.vigil.server.recording.JournalStats;
import org.vigil.server.tracking.SystemTrackView;

/**
 * Prometheus {@code /metrics} of a running Vigil (docs/INTEROP.md "Metrics"), through Micrometer's
 * Prometheus registry. Everything is read at scrape time from what the server already counts (feed
 * counters, the picture's snapshot, the recorder's statistics, the web server's clients): the
 * metrics never touch the picture, except one probe per second that goes through the picture's
 * queue like a frame, to time ingest → picture.
 *
 * <p>Feeds and outputs added after the start get their meters at the next scrape.
 */
public final class VigilMetrics implements LiveServer.Input {
    /** Identities a track can have (docs/IDENTIFICATION.md), and "none" for one not identified. */
    static final List<String> IDENTITIES =
            List.of("none", "pending", "unknown", "assumed-friend", "friend", "neutral", "suspect", "hostile");

    private static final Logger LOG = LoggerFactory.getLogger(VigilMetrics.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final LiveServer server;
    private final Set<String> feedsSeen = ConcurrentHashMap.newKeySet();
    private final Timer ingestToPicture;
    private final AtomicBoolean probeInFlight = new AtomicBoolean();
    private volatile long probeStartNanos;
    private final Runnable probeArrived;
    private ScheduledExecutorService prober;
    /** Micrometer holds a meter's object weakly: the outputs' suppliers are kept alive here. */
    private final List<Object> held = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Registers the meters of {@code server} and its {@code /metrics} route (public, like /api/health). */
    public VigilMetrics(LiveServer server) {
        this.server = server;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        @SuppressWarnings("resource") // lives as long as the registry: the process
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);

        ingestToPicture = Timer.builder("vigil.ingest.to.picture")
                .description("Time from a feed thread's hand-off to the picture having applied it (probe through the"
                        + " picture's queue, once a second); readers see it at the next snapshot, at most 0.2 s later")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(10_000))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        probeArrived = () -> {
            ingestToPicture.record(System.nanoTime() - probeStartNanos, TimeUnit.NANOSECONDS);
            probeInFlight.set(false);
        };

        modeS("vigil.modes.frames", "Mode S frames handed to the decoder", ModeSPipeline.Stats::frames);
        modeS("vigil.modes.decoded.frames", "Mode S frames decoded (CRC good)", ModeSPipeline.Stats::decodedFrames);
        modeS("vigil.sbs.messages", "SBS (BaseStation) messages applied", ModeSPipeline.Stats::sbsMessages);
        modeS("vigil.modes.positions.accepted", "CPR positions accepted", ModeSPipeline.Stats::positionsAccepted);
        modeS("vigil.modes.positions.rejected", "CPR positions rejected", ModeSPipeline.Stats::positionsRejected);
        FunctionCounter.builder("vigil.radar.plots", server.picture(), p -> p.plots())
                .description("Radar plots applied to the picture")
                .register(registry);
        Gauge.builder("vigil.aircraft", this, m -> m.snapshot().aircraft().size())
                .description("Aircraft in the Mode S/ADS-B table")
                .register(registry);
        for (String status : List.of("confirmed", "tentative")) {
            Gauge.builder("vigil.tracks", this, m -> count(m.snapshot().tracks(), t -> status.equals(t.status())))
                    .description("System tracks by status")
                    .tag("status", status)
                    .register(registry);
        }
        for (String identity : IDENTITIES) {
            Gauge.builder(
                            "vigil.tracks.identity",
                            this,
                            m -> count(
                                    m.snapshot().tracks(),
                                    t -> identity.equals(t.identity() == null ? "none" : t.identity())))
                    .description("System tracks by STANAG 1241 identity")
                    .tag("identity", identity)
                    .register(registry);
        }
        Gauge.builder("vigil.picture.data.time", this, m -> {
                    long t = m.snapshot().latestMessageNanos();
                    return t == Long.MIN_VALUE ? Double.NaN : t / 1e9;
                })
                .description("Newest message time of the picture, seconds since the epoch (time() minus it: how far"
                        + " a live picture is behind)")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("vigil.alerts.open", this, VigilMetrics::openAlerts)
                .description("Open identification alerts")
                .register(registry);
        FunctionCounter.builder("vigil.picture.queue.waits", server.loop(), l -> l.waits())
                .description("Times a feed thread waited for a free slot in the picture's queue (back-pressure)")
                .register(registry);
        FunctionCounter.builder("vigil.picture.failures", server.loop(), l -> l.failures())
                .description("Work that threw on the picture's thread")
                .register(registry);
        Gauge.builder("vigil.websocket.clients", server.web(), w -> w.clientCount())
                .description("Console WebSocket clients connected")
                .register(registry);
        FunctionCounter.builder("vigil.websocket.push.failures", server.web(), w -> w.pushFailures())
                .description("Pushes to console clients that failed")
                .register(registry);
        FunctionCounter.builder("vigil.websocket.skipped", server.web(), w -> w.skippedForSlowClients())
                .description("Pushes skipped because a console client was still busy with the previous one")
                .register(registry);
        if (server.tap() != null) recorderMeters();
        server.web()
                .routes(app -> app.get(
                        "/metrics", ctx -> ctx.contentType(ContentType.PLAIN).result(scrape()), Access.PUBLIC));
    }

    /** The registry, for outputs that count what they send. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /**
     * Meters of one output (docs/INTEROP.md): messages sent, clients connected (null: a datagram output),
     * messages lost to slow clients.
     */
    public void output(
            String name,
            java.util.function.LongSupplier messages,
            java.util.function.IntSupplier clients,
            java.util.function.LongSupplier dropped) {
        held.add(messages);
        held.add(dropped);
        if (clients != null) held.add(clients);
        FunctionCounter.builder("vigil.output.messages", messages, m -> m.getAsLong())
                .description("Messages an output sent (to every client of a stream output)")
                .tag("output", name)
                .register(registry);
        FunctionCounter.builder("vigil.output.dropped", dropped, d -> d.getAsLong())
                .description("Messages a slow client of an output lost (its buffer was full), or datagrams that failed")
                .tag("output", name)
                .register(registry);
        if (clients != null) {
            Gauge.builder("vigil.output.clients", clients, c -> c.getAsInt())
                    .description("Clients connected to an output")
                    .tag("output", name)
                    .register(registry);
        }
    }

    /** The Prometheus text exposition (format 0.0.4) of every meter, feeds added since the last scrape included. */
    public String scrape() {
        feedMeters();
        return registry.scrape();
    }

    @Override
    public void start() {
        prober = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigil-metrics-probe");
            t.setDaemon(true);
            return t;
        });
        var unused = // the probe only queues; a failure to queue after close ends the schedule
                prober.scheduleAtFixedRate(this::probe, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (prober != null) prober.shutdownNow();
    }

    /** One probe at a time through the picture's queue, behind whatever the feeds queued. */
    private void probe() {
        if (!probeInFlight.compareAndSet(false, true)) return;
        probeStartNanos = System.nanoTime();
        server.loop().execute(probeArrived);
    }

    private PictureSnapshot snapshot() {
        return server.picture().snapshot();
    }

    private void modeS(String name, String help, ToDoubleFunction<ModeSPipeline.Stats> f) {
        FunctionCounter.builder(name, this, m -> {
                    ModeSPipeline.Stats s = m.snapshot().modeS();
                    return s == null ? 0 : f.applyAsDouble(s);
                })
                .description(help)
                .register(registry);
    }

    private static double count(List<SystemTrackView> tracks, java.util.function.Predicate<SystemTrackView> which) {
        int n = 0;
        for (SystemTrackView t : tracks) if (which.test(t)) n++;
        return n;
    }

    private double openAlerts() {
        try {
            return server.alerts().openAlerts().size();
        } catch (RuntimeException e) {
            // a stopped loop: no value rather than a failed scrape
            LOG.debug("open alerts not read: {}", e.toString());
            return Double.NaN;
        }
    }

    private void recorderMeters() {
        var recorder = server.tap().recorder();
        FunctionCounter.builder(
                        "vigil.journal.appended", recorder, r -> r.raw().stats().appended())
                .description("Raw inputs appended to the journal")
                .register(registry);
        Gauge.builder("vigil.journal.lag", recorder, r -> {
                    JournalStats s = r.raw().stats();
                    return s.appended() - s.durable();
                })
                .description("Raw inputs appended but not yet known fsynced (at most 1 s of input)")
                .register(registry);
        FunctionCounter.builder(
                        "vigil.journal.write.failures",
                        recorder,
                        r -> r.raw().stats().writeFailures())
                .description("Journal I/O errors that lost input")
                .register(registry);
        Gauge.builder("vigil.journal.bytes", recorder, r -> r.raw().stats().bytes())
                .description("Size of the journal")
                .baseUnit("bytes")
                .register(registry);
        Gauge.builder("vigil.events.lag", recorder, r -> {
                    EventStoreStats s = r.events().stats();
                    return s.lastAssigned() - s.lastCommitted();
                })
                .description("Events given a sequence number but not yet committed to the event store")
                .register(registry);
        FunctionCounter.builder(
                        "vigil.events.committed",
                        recorder,
                        r -> r.events().stats().committedEvents())
                .description("Events committed to the event store")
                .register(registry);
        FunctionCounter.builder(
                        "vigil.events.commit.failures",
                        recorder,
                        r -> r.events().stats().commitFailures())
                .description("Failed event-store commits (the events wait and are retried)")
                .register(registry);
        FunctionCounter.builder("vigil.recording.refused", server.tap(), t -> t.refused())
                .description("Raw inputs the recording tap could not record")
                .register(registry);
    }

    /** Meters of each feed not seen before: frames, bytes, rejects and skips per reason, connects, up. */
    private void feedMeters() {
        for (FeedStatus s : server.feeds().statuses()) {
            String name = s.name();
            if (!feedsSeen.add(name)) continue;
            feedCounter(
                    "vigil.feed.frames", "Frames accepted from the feed", name, s.kind(), FeedStatus::framesAccepted);
            feedCounter("vigil.feed.bytes", "Bytes read from the feed", name, s.kind(), FeedStatus::bytesRead);
            feedCounter("vigil.feed.connects", "Connections made", name, s.kind(), FeedStatus::connects);
            feedCounter("vigil.feed.disconnects", "Connections lost", name, s.kind(), FeedStatus::disconnects);
            feedCounter(
                    "vigil.feed.sink.errors", "Frames the picture threw on", name, s.kind(), FeedStatus::sinkErrors);
            for (String reason : s.rejects().keySet()) {
                FunctionCounter.builder(
                                "vigil.feed.rejects",
                                this,
                                m -> m.feedValue(name, f -> f.rejects().getOrDefault(reason, 0L)))
                        .description("Input rejected by the feed's framer or decoder, by reason")
                        .tags("feed", name, "kind", s.kind(), "reason", reason)
                        .register(registry);
            }
            for (String reason : s.skips().keySet()) {
                FunctionCounter.builder(
                                "vigil.feed.skips",
                                this,
                                m -> m.feedValue(name, f -> f.skips().getOrDefault(reason, 0L)))
                        .description("Well-formed records not delivered (status, heartbeat...), by reason")
                        .tags("feed", name, "kind", s.kind(), "reason", reason)
                        .register(registry);
            }
            Gauge.builder("vigil.feed.up", this, m -> m.feedValue(name, f -> isUp(f.state()) ? 1 : 0))
                    .description("1 while the feed is connected")
                    .tags("feed", name, "kind", s.kind())
                    .register(registry);
        }
    }

    private static boolean isUp(String state) {
        return "connected".equals(state);
    }

    private void feedCounter(String meter, String help, String name, String kind, ToDoubleFunction<FeedStatus> f) {
        FunctionCounter.builder(meter, this, m -> m.feedValue(name, f))
                .description(help)
                .tags("feed", name, "kind", kind)
                .register(registry);
    }

    private double feedValue(String name, ToDoubleFunction<FeedStatus> f) {
        for (FeedStatus s : server.feeds().statuses()) if (s.name().equals(name)) return f.applyAsDouble(s);
        return Double.NaN;
    }
}
