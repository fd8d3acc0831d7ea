package org.vigil.server.playback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vigil.core.event.IdentEvent;
import org.vigil.core.event.VigilEvent;
import org.vigil.core.ident.EventLines;
import org.vigil.server.auth.Role;
import org.vigil.server.auth.Security;
import org.vigil.server.recording.EventDecoder;
import org.vigil.server.recording.EventQuery;
import org.vigil.server.recording.EventStore;
import org.vigil.server.recording.StoredEvent;
import org.vigil.server.replay.ReplayController;
import org.vigil.server.web.WebServer;
import org.vigil.server.web.WebSettings;

/**
 * The console for a {@link RecordingPlayback}: the live console's picture routes and WebSocket
 * (served from whatever picture the playback currently shows), the playback's controls, and every
 * operator action refused.
 *
 * <ul>
 *   <li>{@code GET /api/replay}: {@code is_replay: true}, period, position, speed (0 = max), paused,
 *       seeking, finished, events handed on</li>
 *   <li>{@code POST /api/replay/pause}, {@code /resume}, {@code /speed {"speed": 4 | "max"}},
 *       {@code /seek {"time": "2022-04-20T09:05:00Z"} or {"time_ns": N}}</li>
 *   <li>{@code GET /api/replay/alerts}: the alerts raised in the period, from the recorded events,
 *       each with {@code seek_to} (30 s before it was raised) for "jump to alert"</li>
 *   <li>{@code GET /api/alerts}, {@code GET /api/tracks/{track}/identity}: as live, on the replayed picture</li>
 *   <li>any other POST, PUT, PATCH or DELETE (alert actions, identity overrides, scrambles, QRA
 *       posture, user administration): 409 {@value #REFUSAL}. Only sign-in, the user's own session
 *       and the playback controls are writes that pass.</li>
 * </ul>
 *
 * <p>Who controls: any signed-in user (observer and up). A playback changes nothing recorded; the
 * controls move the one playback that all consoles of this replay server share.
 */
public final class RecordingPlaybackServer implements AutoCloseable {
    public static final String REFUSAL = "replay: operator actions are disabled";
    /** "Jump to alert" lands this long before the alert so the lead-up is seen. */
    static final long ALERT_LEAD_NANOS = 30_000_000_000L;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordingPlayback playback;
    private final EventStore recordedEvents;
    private final WebServer web;

    /**
     * @param recordedEvents the recording's event store, read for the alert list; null: no list
     * @param security       sign-in and roles (the recording's users); null: an open server (tests, local)
     */
    public RecordingPlaybackServer(
            RecordingPlayback playback,
            EventStore recordedEvents,
            String bindAddress,
            int port,
            Security security,
            String version) {
        this.playback = playback;
        this.recordedEvents = recordedEvents;
        WebSettings settings = WebSettings.defaults()
                .withBindAddress(bindAddress)
                .withPort(port)
                .withVersion(version)
                .withClock(new PlaybackClock(playback));
        web = new WebServer(settings, () -> playback.picture().aircraft(), List::of, this::healthExtras)
                .tracks(() -> playback.picture().tracks())
                .plots(() -> playback.picture().plots())
                .flightPlans(() -> playback.picture().flightPlanViews());
        if (security != null) web.security(security);
        web.routes(this::routes);
    }

    /** Starts the web server; returns the bound port. The playback is started by its owner. */
    public int start() {
        return web.start();
    }

    public WebServer web() {
        return web;
    }

    private Map<String, Object> healthExtras() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("replay", true);
        m.put("frames", playback.picture().frames());
        // stored event lines this build refused (unknown type, newer schema), by reader
        m.put("event_lines_skipped", EventDecoder.skippedByReader());
        return m;
    }

    private void routes(RoutesConfig app) {
        // runs after the security check (registered before this): refuses every write but the allowed ones
        app.beforeMatched(ctx -> {
            if (isWrite(ctx.method()) && !allowedWrite(ctx.path())) {
                throw new OperatorActionRefused();
            }
        });
        app.exception(OperatorActionRefused.class, (e, ctx) -> refuse(ctx));
        // the recording's theatre: the console opens on its area and draws its FIRs (docs/THEATRES.md)
        app.get("/api/theatre", ctx -> ctx.json(playback.theatre().view()), Role.OBSERVER);
        app.get(
                "/api/theatre/firs",
                ctx -> ctx.contentType(io.javalin.http.ContentType.APPLICATION_JSON)
                        .result(playback.theatre().firs()),
                Role.OBSERVER);
        // the layers a live console has, as recorded at the playback time (issue 16): QRA posture and
        // scrambles (the recorded operators' actions and simulated fighters replayed), airspace
        app.get(
                "/api/qra/posture",
                ctx -> {
                    org.vigil.core.qra.Posture p = playback.picture().posture();
                    if (p == null) ctx.status(404).json(Map.of("error", "no QRA posture in this theatre"));
                    else ctx.json(org.vigil.server.qra.QraApi.postureView(p));
                },
                Role.OBSERVER);
        app.get(
                "/api/qra/units",
                ctx -> {
                    org.vigil.core.qra.Posture p = playback.picture().posture();
                    ctx.json(p == null ? List.of() : org.vigil.server.qra.QraApi.unitsView(p));
                },
                Role.OBSERVER);
        app.get("/api/scrambles", ctx -> ctx.json(playback.picture().scrambles()), Role.OBSERVER);
        app.get(
                "/api/scrambles/{id}",
                ctx -> {
                    Map<String, Object> v = playback.picture().scramble(ctx.pathParam("id"));
                    if (v == null) ctx.status(404).json(Map.of("error", "no scramble " + ctx.pathParam("id")));
                    else ctx.json(v);
                },
                Role.OBSERVER);
        new org.vigil.server.flightplan.AirspaceApi(
                        playback.theatre()::layers, () -> playback.picture().latestMessageNanos())
                .registerRoutes(app);
        app.get("/api/replay", ctx -> ctx.json(stateView()), Role.OBSERVER);
        app.post(
                "/api/replay/pause",
                ctx -> {
                    playback.pause();
                    ctx.json(stateView());
                },
                Role.OBSERVER);
        app.post(
                "/api/replay/resume",
                ctx -> {
                    playback.resume();
                    ctx.json(stateView());
                },
                Role.OBSERVER);
        app.post(
                "/api/replay/speed",
                ctx -> {
                    JsonNode s = body(ctx).path("speed");
                    double speed;
                    if (s.isTextual() && "max".equalsIgnoreCase(s.asText())) speed = ReplayController.MAX_SPEED;
                    else if (s.isNumber() && s.asDouble() > 0 && s.asDouble() <= 10_000) speed = s.asDouble();
                    else {
                        bad(ctx, "speed: a number from 1 to 10000 (data seconds per second), or \"max\"");
                        return;
                    }
                    playback.setSpeed(speed);
                    ctx.json(stateView());
                },
                Role.OBSERVER);
        app.post(
                "/api/replay/seek",
                ctx -> {
                    JsonNode b = body(ctx);
                    long t;
                    if (b.path("time_ns").canConvertToLong()) {
                        t = b.path("time_ns").asLong();
                    } else if (b.path("time").isTextual()) {
                        try {
                            Instant i = Instant.parse(b.path("time").asText());
                            t = i.getEpochSecond() * 1_000_000_000L + i.getNano();
                        } catch (DateTimeParseException e) {
                            bad(ctx, "time: a UTC time such as 2022-04-20T09:05:00Z");
                            return;
                        }
                    } else {
                        bad(ctx, "seek needs time (ISO UTC) or time_ns");
                        return;
                    }
                    playback.seek(t);
                    ctx.json(stateView());
                },
                Role.OBSERVER);
        app.get("/api/replay/alerts", ctx -> ctx.json(alertsInPeriod()), Role.OBSERVER);
        // the replayed picture's alert queue and identities, read only
        app.get(
                "/api/alerts",
                ctx -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    long now = playback.picture().identNow();
                    body.put("time", now == Long.MIN_VALUE ? null : EventLines.time(now));
                    body.put("alerts", playback.picture().openAlerts());
                    body.put("replay", true);
                    ctx.json(body);
                },
                Role.OBSERVER);
        app.get(
                "/api/tracks/{track}/identity",
                ctx -> {
                    int n;
                    try {
                        n = Integer.parseInt(ctx.pathParam("track"));
                    } catch (NumberFormatException e) {
                        bad(ctx, "track: a track number");
                        return;
                    }
                    Map<String, Object> v = playback.picture().trackIdentity(n);
                    if (v == null) {
                        ctx.status(404).json(Map.of("ok", false, "error", "no identified track " + n));
                    } else {
                        ctx.json(v);
                    }
                },
                Role.OBSERVER);
        // the live operator routes exist here too, so that their refusal is explicit, not a 404
        for (String path : List.of(
                "/api/alerts/{id}/acknowledge",
                "/api/alerts/{id}/assign",
                "/api/alerts/{id}/resolve",
                "/api/tracks/{track}/identity",
                "/api/tracks/{track}/radio-contact",
                "/api/tracks/{track}/no-reply")) {
            app.post(path, RecordingPlaybackServer::refuse, Role.OPERATOR);
        }
        app.delete("/api/tracks/{track}/identity", RecordingPlaybackServer::refuse, Role.OPERATOR);
        // any other write (scrambles, posture, flight plans...) is refused too, after the access check, not a 404
        for (HandlerType m : List.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE)) {
            app.addHttpHandler(m, "/api/*", RecordingPlaybackServer::refuse, Role.OBSERVER);
        }
    }

    /** A write that is an operator action: answered 409 {@link #REFUSAL} instead of running the handler. */
    private static final class OperatorActionRefused extends RuntimeException {
        OperatorActionRefused() {
            super(REFUSAL, null, false, false);
        }
    }

    /** Writes that are not operator actions: signing in and out, one's own password, the playback's controls. */
    static boolean allowedWrite(String path) {
        return path.startsWith("/api/replay/") || path.startsWith("/api/auth/") || path.startsWith("/api/me/");
    }

    private static boolean isWrite(HandlerType m) {
        return HandlerType.POST.equals(m)
                || HandlerType.PUT.equals(m)
                || HandlerType.PATCH.equals(m)
                || HandlerType.DELETE.equals(m);
    }

    private static void refuse(Context ctx) {
        ctx.status(409).json(Map.of("ok", false, "error", REFUSAL));
    }

    private static void bad(Context ctx, String why) {
        ctx.status(400).json(Map.of("ok", false, "error", why));
    }

    private static JsonNode body(Context ctx) {
        try {
            String b = ctx.body();
            return b.isBlank() ? JSON.createObjectNode() : JSON.readTree(b);
        } catch (java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** The state as the console reads it (snake_case, ISO times and nanoseconds). */
    Map<String, Object> stateView() {
        RecordingPlayback.State s = playback.state();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("is_replay", true);
        m.put("from", EventLines.time(s.fromNanos()));
        m.put("to", EventLines.time(s.toNanos()));
        m.put("position", EventLines.time(s.positionNanos()));
        m.put("from_ns", s.fromNanos());
        m.put("to_ns", s.toNanos());
        m.put("position_ns", s.positionNanos());
        m.put("speed", s.speed() == ReplayController.MAX_SPEED ? "max" : s.speed());
        m.put("paused", s.paused());
        m.put("seeking", s.seeking());
        m.put("finished", s.finished());
        m.put("events", s.events());
        return m;
    }

    /** Alerts raised in the period, in order, from the recorded events (not the replayed ones: the record is the reference). */
    List<Map<String, Object>> alertsInPeriod() throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        if (recordedEvents == null) return out;
        EventDecoder decoder = new EventDecoder("playback");
        long after = 0;
        while (true) {
            List<StoredEvent> page = recordedEvents.query(EventQuery.between(playback.fromNanos(), playback.toNanos())
                    .ofType(IdentEvent.AlertChange.RAISED.type())
                    .after(after));
            for (StoredEvent e : page) {
                Optional<VigilEvent> ev = decoder.decode(e); // refused lines: skipped, counted, logged
                if (ev.isEmpty() || !(ev.get() instanceof IdentEvent.AlertChanged n)) continue;
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("alert", n.alert());
                a.put("time", EventLines.time(e.dataTimeNanos()));
                a.put("time_ns", e.dataTimeNanos());
                a.put("seek_to_ns", Math.max(playback.fromNanos(), e.dataTimeNanos() - ALERT_LEAD_NANOS));
                a.put("track", e.trackNumber());
                a.put("rule", n.rule());
                a.put("priority", String.valueOf(n.priority()));
                a.put("summary", summary(n));
                out.add(a);
            }
            if (page.size() < EventQuery.DEFAULT_LIMIT) break;
            after = page.get(page.size() - 1).seq();
        }
        return out;
    }

    /** The alert's cause as the operator reads it, else its rule (lower case), else {@code alert}. */
    private static String summary(IdentEvent.AlertChanged n) {
        if (n.text() != null) return n.text();
        return (n.rule() != null ? n.rule() : "alert").toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        web.stop();
    }

    /** The console's clock: the replayed picture's newest message, else the playback position. */
    private static final class PlaybackClock extends java.time.Clock {
        private final RecordingPlayback playback;

        PlaybackClock(RecordingPlayback playback) {
            this.playback = playback;
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
            long t = playback.picture().latestMessageNanos();
            return (t == Long.MIN_VALUE ? playback.state().positionNanos() : t) / 1_000_000L;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }
    }
}
