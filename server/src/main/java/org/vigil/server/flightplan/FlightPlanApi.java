package org.vigil.server.flightplan;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.vigil.codec.fpl.FplParseResult;
import org.vigil.server.auth.Audit;
import org.vigil.server.auth.Role;
import org.vigil.server.auth.Security;

/**
 * {@code POST /api/flightplans}: one or more ICAO ATS messages (FPL, CHG, DLA, CNL, DEP, ARR) as
 * {@code text/plain}, for an operator who files or corrects a plan by hand or an ATS system that
 * posts them. All or nothing: when a message is bad, none is applied and the answer is 400 with
 * {@code "message N: item I: reason"} per bad one, so a resend after the fix applies each once.
 *
 * <p>{@code GET /api/flightplans/counters} (observer): the store's counters, among them how many
 * plans had a route that could not be expanded ({@link FlightPlanIntake#counters()}), so that a loss
 * of route monitoring is never silent.
 *
 * <p>Answers: 200 {@code {"applied":n,"results":[{"message":1,"type":"FPL","flight":"...","outcome":"filed"}]}};
 * 400 {@code {"error":"...","errors":[...],"results":[...]}}; 503 when the audit row cannot be written
 * (no row, no action). Role: operator (at registration).
 */
public final class FlightPlanApi {
    public static final String PATH = "/api/flightplans";
    public static final String COUNTERS_PATH = PATH + "/counters";
    /** Journal name of texts received through the API. */
    static final String SOURCE = "api";

    private final FlightPlanIntake intake;
    private final Security security;
    private final LongSupplier dataTimeNanos;

    /** @param security null on an open server (nothing audited) */
    public FlightPlanApi(FlightPlanIntake intake, Security security, LongSupplier dataTimeNanos) {
        this.intake = intake;
        this.security = security;
        this.dataTimeNanos = dataTimeNanos;
    }

    public void registerRoutes(RoutesConfig app) {
        app.post(PATH, this::post, Role.OPERATOR);
        app.get(COUNTERS_PATH, ctx -> ctx.json(intake.counters()), Role.OBSERVER);
    }

    private void post(Context ctx) {
        String text = ctx.body();
        List<FplParseResult> parsed = text.isBlank() ? List.of() : intake.parse(text);
        if (parsed.isEmpty()) {
            audit(ctx, "no message", Audit.Outcome.FAILED);
            ctx.status(400)
                    .json(Map.of(
                            "error",
                            "no ATS message in the body (text/plain, e.g. (FPL-...))",
                            "errors",
                            List.of(),
                            "results",
                            List.of()));
            return;
        }
        List<String> errors = new ArrayList<>();
        int n = 0;
        for (FplParseResult r : parsed) {
            n++;
            if (r instanceof FplParseResult.Rejected x) errors.add("message " + n + ": " + x.describe());
        }
        if (!errors.isEmpty()) {
            audit(ctx, errors.size() + " of " + parsed.size() + " rejected: " + errors.get(0), Audit.Outcome.FAILED);
            FlightPlanIntake.Batch none = intake.applyAllOrNothing(SOURCE, text, parsed);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put(
                    "error",
                    errors.get(0) + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "")
                            + "; nothing applied");
            body.put("errors", errors);
            body.put("results", none.results());
            ctx.status(400).json(body);
            return;
        }
        // audited before it is carried out: no audit row, no change to the plans
        if (!audit(ctx, parsed.size() + " message(s)", Audit.Outcome.SUCCESS)) {
            ctx.status(503).json(Map.of("error", "audit trail unavailable; nothing applied"));
            return;
        }
        FlightPlanIntake.Batch batch = intake.applyAllOrNothing(SOURCE, text, parsed);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("applied", batch.applied());
        body.put("results", batch.results());
        ctx.json(body);
    }

    /** True when audited (or nothing to audit: an open server). */
    private boolean audit(Context ctx, String detail, Audit.Outcome outcome) {
        if (security == null) return true;
        try {
            long t = dataTimeNanos.getAsLong();
            security.audit(ctx, "flightplans-post", "flight plans", detail, outcome, t);
            return true;
        } catch (SQLException | IllegalStateException e) {
            return false;
        }
    }
}
