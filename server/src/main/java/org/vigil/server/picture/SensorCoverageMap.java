package org.vigil.server.picture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.ConvexHull;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.vigil.server.feed.SensorHealth;

/**
 * Which area each sensor covers now, from what it delivered lately (docs/HEALTH.md "Coverage"):
 * the convex hull of the last positions of each radar's plots and each ADS-B feed's decoded
 * positions within the window before the picture's clock. Where {@code tracking.SensorCoverage}
 * says where a sensor could see (from its configuration), this says where it did.
 *
 * <p>Threading: the picture's owner thread. No allocation per position (a ring of
 * {@link #POINTS} per sensor, filled on the owner); the hulls are made on request.
 */
public final class SensorCoverageMap {
    /** Positions kept per sensor. */
    public static final int POINTS = 1024;
    /** Positions older than this before the picture's clock do not count. */
    public static final long WINDOW_NANOS = 600_000_000_000L;

    private static final GeometryFactory GEO = new GeometryFactory();

    private double[][] lat = new double[8][], lon = new double[8][];
    private long[][] time = new long[8][];
    private int[] next = new int[8], count = new int[8];

    /** A position delivered by sensor {@code id} (a {@link SensorHealth} id) at data time {@code t}. */
    public void add(int id, double latDeg, double lonDeg, long t) {
        if (id < 0 || !(Math.abs(latDeg) <= 90) || !(Math.abs(lonDeg) <= 180)) return;
        if (id >= lat.length) grow(id + 1);
        if (lat[id] == null) {
            lat[id] = new double[POINTS];
            lon[id] = new double[POINTS];
            time[id] = new long[POINTS];
        }
        int k = next[id];
        lat[id][k] = latDeg;
        lon[id][k] = lonDeg;
        time[id][k] = t;
        next[id] = (k + 1) % POINTS;
        if (count[id] < POINTS) count[id]++;
    }

    /**
     * The coverage as a GeoJSON FeatureCollection (a Map for the JSON writer): one feature per
     * sensor with positions in the window, its hull a Polygon (a LineString or Point with fewer than
     * three distinct positions); properties {@code sensor}, {@code kind}, {@code state},
     * {@code positions}. Allocates.
     */
    public Map<String, Object> geoJson(SensorHealth health, long nowNanos) {
        List<Object> features = new ArrayList<>();
        for (int id = 0; id < Math.min(lat.length, health.size()); id++) {
            if (lat[id] == null) continue;
            List<Coordinate> pts = new ArrayList<>(count[id]);
            for (int i = 0; i < count[id]; i++) {
                if (nowNanos != Long.MIN_VALUE && time[id][i] < nowNanos - WINDOW_NANOS) continue;
                pts.add(new Coordinate(lon[id][i], lat[id][i]));
            }
            if (pts.isEmpty()) continue;
            Geometry hull = new ConvexHull(pts.toArray(new Coordinate[0]), GEO).getConvexHull();
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("type", "Feature");
            f.put("geometry", geometry(hull));
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("sensor", health.name(id));
            p.put("kind", health.kind(id));
            p.put("state", health.state(id));
            p.put("positions", pts.size());
            f.put("properties", p);
            features.add(f);
        }
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        fc.put("features", features);
        return fc;
    }

    private static Map<String, Object> geometry(Geometry g) {
        Map<String, Object> m = new LinkedHashMap<>();
        Coordinate[] cs = g.getCoordinates();
        List<double[]> ring = new ArrayList<>(cs.length);
        for (Coordinate c : cs) ring.add(new double[] {c.x, c.y});
        switch (g.getGeometryType()) {
            case "Polygon" -> {
                m.put("type", "Polygon");
                m.put("coordinates", List.of(ring));
            }
            case "LineString" -> {
                m.put("type", "LineString");
                m.put("coordinates", ring);
            }
            default -> {
                m.put("type", "Point");
                m.put("coordinates", ring.get(0));
            }
        }
        return m;
    }

    private void grow(int n) {
        int m = Math.max(n, lat.length * 2);
        lat = java.util.Arrays.copyOf(lat, m);
        lon = java.util.Arrays.copyOf(lon, m);
        time = java.util.Arrays.copyOf(time, m);
        next = java.util.Arrays.copyOf(next, m);
        count = java.util.Arrays.copyOf(count, m);
    }
}
