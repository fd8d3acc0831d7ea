package org.vigil.server.flightplan;

import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.vigil.server.auth.Role;

/**
 * {@code GET /api/airspace}: the national airspaces and configured zones as a GeoJSON
 * FeatureCollection ({@link AirspaceLayers}), NATO membership and zone activity at the air
 * picture's time ({@code ?time=EPOCH_MS} asks for another moment). Role: observer (at registration).
 *
 * <p>The layers are built on the first request (or {@link #warmUp()}) and kept: the geometry never
 * changes while the server runs.
 */
public final class AirspaceApi {
    public static final String PATH = "/api/airspace";

    private final Supplier<AirspaceLayers> build;
    private final LongSupplier dataTimeNanos;
    private volatile AirspaceLayers layers;

    /** @param dataTimeNanos the picture's time; Long.MIN_VALUE before any data (the wall clock is used then) */
    public AirspaceApi(Supplier<AirspaceLayers> build, LongSupplier dataTimeNanos) {
        this.build = build;
        this.dataTimeNanos = dataTimeNanos;
    }

    public void registerRoutes(RoutesConfig app) {
        app.get(
                PATH,
                ctx -> {
                    long t;
                    String asked = ctx.queryParam("time");
                    if (asked != null) {
                        try {
                            t = Math.multiplyExact(Long.parseLong(asked.strip()), 1_000_000L);
                        } catch (NumberFormatException | ArithmeticException e) {
                            ctx.status(400).json(java.util.Map.of("error", "time must be epoch milliseconds"));
                            return;
                        }
                    } else {
                        t = dataTimeNanos.getAsLong();
                        if (t == Long.MIN_VALUE) t = System.currentTimeMillis() * 1_000_000L; // no data yet
                    }
                    ctx.contentType(ContentType.APPLICATION_JSON).result(warmUp().featureCollection(t));
                },
                Role.OBSERVER);
    }

    /** Builds the layers now if not yet built (a few seconds the first time the airspace is computed). */
    public AirspaceLayers warmUp() {
        AirspaceLayers l = layers;
        if (l == null) {
            synchronized (this) {
                l = layers;
                if (l == null) layers = l = build.get();
            }
        }
        return l;
    }
}
