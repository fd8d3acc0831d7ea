package org.vigil.server.qra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.core.qra.Base;
import org.vigil.core.qra.CapStation;
import org.vigil.core.qra.Detachment;
import org.vigil.core.qra.GeoPredicate;
import org.vigil.core.qra.Isochrones;
import org.vigil.core.qra.MapGrid;
import org.vigil.core.qra.Posture;
import org.vigil.core.qra.PostureByDate;
import org.vigil.core.qra.Readiness;
import org.vigil.core.qra.ResponseStats;
import org.vigil.core.qra.Responsiveness;
import org.vigil.core.qra.ResponsivenessMap;
import org.vigil.core.qra.TargetMotion;
import org.vigil.core.qra.scramble.ScrambleService;
import org.vigil.server.auth.Audit;
import org.vigil.server.auth.Role;
import org.vigil.server.auth.Security;
import org.vigil.server.recording.Actor;
import org.vigil.server.recording.OperatorActionLog;

/**
 * The QRA and scramble routes (each registered with its role): reads for observers,
 * proposals for operators, orders and posture changes for supervisors. Every action is audited
 * through {@link Security#audit} after the service has checked it and before it takes effect
 * ({@link ScrambleService.Gate}); a refusal is answered with its status and reason (and audited by
 * the security layer's after-call row).
 *
 * <p>Wiring: {@code web.routes(app -> new QraApi(scrambleService).runOn(owner).registerRoutes(app, security))}
 * (after {@code Security.configure}); {@code security} may be null (no sign-in configured: every action is
 * by "local"). Every call into the (not thread-safe) service runs on {@code owner} ({@link #runOn}: a live
 * server's picture loop; default the calling thread); request parsing and answering stay on the web thread.
 */
public final class QraApi {
    /** Largest responsiveness grid answered (cells), so a request cannot tie up a core for minutes. */
    static final int MAX_CELLS = 1_000_000;

    private final ScrambleService service;
    private final ObjectMapper json = new ObjectMapper();
    /** The box a responsiveness request covers when it names none: the theatre's area of interest. */
    private double[] defaultBox = {-90, 90, -180, 180};

    /** Where the workflow's reads and actions run: the picture's owner thread (a live server's loop); default the caller's. */
    private volatile Owner owner = Owner.CALLER;

    public QraApi(ScrambleService service) {
        this.service = service;
    }

    /** The box (south, north, west, east) of a responsiveness request that names none: the theatre's area. */
    public QraApi withDefaultArea(double south, double north, double west, double east) {
        this.defaultBox = new double[] {south, north, west, east};
        return this;
    }

    /** Runs work on the thread that owns the scramble workflow (the picture's owner) and waits for its result. */
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
     * Reads and actions run on {@code owner} (a live server's picture loop), where the tracker feeds
     * the workflow and ticks it: {@link ScrambleService} is not thread-safe. The gate (the audit row)
     * runs there too, inside the action.
     */
    public QraApi runOn(Owner owner) {
        this.owner = java.util.Objects.requireNonNull(owner, "owner");
        return this;
    }

    public void registerRoutes(RoutesConfig app, Security security) {
        app.get(
                "/api/qra/posture",
                ctx -> ctx.json(postureView(owner.call(() -> service.postureCopy()))),
                Role.OBSERVER);
        app.get("/api/qra/units", ctx -> ctx.json(unitsView(owner.call(() -> service.postureCopy()))), Role.OBSERVER);
        app.get("/api/scrambles", ctx -> ctx.json(owner.call(() -> service.views())), Role.OBSERVER);
        app.get(
                "/api/scrambles/{id}",
                ctx -> {
                    Map<String, Object> v = owner.call(() -> service.view(ctx.pathParam("id")));
                    if (v == null) ctx.status(404).json(Map.of("error", "no scramble " + ctx.pathParam("id")));
                    else ctx.json(v);
                },
                Role.OBSERVER);
        app.get("/api/qra/recommendation", ctx -> recommendation(ctx), Role.OBSERVER);
        app.get("/api/qra/divert", ctx -> divert(ctx), Role.OBSERVER);
        app.get("/api/qra/responsiveness", ctx -> responsiveness(ctx, null), Role.OBSERVER);
        app.post("/api/qra/responsiveness", ctx -> responsiveness(ctx, body(ctx)), Role.OBSERVER);
        app.get("/api/qra/responsiveness/weekly", ctx -> weekly(ctx), Role.OBSERVER);

        app.post(
                "/api/scrambles",
                ctx -> {
                    JsonNode b = body(ctx);
                    String unit = b.path("unit").asText(null);
                    int track = b.path("track").asInt(0);
                    if (unit == null || track == 0) {
                        answer(ctx, ScrambleService.Result.invalid("unit and track required"));
                        return;
                    }
                    long alert = b.path("alert").asLong(0);
                    String category = b.path("category").asText(null); // ALPHA (default) or TANGO (exercise)
                    act(
                            ctx,
                            security,
                            "scramble.propose",
                            args().put("alert", alert)
                                    .put("track", track)
                                    .put("unit", unit)
                                    .put("category", category),
                            (user, g) -> service.propose(alert, track, unit, category, user, g));
                },
                Role.OPERATOR);
        app.post(
                "/api/scrambles/{id}/order",
                ctx -> {
                    String id = ctx.pathParam("id");
                    act(ctx, security, "scramble.order", args().put("id", id), (user, g) -> service.order(id, user, g));
                },
                Role.SUPERVISOR);
        app.post(
                "/api/scrambles/{id}/cancel",
                ctx -> {
                    String id = ctx.pathParam("id");
                    String reason = body(ctx).path("reason").asText(null);
                    act(
                            ctx,
                            security,
                            "scramble.cancel",
                            args().put("id", id).put("reason", reason),
                            (user, g) -> service.cancel(id, user, reason, g));
                },
                Role.SUPERVISOR);
        app.post(
                "/api/scrambles/{id}/retask",
                ctx -> {
                    int track = body(ctx).path("track").asInt(0);
                    if (track == 0) {
                        answer(ctx, ScrambleService.Result.invalid("track required"));
                        return;
                    }
                    String id = ctx.pathParam("id");
                    act(
                            ctx,
                            security,
                            "scramble.retask",
                            args().put("id", id).put("track", track),
                            (user, g) -> service.retask(id, track, user, g));
                },
                Role.SUPERVISOR);
        app.post(
                "/api/scrambles/{id}/rtb",
                ctx -> {
                    String id = ctx.pathParam("id");
                    act(
                            ctx,
                            security,
                            "scramble.rtb",
                            args().put("id", id),
                            (user, g) -> service.returnToBase(id, user, g));
                },
                Role.SUPERVISOR);
        app.post(
                "/api/scrambles/{id}/outcome",
                ctx -> {
                    JsonNode b = body(ctx);
                    String id = ctx.pathParam("id");
                    String identifiedAs = b.path("identifiedAs").asText(null);
                    String action = b.path("action").asText(null);
                    act(
                            ctx,
                            security,
                            "scramble.outcome",
                            args().put("id", id)
                                    .put("identifiedAs", identifiedAs)
                                    .put("action", action),
                            (user, g) -> service.outcome(id, identifiedAs, action, user, g));
                },
                Role.SUPERVISOR);

        app.post(
                "/api/scrambles/{id}/handover",
                ctx -> {
                    String id = ctx.pathParam("id");
                    act(
                            ctx,
                            security,
                            "scramble.handover",
                            args().put("id", id),
                            (user, g) -> service.handOver(id, user, g));
                },
                Role.SUPERVISOR);
        app.post(
                "/api/scrambles/{id}/visual-id",
                ctx -> {
                    String id = ctx.pathParam("id");
                    String identifiedAs = body(ctx).path("identifiedAs").asText(null);
                    act(
                            ctx,
                            security,
                            "scramble.visual-id",
                            args().put("id", id).put("identifiedAs", identifiedAs),
                            (user, g) -> service.visualId(id, identifiedAs, user, g));
                },
                Role.OPERATOR);

        app.post(
                "/api/qra/detachments",
                ctx -> {
                    Detachment d;
                    try {
                        d = detachment(body(ctx));
                    } catch (IllegalArgumentException e) {
                        answer(ctx, ScrambleService.Result.invalid(e.getMessage()));
                        return;
                    }
                    act(
                            ctx,
                            security,
                            "qra.posture.add",
                            args().set("body", body(ctx)),
                            (user, g) -> service.addDetachment(d, user, g));
                },
                Role.SUPERVISOR);
        app.put(
                "/api/qra/detachments/{id}/base",
                ctx -> {
                    Base b;
                    try {
                        b = base(body(ctx));
                    } catch (IllegalArgumentException e) {
                        answer(ctx, ScrambleService.Result.invalid(e.getMessage()));
                        return;
                    }
                    String id = ctx.pathParam("id");
                    act(
                            ctx,
                            security,
                            "qra.posture.move",
                            args().put("id", id).set("body", body(ctx)),
                            (user, g) -> service.moveDetachment(id, b, user, g));
                },
                Role.SUPERVISOR);
        app.delete(
                "/api/qra/detachments/{id}",
                ctx -> {
                    String id = ctx.pathParam("id");
                    act(
                            ctx,
                            security,
                            "qra.posture.remove",
                            args().put("id", id),
                            (user, g) -> service.removeDetachment(id, user, g));
                },
                Role.SUPERVISOR);
        app.put(
                "/api/qra/detachments/{id}/readiness",
                ctx -> {
                    JsonNode b = body(ctx);
                    Readiness r;
                    CapStation cap;
                    try {
                        r = Readiness.parse(b.path("readiness").asText(""));
                        cap = b.has("cap") ? cap(b.get("cap")) : null;
                    } catch (IllegalArgumentException e) {
                        answer(ctx, ScrambleService.Result.invalid(e.getMessage()));
                        return;
                    }
                    String id = ctx.pathParam("id");
                    act(
                            ctx,
                            security,
                            "qra.posture.readiness",
                            args().put("id", id).set("body", b),
                            (user, g) -> service.setReadiness(id, r, cap, user, g));
                },
                Role.SUPERVISOR);
    }

    // ------------------------------------------------------------------ durable actions

    private volatile OperatorActionLog actions = OperatorActionLog.NONE;
    private volatile Runnable afterAction = () -> {};

    /**
     * Makes every action durable through {@code log} (the one write path, docs/STORAGE.md "Operator
     * actions"): refused while it cannot be, journalled after the audit and before taking effect, committed
     * before the 2xx. {@code afterAction} runs on the owner right after an action (the picture hands the
     * workflow's queued events to the event stream there, so that the commit includes them).
     */
    public QraApi withActionLog(OperatorActionLog log, Runnable afterAction) {
        this.actions = java.util.Objects.requireNonNull(log, "log");
        this.afterAction = java.util.Objects.requireNonNull(afterAction, "afterAction");
        return this;
    }

    /** One action of the workflow, given the acting user and the gate to pass before taking effect. */
    private interface Action {
        ScrambleService.Result run(String user, ScrambleService.Gate gate);
    }

    /** Refusal while not durable, audit and journal in the gate, the action on the owner, commit, answer. */
    private void act(Context ctx, Security security, String name, ObjectNode args, Action action) {
        String why = actions.refused();
        if (why != null) {
            ctx.status(503).json(Map.of("ok", false, "error", why));
            return;
        }
        ScrambleService.Gate audit = gate(ctx, security, name);
        Actor actor = actor(ctx, security);
        OperatorActionLog.Entry[] entry = new OperatorActionLog.Entry[1];
        ScrambleService.Gate gate = (target, detail) -> {
            if (!audit.allow(target, detail)) return false;
            entry[0] = actions.enter(name, service.now(), null, args, actor);
            return entry[0] != null;
        };
        ScrambleService.Result r = owner.call(() -> {
            ScrambleService.Result res = action.run(actor.user(), gate);
            afterAction.run();
            return res;
        });
        if (r.ok() && entry[0] != null) {
            try {
                actions.commit(entry[0]);
            } catch (java.io.IOException | RuntimeException e) {
                ctx.status(503)
                        .json(Map.of("ok", false, "error", "action taken but not made durable: " + e.getMessage()));
                return;
            }
        }
        answer(ctx, r);
    }

    private static Actor actor(Context ctx, Security security) {
        Actor a = security == null ? null : security.actor(ctx);
        return a != null ? a : new Actor("local", null, ctx.ip());
    }

    private static ObjectNode args() {
        return OperatorActionLog.arguments();
    }

    /**
     * Carries out a journalled action again (a restart rebuild, docs/REPLAY.md "Restart"), on the
     * owner, without audit or journal: the command is what the routes entered.
     * @return its result, or null when the command is not one of the workflow's
     */
    public ScrambleService.Result replay(JsonNode c) {
        String user = c.path("user").asText("local");
        ScrambleService.Gate open = ScrambleService.Gate.OPEN;
        String target = c.path("id").asText(null); // the scramble's or the unit's
        JsonNode args = c;
        try {
            return switch (c.path("action").asText("")) {
                case "scramble.propose" ->
                    service.propose(
                            args.path("alert").asLong(0),
                            args.path("track").asInt(),
                            args.path("unit").asText(),
                            args.path("category").asText(null),
                            user,
                            open);
                case "scramble.order" -> service.order(target, user, open);
                case "scramble.cancel" ->
                    service.cancel(target, user, args.path("reason").asText(null), open);
                case "scramble.retask" ->
                    service.retask(target, args.path("track").asInt(), user, open);
                case "scramble.rtb" -> service.returnToBase(target, user, open);
                case "scramble.handover" -> service.handOver(target, user, open);
                case "scramble.visual-id" ->
                    service.visualId(target, args.path("identifiedAs").asText(null), user, open);
                case "scramble.outcome" ->
                    service.outcome(
                            target,
                            args.path("identifiedAs").asText(null),
                            args.path("action").asText(null),
                            user,
                            open);
                case "qra.posture.add" -> service.addDetachment(detachment(args.path("body")), user, open);
                case "qra.posture.move" -> service.moveDetachment(target, base(args.path("body")), user, open);
                case "qra.posture.remove" -> service.removeDetachment(target, user, open);
                case "qra.posture.readiness" ->
                    service.setReadiness(
                            target,
                            Readiness.parse(args.path("body").path("readiness").asText("")),
                            args.path("body").has("cap") ? cap(args.path("body").get("cap")) : null,
                            user,
                            open);
                default -> null;
            };
        } catch (IllegalArgumentException e) {
            return ScrambleService.Result.invalid(e.getMessage());
        }
    }

    // ------------------------------------------------------------------ handlers

    private void recommendation(Context ctx) {
        String alert = ctx.queryParam("alert");
        List<ScrambleService.Recommendation> list = null;
        if (alert != null) {
            try {
                long alertId = Long.parseLong(alert);
                list = owner.call(() -> service.recommendationFor(alertId));
            } catch (NumberFormatException e) {
                ctx.status(400).json(Map.of("error", "alert must be a number"));
                return;
            }
        }
        String track = ctx.queryParam("track");
        if (list == null && track != null) {
            try {
                int trackNumber = Integer.parseInt(track);
                list = owner.call(() -> service.recommend(trackNumber));
            } catch (NumberFormatException e) {
                ctx.status(400).json(Map.of("error", "track must be a number"));
                return;
            }
        }
        if (list == null) {
            ctx.status(404).json(Map.of("error", "no recommendation (unknown alert, or track without a position yet)"));
            return;
        }
        List<Object> out = new ArrayList<>();
        for (ScrambleService.Recommendation r : list) out.add(ScrambleService.recommendationView(r));
        ctx.json(out);
    }

    /** Ground units and airborne pairs ranked against {@code track} (re-task one with {@code /retask}). */
    private void divert(Context ctx) {
        int trackNumber;
        try {
            trackNumber = Integer.parseInt(String.valueOf(ctx.queryParam("track")));
        } catch (NumberFormatException e) {
            ctx.status(400).json(Map.of("error", "track must be a number"));
            return;
        }
        List<ScrambleService.Recommendation> list = owner.call(() -> service.divertOptions(trackNumber));
        if (list == null) {
            ctx.status(404).json(Map.of("error", "track " + trackNumber + " has no position yet"));
            return;
        }
        List<Object> out = new ArrayList<>();
        for (ScrambleService.Recommendation r : list) out.add(ScrambleService.recommendationView(r));
        ctx.json(out);
    }

    /**
     * GeoJSON FeatureCollection: one MultiLineString per isochrone ({@code minutes}), plus the grid
     * itself as a foreign member ({@code grid}: south-west cell centre, steps, rows, columns, minutes
     * row by row from the south, -1 where no unit reaches, null outside the area) and the response
     * statistics. A POST body is a what-if: {@code {"add":[detachment...], "move":[{"unit","base":{...}}],
     * "remove":["id"...], "readiness":[{"unit","readiness"}]}} applied to a copy of the posture.
     */
    private void responsiveness(Context ctx, JsonNode whatIf)
            throws com.fasterxml.jackson.core.JsonProcessingException {
        MapRequest req = mapRequest(ctx);
        if (req == null) return;
        MapGrid grid = req.grid();
        double level = req.levelFt(), speed = req.speedKt();
        TargetMotion motion = req.motion();
        // one visit to the owner: the posture and the data time it is valid at
        PostureAt state = owner.call(() -> new PostureAt(service.postureCopy(), service.now()));
        Posture p = state.posture();
        long now = state.now();
        if (whatIf != null) {
            try {
                applyWhatIf(p, whatIf);
            } catch (IllegalArgumentException e) {
                ctx.status(400).json(Map.of("error", "what-if: " + e.getMessage()));
                return;
            }
        }
        long epochMs = Math.max(0, Math.floorDiv(now, 1_000_000L));
        ResponsivenessMap map = new Responsiveness()
                .compute(
                        p,
                        grid,
                        GeoPredicate.EVERYWHERE,
                        level,
                        speed,
                        motion,
                        org.vigil.core.qra.InterceptOptions.defaults(),
                        epochMs);
        ctx.contentType(ContentType.APPLICATION_JSON).result(json.writeValueAsString(geoJson(map, levels(ctx))));
    }

    /** The target and grid of a responsiveness request; null when refused (400 written). */
    private record MapRequest(MapGrid grid, double levelFt, double speedKt, TargetMotion motion) {}

    private MapRequest mapRequest(Context ctx) {
        double level = number(ctx, "level", 250) * 100; // flight level
        double speed = number(ctx, "speed", 450);
        double resolution = number(ctx, "resolution", 10);
        String motionText = ctx.queryParam("motion");
        TargetMotion motion =
                "stationary".equalsIgnoreCase(motionText) ? TargetMotion.STATIONARY : TargetMotion.OPENING;
        double south = number(ctx, "south", defaultBox[0]), north = number(ctx, "north", defaultBox[1]);
        double west = number(ctx, "west", defaultBox[2]), east = number(ctx, "east", defaultBox[3]);
        if (!(level >= 0 && level <= 60_000)
                || !(speed >= 0 && speed < 2000)
                || !(resolution >= 0.5 && resolution <= 200)) {
            ctx.status(400).json(Map.of("error", "level FL0-600, speed 0-2000 kt, resolution 0.5-200 km"));
            return null;
        }
        MapGrid grid;
        try {
            grid = MapGrid.of(south, north, west, east, resolution);
        } catch (IllegalArgumentException e) {
            ctx.status(400).json(Map.of("error", e.getMessage()));
            return null;
        }
        if (grid.cells() > MAX_CELLS) {
            ctx.status(400)
                    .json(Map.of(
                            "error", "grid of " + grid.cells() + " cells: use a coarser resolution or a smaller box"));
            return null;
        }
        return new MapRequest(grid, level, speed, motion);
    }

    /**
     * The weekly responsiveness report ({@code from}, {@code to}: ISO dates, inclusive; the target and
     * grid as for the map): per week the nations holding each base, the rotation changes and the
     * covered share and minutes of its days (docs/QRA.md "Posture by date").
     */
    private void weekly(Context ctx) {
        MapRequest req = mapRequest(ctx);
        if (req == null) return;
        LocalDate from, to;
        try {
            from = LocalDate.parse(ctx.queryParam("from") == null ? "" : ctx.queryParam("from"));
            to = LocalDate.parse(ctx.queryParam("to") == null ? "" : ctx.queryParam("to"));
        } catch (java.time.format.DateTimeParseException e) {
            ctx.status(400).json(Map.of("error", "from and to: dates YYYY-MM-DD"));
            return;
        }
        // a period's maps cost one map per distinct set of units on duty: cap the cells times the sets
        if ((long) req.grid().cells() * Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(from, to) / 7)
                > 20L * MAX_CELLS) {
            ctx.status(400).json(Map.of("error", "period and grid too large: use a coarser resolution"));
            return;
        }
        Posture p = owner.call(() -> service.postureCopy());
        List<PostureByDate.Week> weeks;
        try {
            weeks = PostureByDate.weekly(
                    p,
                    req.grid(),
                    GeoPredicate.EVERYWHERE,
                    req.levelFt(),
                    req.speedKt(),
                    req.motion(),
                    org.vigil.core.qra.InterceptOptions.defaults(),
                    from,
                    to);
        } catch (IllegalArgumentException e) {
            ctx.status(400).json(Map.of("error", e.getMessage()));
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("levelFt", req.levelFt());
        out.put("speedKt", req.speedKt());
        out.put("motion", req.motion().name().toLowerCase(Locale.ROOT));
        out.put("resolutionKm", req.grid().resolutionKm());
        out.put("weeks", weeksView(weeks));
        ctx.json(out);
    }

    /** The weekly report as JSON lines (shared by the API and {@code vigil theatre responsiveness}). */
    public static List<Map<String, Object>> weeksView(List<PostureByDate.Week> weeks) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (PostureByDate.Week w : weeks) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", w.start().toString());
            m.put("to", w.end().toString());
            m.put("days", w.days().size());
            Map<String, Object> bases = new LinkedHashMap<>();
            w.bases().forEach((icao, held) -> {
                List<String> who = new ArrayList<>();
                for (PostureByDate.Holding h : held)
                    who.add(h.nation() + " " + h.aircraftType() + " x" + h.count() + " " + h.readiness());
                bases.put(icao, who);
            });
            m.put("bases", bases);
            m.put("changes", w.changes());
            m.put("worstCoveredShare", Math.round(w.worstCoveredShare() * 1000) / 1000.0);
            m.put("meanCoveredShare", Math.round(w.meanCoveredShare() * 1000) / 1000.0);
            m.put("meanMinutes", finite(w.meanMinutes()));
            m.put("worstCoveredMinutes", finite(w.worstCoveredMinutes()));
            list.add(m);
        }
        return list;
    }

    /** A copy of the posture and the workflow's data time, read together on the owner. */
    private record PostureAt(Posture posture, long now) {}

    static Map<String, Object> geoJson(ResponsivenessMap map, double[] levels) {
        List<Map<String, Object>> features = new ArrayList<>();
        for (Isochrones.Isochrone iso : map.isochrones(levels)) {
            List<List<double[]>> lines = new ArrayList<>();
            for (double[] poly : iso.polylines()) {
                List<double[]> line = new ArrayList<>(poly.length / 2);
                for (int i = 0; i + 1 < poly.length; i += 2)
                    line.add(new double[] {round4(poly[i + 1]), round4(poly[i])});
                lines.add(line);
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("type", "Feature");
            f.put("properties", Map.of("minutes", iso.minutes()));
            f.put("geometry", Map.of("type", "MultiLineString", "coordinates", lines));
            features.add(f);
        }
        MapGrid g = map.grid();
        float[] v = map.values();
        List<Object> values = new ArrayList<>(v.length);
        for (float x : v) values.add(Float.isNaN(x) ? null : Float.isInfinite(x) ? -1 : Math.round(x * 10) / 10.0);
        Map<String, Object> grid = new LinkedHashMap<>();
        grid.put("south", g.minLat());
        grid.put("west", g.minLon());
        grid.put("latStep", g.latStep());
        grid.put("lonStep", g.lonStep());
        grid.put("rows", g.rows());
        grid.put("columns", g.columns());
        grid.put("resolutionKm", g.resolutionKm());
        grid.put("minutes", values);
        ResponseStats s = map.stats(GeoPredicate.EVERYWHERE);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("cells", s.cells());
        stats.put("uncovered", s.uncovered());
        stats.put("worstMinutes", finite(s.worstMinutes()));
        stats.put("worstCoveredMinutes", finite(s.worstCovered()));
        stats.put("meanMinutes", finite(s.meanMinutes()));
        stats.put("coveredShare", Math.round(s.coveredShare() * 1000) / 1000.0);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "FeatureCollection");
        out.put("levelFt", map.levelFt());
        out.put("speedKt", map.targetSpeedKt());
        out.put("motion", map.motion().name().toLowerCase(Locale.ROOT));
        out.put("units", map.unitIds());
        out.put("stats", stats);
        out.put("grid", grid);
        out.put("features", features);
        return out;
    }

    private static void applyWhatIf(Posture p, JsonNode w) {
        for (JsonNode n : w.path("remove")) p.removeDetachment(n.asText());
        for (JsonNode n : w.path("move")) p.moveDetachment(n.path("unit").asText(), base(n.path("base")));
        for (JsonNode n : w.path("readiness")) {
            p.setReadiness(
                    n.path("unit").asText(),
                    Readiness.parse(n.path("readiness").asText("")),
                    n.has("cap") ? cap(n.get("cap")) : null);
        }
        for (JsonNode n : w.path("add")) p.addDetachment(detachment(n));
    }

    private static double[] levels(Context ctx) {
        String s = ctx.queryParam("isochrones");
        if (s == null || s.isBlank()) return new double[] {10, 20, 30, 45, 60};
        String[] parts = s.split(",");
        double[] out = new double[Math.min(parts.length, 20)];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                out[i] = 30;
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ views

    public static Map<String, Object> postureView(Posture p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("version", p.version());
        Map<String, Map<String, Object>> bases = new LinkedHashMap<>();
        for (Detachment d : p.detachments()) {
            Base b = d.base();
            bases.computeIfAbsent(b.icao(), k -> {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("icao", b.icao());
                v.put("name", b.name());
                v.put("lat", b.latDeg());
                v.put("lon", b.lonDeg());
                v.put("elevationFt", b.elevationFt());
                v.put("units", new ArrayList<String>());
                return v;
            });
            @SuppressWarnings("unchecked")
            List<String> units = (List<String>) bases.get(b.icao()).get("units");
            units.add(d.id());
        }
        m.put("bases", new ArrayList<>(bases.values()));
        m.put("units", unitsView(p));
        return m;
    }

    public static List<Map<String, Object>> unitsView(Posture p) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Detachment d : p.detachments()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", d.id());
            v.put("nation", d.nation());
            v.put("base", d.base().icao());
            v.put("lat", d.base().latDeg());
            v.put("lon", d.base().lonDeg());
            v.put("type", d.aircraftType());
            v.put("count", d.count());
            v.put("readiness", d.readiness().label());
            double tta = d.timeToAirborneS();
            v.put("timeToAirborneMin", Double.isNaN(tta) ? null : tta / 60);
            if (d.rotation() != null)
                v.put("rotation", d.rotation().from() + "/" + d.rotation().to());
            if (d.cap() != null)
                v.put(
                        "cap",
                        Map.of(
                                "lat",
                                d.cap().latDeg(),
                                "lon",
                                d.cap().lonDeg(),
                                "altFt",
                                d.cap().altitudeFt()));
            out.add(v);
        }
        return out;
    }

    // ------------------------------------------------------------------ parsing

    static Detachment detachment(JsonNode n) {
        String id = text(n, "id");
        return new Detachment(
                id,
                n.path("nation").asText(""),
                base(n.path("base")),
                text(n, "type"),
                n.path("count").asInt(2),
                Readiness.parse(n.path("readiness").asText("QRA-15")),
                n.has("cap") ? cap(n.get("cap")) : null,
                null,
                n.has("timeToAirborneMin") ? n.get("timeToAirborneMin").asDouble() * 60 : Double.NaN);
    }

    static Base base(JsonNode n) {
        if (n == null || !n.isObject())
            throw new IllegalArgumentException("base {icao, name, lat, lon, elevationFt} required");
        if (!n.path("lat").isNumber() || !n.path("lon").isNumber())
            throw new IllegalArgumentException("base lat and lon required");
        return new Base(
                text(n, "icao"),
                n.path("name").asText(null),
                n.get("lat").asDouble(),
                n.get("lon").asDouble(),
                n.path("elevationFt").asDouble(0));
    }

    static CapStation cap(JsonNode n) {
        return new CapStation(
                n.path("lat").asDouble(Double.NaN),
                n.path("lon").asDouble(Double.NaN),
                n.path("altFt").asDouble(25_000),
                n.path("enduranceMin").asDouble(45) * 60);
    }

    private static String text(JsonNode n, String field) {
        String s = n.path(field).asText("");
        if (s.isBlank()) throw new IllegalArgumentException(field + " required");
        return s.strip();
    }

    private JsonNode body(Context ctx) {
        String b = ctx.body();
        if (b == null || b.isBlank()) return json.createObjectNode();
        try {
            JsonNode n = json.readTree(b);
            return n == null || !n.isObject() ? json.createObjectNode() : n;
        } catch (java.io.IOException e) {
            return json.createObjectNode();
        }
    }

    private static double number(Context ctx, String name, double dflt) {
        String s = ctx.queryParam(name);
        if (s == null || s.isBlank()) return dflt;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN; // refused by the range checks
        }
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? Math.round(v * 10) / 10.0 : null;
    }

    private static double round4(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    /** The audit gate; the service calls it inside an action, i.e. on the owner (so it may read {@code now()}). */
    private ScrambleService.Gate gate(Context ctx, Security security, String action) {
        return (target, detail) -> {
            if (security == null) return true;
            try {
                security.audit(
                        ctx,
                        action,
                        target,
                        detail,
                        Audit.Outcome.SUCCESS,
                        service.now() == Long.MIN_VALUE ? Audit.NO_DATA_TIME : service.now());
                return true;
            } catch (SQLException | IllegalStateException e) {
                return false;
            }
        };
    }

    private static void answer(Context ctx, ScrambleService.Result r) {
        if (r.ok()) {
            ctx.json(r.scrambleId() == null ? Map.of("ok", true) : Map.of("ok", true, "id", r.scrambleId()));
        } else {
            ctx.status(status(r.refusal())).json(Map.of("ok", false, "error", r.reason()));
        }
    }

    /** The HTTP status of a refused action (the workflow in core answers in domain terms). */
    static int status(ScrambleService.Refusal why) {
        return switch (why) {
            case NOT_FOUND -> 404;
            case WRONG_STATE -> 409;
            case INVALID -> 400;
            case NOT_AUDITED -> 503;
        };
    }
}
