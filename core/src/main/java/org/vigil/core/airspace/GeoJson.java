package org.vigil.core.airspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * GeoJSON (RFC 7946) features to JTS geometries in lon/lat degrees (x = lon, y = lat), from the
 * trees that {@link AirspaceFiles} reads. Only what airspace needs: Polygon,
 * MultiPolygon and Point geometries in a FeatureCollection or a single Feature.
 */
final class GeoJson {
    static final GeometryFactory FACTORY = new GeometryFactory();

    record Feature(Map<String, Object> properties, Geometry geometry) {}

    private GeoJson() {}

    static List<Feature> features(Object root) {
        Map<String, Object> map = asMap(root, "GeoJSON root");
        String type = String.valueOf(map.get("type"));
        List<Feature> out = new ArrayList<>();
        switch (type) {
            case "FeatureCollection" -> {
                for (Object f : asList(map.get("features"), "features")) out.add(feature(f));
            }
            case "Feature" -> out.add(feature(map));
            default -> throw new AirspaceDataException("GeoJSON: expected a FeatureCollection or Feature, got " + type);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Feature feature(Object f) {
        Map<String, Object> map = asMap(f, "feature");
        Object props = map.get("properties");
        Map<String, Object> properties = props instanceof Map ? (Map<String, Object>) props : Map.of();
        return new Feature(properties, geometry(map.get("geometry")));
    }

    static Geometry geometry(Object g) {
        Map<String, Object> map = asMap(g, "geometry");
        String type = String.valueOf(map.get("type"));
        Object coordinates = map.get("coordinates");
        return switch (type) {
            case "Polygon" -> polygon(coordinates);
            case "MultiPolygon" -> {
                List<Object> parts = asList(coordinates, "MultiPolygon coordinates");
                Polygon[] polys = new Polygon[parts.size()];
                for (int i = 0; i < polys.length; i++) polys[i] = polygon(parts.get(i));
                yield FACTORY.createMultiPolygon(polys);
            }
            case "Point" -> FACTORY.createPoint(position(coordinates));
            default -> throw new AirspaceDataException("GeoJSON: unsupported geometry type " + type);
        };
    }

    /** A polygon from a list of rings (first the shell, then holes), each a list of [lon, lat]. */
    static Polygon polygon(Object rings) {
        List<Object> list = asList(rings, "polygon rings");
        if (list.isEmpty()) throw new AirspaceDataException("GeoJSON: polygon without rings");
        LinearRing shell = ring(list.get(0));
        LinearRing[] holes = new LinearRing[list.size() - 1];
        for (int i = 1; i < list.size(); i++) holes[i - 1] = ring(list.get(i));
        return FACTORY.createPolygon(shell, holes);
    }

    /** A ring from a list of [lon, lat]; closed here if the file left it open. */
    static LinearRing ring(Object positions) {
        List<Object> list = asList(positions, "ring");
        List<Coordinate> coords = new ArrayList<>(list.size() + 1);
        for (Object p : list) coords.add(position(p));
        if (coords.size() > 0 && !coords.get(0).equals2D(coords.get(coords.size() - 1)))
            coords.add(coords.get(0).copy());
        if (coords.size() < 4) throw new AirspaceDataException("GeoJSON: a ring needs at least 3 distinct positions");
        return FACTORY.createLinearRing(coords.toArray(new Coordinate[0]));
    }

    static Coordinate position(Object p) {
        List<Object> xy = asList(p, "position");
        if (xy.size() < 2 || !(xy.get(0) instanceof Number lon) || !(xy.get(1) instanceof Number lat)) {
            throw new AirspaceDataException("GeoJSON: a position must be [lon, lat], got " + p);
        }
        double x = lon.doubleValue();
        double y = lat.doubleValue();
        if (!(x >= -180 && x <= 180 && y >= -90 && y <= 90)) {
            throw new AirspaceDataException("GeoJSON: position out of range [lon, lat] = " + p);
        }
        return new Coordinate(x, y);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object o, String what) {
        if (o instanceof Map) return (Map<String, Object>) o;
        throw new AirspaceDataException(what + ": expected an object, got " + describe(o));
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object o, String what) {
        if (o instanceof List) return (List<Object>) o;
        throw new AirspaceDataException(what + ": expected a list, got " + describe(o));
    }

    private static String describe(Object o) {
        return o == null ? "nothing" : o.getClass().getSimpleName();
    }
}
