package org.vigil.server.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.websocket.WsContext;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.jetty.websocket.api.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.server.auth.Access;
import org.vigil.server.auth.Role;
import org.vigil.server.auth.Security;
import org.vigil.server.auth.Session;

/**
 * The console's web layer: serves the static console from the classpath ({@code /vigil-console},
 * built by the vigil-console module), a small REST API and a WebSocket that pushes the air picture.
 *
 * <ul>
 *   <li>{@code GET /api/aircraft}: JSON array of {@link AircraftView}</li>
 *   <li>{@code GET /api/plots}: JSON array of the recent radar plots from the plots supplier (see
 *       {@link #plots}), component names in snake_case, null components left out; {@code []}
 *       when no plots supplier is set</li>
 *   <li>{@code GET /api/tracks}: JSON array of the system tracks of the multi-sensor tracker (see
 *       {@link #tracks}), snake_case like the plots; {@code []} when no tracks supplier is set</li>
 *   <li>{@code GET /api/flightplans}: JSON array of the active flight plans (see {@link #flightPlans}),
 *       like the plots; {@code []} when no supplier is set</li>
 *   <li>{@code GET /api/feeds}: whatever the feeds supplier returns, serialised by Jackson as is</li>
 *   <li>{@code GET /api/sites}: the radars and receivers ({@link Sites}) with position and range</li>
 *   <li>{@code GET /api/tracks/{number}/history}: the track's identification events ({@link TrackHistory})</li>
 *   <li>{@code GET /api/health}: status, version, uptime, aircraft count, console clients, plus the
 *       health-extras supplier's entries (merged when it returns a Map, else under "extras")</li>
 *   <li>{@code /ws}: {@code {"type":"aircraft","time":EPOCH_MS,"aircraft":[...]}} on connect and
 *       then every push interval, to every client; when a plots supplier is set, also
 *       {@code {"type":"plots","time":EPOCH_MS,"plots":[...]}} on connect and every push interval
 *       ({@code time} is the push time; each plot carries its own data time); likewise
 *       {@code {"type":"tracks","time":EPOCH_MS,"tracks":[...]}} when a tracks supplier is set</li>
 *   <li>{@code /ws?v=2} (protocol 2, the console's): like {@code /ws}, but instead of the whole
 *       picture, {@link PictureDelta} messages ({@code "type":"delta"}: changed and removed aircraft
 *       in the view and filter the console sends, at most one a second, no trails); see docs/CONSOLE.md</li>
 *   <li>{@code GET /api/aircraft/{icao}}: one {@link AircraftView} with its trail (404 when unknown);
 *       {@code GET /api/aircraft/{icao}/trail}: the trail alone</li>
 * </ul>
 *
 * <p>The suppliers are called from the push thread and from HTTP threads, possibly at the same
 * time, so they must be thread-safe and return a consistent snapshot. A supplier that throws costs
 * one push (counted in {@link #pushFailures()}, reported by health), never the push schedule.
 *
 * <p>A console that reads slower than we push is not allowed to build a queue: while its previous
 * picture is still being written, it keeps only the newest picture of each kind (aircraft, plots)
 * waiting (aircraft, plots, tracks), and older waiting ones are skipped (it only needs the latest).
 */
public final class WebServer implements AutoCloseable {

    /** Classpath directory that the vigil-console module's build fills. */
    public static final String CONSOLE_RESOURCES = "/vigil-console";

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private final WebSettings settings;
    private final Supplier<List<AircraftView>> aircraft;
    private final Supplier<?> feeds;
    private final Supplier<?> healthExtras;
    private final ObjectMapper mapper;
    /** Plots come as plain records with camelCase components; the console reads snake_case. */
    private final ObjectMapper plotMapper;

    private volatile Supplier<? extends List<?>> plots;
    /** System tracks of the multi-sensor tracker (snake_case records), or null. */
    private volatile Supplier<? extends List<?>> tracks;

    private volatile Supplier<? extends List<?>> flightPlans;
    /** Sign-in and access control; null: open console (tests, local demo). */
    private volatile Security security;
    /** Features' own routes (alerts, QRA), installed after security and the built-in routes. */
    private final List<java.util.function.Consumer<RoutesConfig>> routeHooks =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Each track's identification history ({@code GET /api/tracks/{number}/history}), or null: none kept. */
    private volatile TrackHistory history;

    /** Radars and receivers for the console's range rings ({@code GET /api/sites}); empty until set. */
    private final Sites sites = new Sites();

    private final Map<String, ConsoleClient> clients = new ConcurrentHashMap<>();
    private final AtomicLong pushes = new AtomicLong();
    private final AtomicLong pushFailures = new AtomicLong();
    private final AtomicLong skippedForSlowClients = new AtomicLong();

    private Javalin app;
    private ScheduledExecutorService pusher;
    /**
     * Process uptime is wall time (monotonic), not the settings' clock: a live server's clock follows
     * the data, which may be a recording of 2022, and gave a negative uptime.
     */
    private long startedAtNanos;

    /**
     * @param aircraft     the air picture, one view per aircraft; thread-safe
     * @param feeds        feed status for {@code /api/feeds}; thread-safe
     * @param healthExtras extra health entries; thread-safe; may return null
     */
    public WebServer(
            WebSettings settings, Supplier<List<AircraftView>> aircraft, Supplier<?> feeds, Supplier<?> healthExtras) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.aircraft = Objects.requireNonNull(aircraft, "aircraft");
        this.feeds = Objects.requireNonNull(feeds, "feeds");
        this.healthExtras = Objects.requireNonNull(healthExtras, "healthExtras");
        this.mapper = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        this.plotMapper = new ObjectMapper()
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /**
     * Sets where the radar plots for the console's plot layer come from (for example
     * {@code RecentPlots::snapshot} under the delivery lock). Call before {@link #start()}.
     * The supplier is called from the push thread and from HTTP threads, so it must be thread-safe
     * and return a snapshot the caller may keep; elements are serialised by Jackson with their
     * component names in snake_case ({@code altitudeFt} becomes {@code altitude_ft}).
     *
     * @return this, for chaining
     * @throws IllegalStateException when already started (clients would miss the plots silently)
     */
    public synchronized WebServer plots(Supplier<? extends List<?>> plots) {
        if (app != null) {
            throw new IllegalStateException("set the plots supplier before start()");
        }
        this.plots = Objects.requireNonNull(plots, "plots");
        return this;
    }

    /**
     * Sets where the system tracks come from ({@code GET /api/tracks} and the WebSocket message
     * {@code {"type":"tracks","time":EPOCH_MS,"tracks":[...]}} on connect and every push interval).
     * Same contract as {@link #plots}: thread-safe, a snapshot, snake_case, set before {@link #start()}.
     */
    public synchronized WebServer tracks(Supplier<? extends List<?>> tracks) {
        if (app != null) {
            throw new IllegalStateException("set the tracks supplier before start()");
        }
        this.tracks = Objects.requireNonNull(tracks, "tracks");
        return this;
    }

    /**
     * Sets where {@code GET /api/flightplans} (active flight plans, snake_case like the plots) comes
     * from. Same contract as {@link #plots}: thread-safe, a snapshot, set before {@link #start()}.
     */
    public synchronized WebServer flightPlans(Supplier<? extends List<?>> flightPlans) {
        if (app != null) {
            throw new IllegalStateException("set the flight plans supplier before start()");
        }
        this.flightPlans = Objects.requireNonNull(flightPlans, "flightPlans");
        return this;
    }

    /**
     * Turns on sign-in, roles, audit and (when configured) TLS: every route then needs the role it was
     * registered with (see {@link Security}), and {@code /ws} a session. Call before {@link #start()}.
     */
    public synchronized WebServer security(Security security) {
        if (app != null) {
            throw new IllegalStateException("set security before start()");
        }
        this.security = Objects.requireNonNull(security, "security");
        return this;
    }

    /**
     * Adds routes of a feature (e.g. {@code new AlertService(stage)::registerRoutes}): {@code hook} is
     * called with Javalin's route configuration after {@link Security#configure} (so the access checks
     * run first) and after the built-in routes. Each route must be registered with its role
     * ({@link Role} or {@link Access#PUBLIC}), or the start fails. Call before {@link #start()}.
     */
    public synchronized WebServer routes(java.util.function.Consumer<RoutesConfig> hook) {
        if (app != null) {
            throw new IllegalStateException("add routes before start()");
        }
        routeHooks.add(Objects.requireNonNull(hook, "hook"));
        return this;
    }

    /** Where the details panel's per-track history comes from (fed by the picture's events). Call before {@link #start()}. */
    public synchronized WebServer trackHistory(TrackHistory h) {
        if (app != null) {
            throw new IllegalStateException("set the track history before start()");
        }
        this.history = Objects.requireNonNull(h, "history");
        return this;
    }

    /** The sensor sites the console draws range rings around ({@code GET /api/sites}); set them at start-up. */
    public Sites sites() {
        return sites;
    }

    /** The security in force, or null for an open server. */
    public Security security() {
        return security;
    }

    /** True when the console's static files are on the classpath (the vigil-console jar was built). */
    public static boolean consoleBundled() {
        return WebServer.class.getResource(CONSOLE_RESOURCES + "/index.html") != null;
    }

    /**
     * Starts listening and pushing.
     *
     * @return the bound port (the system-chosen one when the settings say port 0)
     */
    public synchronized int start() {
        if (app != null) {
            throw new IllegalStateException("web server already started on port " + app.port());
        }
        boolean bundled = consoleBundled();
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(mapper, false));
            // first, so that the access checks run before any feature's handlers
            if (security != null) {
                security.configure(config, settings.bindAddress(), settings.port());
            } else {
                Security.requireRoles(config);
            }
            if (bundled) {
                config.staticFiles.add(sf -> {
                    sf.hostedPath = "/";
                    sf.directory = CONSOLE_RESOURCES;
                    sf.location = Location.CLASSPATH;
                    sf.roles = java.util.Set.of(Access.PUBLIC); // the login page is one of them
                });
            }
            config.routes.before(this::securityHeaders);
            registerRoutes(config.routes, bundled);
            for (java.util.function.Consumer<RoutesConfig> hook : routeHooks) hook.accept(config.routes);
        });
        javalin.start(settings.bindAddress(), settings.port());
        startedAtNanos = System.nanoTime();
        app = javalin;
        if (security != null) {
            security.sessions().onEnd(closeOnSessionEnd);
        }

        long periodMs = settings.pushInterval().toMillis();
        pusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigil-web-push");
            t.setDaemon(true);
            return t;
        });
        var unused = // the task catches and logs its own failures; the executor is shut down on close
                pusher.scheduleAtFixedRate(this::pushToAll, periodMs, periodMs, TimeUnit.MILLISECONDS);
        LOG.info(
                "console on {}://{}:{}/",
                security != null && security.tls() ? "https" : "http",
                settings.bindAddress(),
                javalin.port());
        return javalin.port();
    }

    /** The built-in routes: the picture (observer), health (public), the WebSocket (observer). */
    private void registerRoutes(RoutesConfig app, boolean bundled) {
        if (!bundled) {
            // Serve an explanation rather than a bare 404 so an operator knows what is missing.
            LOG.warn("console not bundled ({} missing from the classpath); serving the API only", CONSOLE_RESOURCES);
            app.get(
                    "/",
                    ctx -> ctx.contentType(ContentType.TEXT_PLAIN)
                            .result(
                                    "Vigil: the console was not built into this jar (vigil-console module). API: /api/health\n"),
                    Access.PUBLIC);
        }
        app.get("/api/aircraft", ctx -> jsonResult(ctx, aircraft.get()), Role.OBSERVER);
        // one aircraft with its trail: the console asks for the one it shows in detail (trails on demand)
        app.get("/api/aircraft/{icao}", ctx -> oneAircraft(ctx, false), Role.OBSERVER);
        app.get("/api/aircraft/{icao}/trail", ctx -> oneAircraft(ctx, true), Role.OBSERVER);
        app.get(
                "/api/plots",
                ctx -> {
                    Supplier<? extends List<?>> p = plots;
                    List<?> list = p == null ? null : p.get();
                    ctx.contentType(ContentType.APPLICATION_JSON)
                            .result(plotMapper.writeValueAsString(list == null ? List.of() : list));
                },
                Role.OBSERVER);
        app.get(
                "/api/tracks",
                ctx -> {
                    Supplier<? extends List<?>> t = tracks;
                    List<?> list = t == null ? null : t.get();
                    ctx.contentType(ContentType.APPLICATION_JSON)
                            .result(plotMapper.writeValueAsString(list == null ? List.of() : list));
                },
                Role.OBSERVER);
        // one system track with its trail: protocol 2 sends tracks without trails (trails on demand)
        app.get(
                "/api/tracks/{number}",
                ctx -> {
                    Supplier<? extends List<?>> t = tracks;
                    List<?> list = t == null ? null : t.get();
                    String number = ctx.pathParam("number");
                    for (Object o : list == null ? List.of() : list) {
                        if (plotMapper.valueToTree(o) instanceof ObjectNode n
                                && number.equals(n.path("track_number").asText())) {
                            ctx.contentType(ContentType.APPLICATION_JSON).result(n.toString());
                            return;
                        }
                    }
                    ctx.status(404).json(Map.of("error", "no system track " + number));
                },
                Role.OBSERVER);
        // a track's identification history: identity changes, rules, alerts, operator inputs, with times
        app.get(
                "/api/tracks/{number}/history",
                ctx -> {
                    TrackHistory h = history;
                    int number;
                    try {
                        number = Integer.parseInt(ctx.pathParam("number"));
                    } catch (NumberFormatException e) {
                        ctx.status(400).json(Map.of("error", "not a track number"));
                        return;
                    }
                    ctx.contentType(ContentType.APPLICATION_JSON).result(h == null ? "[]" : h.json(number));
                },
                Role.OBSERVER);
        app.get(
                "/api/flightplans",
                ctx -> {
                    Supplier<? extends List<?>> p = flightPlans;
                    List<?> list = p == null ? null : p.get();
                    if ("brief".equals(ctx.queryParam("fields"))) {
                        // the table's registration and type columns: who is who, without routes (a few bytes a plan)
                        List<ObjectNode> out = new ArrayList<>(list == null ? 0 : list.size());
                        for (Object o : list == null ? List.of() : list)
                            if (plotMapper.valueToTree(o) instanceof ObjectNode n) out.add(n.retain(PLAN_BRIEF));
                        ctx.contentType(ContentType.APPLICATION_JSON).result(plotMapper.writeValueAsString(out));
                        return;
                    }
                    ctx.contentType(ContentType.APPLICATION_JSON)
                            .result(plotMapper.writeValueAsString(list == null ? List.of() : list));
                },
                Role.OBSERVER);
        app.get("/api/feeds", ctx -> jsonResult(ctx, feeds.get()), Role.OBSERVER);
        // radars and receivers with position and range: the console's range rings (docs/CONSOLE.md)
        app.get("/api/sites", ctx -> jsonResult(ctx, sites.list()), Role.OBSERVER);
        // health for monitoring: public
        app.get("/api/health", ctx -> jsonResult(ctx, health()), Access.PUBLIC);
        app.ws(
                "/ws",
                ws -> {
                    ws.onConnect(ctx -> {
                        ctx.session.setIdleTimeout(Duration.ofMinutes(5));
                        ConsoleClient client = new ConsoleClient(ctx);
                        Security sec = security;
                        if (sec != null) {
                            // the upgrade passed the access check; remember whose session it is, to close with it
                            Session owner = sec.session(ctx.header("Authorization"), ctx.cookie(Security.cookieName()));
                            if (owner == null) {
                                ctx.closeSession(SESSION_ENDED, "session ended");
                                return;
                            }
                            client.sessionId = owner.id();
                        }
                        if ("2".equals(ctx.queryParam("v"))) {
                            // protocol 2: deltas for the console's view (docs/CONSOLE.md); it sends its view next
                            client.delta = new PictureDelta(deltaIntervalMs(), DELTA_MAX_ROWS, FIRST_PICTURE_MAX_ROWS);
                            // system tracks as deltas too, from the first push (they need the view)
                            client.trackDelta = new TrackDelta(deltaIntervalMs(), DELTA_MAX_ROWS);
                        }
                        clients.put(ctx.sessionId(), client);
                        // A fresh console should not stare at an empty map until the next tick.
                        if (client.delta != null) {
                            client.offer(null, plotsJson(), null, skippedForSlowClients);
                        } else {
                            client.offer(pictureJson(), plotsJson(), tracksJson(), skippedForSlowClients);
                        }
                    });
                    ws.onMessage(ctx -> {
                        ConsoleClient c = clients.get(ctx.sessionId());
                        boolean reset =
                                c != null && c.delta != null && c.viewMessage(ctx.message(), mapper, badViewMessages);
                        // its first picture at once, not at the next push: the operator is waiting. Not after a
                        // reset (a replay jump): the console sends it before its seek, which must land first
                        if (c != null && c.delta != null && !reset && c.delta.awaitingFirst()) firstPictureSoon(c);
                    });
                    ws.onClose(ctx -> clients.remove(ctx.sessionId()));
                    ws.onError(ctx -> clients.remove(ctx.sessionId()));
                    // A protocol-1 console sends nothing that we act on; its messages are ignored.
                },
                Role.OBSERVER);
    }

    /** A flight plan's fields in {@code GET /api/flightplans?fields=brief}: who the aircraft is. */
    private static final List<String> PLAN_BRIEF = List.of("callsign", "icao", "type", "registration", "status");

    /** WebSocket close code for "your session ended" (logout, disabled, role changed, expired): sign in again. */
    public static final int SESSION_ENDED = 4001;

    /** Closes the consoles of a session that ended: the picture stops at logout, disable and role change. */
    @SuppressWarnings("UnnecessaryLambda") // one instance, so that stop() can remove what start() added
    private final java.util.function.Consumer<Session> closeOnSessionEnd = s -> closeSession(s.id());

    private void closeSession(String sessionId) {
        for (Iterator<ConsoleClient> it = clients.values().iterator(); it.hasNext(); ) {
            ConsoleClient c = it.next();
            if (sessionId.equals(c.sessionId)) {
                it.remove();
                try {
                    c.ctx.closeSession(SESSION_ENDED, "session ended");
                } catch (RuntimeException e) {
                    LOG.debug("closing a console WebSocket: {}", e.toString());
                }
            }
        }
    }

    /**
     * Security headers on every answer, static files included (OWASP ASVS 14.4): a Content Security
     * Policy that allows only the console's own scripts, styles, images (and data: images, which
     * milsymbol's symbols are) and connections; no framing (clickjacking); no MIME sniffing; no
     * Referer; HSTS when served over TLS; API answers are not cached.
     */
    private void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        Security sec = security;
        if (sec != null && sec.tls()) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
        if (ctx.path().startsWith("/api/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    /** The console's policy; 'self' covers its same-origin WebSocket (CSP level 3). */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:;"
            + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Stops pushing, closes every console connection and the listener. Safe to call twice. */
    public synchronized void stop() {
        if (security != null) {
            security.sessions().removeOnEnd(closeOnSessionEnd);
        }
        if (pusher != null) {
            pusher.shutdownNow();
            pusher = null;
        }
        if (app != null) {
            app.stop();
            app = null;
        }
        clients.clear();
    }

    @Override
    public void close() {
        stop();
    }

    /** The bound port; only valid while started. */
    public synchronized int port() {
        if (app == null) {
            throw new IllegalStateException("web server not started");
        }
        return app.port();
    }

    /** Consoles currently connected over the WebSocket. */
    public int clientCount() {
        return clients.size();
    }

    /** Pushes that were dropped because a supplier threw or serialisation failed. */
    public long pushFailures() {
        return pushFailures.get();
    }

    /** Rows in one delta message at most: with one message a second, about 100 KB/s at most. */
    static final int DELTA_MAX_ROWS = 1_500;

    /** Rows in a console's first picture at most: every aircraft in its view at once (a continent's traffic). */
    static final int FIRST_PICTURE_MAX_ROWS = 30_000;

    /** Shortest time between two delta messages to one console: the push interval, and never under 1 s. */
    private long deltaIntervalMs() {
        return Math.max(1_000, settings.pushInterval().toMillis()) - 50; // slack for the push timer's jitter
    }

    private final AtomicLong badViewMessages = new AtomicLong();

    /** View messages from consoles that could not be read (counted and logged, the view kept). */
    public long badViewMessages() {
        return badViewMessages.get();
    }

    /** {@code GET /api/aircraft/{icao}} (the view with its trail) or {@code .../trail} (the trail alone). */
    private void oneAircraft(Context ctx, boolean trailOnly) throws JsonProcessingException {
        String icao = ctx.pathParam("icao").toUpperCase(java.util.Locale.ROOT);
        List<AircraftView> list = aircraft.get();
        for (AircraftView a : list == null ? List.<AircraftView>of() : list) {
            if (a.icao().equals(icao)) {
                jsonResult(ctx, trailOnly ? (a.trail() == null ? List.of() : a.trail()) : a);
                return;
            }
        }
        ctx.status(404)
                .contentType(ContentType.APPLICATION_JSON)
                .result("{\"error\":\"no aircraft " + icao.replaceAll("[^0-9A-F]", "?") + "\"}");
    }

    /** Pictures not sent to a console because it was still receiving the previous one. */
    public long skippedForSlowClients() {
        return skippedForSlowClients.get();
    }

    private void jsonResult(Context ctx, Object body) throws JsonProcessingException {
        ctx.contentType(ContentType.APPLICATION_JSON).result(mapper.writeValueAsString(body));
    }

    /** Health-extras key of a list of reasons the server is degraded; any makes the status {@code degraded}. */
    public static final String DEGRADED = "degraded";

    private Map<String, Object> health() {
        Map<String, Object> h = new LinkedHashMap<>();
        // Health must answer even when the picture cannot be had: that is when it matters most.
        int count;
        String status;
        try {
            List<AircraftView> list = aircraft.get();
            count = list == null ? 0 : list.size();
            status = "ok";
        } catch (RuntimeException e) {
            count = -1;
            status = "degraded: air picture unavailable (" + e.getClass().getSimpleName() + ")";
        }
        Security sec = security;
        List<String> damage = sec == null ? List.of() : sec.storageDamage().reports();
        if (!damage.isEmpty() && "ok".equals(status)) {
            status = "degraded: storage damage, quarantined (see storage_damage)";
        }
        h.put("status", status);
        h.put("version", settings.version());
        if (sec != null) {
            h.put("storage_damage", damage);
        }
        h.put("uptime_s", (System.nanoTime() - startedAtNanos) / 1_000_000_000L);
        h.put("aircraft", count);
        h.put("console_clients", clients.size());
        h.put("console_bundled", consoleBundled());
        h.put("pushes", pushes.get());
        h.put("push_failures", pushFailures.get());
        h.put("skipped_for_slow_clients", skippedForSlowClients.get());
        Object extras;
        try {
            extras = healthExtras.get();
        } catch (RuntimeException e) {
            extras = Map.of("extras_error", String.valueOf(e.getMessage()));
        }
        if (extras instanceof Map<?, ?> m) {
            m.forEach((k, v) -> h.putIfAbsent(String.valueOf(k), v));
            // a feed or radar lost or degraded (docs/HEALTH.md) makes the whole status degraded
            if ("ok".equals(status) && "degraded".equals(m.get("status"))) h.put("status", "degraded");
        } else if (extras != null) {
            h.put("extras", extras);
        }
        if ("ok".equals(status) && h.get(DEGRADED) instanceof List<?> why && !why.isEmpty()) {
            h.put("status", "degraded"); // the reasons are under "degraded"
        }
        return h;
    }

    /** The current picture as the WebSocket message, or null (counted) when it cannot be had. */
    private String pictureJson() {
        try {
            List<AircraftView> list = aircraft.get();
            return mapper.writeValueAsString(
                    new AircraftMessage("aircraft", settings.clock().millis(), list == null ? List.of() : list));
        } catch (RuntimeException | JsonProcessingException e) {
            long n = pushFailures.incrementAndGet();
            // Log the first failure and then sparsely, so a stuck supplier cannot flood the log.
            if (Long.bitCount(n) == 1) {
                LOG.warn("air picture push failed ({} so far)", n, e);
            }
            return null;
        }
    }

    /** The plots WebSocket message, or null when there is no plots supplier or (counted) it failed. */
    private String plotsJson() {
        Supplier<? extends List<?>> p = plots;
        if (p == null) {
            return null;
        }
        try {
            List<?> list = p.get();
            return plotMapper.writeValueAsString(
                    new PlotsMessage("plots", settings.clock().millis(), list == null ? List.of() : list));
        } catch (RuntimeException | JsonProcessingException e) {
            long n = pushFailures.incrementAndGet();
            if (Long.bitCount(n) == 1) {
                LOG.warn("radar plots push failed ({} failed pushes so far)", n, e);
            }
            return null;
        }
    }

    /** The tracks WebSocket message, or null when there is no tracks supplier or (counted) it failed. */
    private String tracksJson() {
        Supplier<? extends List<?>> t = tracks;
        if (t == null) {
            return null;
        }
        try {
            List<?> list = t.get();
            return plotMapper.writeValueAsString(
                    new TracksMessage("tracks", settings.clock().millis(), list == null ? List.of() : list));
        } catch (RuntimeException | JsonProcessingException e) {
            long n = pushFailures.incrementAndGet();
            if (Long.bitCount(n) == 1) {
                LOG.warn("system tracks push failed ({} failed pushes so far)", n, e);
            }
            return null;
        }
    }

    /** The tracks WebSocket message; field order is the wire order. */
    private record TracksMessage(String type, long time, List<?> tracks) {}

    /** Every system track as its JSON object, once per push for all protocol-2 consoles; null when none or (counted) failed. */
    private List<ObjectNode> trackNodes() {
        Supplier<? extends List<?>> t = tracks;
        if (t == null) {
            return null;
        }
        try {
            List<?> list = t.get();
            List<ObjectNode> out = new ArrayList<>(list == null ? 0 : list.size());
            if (list != null) for (Object o : list) if (plotMapper.valueToTree(o) instanceof ObjectNode n) out.add(n);
            return out;
        } catch (RuntimeException e) {
            long n = pushFailures.incrementAndGet();
            if (Long.bitCount(n) == 1) {
                LOG.warn("system tracks push failed ({} failed pushes so far)", n, e);
            }
            return null;
        }
    }

    /** Makes and sends a console's first picture on the push thread (which owns its delta state), now. */
    private void firstPictureSoon(ConsoleClient c) {
        ScheduledExecutorService p;
        synchronized (this) {
            p = pusher;
        }
        if (p == null) return;
        try {
            p.execute(() -> {
                try {
                    if (!c.delta.awaitingFirst() || !clients.containsValue(c)) return; // the push came first
                    long time = settings.clock().millis();
                    long wallMs = System.nanoTime() / 1_000_000L;
                    String mine = c.nextDelta(aircraft.get(), time, wallMs, skippedForSlowClients);
                    String myTracks = c.trackDelta == null
                            ? null
                            : c.nextTrackDelta(trackNodes(), time, wallMs, plotMapper, skippedForSlowClients);
                    if (!c.offer(mine, null, myTracks, skippedForSlowClients))
                        clients.values().remove(c);
                } catch (RuntimeException e) {
                    pushFailures.incrementAndGet();
                    LOG.warn("first picture for a console failed", e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("first picture not sent: the server is stopping");
        }
    }

    // Runs on the push thread; must never throw, or the scheduler silently cancels every later push.
    private void pushToAll() {
        try {
            if (clients.isEmpty()) {
                return;
            }
            boolean anyFull = false;
            for (ConsoleClient c : clients.values()) anyFull |= c.delta == null;
            List<AircraftView> list = null;
            String picture = null;
            if (anyFull) {
                picture = pictureJson();
            } else {
                try {
                    list = aircraft.get();
                } catch (RuntimeException e) {
                    pushFailures.incrementAndGet();
                    LOG.warn("air picture push failed", e);
                }
            }
            String plotPicture = plotsJson();
            boolean anyWhole = false;
            boolean anyTrackDelta = false;
            for (ConsoleClient c : clients.values()) {
                anyWhole |= c.trackDelta == null;
                anyTrackDelta |= c.trackDelta != null;
            }
            String trackPicture = anyWhole ? tracksJson() : null;
            List<ObjectNode> trackNodes = anyTrackDelta ? trackNodes() : null;
            if (picture == null && list == null && plotPicture == null && trackPicture == null && trackNodes == null) {
                return;
            }
            if (list == null && anyFull) {
                try {
                    list = aircraft.get();
                } catch (RuntimeException e) {
                    list = null; // counted by pictureJson()
                }
            }
            long time = settings.clock().millis();
            long wallMs = System.nanoTime() / 1_000_000L;
            pushes.incrementAndGet();
            Security sec = security;
            for (Iterator<ConsoleClient> it = clients.values().iterator(); it.hasNext(); ) {
                ConsoleClient c = it.next();
                if (sec != null && c.sessionId != null && !sec.sessions().isLive(c.sessionId)) {
                    closeSession(c.sessionId); // expired (idle or at the end of its watch)
                    continue;
                }
                String mine = c.delta == null ? picture : c.nextDelta(list, time, wallMs, skippedForSlowClients);
                String myTracks = c.trackDelta == null
                        ? trackPicture
                        : c.nextTrackDelta(trackNodes, time, wallMs, plotMapper, skippedForSlowClients);
                if (!c.offer(mine, plotPicture, myTracks, skippedForSlowClients)) {
                    it.remove(); // the entry under c.ctx.sessionId()
                }
            }
        } catch (RuntimeException e) {
            pushFailures.incrementAndGet();
            LOG.warn("console push loop error", e);
        }
    }

    /** The WebSocket message; field order is the wire order. */
    private record AircraftMessage(String type, long time, List<AircraftView> aircraft) {}

    /** The plots WebSocket message; field order is the wire order. */
    private record PlotsMessage(String type, long time, List<?> plots) {}

    /**
     * One connected console. At most one message is in flight to it; behind that, at most the
     * newest picture of each kind (aircraft, plots, tracks) waits (a newer one replaces a waiting
     * older one, counted as skipped). So a slow console costs three strings, never a queue.
     */
    private static final class ConsoleClient implements Callback {
        private static final int KINDS = 3;
        private final WsContext ctx;
        /** The sign-in session it belongs to (null on an open server). */
        volatile String sessionId;
        /** Protocol 2 (deltas for its view), or null: protocol 1, the whole picture every push. */
        volatile PictureDelta delta;
        /** Protocol 2's system tracks (deltas for the same view), or null: the whole list every push. */
        volatile TrackDelta trackDelta;

        private final AtomicBoolean sending = new AtomicBoolean();
        /** Waiting pictures by kind: aircraft, plots, tracks. */
        @SuppressWarnings("unchecked")
        private final AtomicReference<String>[] waiting = new AtomicReference[] {
            new AtomicReference<String>(), new AtomicReference<String>(), new AtomicReference<String>()
        };
        /** Kinds take turns, so a console too slow for all still gets each kind, not only aircraft. */
        private volatile int nextKind;

        ConsoleClient(WsContext ctx) {
            this.ctx = ctx;
        }

        /**
         * The next delta, or null. A delta must never be replaced unsent (its changes would be lost),
         * so none is made while the previous one still waits; that round counts as skipped.
         */
        synchronized String nextDelta(List<AircraftView> picture, long time, long wallMs, AtomicLong skipped) {
            if (picture == null) return null;
            if (waiting[0].get() != null) {
                skipped.incrementAndGet();
                return null;
            }
            return delta.next(picture, time, wallMs);
        }

        /** The next system-track delta, or null; like {@link #nextDelta}, never made while one waits unsent. */
        synchronized String nextTrackDelta(
                List<ObjectNode> tracks, long time, long wallMs, ObjectMapper mapper, AtomicLong skipped) {
            if (tracks == null) return null;
            if (waiting[2].get() != null) {
                skipped.incrementAndGet();
                return null;
            }
            return trackDelta.next(tracks, delta.view(), time, wallMs, mapper);
        }

        /**
         * {@code {"type":"view","bbox":[w,s,e,n],"res":M_PER_PX,"filter":"..."}}; anything else is counted.
         *
         * @return true when it asked for a reset (a replay jump)
         */
        boolean viewMessage(String text, ObjectMapper mapper, AtomicLong bad) {
            try {
                com.fasterxml.jackson.databind.JsonNode m = mapper.readTree(text);
                com.fasterxml.jackson.databind.JsonNode b = m.path("bbox");
                if (!"view".equals(m.path("type").asText()) || !b.isArray() || b.size() != 4) {
                    throw new IllegalArgumentException("not a view message");
                }
                double west = b.get(0).asDouble();
                double east = b.get(2).asDouble();
                if (east - west >= 360) { // the whole world across: no wrap, every longitude
                    west = -180;
                    east = 180;
                } else {
                    west = normLon(west);
                    east = normLon(east);
                }
                PictureDelta.View v = new PictureDelta.View(
                        west,
                        Math.max(-90, b.get(1).asDouble()),
                        east,
                        Math.min(90, b.get(3).asDouble()),
                        m.path("res").asDouble(1),
                        m.path("filter").asText(""));
                boolean reset = m.path("reset").asBoolean(false);
                synchronized (this) { // not while the push thread makes a delta
                    delta.view(v);
                    if (reset) { // a replay jump: a full picture next
                        delta.reset();
                        if (trackDelta != null) trackDelta.reset();
                    }
                }
                return reset;
            } catch (IOException | RuntimeException e) {
                long n = bad.incrementAndGet();
                if (Long.bitCount(n) == 1)
                    LOG.warn("unreadable view message from a console ({} so far): {}", n, e.toString());
                return false;
            }
        }

        private static double normLon(double lon) {
            double l = ((lon + 180) % 360 + 360) % 360 - 180;
            return l == -180 && lon > 0 ? 180 : l;
        }

        /**
         * Queues the pictures (any may be null: nothing of that kind) and sends what it can.
         *
         * @return false when the session is gone
         */
        boolean offer(String aircraft, String plots, String tracks, AtomicLong skipped) {
            if (!ctx.session.isOpen()) {
                return false;
            }
            String[] offered = {aircraft, plots, tracks};
            for (int k = 0; k < KINDS; k++) {
                if (offered[k] != null && waiting[k].getAndSet(offered[k]) != null) {
                    skipped.incrementAndGet();
                }
            }
            return drain();
        }

        /** Starts the next send unless one is in flight; the kinds take turns. False when the session is gone. */
        private boolean drain() {
            while (sending.compareAndSet(false, true)) {
                int start = nextKind;
                String next = null;
                int kind = -1;
                for (int i = 0; i < KINDS && next == null; i++) {
                    kind = (start + i) % KINDS;
                    next = waiting[kind].getAndSet(null);
                }
                if (next != null) {
                    nextKind = (kind + 1) % KINDS; // only changed while we hold the sending flag
                    try {
                        // May complete at once and re-enter drain() from succeed(): depth <= kinds.
                        ctx.session.sendText(next, this);
                        return true;
                    } catch (RuntimeException e) {
                        sending.set(false);
                        return false;
                    }
                }
                sending.set(false);
                // A picture offered between our look and the release would otherwise wait for the next push.
                boolean any = false;
                for (AtomicReference<String> w : waiting) any |= w.get() != null;
                if (!any) {
                    return true;
                }
            }
            return true;
        }

        @Override
        public void succeed() {
            sending.set(false);
            if (ctx.session.isOpen()) {
                drain();
            }
        }

        @Override
        public void fail(Throwable x) {
            sending.set(false);
            ctx.closeSession();
        }
    }
}
