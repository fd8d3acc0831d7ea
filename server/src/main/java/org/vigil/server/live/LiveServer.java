package org.vigil.server.live;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.vigil.codec.feed.FeedCounters;
import org.vigil.codec.feed.FrameSink;
import org.vigil.codec.feed.RejectReason;
import org.vigil.core.flightplan.FlightPlanStore;
import org.vigil.core.flightplan.RouteExpander;
import org.vigil.core.flightplan.RoutePoints;
import org.vigil.server.feed.FeedDelivery;
import org.vigil.server.feed.FeedRegistry;
import org.vigil.server.pipeline.ModeSPipeline;
import org.vigil.server.tracking.TrackingPipeline;
import org.vigil.core.track.TrackerConfig;
import org.vigil.core.radar.RadarPlot;
import org.vigil.core.radar.RadarPlotSink;
import org.vigil.core.radar.RadarStatus;
import org.vigil.core.radar.ServiceMessage;
import org.vigil.core.ident.IdentEventListener;
import org.vigil.server.auth.Audit;
import org.vigil.server.auth.Role;
import org.vigil.server.auth.Security;
import org.vigil.server.ident.AlertService;
import org.vigil.server.ident.IdentStage;
import org.vigil.core.ident.EventLines;
import org.vigil.core.track.TrackListener;
import org.vigil.server.recording.Actor;
import org.vigil.server.recording.RecordedEvents;
import org.vigil.server.recording.RecordingTap;
import org.vigil.server.tracking.TrackEventWriter;
import org.vigil.server.web.WebServer;
import org.vigil.core.qra.Detachment;
import org.vigil.core.qra.QraYaml;
import org.vigil.core.radar.RadarSite;
import org.vigil.core.sim.Simulation;
import org.vigil.server.qra.AlertsToScrambles;
import org.vigil.server.qra.QraApi;
import org.vigil.server.qra.ScrambleEventQueue;
import org.vigil.server.qra.ScrambleTrackFeed;
import org.vigil.server.qra.SimulatedFighters;
import org.vigil.server.replay.Restart;
import org.vigil.server.replay.ReplaySinks;
import org.vigil.server.web.WebSettings;
import org.vigil.core.qra.scramble.ScrambleService;
import org.vigil.core.qra.scramble.ScrambleConfig;
import org.vigil.core.qra.scramble.FighterFix;
import org.vigil.core.qra.scramble.Fighters;

/**
 * One running Vigil: the feeds, the Mode S pipeline that owns the air picture, and the web
 * server that shows it. Shared by {@code vigil run} and {@code vigil demo}.
 */
public final class LiveServer implements AutoCloseable {
    public static final String VERSION = "0.1.0";
    /** Longest recording a restart replays whole (exact mode); longer ones: the last {@link Restart#DEFAULT_WINDOW}. */
    public static final java.time.Duration EXACT_RESTART_LIMIT = java.time.Duration.ofHours(6);

    private final Object deliveryLock = new Object();
    private final ModeSPipeline pipeline = new ModeSPipeline();
    private final FeedRegistry feeds = new FeedRegistry();
    private final FeedDelivery delivery = new FeedDelivery(deliveryLock, this::frameConsumerFor, counters -> pipeline);
    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vigil-housekeeping");
        t.setDaemon(true);
        return t;
    });
    private final WebServer web;
    /** Radar plots of the last 12 s of data time (three turns of a 4 s radar), for the console. */
    private final RecentPlots recentPlots = new RecentPlots(50_000, 12.0);
    /** Active flight plans (filed by the simulator or an ATS feed), under {@link #deliveryLock()}. */
    private final FlightPlanStore flightPlans = new FlightPlanStore(new RouteExpander(RoutePoints.blackSea()));
    /** Flight plans from outside (API, watched folder) into {@link #flightPlans}, under the delivery lock. */
    private final org.vigil.server.flightplan.FlightPlanIntake planIntake;
    /**
     * Identification of the confirmed tracks (default rules and lists, plans from {@link #flightPlans});
     * the tracker's listener. Its plan lookups run on the tracker's calls, which come under the
     * delivery lock like every change of the plan store.
     */
    private final IdentStage ident;
    /** The operators' alert queue on {@link #ident}: {@code /api/alerts} and the actions. */
    private final AlertService alerts;
    /** The multi-sensor tracker: decoded Mode S from the pipeline, plots from {@link #radarSink()}; its own lock. */
    private final TrackingPipeline tracking;
    /** Records raw inputs where they enter; null: not recording. */
    private final RecordingTap tap;
    /** The event store sink of the event writers when recording (a restart rebuild matches through it), else null. */
    private final RecordedEvents recordedEvents;
    /** The tracker's configuration; its plane origin is set from the first data (the scramble feed reads it). */
    private final TrackerConfig trackerConfig = new TrackerConfig();
    /** The scramble workflow (docs/QRA.md): fed by {@link #scrambleFeed}, ticked on the data thread. */
    private final ScrambleService scrambles;
    /** Passes confirmed track updates and raised alerts to {@link #scrambles}; between identification and the writer. */
    private final ScrambleTrackFeed scrambleFeed;
    /** The workflow's event lines, written into the event stream on the tracker's thread. */
    private final ScrambleEventQueue scrambleLines;
    /** The simulated fighters once a simulation is attached, else none (real data: fighters are followed, not flown). */
    private final FightersOfTheRun fighters = new FightersOfTheRun();
    /** The track events when recording (flushed by housekeeping under the tracker's lock), else null. */
    private final TrackEventWriter trackEvents;
    /** Plots to the console's plot layer and to the tracker. */
    private final RadarPlotSink radarSink = new RadarPlotSink() {
        @Override
        public void onPlot(RadarPlot plot) {
            recentPlots.onPlot(plot);
            tracking.onPlot(plot);
        }

        @Override
        public void onRadarStatus(RadarStatus status, ServiceMessage message) {
            recentPlots.onRadarStatus(status, message);
            tracking.onRadarStatus(status, message);
        }
    };
    /** Inputs that run on their own clock (the simulator), started after the feeds, closed before them. */
    private final List<Input> inputs = new CopyOnWriteArrayList<>();

    /**
     * A data source that is not a feed reader (e.g. the scenario simulator driven by the wall
     * clock): it registers its status rows in {@link #feeds()} itself and delivers under the
     * delivery lock.
     */
    public interface Input extends AutoCloseable {
        void start();

        @Override
        void close();
    }

    /** An open server (no sign-in): tests and local development. */
    public LiveServer(String bindAddress, int port) {
        this(bindAddress, port, null, null);
    }

    /** Not recording. */
    public LiveServer(String bindAddress, int port, Security security) {
        this(bindAddress, port, security, null);
    }

    /**
     * @param security sign-in, roles, audit and TLS for the console and API (see docs/SECURITY.md);
     *                 null: an open server. Every route is registered with the role it needs.
     * @param tap      records every raw input where it enters (Mode S frames of every feed, the
     *                 simulator's radar blocks and flight plans) and, through its recorder, the
     *                 tracker's and identification's events (docs/REPLAY.md); null: not recording
     */
    public LiveServer(String bindAddress, int port, Security security, RecordingTap tap) {
        this(bindAddress, port, security, tap, null);
    }

    /**
     * The picture of a playback (org.vigil.server.playback.RecordingPlayback): the same pipeline, nothing
     * recorded; the tracker's, identification's and scramble events go to {@code events}.
     * Not meant to be started: the playback serves it and delivers its inputs.
     */
    public LiveServer(org.vigil.core.event.EventSink events) {
        this("127.0.0.1", 0, null, null, java.util.Objects.requireNonNull(events, "events"));
    }

    private LiveServer(String bindAddress, int port, Security security, RecordingTap tap,
                       org.vigil.core.event.EventSink events) {
        this.tap = tap;
        TrackListener downstream = null;
        IdentEventListener identEvents = new IdentEventListener() { };
        org.vigil.core.event.EventSink stream = null;
        if (tap != null || events != null) {
            // one stream of typed events into the event store, as in the replay's events file
            recordedEvents = tap != null ? new RecordedEvents(tap.recorder()) : null;
            stream = tap != null ? recordedEvents : events;
            trackEvents = new TrackEventWriter(stream);
            identEvents = new EventLines(stream);
            downstream = trackEvents;
        } else {
            recordedEvents = null;
            trackEvents = null;
        }
        // scramble events go into the same stream, on the tracker's thread
        this.scrambleLines = new ScrambleEventQueue(stream);
        this.scrambles = new ScrambleService(QraYaml.defaultPosture(), ScrambleConfig.defaults(), fighters, scrambleLines);
        this.scrambleFeed = new ScrambleTrackFeed(scrambles, trackerConfig, downstream).afterEach(scrambleLines::drain);
        this.ident = new IdentStage(IdentStage.defaultEngine(flightPlans, new AlertsToScrambles(identEvents, scrambleFeed)),
                scrambleFeed);
        this.alerts = new AlertService(ident).guardedBy(deliveryLock);
        this.tracking = TrackingPipeline.startingWhereDataIs(trackerConfig, ident);
        // The console's clock is the data's: the newest message time (wall clock only before the
        // first message), so that ages stay right when a recording or a scenario is played.
        WebSettings settings = WebSettings.defaults().withBindAddress(bindAddress).withPort(port).withVersion(VERSION)
                .withClock(new DataClock(pipeline));
        pipeline.setDecodedListener(tracking::onDecoded);
        this.web = new WebServer(settings, () -> AircraftViews.snapshot(pipeline), feeds::statuses, this::healthExtras)
                .tracks(() -> tracking.views(true))
                .plots(() -> {
                    synchronized (deliveryLock) {
                        return recentPlots.snapshot();
                    }
                })
                .flightPlans(() -> {
                    synchronized (deliveryLock) {
                        return FlightPlanViews.snapshot(flightPlans);
                    }
                });
        tracking.setIdentities(ident::identityOf);
        if (security != null) {
            web.security(security);
            // every alert action is in the audit trail before it is carried out; no row, no action
            alerts.withAudit((ctx, action, target, detail, dataTime) -> {
                try {
                    security.audit(ctx, action, target, detail, Audit.Outcome.SUCCESS, dataTime);
                    return true;
                } catch (java.sql.SQLException | IllegalStateException e) {
                    return false;
                }
            });
        }
        web.routes(app -> alerts.registerRoutes(app, Role.OBSERVER, Role.OPERATOR, ctx -> {
            if (security == null) return null; // open server: the body's "user"
            Actor a = security.actor(ctx);
            return a == null ? null : a.user();
        }));
        // posture, recommendations, proposals (operator), orders and posture changes (supervisor), audited
        web.routes(app -> new QraApi(scrambles).registerRoutes(app, security));
        // flight plans in (POST /api/flightplans, operator, audited) and the airspace layers (GET /api/airspace)
        this.planIntake = new org.vigil.server.flightplan.FlightPlanIntake(flightPlans, deliveryLock, tap, pipeline::latestMessageNanos);
        web.routes(app -> new org.vigil.server.flightplan.FlightPlanApi(planIntake, security, pipeline::latestMessageNanos).registerRoutes(app));
        web.routes(app -> org.vigil.server.flightplan.AirspaceApi.blackSeaDefault(pipeline::latestMessageNanos).registerRoutes(app));
    }

    public ModeSPipeline pipeline() { return pipeline; }
    public FeedRegistry feeds() { return feeds; }
    public FeedDelivery delivery() { return delivery; }
    /** The console's recent plots (radar sources deliver to {@link #radarSink()}). */
    public RecentPlots radarPlots() { return recentPlots; }
    /** Where radar sources deliver their plots (under {@link #deliveryLock()}): the plot layer and the tracker. */
    public RadarPlotSink radarSink() { return radarSink; }
    /** Identification of the tracker's confirmed tracks. */
    public IdentStage ident() { return ident; }
    /** The operators' alert queue. */
    public AlertService alerts() { return alerts; }
    /** The web server (to add feature routes before {@link #start()}). */
    public WebServer web() { return web; }
    /** The multi-sensor tracker of this server. */
    public TrackingPipeline tracking() { return tracking; }
    /** The active flight plans; read and write under {@link #deliveryLock()}. */
    public FlightPlanStore flightPlans() { return flightPlans; }
    /** Parses and applies ATS message texts to {@link #flightPlans()} (the API and {@code --flightplans DIR}). */
    public org.vigil.server.flightplan.FlightPlanIntake flightPlanIntake() { return planIntake; }
    /** The scramble workflow of this server ({@code /api/scrambles}, {@code /api/qra/...}). */
    public ScrambleService scrambles() { return scrambles; }

    /**
     * Lets ordered scrambles launch and steer fighters in {@code sim} (the simulation of
     * {@code vigil demo} / {@code run --sim}); call before {@link #start()}, once. The workflow drives
     * them only from {@link #afterSimulationStep}, i.e. on the simulation's thread between its steps.
     */
    public void flySimulatedFighters(Simulation sim) {
        fighters.use(new SimulatedFighters(sim));
    }

    /**
     * Called by the simulation after each step it delivered, under {@link #deliveryLock()}: the
     * scramble workflow follows its scrambles (launches, phases, steering), and its event lines
     * reach the stream.
     *
     * <p>The tick is at the data time the workflow has seen from the tracker, never beyond it (not
     * at {@code dataTimeNanos}, the inputs' time, which runs ahead of the tracker by its reordering
     * window): "now" then moves with the track updates alone, so recommendations and their times are
     * the same in a replay or a restart rebuild of the recording, where nothing ticks.
     */
    public void afterSimulationStep(long dataTimeNanos) {
        tracking.locked(() -> {
            long seen = scrambles.now();
            if (seen != Long.MIN_VALUE) scrambles.tick(Math.min(seen, dataTimeNanos));
            scrambleLines.drain();
        });
    }

    /**
     * Restart after a stop or crash (docs/REPLAY.md "Restart"): when the recording already holds raw
     * input, replays it (all of it up to {@link #EXACT_RESTART_LIMIT}, else its last
     * {@link Restart#DEFAULT_WINDOW}) into this (fresh) server's pipeline, so
     * the picture and the open alerts are back and the stored event sequence continues with neither
     * gaps nor duplicates. Call before {@link #start()} and before any input is delivered.
     *
     * @param radars the recording's radar sites (its manifest), for decoding recorded ASTERIX
     * @return what the rebuild did, or null when not recording or the recording holds no raw input
     */
    public Restart.Result restartFromRecording(List<RadarSite> radars) throws java.io.IOException, java.sql.SQLException {
        if (tap == null || tap.recorder().raw().lastReceiveNanos() == Long.MIN_VALUE) return null;
        // Exact mode (the whole journal replayed) keeps track numbers and alert ids those of the
        // stored events; a window would number them from 1 again. It costs ~2 s per recorded hour,
        // so the whole journal is replayed up to EXACT_RESTART_LIMIT, the default window beyond.
        long span = tap.recorder().raw().lastReceiveNanos() - tap.recorder().raw().firstReceiveNanos();
        java.time.Duration window = span >= 0 && span <= EXACT_RESTART_LIMIT.toNanos()
                ? java.time.Duration.ofNanos(span) : Restart.DEFAULT_WINDOW;
        FrameSink decode = (buf, off, len, timeNanos, mlat12MHz, signal) -> pipeline.accept(buf, off, len, timeNanos, signal);
        ReplaySinks sinks = ReplaySinks.none().withFrames(decode).withPlots(radarSink).withFlightPlans(flightPlans::apply);
        synchronized (deliveryLock) {
            return Restart.rebuild(tap.recorder(), radars, sinks, recordedEvents, window, this::flushEvents);
        }
    }

    /** Adds an input that {@link #start()} starts and {@link #close()} closes. Call before start. */
    public <I extends Input> I addInput(I input) {
        inputs.add(input);
        return input;
    }
    /** The lock every producer of frames holds while delivering (feeds and the demo traffic). */
    public Object deliveryLock() { return deliveryLock; }

    /**
     * The pipeline as seen by one feed: frames that fail to decode are counted on that feed's
     * counters by reason (the framers cannot see a bad CRC; only the decoder can). Inputs that
     * are not feeds (the simulator) use it too, calling it under {@link #deliveryLock()}.
     */
    public FrameSink frameConsumerFor(FeedCounters counters) {
        String name = null;
        for (org.vigil.server.feed.Feed f : feeds.feeds()) if (f.counters() == counters) name = f.name();
        // network and file feeds: receive time from the wall clock (a replay period is one of receive time)
        return frameConsumerFor(counters, name == null ? "feed" : name, RecordingTap.WALL_CLOCK);
    }

    /**
     * As {@link #frameConsumerFor(FeedCounters)} for feed {@code name}, recorded (when recording) with
     * receive times from {@code receiveClock} (null: the frame's own time, e.g. the simulator's).
     */
    public FrameSink frameConsumerFor(FeedCounters counters, String name, java.util.function.LongSupplier receiveClock) {
        FrameSink decode = (buf, off, len, timeNanos, mlat12MHz, signal) -> {
            RejectReason r = RejectReason.of(pipeline.accept(buf, off, len, timeNanos, signal));
            if (r != null) counters.reject(r);
        };
        return tap == null ? decode : tap.modeS(name, decode, receiveClock);
    }

    /** The recording tap, or null when not recording (inputs that are not feeds record through it). */
    public RecordingTap tap() { return tap; }

    /** Starts feeds, expiry and the web server; returns the bound HTTP port. */
    public int start() {
        feeds.startAll();
        // Expiry runs on message time (the newest message seen), not the wall clock.
        housekeeping.scheduleAtFixedRate(() -> {
            synchronized (deliveryLock) {
                pipeline.expireToLatest();
                // deletions and sensor expiry run on data time: keep it moving on a quiet feed
                long latest = pipeline.latestMessageNanos();
                if (latest != Long.MIN_VALUE) {
                    tracking.advance(latest);
                    // with real data nothing else ticks the workflow: phases and re-solving every 5 s
                    afterSimulationStep(latest);
                }
                flushEvents();
            }
        }, 5, 5, TimeUnit.SECONDS);
        int port = web.start();
        for (Input i : inputs) i.start();
        return port;
    }

    private Map<String, Object> healthExtras() {
        ModeSPipeline.Stats s = pipeline.stats();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("aircraft", s.aircraft());
        m.put("frames", s.frames());
        m.put("decoded_frames", s.decodedFrames());
        m.put("sbs_messages", s.sbsMessages());
        m.put("feeds", feeds.feeds().size());
        return m;
    }

    /** Hands the scramble actions of the web threads to the event store (under the tracker's lock, where it writes). */
    private void flushEvents() {
        if (trackEvents == null) return;
        tracking.locked(() -> {
            try {
                scrambleLines.drain();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(LiveServer.class).warn("track events not flushed: {}", e.toString());
            }
        });
    }

    @Override
    public void close() {
        for (Input i : inputs) i.close();
        feeds.stopAll();
        housekeeping.shutdownNow();
        web.stop();
        synchronized (deliveryLock) {
            flushEvents();
        }
    }

    /** Blocks until the JVM is asked to stop (Ctrl-C), then closes. */
    public void runUntilStopped() throws InterruptedException {
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close();
            main.interrupt();
            // the JVM halts when the hooks end: give the caller time to close what it opened after
            // this server (the recorder's last batch, the audit database)
            try {
                main.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "vigil-shutdown"));
        try {
            Thread.currentThread().join();
        } catch (InterruptedException stop) {
            // the shutdown hook's stop signal, consumed here: with the flag set again the caller's
            // closing of files (the recorder's journal) would fail with ClosedByInterruptException
        }
    }

    /**
     * The fighters the scramble workflow commands: none until a simulation is attached
     * ({@link #flySimulatedFighters}). Only called from the workflow's tick, under the delivery lock.
     */
    private static final class FightersOfTheRun implements Fighters {
        private volatile Fighters current = Fighters.NONE;

        void use(Fighters f) { current = f; }

        @Override
        public String[] launch(String id, Detachment unit, double airborneInS, double headingDeg, double levelFt, double speedKt) {
            return current.launch(id, unit, airborneInS, headingDeg, levelFt, speedKt);
        }

        @Override
        public void steer(String id, double headingDeg, double levelFt, double groundSpeedKt) {
            current.steer(id, headingDeg, levelFt, groundSpeedKt);
        }

        @Override
        public void holdOn(String id, FighterFix target) { current.holdOn(id, target); }

        @Override
        public void landed(String id) { current.landed(id); }

        @Override
        public boolean lead(String id, long nowNanos, FighterFix out) { return current.lead(id, nowNanos, out); }
    }

    /** Newest message time of the pipeline; the wall clock until the first message. */
    static final class DataClock extends java.time.Clock {
        private final ModeSPipeline pipeline;

        DataClock(ModeSPipeline pipeline) { this.pipeline = pipeline; }

        @Override
        public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) { return this; }

        @Override
        public long millis() {
            long t = pipeline.latestMessageNanos();
            return t == Long.MIN_VALUE ? System.currentTimeMillis() : t / 1_000_000L;
        }

        @Override
        public java.time.Instant instant() { return java.time.Instant.ofEpochMilli(millis()); }
    }
}
