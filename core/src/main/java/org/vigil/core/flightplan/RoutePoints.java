package org.vigil.core.flightplan;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The points database for route expansion: aerodromes by ICAO location indicator and named
 * waypoints and navaids, each a (lat, lon) in degrees. Immutable once built.
 *
 * <p>{@link #bundled()} is the built-in table: the aerodromes of Europe and its neighbours
 * ({@link Aerodromes#builtIn()}, classpath resource {@code flightplan/airports.csv}, OurAirports,
 * public domain) and no waypoints. A theatre adds its own airports and named points (the Black Sea
 * theatre's are {@code flightplan/waypoints.csv}, synthetic names, see docs/FLIGHTPLANS.md) with
 * {@link #with} and {@link #withWaypoints}. Reading a table is configuration, not runtime I/O: it
 * happens once, at start-up.
 */
public final class RoutePoints {
    private final Map<String, double[]> points;

    private RoutePoints(Map<String, double[]> points) {
        this.points = Map.copyOf(points);
    }

    /** The built-in aerodromes (all of Europe and its neighbours), no waypoints; shared. */
    public static RoutePoints bundled() {
        return BuiltIn.INSTANCE;
    }

    /** An empty table, to extend with {@link #with}. */
    public static RoutePoints empty() {
        return new RoutePoints(Map.of());
    }

    /** The aerodromes of {@code table}, by ICAO location indicator, and no waypoints. */
    public static RoutePoints of(Aerodromes table) {
        Map<String, double[]> m = new HashMap<>(table.size() * 2);
        for (Aerodrome a : table.all()) m.put(a.icao(), new double[] {a.lat(), a.lon()});
        return new RoutePoints(m);
    }

    /**
     * A copy with the named points of a waypoints table ({@code name,lat,lon[,kind]} a line, '#' and
     * blank lines ignored); a name also in this table replaces it. The stream is not closed here.
     *
     * @param source what to call the stream in error messages (a file name)
     * @throws IllegalArgumentException "source:line: reason" for the first malformed line
     */
    public RoutePoints withWaypoints(InputStream in, String source) {
        Map<String, double[]> m = new HashMap<>(points);
        Tables.eachLine(in, source, (line, n) -> {
            String[] f = line.split(",", -1);
            if (f.length < 3 || f[0].isBlank())
                throw new IllegalArgumentException(source + ":" + n + ": expected name,lat,lon[,kind]");
            try {
                m.put(f[0].strip(), new double[] {Double.parseDouble(f[1].strip()), Double.parseDouble(f[2].strip())});
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + ":" + n + ": lat/lon is not a number");
            }
        });
        return new RoutePoints(m);
    }

    /**
     * A copy with the named points of a waypoints table on the classpath (format of {@link
     * #withWaypoints(InputStream, String)}), e.g. a built-in theatre's.
     *
     * @throws IllegalStateException when there is no such resource
     */
    public RoutePoints withWaypoints(String classpathResource) {
        String name = classpathResource.startsWith("/") ? classpathResource.substring(1) : classpathResource;
        return Tables.resource(name, this::withWaypoints);
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

    private static final class BuiltIn {
        static final RoutePoints INSTANCE = of(Aerodromes.builtIn());
    }
}
