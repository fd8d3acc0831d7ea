package org.vigil.server.live;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.vigil.codec.feed.FeedCounters;
import org.vigil.codec.feed.FrameSink;
import org.vigil.codec.feed.RejectReason;
import org.vigil.core.flightplan.FlightPlanStore;
import org.vigil.core.qra.scramble.ScrambleService;
import org.vigil.core.radar.RadarPlot;
import org.vigil.core.radar.RadarPlotSink;
import org.vigil.core.radar.RadarSite;
import org.vigil.core.radar.RadarStatus;
import org.vigil.core.radar.ServiceMessage;
import org.vigil.core.sim.Simulation;
import org.vigil.server.auth.Audit;
import org.vigil.server.auth.Role;
import org.vigil.server.auth.Security;
import org.vigil.server.feed.FeedDelivery;
import org.vigil.server.feed.FeedRegistry;
import org.vigil.server.ident.AlertService;
import org.vigil.server.ident.IdentStage;
import org.vigil.server.picture.Picture;
import org.vigil.server.picture.PictureLoop;
import org.vigil.server.picture.PictureSnapshot;
import org.vigil.server.picture.RecentPlots;
import org.vigil.server.picture.Theatre;
import org.vigil.server.pipeline.ModeSPipeline;
import org.vigil.server.qra.QraApi;
import org.vigil.server.qra.SimulatedFighters;
import org.vigil.server.recording.Actor;
import org.vigil.server.recording.RecordedEvents;
import org.vigil.server.recording.RecordingTap;
import org.vigil.server.replay.ReplaySinks;
import org.vigil.server.replay.Restart;
import org.vigil.server.tracking.TrackingPipeline;
import org.vigil.server.web.WebServer;
import org.vigil.server.web.WebSettings;

/**
 * One running Vigil: the feeds, the {@link Picture} they feed (owned by one {@link PictureLoop}
 * thread), and the web server that shows it. Shared by {@code vigil run} and {@code vigil demo}
 * (which is {@code run} with a simulated source), and, not started, by the playback of a recording.
 *
 * <p>Threads (docs/ARCHITECTURE.md): the feed threads read and frame, then hand frames, plots and
 * messages to the loop; the loop alone touches the picture; the web threads read the snapshots it
 * publishes ({@link Picture#snapshot()}) and send actions to it.
 */
public final class LiveServer implements AutoCloseable {
    public static final String VERSION = "0.1.0";
    /** Longest recording a restart replays whole (exact mode); longer ones: the last {@link Restart#DEFAULT_WINDOW}. */
    public static final java.time.Duration EXACT_RESTART_LIMIT = java.time.Duration.ofHours(6);

    private static final com.fasterxml.jackson.databind.ObjectMapper COVERAGE_JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final Picture picture;
    private final PictureLoop loop;
    private final FeedRegistry feeds = new FeedRegistry();
    private final FeedDelivery delivery;
    /**
     * Where the radar sources record and decode their ASTERIX (they share the radar network): the
     * picture's loop ({@link PictureLoop} is a {@code FeedDelivery.Handoff}), so each block is
     * journalled and applied on the owner thread, in one order with every other input.
     */
    private final Object radarLock;

    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vigil-housekeeping");
        t.setDaemon(true);
        return t;
    });
    private final WebServer web;
    /** Flight plans from outside (API, watched folder) into the picture's store, on the loop. */
    private final org.vigil.server.flightplan.FlightPlanIntake planIntake;
    /** Records raw inputs where they enter; null: not recording. */
    private final RecordingTap tap;
    /** The event store sink of the event writers when recording (a restart rebuild matches through it), else null. */
    private final RecordedEvents recordedEvents;
    /** Plots from the radar feed threads, each handed to the loop (the decoder reuses its plot object). */
    private final RadarPlotSink radarSink;
    /** Inputs that run on their own clock (the simulator), started after the feeds, closed before them. */
    private final List<Input> inputs = new CopyOnWriteArrayList<>();
    /** Where decoded Mode S frames are re-served (readsb's Beast output, docs/INTEROP.md); null: nowhere. */
    private volatile FrameSink reserved;

    /**
     * A data source that is not a feed reader (e.g. the scenario simulator driven by the wall
     * clock): it registers its status rows in {@link #feeds()} itself and delivers on the loop
     * ({@link #loop()}).
     */
    public interface Input extends AutoCloseable {
        void start();

        @Override
        void close();
    }

    /** An open server (no sign-in): tests and local development. */
    public LiveServer(Theatre theatre, String bindAddress, int port) {
        this(theatre, bindAddress, port, null, null);
    }

    /** Not recording. */
    public LiveServer(Theatre theatre, String bindAddress, int port, Security security) {
        this(theatre, bindAddress, port, security, null);
    }

    /**
     * @param theatre  the region's data: airspace, rules, posture... (the wiring holds none)
     * @param security sign-in, roles, audit and TLS for the console and API (see docs/SECURITY.md);
     *                 null: an open server. Every route is registered with the role it needs.
     * @param tap      records every raw input where it enters (Mode S frames of every feed, the
     *                 simulator's radar blocks and flight plans) and, through its recorder, the
     *                 tracker's and identification's events (docs/REPLAY.md); null: not recording
     */
    public LiveServer(Theatre theatre, String bindAddress, int port, Security security, RecordingTap tap) {
        this(theatre, bindAddress, port, security, tap, null);
    }

    /**
     * The picture of a playback (org.vigil.server.playback.RecordingPlayback): the same picture, nothing
     * recorded; the tracker's, identification's and scramble events go to {@code events}.
     * Not meant to be started: the playback serves it and delivers its inputs on its own thread.
     */
    public LiveServer(Theatre theatre, org.vigil.core.event.EventSink events) {
        this(theatre, "127.0.0.1", 0, null, null, java.util.Objects.requireNonNull(events, "events"));
    }

    private LiveServer(
            Theatre theatre,
            String bindAddress,
            int port,
            Security security,
            RecordingTap tap,
            org.vigil.core.event.EventSink events) {
        this.tap = tap;
        org.vigil.core.event.EventSink eventSink = null;
        if (tap != null || events != null) {
            // one stream of typed events into the event store, as in the replay's events file
            recordedEvents = tap != null ? new RecordedEvents(tap.recorder()) : null;
            eventSink = tap != null ? recordedEvents : events;
        } else {
            recordedEvents = null;
        }
        // each track's identification history for the console's details panel, beside the event store
        org.vigil.server.web.TrackHistory history = new org.vigil.server.web.TrackHistory();
        if (eventSink != null) eventSink = eventSink.andThen(history);
        this.picture = Picture.builder(java.util.Objects.requireNonNull(theatre, "theatre"))
                .events(eventSink)
                .build();
        this.loop = new PictureLoop(PictureLoop.DEFAULT_CAPACITY, picture::publish);
        this.radarLock = loop;
        this.delivery = new FeedDelivery(loop, this::frameConsumerFor, this::messageConsumerFor);
        this.radarSink = new LoopPlotSink(loop, picture.radarSink());
        AlertService alerts = picture.alerts().runOn(new AlertService.Owner() {
            @Override
            public <T> T call(Supplier<T> work) {
                return loop.call(work);
            }
        });
        // The console's clock is the data's: the newest message time (wall clock only before the
        // first message), so that ages stay right when a recording or a scenario is played.
        WebSettings settings = WebSettings.defaults()
                .withBindAddress(bindAddress)
                .withPort(port)
                .withVersion(VERSION)
                .withClock(new DataClock(picture));
        this.web = new WebServer(settings, () -> picture.snapshot().aircraft(), feeds::statuses, this::healthExtras)
                .tracks(() -> picture.snapshot().tracks())
                .plots(() -> picture.snapshot().plots())
                .flightPlans(() -> picture.snapshot().flightPlans());
        web.trackHistory(history);
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
        if (tap != null) {
            // every operator action durable before its 2xx, through the recorder's one write path
            alerts.withActionLog(
                    org.vigil.server.recording.OperatorActionLog.of(tap.recorder()),
                    ctx -> security == null ? null : security.actor(ctx));
        }
        web.routes(app -> alerts.registerRoutes(app, Role.OBSERVER, Role.OPERATOR, ctx -> {
            if (security == null) return null; // open server: the body's "user"
            Actor a = security.actor(ctx);
            return a == null ? null : a.user();
        }));
        // posture, recommendations, proposals (operator), orders and posture changes (supervisor), audited
        // the workflow is the picture's: every read and action runs on the loop, like the alerts'
        QraApi qra = new QraApi(picture.scrambles()).runOn(new QraApi.Owner() {
            @Override
            public <T> T call(Supplier<T> work) {
                return loop.call(work);
            }
        });
        Theatre.Area area = picture.theatre().area();
        qra.withDefaultArea(area.south(), area.north(), area.west(), area.east());
        if (tap != null)
            qra.withActionLog(org.vigil.server.recording.OperatorActionLog.of(tap.recorder()), picture::flushEvents);
        web.routes(app -> qra.registerRoutes(app, security));
        // flight plans in (POST /api/flightplans, operator, audited) and the airspace layers (GET /api/airspace)
        // applied on the loop, then published at once: the sender reads its plans back (human rate)
        this.planIntake = new org.vigil.server.flightplan.FlightPlanIntake(
                picture.flightPlans(),
                task -> loop.runAndWait(() -> {
                    task.run();
                    picture.publish();
                }),
                tap,
                () -> picture.modeS().latestMessageNanos());
        web.routes(app -> new org.vigil.server.flightplan.FlightPlanApi(planIntake, security, this::dataTimeNanos)
                .registerRoutes(app));
        web.routes(app ->
                new org.vigil.server.flightplan.AirspaceApi(theatre::layers, this::dataTimeNanos).registerRoutes(app));
        // the theatre's name and area of interest: the console opens on it (docs/THEATRES.md)
        web.routes(
                app -> app.get("/api/theatre", ctx -> ctx.json(theatre.view()), org.vigil.server.auth.Role.OBSERVER));
        // the theatre's radars and receivers: the console's range rings (a scenario's own replace them)
        web.sites().set(theatre.radars(), theatre.receivers());
        // the theatre's FIR boundaries (GeoJSON), the console's FIR layer
        web.routes(app -> app.get(
                "/api/theatre/firs",
                ctx -> ctx.contentType(io.javalin.http.ContentType.APPLICATION_JSON)
                        .result(theatre.firs()),
                org.vigil.server.auth.Role.OBSERVER));
        // where each feed and radar delivered lately, made on the loop (docs/HEALTH.md "Coverage")
        web.routes(app -> app.get(
                "/api/coverage",
                ctx -> ctx.contentType(io.javalin.http.ContentType.APPLICATION_JSON)
                        .result(COVERAGE_JSON.writeValueAsString(loop.call(picture::coverageGeoJson))),
                Role.OBSERVER));
        // the GNSS interference picture as last published (docs/GNSS.md); ?open=true: the open cells only
        web.routes(app -> app.get(
                "/api/interference",
                ctx -> ctx.contentType(io.javalin.http.ContentType.APPLICATION_JSON)
                        .result(COVERAGE_JSON.writeValueAsString(
                                picture.gnss().view().geoJson("true".equals(ctx.queryParam("open"))))),
                Role.OBSERVER));
        // the interference picture minute by minute (the heat map's time slider, docs/GNSS.md "Console"): the kept
        // times, or with ?at=ISO the affected and open cells of the minute at or before it
        web.routes(app -> app.get(
                "/api/interference/history",
                ctx -> {
                    String at = ctx.queryParam("at");
                    Object body;
                    if (at == null) {
                        List<String> times = new java.util.ArrayList<>();
                        for (org.vigil.server.picture.GnssPicture.View v :
                                picture.gnss().history())
                            times.add(org.vigil.core.event.EventTime.format(v.timeNanos()));
                        body = Map.of("times", times);
                    } else {
                        long t;
                        try {
                            t = org.vigil.core.event.EventTime.parse(at);
                        } catch (RuntimeException e) {
                            ctx.status(400).json(Map.of("error", "at: an ISO-8601 UTC time, was " + at));
                            return;
                        }
                        org.vigil.server.picture.GnssPicture.View v =
                                picture.gnss().historyAt(t);
                        body = v == null ? picture.gnss().view().geoJson(true) : v.geoJson(false);
                    }
                    ctx.contentType(io.javalin.http.ContentType.APPLICATION_JSON)
                            .result(COVERAGE_JSON.writeValueAsString(body));
                },
                Role.OBSERVER));
        // one aircraft's GNSS integrity (NIC, NACp, status, area) for the details panel
        web.routes(app -> app.get(
                "/api/interference/aircraft/{icao}",
                ctx -> {
                    String icao = ctx.pathParam("icao");
                    if (!icao.matches("[0-9A-Fa-f]{6}")) {
                        ctx.status(400).json(Map.of("error", "icao: six hexadecimal digits, was " + icao));
                        return;
                    }
                    int address = Integer.parseInt(icao, 16);
                    ctx.contentType(io.javalin.http.ContentType.APPLICATION_JSON)
                            .result(COVERAGE_JSON.writeValueAsString(
                                    loop.call(() -> picture.gnss().integrity(address))));
                },
                Role.OBSERVER));
        // the raised alerts on interference areas over national airspace or a QRA route (docs/GNSS.md)
        web.routes(app -> app.get(
                "/api/interference/alerts",
                ctx -> ctx.contentType(io.javalin.http.ContentType.APPLICATION_JSON)
                        .result(COVERAGE_JSON.writeValueAsString(picture.gnss().alertsJson())),
                Role.OBSERVER));
    }

    /** The air picture; touch it only on the loop ({@link #loop()}), or read its {@link Picture#snapshot()}. */
    public Picture picture() {
        return picture;
    }
    /** The picture's owner thread and its queue. */
    public PictureLoop loop() {
        return loop;
    }

    public ModeSPipeline pipeline() {
        return picture.modeS();
    }

    public FeedRegistry feeds() {
        return feeds;
    }

    public FeedDelivery delivery() {
        return delivery;
    }
    /** The console's recent plots (of the picture). */
    public RecentPlots radarPlots() {
        return picture.recentPlots();
    }
    /** Where radar feed threads deliver their plots: each is handed to the loop, then to the plot layer and the tracker. */
    public RadarPlotSink radarSink() {
        return radarSink;
    }
    /** Where the radar sources record and decode (the picture's loop: on its thread, waited for). */
    public Object radarLock() {
        return radarLock;
    }
    /** Identification of the tracker's confirmed tracks. */
    public IdentStage ident() {
        return picture.ident();
    }
    /** The operators' alert queue (its reads and actions run on the loop). */
    public AlertService alerts() {
        return picture.alerts();
    }
    /** The web server (to add feature routes before {@link #start()}). */
    public WebServer web() {
        return web;
    }
    /** The multi-sensor tracker of this server. */
    public TrackingPipeline tracking() {
        return picture.tracking();
    }
    /** The active flight plans; on the loop only. */
    public FlightPlanStore flightPlans() {
        return picture.flightPlans();
    }
    /** Parses and applies ATS message texts to {@link #flightPlans()} (the API and {@code --flightplans DIR}). */
    public org.vigil.server.flightplan.FlightPlanIntake flightPlanIntake() {
        return planIntake;
    }
    /**
     * The scramble workflow of this server ({@code /api/scrambles}, {@code /api/qra/...}). Not
     * thread-safe: call it only on the picture's loop (the web routes do, through {@link QraApi#runOn}).
     */
    public ScrambleService scrambles() {
        return picture.scrambles();
    }

    /** The picture's data time for the readers: the newest message of the last snapshot. */
    private long dataTimeNanos() {
        return picture.snapshot().latestMessageNanos();
    }

    /**
     * Lets ordered scrambles launch and steer fighters in {@code sim} (the simulation of
     * {@code vigil demo} / {@code run --sim}); call before {@link #start()}, once. The workflow drives
     * them only from {@link #afterSimulationStep}, i.e. on the loop between the simulation's steps.
     */
    public void flySimulatedFighters(Simulation sim) {
        // their answers to the workflow are journalled: a replay answers the same (docs/REPLAY.md)
        picture.flyFighters(tap == null ? new SimulatedFighters(sim) : tap.fighters("sim", new SimulatedFighters(sim)));
    }

    /**
     * Called on the loop after each simulation step it delivered: see {@link Picture#tickScrambles}.
     * A recorded input ({@code step:sim}) like a clock tick, so the workflow re-plans at it too.
     */
    public void afterSimulationStep(long dataTimeNanos) {
        if (tap != null) tap.stepTick("sim", dataTimeNanos, dataTimeNanos);
        picture.tickScrambles(dataTimeNanos);
    }

    /**
     * Restart after a stop or crash (docs/REPLAY.md "Restart"): when the recording already holds raw
     * input, replays it (all of it up to {@link #EXACT_RESTART_LIMIT}, else its last
     * {@link Restart#DEFAULT_WINDOW}) into this (fresh) server's picture, so the picture and the open
     * alerts are back and the stored event sequence continues with neither gaps nor duplicates. Call
     * before {@link #start()} and before any input is delivered: the caller's thread owns the picture
     * until the loop starts.
     *
     * @param radars the recording's radar sites (its manifest), for decoding recorded ASTERIX
     * @return what the rebuild did, or null when not recording or the recording holds no raw input
     */
    public Restart.Result restartFromRecording(List<RadarSite> radars)
            throws java.io.IOException, java.sql.SQLException {
        if (tap == null || tap.recorder().raw().lastReceiveNanos() == Long.MIN_VALUE) return null;
        // Exact mode (the whole journal replayed) keeps track numbers and alert ids those of the
        // stored events; a window would number them from 1 again. It costs ~2 s per recorded hour,
        // so the whole journal is replayed up to EXACT_RESTART_LIMIT, the default window beyond.
        long span =
                tap.recorder().raw().lastReceiveNanos() - tap.recorder().raw().firstReceiveNanos();
        java.time.Duration window = span >= 0 && span <= EXACT_RESTART_LIMIT.toNanos()
                ? java.time.Duration.ofNanos(span)
                : Restart.DEFAULT_WINDOW;
        // frames, plots, plans, clock ticks and each input's feed, as the live picture took them;
        // the operators' journalled actions are carried out again where they took effect
        OperatorActionReplay actions = new OperatorActionReplay(picture, tap.recorder());
        ReplaySinks sinks = org.vigil.server.replay.PictureSinks.of(picture).withActions(actions);
        Restart.Result r = Restart.rebuild(tap.recorder(), radars, sinks, recordedEvents, window, picture::flushEvents);
        lastTickNanos = picture.clockNanos(); // a resumed simulation's catch-up does not tick again
        // phases the workflow followed between ticks are not in the input: as stored
        int scrambles =
                OperatorActionReplay.restoreScrambles(picture, tap.recorder().events());
        tap.recorder().events().flush(); // rows of journalled actions the store missed
        org.slf4j.LoggerFactory.getLogger(LiveServer.class)
                .info(
                        "restart: {} operator actions carried out again ({} refused, {} rows recovered), "
                                + "{} scrambles' phases as stored",
                        actions.applied(),
                        actions.refused(),
                        actions.rowsRecovered(),
                        scrambles);
        picture.publish();
        return r;
    }

    /** Clock ticks come from an input (the simulation's clock), not from the wall clock. */
    private volatile boolean clockFromInput;
    /** The last tick handed to the picture (loop only). */
    private long lastTickNanos = Long.MIN_VALUE;

    /**
     * The picture's clock is an input's own ({@code vigil demo}: the scenario's time): the server's
     * wall-clock ticker stays quiet and the input calls {@link #clockTick} on the loop.
     */
    public void clockFromInput() {
        clockFromInput = true;
    }

    /**
     * A tick of the picture's clock, on the loop: recorded when recording (as {@code clock:live}),
     * then handed to the picture ({@link Picture#clockTick}). At most one per 0.9 s of clock time;
     * the others are dropped before they are recorded, so the recording holds what the picture saw.
     */
    public void clockTick(long tickNanos) {
        // 0.9 s: the wall-clock schedule's ticks come 1 s apart give or take a millisecond
        if (lastTickNanos != Long.MIN_VALUE && tickNanos < lastTickNanos + 900_000_000L) return;
        lastTickNanos = tickNanos;
        // receive time as the inputs it goes with: a simulation records its own time, network feeds the wall clock
        if (tap != null)
            tap.clockTick("live", clockFromInput ? tickNanos : RecordingTap.WALL_CLOCK.getAsLong(), tickNanos);
        picture.clockTick(tickNanos);
    }

    /**
     * Re-serves every Mode S frame the picture decoded to {@code out}, on the picture's thread (readsb's
     * Beast output: org.vigil.server.output.readsb). Call before {@link #start()}.
     */
    public void reserveFrames(FrameSink out) {
        reserved = out;
    }

    /** Data arriving further than this behind the clock re-anchors the clock on it (a capture played live). */
    static final long CLOCK_ANCHOR_NANOS = 60_000_000_000L;
    /** The wall clock's offset to the picture's clock (loop only): 0 for live data, else the played capture's. */
    private long clockOffsetNanos;
    /** The data time at the last wall-clock tick (loop only). */
    private long dataAtLastTick = Long.MIN_VALUE;

    /**
     * The server's tick, every second on the loop: the wall clock, moved by an offset when the
     * inputs carry times of their own far from it (an ASTERIX capture or an SBS file played at its
     * own times): when new data arrived since the last tick and lies more than a minute behind the
     * clock, the clock is anchored on it; data ahead of the clock moves the anchor forward. So the
     * clock runs at the wall clock's pace from the data's time, and a feed that stops (no new data)
     * ages. No tick before the first input.
     */
    private void wallClockTick() {
        long wall = RecordingTap.WALL_CLOCK.getAsLong();
        long data = picture.dataNanos();
        if (data == Long.MIN_VALUE) return;
        if (data != dataAtLastTick) {
            long clock = wall + clockOffsetNanos;
            if (clock - data > CLOCK_ANCHOR_NANOS || data > clock) clockOffsetNanos = data - wall;
            dataAtLastTick = data;
        }
        clockTick(wall + clockOffsetNanos);
    }

    /** Adds an input that {@link #start()} starts and {@link #close()} closes. Call before start. */
    public <I extends Input> I addInput(I input) {
        inputs.add(input);
        return input;
    }

    /**
     * The picture as seen by one feed: frames that fail to decode are counted on that feed's
     * counters by reason (the framers cannot see a bad CRC; only the decoder can). Runs on the loop
     * ({@link #delivery()} hands the frames over).
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
     * Call the sink on the loop (the simulator does: it steps on the loop).
     */
    public FrameSink frameConsumerFor(
            FeedCounters counters, String name, java.util.function.LongSupplier receiveClock) {
        // the feed's health id, found on the loop at its first frame (the picture is the loop's)
        int[] source = {-1};
        FrameSink decode = (buf, off, len, timeNanos, mlat12MHz, signal) -> {
            if (source[0] < 0) source[0] = picture.healthSource(name);
            RejectReason r = RejectReason.of(picture.acceptFrame(source[0], buf, off, len, timeNanos, signal));
            if (r != null) counters.reject(r);
            FrameSink out = reserved;
            if (r == null && out != null) out.onFrame(buf, off, len, timeNanos, mlat12MHz, signal);
        };
        return tap == null ? decode : tap.modeS(name, decode, receiveClock);
    }

    /**
     * The picture as seen by one SBS feed: its messages counted on that feed's health (as Beast and
     * AVR frames are, {@link #frameConsumerFor}) and, when recording, their lines journalled as
     * {@code sbs:NAME}. Runs on the loop ({@link #delivery()} hands over).
     */
    public org.vigil.codec.feed.SbsSink messageConsumerFor(FeedCounters counters) {
        String found = null;
        for (org.vigil.server.feed.Feed f : feeds.feeds()) if (f.counters() == counters) found = f.name();
        String name = found == null ? "feed" : found;
        int[] source = {-1}; // found on the loop at the first message (the picture is the loop's)
        // journalled (when recording) as the line each message came from, like Beast and AVR frames
        RecordingTap.SbsLines lines = tap == null ? null : tap.sbs(name, RecordingTap.WALL_CLOCK);
        return (org.vigil.server.feed.SbsLineSink) (m, from) -> {
            if (source[0] < 0) source[0] = picture.healthSource(name);
            if (lines != null && from != null) lines.record(from, m.timeNanos);
            picture.acceptMessage(source[0], m);
        };
    }

    /** The recording tap, or null when not recording (inputs that are not feeds record through it). */
    public RecordingTap tap() {
        return tap;
    }

    /** Starts the loop, the feeds, expiry and the web server; returns the bound HTTP port. */
    public int start() {
        picture.publish();
        loop.start();
        feeds.startAll();
        // The picture's clock ticks every second, a recorded input (docs/REPLAY.md "Clock ticks"): expiry,
        // coasting, sensor health and the workflow run against it on the loop. A simulation ticks its own.
        var unused = // execute() hands off to the loop thread; a rejected hand-off after close ends the schedule
                housekeeping.scheduleAtFixedRate(
                        () -> {
                            if (!clockFromInput) loop.execute(this::wallClockTick);
                        },
                        1,
                        1,
                        TimeUnit.SECONDS);
        int port = web.start();
        for (Input i : inputs) i.start();
        return port;
    }

    private Map<String, Object> healthExtras() {
        PictureSnapshot snap = picture.snapshot();
        ModeSPipeline.Stats s = snap.modeS();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("aircraft", s == null ? 0 : s.aircraft());
        m.put("frames", s == null ? 0 : s.frames());
        m.put("decoded_frames", s == null ? 0 : s.decodedFrames());
        m.put("sbs_messages", s == null ? 0 : s.sbsMessages());
        m.put("feeds", feeds.feeds().size());
        m.put("picture_queue_waits", loop.waits());
        // refused feed connections (allow-list, per-source and total limits), per feed in /api/feeds
        m.put(
                "feed_connections_refused",
                feeds.statuses().stream().mapToLong(f -> f.connectionsRefused()).sum());
        // stored event lines this build refused (unknown type, newer schema: restart, export), by reader
        m.put("event_lines_skipped", org.vigil.server.recording.EventDecoder.skippedByReader());
        m.putAll(org.vigil.server.picture.HealthReport.of(snap, feeds.statuses()));
        if (tap != null) {
            // a database outage: events wait (bounded, spilled), operator actions are refused meanwhile
            String why = tap.recorder().events().unavailable();
            m.put("event_store", why == null ? "ok" : "unavailable");
            if (why != null) {
                // added to the feeds' and radars' reasons (HealthReport), not in their place
                List<Object> reasons = new java.util.ArrayList<>();
                if (m.get(WebServer.DEGRADED) instanceof List<?> prior) reasons.addAll(prior);
                reasons.add("event store unavailable (" + why + "): events kept waiting, operator actions refused");
                m.put(WebServer.DEGRADED, reasons);
                m.put("status", "degraded");
            }
        }
        return m;
    }

    @Override
    public void close() {
        for (Input i : inputs) i.close();
        feeds.stopAll();
        housekeeping.shutdownNow();
        web.stop();
        loop.close(); // runs what the feeds queued; from here the caller owns the picture
        picture.flushEvents();
    }

    /** Blocks until the JVM is asked to stop (Ctrl-C), then closes. */
    public void runUntilStopped() throws InterruptedException {
        Thread main = Thread.currentThread();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            close();
                            main.interrupt();
                            // the JVM halts when the hooks end: give the caller time to close what it opened after
                            // this server (the recorder's last batch, the audit database)
                            try {
                                main.join(10_000);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "vigil-shutdown"));
        try {
            Thread.currentThread().join();
        } catch (InterruptedException stop) {
            // the shutdown hook's stop signal, consumed here: with the flag set again the caller's
            // closing of files (the recorder's journal) would fail with ClosedByInterruptException
        }
    }

    /**
     * Radar plots from a feed thread to the loop. The decoder reuses its plot object, so each is
     * handed over and waited for; the radar sources decode under {@link #radarLock}, so one plot
     * is in flight at a time and the two tasks are reused (nothing allocated per plot).
     */
    private static final class LoopPlotSink implements RadarPlotSink, org.vigil.server.radar.ReportSink {
        private final PictureLoop loop;
        private RadarPlot plot;
        private RadarStatus status;
        private ServiceMessage message;
        private final Runnable plotTask;
        private final Runnable statusTask;
        // CAT021 reports and CAT062 updates, handed over and waited for like plots
        private org.vigil.codec.modes.ModeSMessage report;
        private org.vigil.core.track.Detection update;
        private int externalTrackNumber;
        private final Runnable reportTask;
        private final Runnable updateTask;

        LoopPlotSink(PictureLoop loop, RadarPlotSink owner) {
            this.loop = loop;
            this.plotTask = () -> owner.onPlot(plot);
            this.statusTask = () -> owner.onRadarStatus(status, message);
            org.vigil.server.radar.ReportSink reports = owner instanceof org.vigil.server.radar.ReportSink r ? r : null;
            this.reportTask = () -> {
                if (reports != null) reports.onAdsbReport(report);
            };
            this.updateTask = () -> {
                if (reports != null) reports.onSystemTrack(update, externalTrackNumber);
            };
        }

        @Override
        public synchronized void onAdsbReport(org.vigil.codec.modes.ModeSMessage m) {
            report = m;
            loop.runAndWait(reportTask);
        }

        @Override
        public synchronized void onSystemTrack(org.vigil.core.track.Detection d, int number) {
            update = d;
            externalTrackNumber = number;
            loop.runAndWait(updateTask);
        }

        @Override
        public synchronized void onPlot(RadarPlot p) {
            plot = p;
            loop.runAndWait(plotTask);
        }

        @Override
        public synchronized void onRadarStatus(RadarStatus s, ServiceMessage m) {
            status = s;
            message = m;
            loop.runAndWait(statusTask);
        }
    }

    /** The picture's clock in its last snapshot (data time or clock tick); the wall clock until the first. */
    static final class DataClock extends java.time.Clock {
        private final Picture picture;

        DataClock(Picture picture) {
            this.picture = picture;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public long millis() {
            long t = picture.snapshot().nowNanos(); // data time or the latest clock tick
            return t == Long.MIN_VALUE ? System.currentTimeMillis() : t / 1_000_000L;
        }

        @Override
        public java.time.Instant instant() {
            return java.time.Instant.ofEpochMilli(millis());
        }
    }
}
