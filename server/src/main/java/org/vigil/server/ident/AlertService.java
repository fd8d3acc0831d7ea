package org.vigil.server.ident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.vigil.core.Callsigns;
import org.vigil.core.ident.Alert;
import org.vigil.core.ident.Cause;
import org.vigil.core.ident.EventLines;
import org.vigil.core.ident.Evidence;
import org.vigil.core.ident.IdentificationEngine;
import org.vigil.core.ident.Identity;
import org.vigil.core.ident.TrackFacts;
import org.vigil.core.ident.TrackIdentity;
import org.vigil.server.recording.Actor;
import org.vigil.server.recording.OperatorActionLog;

/**
 * The operators' alert queue: the open alerts with their evidence, and the actions on them
 * (acknowledge, assign, resolve), identity overrides with a reason, and the radio-contact inputs.
 * Plain methods (tests, other front ends) plus {@link #registerRoutes} for the web layer.
 *
 * <p>Time: every action is stamped with the picture's data time ({@link IdentStage#now}), never
 * the wall clock, so a replayed or simulated run and its operator actions stay on one time line
 * (and the events file stays in time order). Before any data has arrived actions are refused.
 *
 * <p>Every action goes through the engine under the stage's monitor; a refusal (unknown alert or
 * track, step backwards, missing reason) is an {@link Outcome} naming why, and the engine counts it.
 */
public final class AlertService {
    /** Result of an operator action: ok, or the HTTP status and the reason it was refused. */
    public record Outcome(boolean ok, int status, String reason) {
        static final Outcome OK = new Outcome(true, 200, null);

        static Outcome notFound(String what) {
            return new Outcome(false, 404, what);
        }

        static Outcome refused(String why) {
            return new Outcome(false, 409, why);
        }

        static Outcome bad(String why) {
            return new Outcome(false, 400, why);
        }
    }

    private final IdentStage stage;
    private final ObjectMapper json = new ObjectMapper();

    /** Where reads and actions run: the picture's owner thread (a live server's loop); default the caller's. */
    private volatile Owner owner = Owner.CALLER;

    public AlertService(IdentStage stage) {
        this.stage = stage;
    }

    /** Runs work on the thread that owns the identification stage and the picture around it. */
    public interface Owner {
        /** The calling thread is the owner (a replay, a test). */
        Owner CALLER = new Owner() {
            @Override
            public <T> T call(java.util.function.Supplier<T> work) {
                return work.get();
            }
        };

        <T> T call(java.util.function.Supplier<T> work);
    }

    /**
     * Reads and actions run on {@code owner} (a live server's picture loop), where the tracker calls the
     * stage and the flight plans change: an action re-evaluates the track's rules (flight-plan
     * correlation reads the plan store).
     */
    public AlertService runOn(Owner owner) {
        this.owner = java.util.Objects.requireNonNull(owner, "owner");
        return this;
    }

    // ------------------------------------------------------------------ reads

    /** Open alerts, most urgent first, then oldest, each with its evidence and the track's (JSON-ready maps). */
    public List<Map<String, Object>> openAlerts() {
        return owner.call(() -> stage.withEngine(e -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Alert a : e.openAlerts()) out.add(view(a, e.track(a.trackNumber)));
            return out;
        }));
    }

    /** The identification state of one track (identity, deciding rule, firing rules with evidence, override), or null. */
    public Map<String, Object> trackIdentity(int trackNumber) {
        return owner.call(() -> stage.withEngine(e -> {
            TrackIdentity t = e.track(trackNumber);
            return t == null ? null : trackView(t);
        }));
    }

    // ------------------------------------------------------------------ actions

    public Outcome acknowledge(long alertId, String user) {
        return acknowledge(alertId, user, null);
    }

    public Outcome assign(long alertId, String user, String assignee) {
        return assign(alertId, user, assignee, null);
    }

    public Outcome resolve(long alertId, String user, String resolution) {
        return resolve(alertId, user, resolution, null);
    }

    /** Sets the track's identity by hand (a reason is required); {@code identity} null clears the override. */
    public Outcome overrideIdentity(int trackNumber, Identity identity, String user, String reason) {
        return overrideIdentity(trackNumber, identity, user, reason, null);
    }

    /** An operator reports radio contact lost ({@code lost}) or restored. */
    public Outcome radioContactLost(int trackNumber, boolean lost, String user) {
        return radioContactLost(trackNumber, lost, user, null);
    }

    /** No reply from the track since {@code secondsAgo} seconds of data time; negative = the aircraft answered. */
    public Outcome noReply(int trackNumber, double secondsAgo, String user) {
        return noReply(trackNumber, secondsAgo, user, null);
    }

    private Outcome acknowledge(long alertId, String user, Check check) {
        return alertAction(alertId, user, (e, now) -> e.acknowledge(alertId, user, now), "already acknowledged", check);
    }

    private Outcome assign(long alertId, String user, String assignee, Check check) {
        if (blank(assignee)) return Outcome.bad("assignee required");
        return alertAction(
                alertId, user, (e, now) -> e.assign(alertId, user, assignee, now), "already assigned", check);
    }

    private Outcome resolve(long alertId, String user, String resolution, Check check) {
        if (blank(resolution)) return Outcome.bad("resolution required");
        return alertAction(
                alertId, user, (e, now) -> e.resolve(alertId, user, resolution, now), "cannot be resolved", check);
    }

    private Outcome overrideIdentity(int trackNumber, Identity identity, String user, String reason, Check check) {
        if (identity != null && blank(reason)) return Outcome.bad("reason required for an identity override");
        return trackAction(
                trackNumber,
                user,
                (e, now) -> identity == null
                        ? e.clearOverride(trackNumber, user, now)
                        : e.overrideIdentity(trackNumber, identity, user, reason, now),
                "no override to clear",
                check);
    }

    private Outcome radioContactLost(int trackNumber, boolean lost, String user, Check check) {
        return trackAction(
                trackNumber, user, (e, now) -> e.radioContactLost(trackNumber, lost, user, now), "refused", check);
    }

    private Outcome noReply(int trackNumber, double secondsAgo, String user, Check check) {
        if (!(secondsAgo >= 0) && !(secondsAgo < 0)) return Outcome.bad("secondsAgo must be a number");
        return trackAction(
                trackNumber,
                user,
                (e, now) -> secondsAgo < 0
                        ? e.replyReceived(trackNumber, user, now)
                        : e.noReplySince(trackNumber, now - (long) (secondsAgo * 1e9), user, now),
                "refused",
                check);
    }

    // ------------------------------------------------------------------ audit

    /**
     * Records an operator action in the audit trail before it is carried out (e.g. {@code Security.audit}).
     * Returns false when the row could not be stored: the action is then refused (503), so nothing an
     * operator did is missing from the trail.
     */
    @FunctionalInterface
    public interface AuditGate {
        boolean record(Context ctx, String action, String target, String detail, long dataTimeNanos);
    }

    private volatile AuditGate audit;

    /** Audits every action taken through the HTTP routes with {@code gate} (after the checks, before acting). */
    public AlertService withAudit(AuditGate gate) {
        this.audit = gate;
        return this;
    }

    /** The audit step of one request, run under the engine's monitor once the target is known to exist. */
    private interface Check {
        boolean allow(long dataTimeNanos);
    }

    private volatile OperatorActionLog actions = OperatorActionLog.NONE;
    private volatile Function<Context, Actor> actorOf = ctx -> null;

    /**
     * Makes every action taken through the HTTP routes durable through {@code log} (the one write path,
     * docs/STORAGE.md "Operator actions"): refused while it cannot be, journalled after the audit and
     * before taking effect, committed before the 2xx. {@code actorOf} names the signed-in caller (null:
     * the acting user from the client's address).
     */
    public AlertService withActionLog(OperatorActionLog log, Function<Context, Actor> actorOf) {
        this.actions = java.util.Objects.requireNonNull(log, "log");
        this.actorOf = java.util.Objects.requireNonNull(actorOf, "actorOf");
        return this;
    }

    /** One request's action on its way to the journal: audited, then entered; committed before the answer. */
    private final class Durable implements Check {
        private final Context ctx;
        private final String action;
        private final Check audit;
        private final ObjectNode args;
        private final String user;
        private OperatorActionLog.Entry entry;

        Durable(Context ctx, String action, Check audit, ObjectNode args, String user) {
            this.ctx = ctx;
            this.action = action;
            this.audit = audit;
            this.args = args;
            this.user = user;
        }

        @Override
        public boolean allow(long now) {
            if (audit != null && !audit.allow(now)) return false;
            Actor a = actorOf.apply(ctx);
            if (a == null) a = new Actor(blank(user) ? "unknown" : user, null, ctx.ip());
            entry = actions.enter(action, now, null, args, a);
            return entry != null;
        }
    }

    private Durable durable(
            Context ctx,
            String action,
            String target,
            String detail,
            ObjectNode args,
            Function<Context, String> userOf) {
        return new Durable(ctx, action, audited(ctx, action, target, detail), args, user(ctx, userOf));
    }

    private Check audited(Context ctx, String action, String target, String detail) {
        AuditGate g = audit;
        return g == null ? null : now -> g.record(ctx, action, target, detail, now);
    }

    /**
     * Carries out a journalled action again (a restart rebuild, docs/REPLAY.md "Restart"), on the
     * picture's owner, without audit or journal: the command is what {@link #registerRoutes} entered.
     * @return its outcome, or null when the command is not an alert or identification action
     */
    public Outcome replay(JsonNode c) {
        String user = c.path("user").asText("unknown");
        return switch (c.path("action").asText("")) {
            case "alert-acknowledge" -> acknowledge(c.path("alert").asLong(), user);
            case "alert-assign" ->
                assign(c.path("alert").asLong(), user, c.path("assignee").asText(null));
            case "alert-resolve" ->
                resolve(c.path("alert").asLong(), user, c.path("resolution").asText(null));
            case "identity-override" ->
                overrideIdentity(
                        c.path("track").asInt(),
                        Identity.parse(c.path("identity").asText(null)),
                        user,
                        c.path("reason").asText(null));
            case "identity-override-clear" -> overrideIdentity(c.path("track").asInt(), null, user, null);
            case "radio-contact" ->
                radioContactLost(c.path("track").asInt(), c.path("lost").asBoolean(), user);
            case "no-reply" ->
                noReply(c.path("track").asInt(), c.path("secondsAgo").asDouble(), user);
            default -> null;
        };
    }

    private static final Outcome NOT_AUDITED =
            new Outcome(false, 503, "audit trail or journal unavailable: action not taken");

    private interface Action {
        boolean apply(IdentificationEngine e, long now);
    }

    private Outcome alertAction(long id, String user, Action a, String whyRefused, Check check) {
        if (blank(user)) return Outcome.bad("user required");
        return owner.call(() -> alertStep(id, a, whyRefused, check));
    }

    private Outcome alertStep(long id, Action a, String whyRefused, Check check) {
        return stage.withEngine(e -> {
            long now = stage.now();
            if (now == Long.MIN_VALUE) return Outcome.refused("no data yet");
            if (e.openAlert(id) == null) return Outcome.notFound("no open alert " + id);
            if (check != null && !check.allow(now)) return NOT_AUDITED;
            return a.apply(e, now) ? Outcome.OK : Outcome.refused("alert " + id + ": " + whyRefused);
        });
    }

    private Outcome trackAction(int track, String user, Action a, String whyRefused, Check check) {
        if (blank(user)) return Outcome.bad("user required");
        return owner.call(() -> trackStep(track, a, whyRefused, check));
    }

    private Outcome trackStep(int track, Action a, String whyRefused, Check check) {
        return stage.withEngine(e -> {
            long now = stage.now();
            if (now == Long.MIN_VALUE) return Outcome.refused("no data yet");
            if (e.track(track) == null) return Outcome.notFound("no identified track " + track);
            if (check != null && !check.allow(now)) return NOT_AUDITED;
            return a.apply(e, now) ? Outcome.OK : Outcome.refused("track " + track + ": " + whyRefused);
        });
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    // ------------------------------------------------------------------ web

    /**
     * Installs the routes on {@code app}: reads need {@code reader} (observer), actions need
     * {@code operator}; the acting user is {@code userOf(ctx)} (the authenticated user; if it gives
     * null, the body's {@code "user"} is used, for an unauthenticated development server).
     * Routes: GET /api/alerts; GET /api/tracks/{track}/identity; POST /api/alerts/{id}/acknowledge,
     * /assign {assignee}, /resolve {resolution}; POST /api/tracks/{track}/identity {identity, reason};
     * DELETE /api/tracks/{track}/identity; POST /api/tracks/{track}/radio-contact {lost};
     * POST /api/tracks/{track}/no-reply {secondsAgo} (negative: answered).
     */
    public void registerRoutes(
            RoutesConfig app, RouteRole reader, RouteRole operator, Function<Context, String> userOf) {
        RouteRole[] r = reader == null ? new RouteRole[0] : new RouteRole[] {reader};
        RouteRole[] o = operator == null ? new RouteRole[0] : new RouteRole[] {operator};
        app.get(
                "/api/alerts",
                ctx -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    long now = stage.now();
                    body.put("time", now == Long.MIN_VALUE ? null : EventLines.time(now));
                    body.put("alerts", openAlerts());
                    ctx.json(body);
                },
                r);
        app.get(
                "/api/tracks/{track}/identity",
                ctx -> {
                    Integer n = intParam(ctx, "track");
                    if (n == null) return;
                    Map<String, Object> v = trackIdentity(n);
                    if (v == null) fail(ctx, Outcome.notFound("no identified track " + n));
                    else ctx.json(v);
                },
                r);
        app.post(
                "/api/alerts/{id}/acknowledge",
                ctx -> {
                    Long id = longParam(ctx, "id");
                    if (id == null || refused(ctx)) return;
                    Durable d = durable(ctx, "alert-acknowledge", "alert " + id, null, args().put("alert", id), userOf);
                    reply(ctx, acknowledge(id, user(ctx, userOf), d), d);
                },
                o);
        app.post(
                "/api/alerts/{id}/assign",
                ctx -> {
                    Long id = longParam(ctx, "id");
                    if (id == null || refused(ctx)) return;
                    Durable d = durable(
                            ctx,
                            "alert-assign",
                            "alert " + id,
                            "assignee " + text(ctx, "assignee"),
                            args().put("alert", id).put("assignee", text(ctx, "assignee")),
                            userOf);
                    reply(ctx, assign(id, user(ctx, userOf), text(ctx, "assignee"), d), d);
                },
                o);
        app.post(
                "/api/alerts/{id}/resolve",
                ctx -> {
                    Long id = longParam(ctx, "id");
                    if (id == null || refused(ctx)) return;
                    Durable d = durable(
                            ctx,
                            "alert-resolve",
                            "alert " + id,
                            text(ctx, "resolution"),
                            args().put("alert", id).put("resolution", text(ctx, "resolution")),
                            userOf);
                    reply(ctx, resolve(id, user(ctx, userOf), text(ctx, "resolution"), d), d);
                },
                o);
        app.post(
                "/api/tracks/{track}/identity",
                ctx -> {
                    Integer n = intParam(ctx, "track");
                    if (n == null) return;
                    Identity id = Identity.parse(text(ctx, "identity"));
                    if (id == null) {
                        fail(
                                ctx,
                                Outcome.bad(
                                        "identity must be one of pending, unknown, assumed-friend, friend, neutral, suspect, hostile"));
                        return;
                    }
                    if (refused(ctx)) return;
                    Durable d = durable(
                            ctx,
                            "identity-override",
                            "track " + n,
                            id.id() + ": " + text(ctx, "reason"),
                            args().put("track", n).put("identity", id.id()).put("reason", text(ctx, "reason")),
                            userOf);
                    reply(ctx, overrideIdentity(n, id, user(ctx, userOf), text(ctx, "reason"), d), d);
                },
                o);
        app.delete(
                "/api/tracks/{track}/identity",
                ctx -> {
                    Integer n = intParam(ctx, "track");
                    if (n == null || refused(ctx)) return;
                    Durable d =
                            durable(ctx, "identity-override-clear", "track " + n, null, args().put("track", n), userOf);
                    reply(ctx, overrideIdentity(n, null, user(ctx, userOf), null, d), d);
                },
                o);
        app.post(
                "/api/tracks/{track}/radio-contact",
                ctx -> {
                    Integer n = intParam(ctx, "track");
                    if (n == null) return;
                    JsonNode lost = body(ctx).path("lost");
                    if (!lost.isBoolean()) {
                        fail(ctx, Outcome.bad("lost: true or false required"));
                        return;
                    }
                    if (refused(ctx)) return;
                    Durable d = durable(
                            ctx,
                            "radio-contact",
                            "track " + n,
                            lost.asBoolean() ? "lost" : "restored",
                            args().put("track", n).put("lost", lost.asBoolean()),
                            userOf);
                    reply(ctx, radioContactLost(n, lost.asBoolean(), user(ctx, userOf), d), d);
                },
                o);
        app.post(
                "/api/tracks/{track}/no-reply",
                ctx -> {
                    Integer n = intParam(ctx, "track");
                    if (n == null) return;
                    JsonNode s = body(ctx).path("secondsAgo");
                    if (!s.isNumber()) {
                        fail(ctx, Outcome.bad("secondsAgo: a number required (negative: the aircraft answered)"));
                        return;
                    }
                    if (refused(ctx)) return;
                    Durable d = durable(
                            ctx,
                            "no-reply",
                            "track " + n,
                            "seconds ago " + s.asDouble(),
                            args().put("track", n).put("secondsAgo", s.asDouble()),
                            userOf);
                    reply(ctx, noReply(n, s.asDouble(), user(ctx, userOf), d), d);
                },
                o);
    }

    private JsonNode body(Context ctx) {
        Object cached = ctx.attribute("identwire.body");
        if (cached instanceof JsonNode n) return n;
        JsonNode n;
        try {
            String b = ctx.body();
            n = b.isBlank() ? json.createObjectNode() : json.readTree(b);
        } catch (Exception e) {
            n = json.createObjectNode();
        }
        ctx.attribute("identwire.body", n);
        return n;
    }

    private String text(Context ctx, String key) {
        JsonNode v = body(ctx).path(key);
        return v.isTextual() ? v.asText() : null;
    }

    private String user(Context ctx, Function<Context, String> userOf) {
        String u = userOf == null ? null : userOf.apply(ctx);
        return u != null ? u : text(ctx, "user");
    }

    private static Integer intParam(Context ctx, String name) {
        try {
            return Integer.parseInt(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            fail(ctx, Outcome.bad(name + " must be an integer"));
            return null;
        }
    }

    private static Long longParam(Context ctx, String name) {
        try {
            return Long.parseLong(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            fail(ctx, Outcome.bad(name + " must be an integer"));
            return null;
        }
    }

    private static void reply(Context ctx, Outcome o) {
        if (o.ok()) ctx.json(Map.of("ok", true));
        else fail(ctx, o);
    }

    /** Answers a carried-out action only once it is durable (journal synced, row committed). */
    private void reply(Context ctx, Outcome o, Durable d) {
        if (o.ok() && d.entry != null) {
            try {
                actions.commit(d.entry);
            } catch (java.io.IOException | RuntimeException e) {
                fail(ctx, new Outcome(false, 503, "action taken but not made durable: " + e.getMessage()));
                return;
            }
        }
        reply(ctx, o);
    }

    /** Refuses (503, with the reason) while actions cannot be made durable; true when refused. */
    private boolean refused(Context ctx) {
        String why = actions.refused();
        if (why == null) return false;
        fail(ctx, new Outcome(false, 503, why));
        return true;
    }

    private static ObjectNode args() {
        return OperatorActionLog.arguments();
    }

    private static void fail(Context ctx, Outcome o) {
        ctx.status(o.status());
        ctx.json(Map.of("ok", false, "error", o.reason()));
    }

    // ------------------------------------------------------------------ views (allocate; display only)

    static Map<String, Object> view(Alert a, TrackIdentity t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id);
        m.put("track", a.trackNumber);
        m.put("rule", a.cause.id);
        m.put("priority", a.priority);
        m.put("state", a.state().id());
        m.put("causeActive", a.causeActive());
        m.put("raised", EventLines.time(a.raisedNanos));
        m.put("updated", EventLines.time(a.updatedNanos()));
        m.put("title", a.cause.title);
        m.put("values", values(a.cause, i -> a.value(i)));
        if (a.detail() != null) m.put("detail", a.detail());
        if (a.detail2() != null) m.put("detail2", a.detail2());
        if (a.acknowledgedBy() != null) m.put("acknowledgedBy", a.acknowledgedBy());
        if (a.assignee() != null) {
            m.put("assignedBy", a.assignedBy());
            m.put("assignee", a.assignee());
        }
        if (t != null) m.putAll(identifiers(t.facts()));
        m.put(
                "identity",
                t != null
                        ? t.identity().id()
                        : a.identity() == null ? null : a.identity().id());
        if (t != null) m.put("evidence", evidence(t));
        return m;
    }

    static Map<String, Object> trackView(TrackIdentity t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("track", t.trackNumber());
        m.putAll(identifiers(t.facts()));
        m.put("identity", t.identity().id());
        m.put("app6", t.identity().app6Code);
        m.put(
                "by",
                t.override() != null
                        ? "operator-override"
                        : t.decidingCause() != null
                                ? t.decidingCause().id
                                : t.identity() == Identity.UNKNOWN ? "pending-elapsed" : "pending");
        if (t.override() != null) {
            m.put("overrideBy", t.overrideBy());
            m.put("overrideReason", t.overrideReason());
        }
        m.put("radioContactLost", t.radioContactLost());
        if (t.plan().correlated) m.put("flightPlan", t.plan().aircraftId);
        m.put("evidence", evidence(t));
        return m;
    }

    private static Map<String, Object> identifiers(TrackFacts f) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (f.icaoAddress != TrackFacts.ABSENT) m.put("icao", String.format(Locale.ROOT, "%06X", f.icaoAddress));
        if (f.callsign != 0) {
            String cs = Callsigns.unpack(f.callsign).trim();
            if (!cs.isEmpty()) m.put("callsign", cs);
        }
        if (f.squawk != TrackFacts.ABSENT) m.put("squawk", String.format(Locale.ROOT, "%04d", f.squawk));
        if (Double.isFinite(f.latDeg)) {
            m.put("lat", Math.round(f.latDeg * 1e5) / 1e5);
            m.put("lon", Math.round(f.lonDeg * 1e5) / 1e5);
        }
        return m;
    }

    private static List<Map<String, Object>> evidence(TrackIdentity t) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Evidence e : t.firing()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", e.cause.id);
            m.put("since", EventLines.time(e.sinceNanos()));
            m.put("text", e.text());
            m.put("values", values(e.cause, e::value));
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> values(Cause c, java.util.function.IntToDoubleFunction v) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < c.valueCount(); i++) {
            double x = v.applyAsDouble(i);
            if (!Double.isNaN(x)) m.put(c.valueName(i), Math.round(x * 1e5) / 1e5);
        }
        return m;
    }
}
