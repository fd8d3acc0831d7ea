package org.vigil.core.flightplan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The points database for route expansion: aerodromes by ICAO location indicator and named
 * waypoints and navaids, each a (lat, lon) in degrees. Immutable once built.
 *
 * <p>{@link #blackSea()} is the scenario's table, read once from the classpath resources
 * {@code flightplan/airports.csv} (OurAirports, public domain) and {@code flightplan/waypoints.csv}
 * (synthetic names, see docs/FLIGHTPLANS.md). Reading a bundled resource is configuration, not
 * runtime I/O: it happens once, at class initialisation.
 */
public final class RoutePoints {
    private final Map<String, double[]> points;

    private RoutePoints(Map<String, double[]> points) {
        this.points = Map.copyOf(points);
    }

    /** The Black Sea scenario's aerodromes and waypoints. */
    public static RoutePoints blackSea() {
        return BlackSea.INSTANCE;
    }

    /** An empty table, to extend with {@link #with}. */
    public static RoutePoints empty() {
        return new RoutePoints(Map.of());
    }

    /** A copy with one more point (replacing any of the same name). */
    public RoutePoints with(String name, double lat, double lon) {
        Map<String, double[]> m = new HashMap<>(points);
        m.put(name, new double[] {lat, lon});
        return new RoutePoints(m);
    }

    /** Looks a name up into out[0] lat, out[1] lon; false when unknown. */
    public boolean find(String name, double[] out) {
        double[] p = points.get(name);
        if (p == null) return false;
        out[0] = p[0];
        out[1] = p[1];
        return true;
    }

    public int size() {
        return points.size();
    }

    private static final class BlackSea {
        static final RoutePoints INSTANCE = load();

        private static RoutePoints load() {
            Map<String, double[]> m = new HashMap<>();
            read("flightplan/airports.csv", m);
            read("flightplan/waypoints.csv", m);
            return new RoutePoints(m);
        }

        private static void read(String resource, Map<String, double[]> into) {
            try (InputStream in = RoutePoints.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException("missing resource " + resource);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.isBlank() || line.startsWith("#")) continue;
                    String[] f = line.split(",");
                    into.put(f[0].trim(), new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
