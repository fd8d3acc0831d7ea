package org.vigil.core.airspace;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.vigil.core.geo.GeodesicDirect;
import org.vigil.core.geo.Units;

/**
 * Reads zone definitions from YAML or GeoJSON streams (format in docs/AIRSPACE.md).
 *
 * <p>YAML: {@code zones:} a list of {@code id, name, kind, lower, upper, active} and one or more
 * area parts, united: {@code polygon: [[lon, lat], ...]}, {@code circle: {centre: [lon, lat],
 * radiusNm: 5}}, {@code national: [BG, RO]} (those states' national airspace) and
 * {@code around: {states: [BG, RO], distanceNm: 50}} (their land and everything within that
 * distance of it). GeoJSON: a FeatureCollection whose properties carry the same fields and whose
 * geometry is a Polygon, MultiPolygon, or Point with a {@code radiusNm} property.
 *
 * <p>Levels: a number (feet), {@code "5000ft"}, {@code "1500m"}, {@code "FL245"}, {@code SFC}/
 * {@code GND}, {@code UNL}. Periods: {@code active: [{from: 2022-04-06T06:00:00Z, to: ...}]},
 * {@code to} optional (open-ended); absent or {@code H24} means always active.
 *
 * <p>Every error names the zone and the field; loading happens at start-up, never per message.
 */
public final class ZoneLoader {
    private static final double FT_PER_M = Units.FEET_PER_METRE;
    private static final int CIRCLE_POINTS = 72;

    private ZoneLoader() {}

    /** @param national needed only by zones using {@code national} or {@code around}; may be null otherwise */
    public static List<Zone> fromYaml(InputStream in, NationalAirspace national) throws IOException {
        Object root = AirspaceFiles.readYaml(in, "zones file");
        List<Object> list = GeoJson.asList(GeoJson.asMap(root, "zones file").get("zones"), "zones");
        List<Zone> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Map<String, Object> z = GeoJson.asMap(list.get(i), "zone " + i);
            String id = idOf(z, i, ids);
            try {
                out.add(zone(id, z, yamlArea(z, national)));
            } catch (AirspaceDataException | IllegalArgumentException e) {
                throw new AirspaceDataException("zone " + id + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    public static List<Zone> fromGeoJson(InputStream in) throws IOException {
        Object root = AirspaceFiles.readJson(in, "zones GeoJSON");
        List<Zone> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<GeoJson.Feature> features = GeoJson.features(root);
        for (int i = 0; i < features.size(); i++) {
            GeoJson.Feature f = features.get(i);
            String id = idOf(f.properties(), i, ids);
            try {
                Geometry area = f.geometry();
                if (area.getGeometryType().equals("Point")) {
                    Coordinate c = area.getCoordinate();
                    area = circle(c.x, c.y, number(f.properties().get("radiusNm"), "radiusNm"));
                }
                out.add(zone(id, f.properties(), area));
            } catch (AirspaceDataException | IllegalArgumentException e) {
                throw new AirspaceDataException("zone " + id + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static String idOf(Map<String, Object> z, int i, Set<String> seen) {
        Object id = z.get("id");
        if (id == null || id.toString().isBlank()) throw new AirspaceDataException("zone " + i + ": missing id");
        String s = id.toString();
        if (!seen.add(s)) throw new AirspaceDataException("zone " + s + ": duplicate id");
        return s;
    }

    private static Zone zone(String id, Map<String, Object> z, Geometry area) {
        Object kind = z.get("kind");
        if (kind == null) throw new AirspaceDataException("missing kind");
        Geometry fixed = polygonal(GeometryFixer.fix(area));
        if (fixed.isEmpty()) throw new AirspaceDataException("area is empty");
        List<long[]> periods = periods(z.get("active"));
        long[] from = new long[periods.size()];
        long[] to = new long[periods.size()];
        for (int k = 0; k < from.length; k++) {
            from[k] = periods.get(k)[0];
            to[k] = periods.get(k)[1];
        }
        Object name = z.get("name");
        return new Zone(
                id,
                name == null ? id : name.toString(),
                ZoneKind.parse(kind.toString()),
                level(z.getOrDefault("lower", "SFC"), "lower"),
                level(z.getOrDefault("upper", "UNL"), "upper"),
                from,
                to,
                fixed);
    }

    private static Geometry yamlArea(Map<String, Object> z, NationalAirspace national) {
        List<Geometry> parts = new ArrayList<>();
        if (z.containsKey("polygon")) {
            parts.add(GeoJson.FACTORY.createPolygon(GeoJson.ring(z.get("polygon"))));
        }
        if (z.containsKey("circle")) {
            Map<String, Object> c = GeoJson.asMap(z.get("circle"), "circle");
            Coordinate centre = GeoJson.position(c.get("centre"));
            parts.add(circle(centre.x, centre.y, number(c.get("radiusNm"), "circle.radiusNm")));
        }
        if (z.containsKey("national")) {
            for (Object iso : GeoJson.asList(z.get("national"), "national")) {
                // fixed: a state's polygons may touch themselves after the file's 1e-5 degree rounding
                parts.add(GeometryFixer.fix(requireNational(national).nationalAirspace(state(national, iso))));
            }
        }
        if (z.containsKey("around")) {
            Map<String, Object> a = GeoJson.asMap(z.get("around"), "around");
            NationalAirspace n = requireNational(national);
            List<Geometry> lands = new ArrayList<>();
            for (Object iso : GeoJson.asList(a.get("states"), "around.states"))
                lands.add(GeometryFixer.fix(n.land(state(n, iso))));
            double nm = number(a.get("distanceNm"), "around.distanceNm");
            if (!(nm >= 0 && nm <= 1000)) throw new AirspaceDataException("around.distanceNm out of range: " + nm);
            parts.add(around(OverlayNGRobust.union(lands), nm, n));
        }
        if (parts.isEmpty()) throw new AirspaceDataException("no area: give polygon, circle, national or around");
        return parts.size() == 1 ? parts.get(0) : OverlayNGRobust.union(parts);
    }

    private static NationalAirspace requireNational(NationalAirspace n) {
        if (n == null) throw new AirspaceDataException("national/around need the national airspace model");
        return n;
    }

    private static int state(NationalAirspace n, Object iso) {
        int s = n.indexOf(String.valueOf(iso));
        if (s == NationalAirspace.NONE) throw new AirspaceDataException("unknown state " + iso);
        return s;
    }

    /** Land plus everything within {@code nm} of it, buffered on the land's own projection, clipped to the region. */
    private static Geometry around(Geometry landLonLat, double nm, NationalAirspace n) {
        LambertConformalConic proj = LambertConformalConic.forRegion(landLonLat.getEnvelopeInternal());
        double lat = landLonLat.getEnvelopeInternal().centre().y;
        Geometry buffered =
                proj.inverse(proj.forward(landLonLat).buffer(nm * NationalAirspace.METRES_PER_NM * proj.scale(lat), 8));
        return OverlayNGRobust.overlay(
                GeometryFixer.fix(buffered), GeoJson.FACTORY.toGeometry(n.region()), OverlayNG.INTERSECTION);
    }

    /** A geodesic circle as a 72-sided polygon (vertices on the circle; chord sag under 0.1 % of the radius). */
    static Geometry circle(double lon, double lat, double radiusNm) {
        if (!(radiusNm > 0 && radiusNm <= 500)) throw new AirspaceDataException("radiusNm out of range: " + radiusNm);
        GeodesicDirect direct = new GeodesicDirect();
        Coordinate[] ring = new Coordinate[CIRCLE_POINTS + 1];
        for (int k = 0; k < CIRCLE_POINTS; k++) {
            direct.solve(lat, lon, 2 * Math.PI * k / CIRCLE_POINTS, radiusNm * NationalAirspace.METRES_PER_NM);
            ring[k] = new Coordinate(direct.lonDeg, direct.latDeg);
        }
        ring[CIRCLE_POINTS] = ring[0].copy();
        return GeoJson.FACTORY.createPolygon(ring);
    }

    private static Geometry polygonal(Geometry g) {
        if (g instanceof Polygonal) return g;
        List<Geometry> polys = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygonal) polys.add(g.getGeometryN(i));
        }
        return polys.isEmpty() ? GeoJson.FACTORY.createPolygon() : OverlayNGRobust.union(polys);
    }

    /** Feet from a level: number (ft), "5000ft", "1500m", "FL245", SFC/GND, UNL. */
    static double level(Object value, String field) {
        if (value instanceof Number n) return n.doubleValue();
        String s = String.valueOf(value).strip().toUpperCase(Locale.ROOT).replace(" ", "");
        try {
            if (s.equals("SFC") || s.equals("GND")) return Double.NEGATIVE_INFINITY;
            if (s.equals("UNL")) return Double.POSITIVE_INFINITY;
            if (s.startsWith("FL")) return Integer.parseInt(s.substring(2)) * 100.0;
            if (s.endsWith("FT")) return Double.parseDouble(s.substring(0, s.length() - 2));
            if (s.endsWith("M")) return Double.parseDouble(s.substring(0, s.length() - 1)) * FT_PER_M;
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new AirspaceDataException(
                    field + ": not a level: '" + value + "' (use FL245, 5000ft, 1500m, SFC or UNL)");
        }
    }

    private static List<long[]> periods(Object active) {
        List<long[]> out = new ArrayList<>();
        if (active == null || "H24".equals(active)) return out;
        for (Object p : GeoJson.asList(active, "active")) {
            Map<String, Object> m = GeoJson.asMap(p, "active period");
            long from = instant(m.get("from"), "active.from");
            long to = m.get("to") == null ? Long.MAX_VALUE : instant(m.get("to"), "active.to");
            out.add(new long[] {from, to});
        }
        out.sort((a, b) -> Long.compare(a[0], b[0]));
        return out;
    }

    private static long instant(Object v, String field) {
        if (v == null) throw new AirspaceDataException(field + " missing");
        try {
            Instant t = Instant.parse(v.toString());
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new AirspaceDataException(field + ": not an ISO-8601 UTC instant: '" + v + "'");
        }
    }

    private static double number(Object v, String field) {
        if (v instanceof Number n) return n.doubleValue();
        throw new AirspaceDataException(field + ": expected a number, got " + v);
    }
}
