import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.vigil.core.airspace.AirspaceFile;
import org.vigil.core.airspace.LambertConformalConic;

/**
 * Generates core/src/main/resources/airspace/europe.airspace.gz, the national airspace of every
 * state from Iceland to the Caspian and from Svalbard to North Africa. See tools/airspace/README.md
 * for the inputs and how to run it; docs/AIRSPACE.md for the method and its accuracy.
 *
 * <p>National airspace = the state's OpenStreetMap admin_level=2 boundary including its territorial
 * sea (npm @geo-maps/countries-maritime-10m), clipped to the region, merged per europe-states.csv,
 * with the overrides of territorial-sea.yaml applied, widened to the sea within 12 NM (or the
 * state's claim) of its OSM land (npm @geo-maps/countries-coastline-10m) where the boundary's
 * line cuts across that arc. Land = Natural Earth 1:10m land (npm
 * world-atlas land-10m) inside each state's national airspace.
 */
public final class MakeEuropeAirspace {
    static final GeometryFactory F = new GeometryFactory();
    static final Envelope REGION = new Envelope(-32, 52, 27, 82);
    static final double METRES_PER_NM = 1852;
    /**
     * The largest gap a chord of the source line leaves inside the 12 NM arc: two vertices 45
     * degrees apart leave 0.29 x 12 = 3.5 NM at the chord's middle; a little more for the land's own error.
     */
    static final double MAX_CHORD_ERROR_NM = 4.0;

    public static void main(String[] args) throws IOException {
        if (args.length != 6) {
            System.err.println(
                    "usage: MakeEuropeAirspace MARITIME_GEOJSON COASTLINE_GEOJSON LAND_10M_TOPOJSON STATES_CSV OVERRIDES_YAML OUT");
            System.exit(2);
        }
        // arguments after the coastline file, as they were before it was added
        String coastlineFile = args[1];
        args = new String[] {args[0], args[2], args[3], args[4], args[5]};
        Geometry box = F.toGeometry(REGION);
        ObjectMapper json = new ObjectMapper();

        // states table
        Map<String, String[]> byA3 = new LinkedHashMap<>(); // a3 -> {a2, name, minus}
        Map<String, String> names = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[2]))) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("a3,")) continue;
            String[] f = line.split(",", -1);
            byA3.put(f[0], new String[] {f[1], f[2], f[3]});
            names.putIfAbsent(f[1], f[2]);
        }

        // 1. national airspace from the OSM boundaries, clipped, merged by alpha-2
        Map<String, Geometry> national = byState(json.readTree(new File(args[0])), byA3, names, box);
        for (String[] row : byA3.values()) {
            if (!row[2].isEmpty() && national.containsKey(row[0])) {
                national.put(row[0], polygons(difference(national.get(row[0]), national.get(row[2]))));
            }
        }

        // 2. land: Natural Earth 1:10m, split between states along the OSM boundaries
        Geometry landAll = polygons(OverlayNGRobust.overlay(topoLand(json.readTree(new File(args[1]))), box, OverlayNG.INTERSECTION));
        Map<String, Geometry> land = new LinkedHashMap<>();
        for (Map.Entry<String, Geometry> e : national.entrySet()) {
            land.put(e.getKey(), polygons(OverlayNGRobust.overlay(landAll, e.getValue(), OverlayNG.INTERSECTION)));
        }

        // 3. territorial sea overrides
        JsonNode claimsFile = new YAMLMapper().readTree(new File(args[3]));
        JsonNode overrides = claimsFile.get("overrides");
        JsonNode claims = claimsFile.get("claims");
        Map<String, List<Geometry>> overridden = new LinkedHashMap<>();
        for (JsonNode o : overrides) {
            String state = o.get("state").asText();
            double nm = o.get("nm").asDouble();
            List<Coordinate> ring = new ArrayList<>();
            for (JsonNode p : o.get("area")) ring.add(new Coordinate(p.get(0).asDouble(), p.get(1).asDouble()));
            if (!ring.get(0).equals2D(ring.get(ring.size() - 1))) ring.add(ring.get(0).copy());
            Polygon area = F.createPolygon(ring.toArray(new Coordinate[0]));
            overridden.computeIfAbsent(state, k -> new ArrayList<>()).add(area);
            Envelope env = area.getEnvelopeInternal();
            double mid = env.centre().y;
            LambertConformalConic proj = new LambertConformalConic(env.getMinY(), env.getMaxY(), mid, env.centre().x);
            Envelope reach = new Envelope(env);
            reach.expandBy(1.0);
            Geometry nearLand = OverlayNGRobust.overlay(land.get(state), F.toGeometry(reach), OverlayNG.INTERSECTION);
            Geometry buffer = GeometryFixer.fix(proj.inverse(proj.forward(Densifier.densify(nearLand, 0.01))
                    .buffer(nm * METRES_PER_NM * proj.scale(mid), 16)));
            Geometry cut = difference(area, buffer);
            national.put(state, polygons(OverlayNGRobust.overlay(difference(national.get(state), cut), land.get(state), OverlayNG.UNION)));
            System.err.printf("override %s %.0f NM in %s%n", state, nm, env);
        }

        // OSM land (the same boundaries cut at the OSM coastline), the baseline the widening is
        // measured from: Natural Earth's 1:10m coast is off by up to 2 km (the Curonian Spit)
        Map<String, Geometry> coast = byState(json.readTree(new File(coastlineFile)), byA3, names, box);
        for (Map.Entry<String, Geometry> e : coast.entrySet()) {
            Geometry n = national.get(e.getKey());
            e.setValue(n == null ? F.createMultiPolygon() : intersect(e.getValue(), n));
        }

        // 3b. widening: the source line, drawn with few vertices, cuts across the 12 NM arc off convex
        // headlands (a chord between two vertices 45 degrees apart on the arc lies 3.5 NM inside it
        // at its middle). Each state also gets the sea within its claim of its land (OSM land
        // buffered on conformal projections), except where another state's airspace already
        // is, in its override areas and in the areas where the source's line is kept as drawn.
        List<Geometry> kept = new ArrayList<>();
        if (claimsFile.has("kept")) {
            for (JsonNode k : claimsFile.get("kept")) kept.add(area(k.get("area")));
        }
        for (String iso : new ArrayList<>(national.keySet())) {
            double nm = claims != null && claims.has(iso) ? claims.get(iso).asDouble() : 12.0;
            Geometry extra = difference(intersect(buffer(coast.getOrDefault(iso, F.createMultiPolygon()), nm), box), national.get(iso));
            Envelope env = extra.getEnvelopeInternal();
            for (Map.Entry<String, Geometry> o : national.entrySet()) {
                if (!o.getKey().equals(iso) && o.getValue().getEnvelopeInternal().intersects(env)) {
                    extra = difference(extra, o.getValue());
                }
            }
            for (Geometry k : kept) extra = difference(extra, k);
            for (Geometry k : overridden.getOrDefault(iso, List.of())) extra = difference(extra, k);
            extra = difference(extra, landAll); // sea only: gaps between two states' land borders stay as they are
            // a chord's error is a thin lens; a wider piece is where the source draws less than the
            // claim on purpose or by another law (a corridor, an older claim): kept as drawn, listed
            List<Polygon> chords = new ArrayList<>();
            List<Polygon> pieces = new ArrayList<>();
            collect(withoutSlivers(extra, 1e-7), pieces);
            for (Polygon piece : pieces) {
                double thickNm = thicknessNm(piece);
                if (thickNm <= MAX_CHORD_ERROR_NM) chords.add(piece);
                else System.err.printf(
                        "not widened %s: %.4f deg² at %.3f N %.3f E, %.1f NM thick%n",
                        iso, piece.getArea(), piece.getCentroid().getY(), piece.getCentroid().getX(), thickNm);
            }
            if (chords.isEmpty()) continue;
            extra = polygons(F.createMultiPolygon(chords.toArray(new Polygon[0])));
            national.put(iso, polygons(OverlayNGRobust.overlay(national.get(iso), extra, OverlayNG.UNION)));
            Geometry largest = null;
            for (int i = 0; i < extra.getNumGeometries(); i++) {
                Geometry g = extra.getGeometryN(i);
                if (largest == null || g.getArea() > largest.getArea()) largest = g;
            }
            System.err.printf(
                    "widened %s by %.5f deg² in %d pieces, largest %.5f deg² at %.3f N %.3f E%n",
                    iso, extra.getArea(), extra.getNumGeometries(), largest.getArea(),
                    largest.getCentroid().getY(), largest.getCentroid().getX());
        }

        // 4. report overlaps between states (the lookup answers the first state in table order)
        List<String> isos = new ArrayList<>(national.keySet());
        for (int i = 0; i < isos.size(); i++) {
            for (int j = i + 1; j < isos.size(); j++) {
                Geometry a = national.get(isos.get(i)), b = national.get(isos.get(j));
                if (!a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())) continue;
                double area = OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION).getArea();
                if (area > 1e-6) System.err.printf("overlap %s/%s: %.6f deg²%n", isos.get(i), isos.get(j), area);
            }
        }

        List<AirspaceFile.State> states = new ArrayList<>();
        long vertices = 0;
        for (String iso : isos) {
            Geometry n = national.get(iso);
            // pieces under 1e-6 deg² (about 0.01 km²) are where the two sources' coasts and borders differ
            Geometry sea = withoutSlivers(OverlayNGRobust.overlay(n, land.get(iso), OverlayNG.DIFFERENCE), 1e-6);
            double claimNm = claims != null && claims.has(iso) ? claims.get(iso).asDouble() : 12.0;
            states.add(new AirspaceFile.State(iso, names.get(iso), claimNm, n, land.get(iso), sea));
            vertices += n.getNumPoints() + land.get(iso).getNumPoints();
            System.err.printf("%s %-24s national %7d pts, land %6d pts%n", iso, names.get(iso), n.getNumPoints(), land.get(iso).getNumPoints());
        }
        String source = "National airspace: OpenStreetMap admin_level=2 boundaries with territorial sea, via npm "
                + "@geo-maps/countries-maritime-10m 0.6.0, widened to 12 NM from the OSM coastline "
                + "(@geo-maps/countries-coastline-10m 0.6.0) where its line cuts across that arc; land: Natural Earth 1:10m land via npm world-atlas 2.0.2; "
                + "overrides: tools/airspace/territorial-sea.yaml; Crimea to Ukraine (UN GA res. 68/262)";
        String licence = "Boundaries © OpenStreetMap contributors, ODbL 1.0; Natural Earth: public domain";
        try (OutputStream out = new FileOutputStream(args[4])) {
            AirspaceFile.write(out, new AirspaceFile.Contents(source, licence, REGION, states));
        }
        System.err.printf("%d states, %d vertices -> %s (%d bytes)%n", states.size(), vertices, args[4], new File(args[4]).length());
    }

    /**
     * Land buffered by {@code nm} nautical miles, exactly: in bands of 2 degrees of latitude, each on
     * a Lambert conformal conic projection with its standard parallels in the band (scale within
     * 0.01 % of 1), since the buffer of a piece of land lies inside the buffer of the whole.
     */
    static Geometry buffer(Geometry land, double nm) {
        Envelope env = land.getEnvelopeInternal();
        List<Geometry> parts = new ArrayList<>();
        for (double south = Math.floor(env.getMinY()); south < env.getMaxY(); south += 2) {
            Geometry band = intersect(land, F.toGeometry(new Envelope(env.getMinX() - 1, env.getMaxX() + 1, south, south + 2)));
            if (band.isEmpty()) continue;
            double mid = south + 1;
            LambertConformalConic proj = new LambertConformalConic(south + 0.5, south + 1.5, mid, env.centre().x);
            // each island and coast on its own, simplified to 100 m first (0.05 NM): buffering a
            // coast drawn to 10 m as one geometry is the slow part (an archipelago's curves all cross)
            Geometry projected = proj.forward(Densifier.densify(band, 0.01));
            double d = nm * METRES_PER_NM * proj.scale(mid);
            List<Geometry> buffers = new ArrayList<>();
            for (int i = 0; i < projected.getNumGeometries(); i++) {
                Geometry piece = projected.getGeometryN(i);
                Geometry simple = DouglasPeuckerSimplifier.simplify(piece, 100);
                // an islet under 100 m collapses when simplified: its own 12 NM still count
                buffers.add((simple.isEmpty() ? piece : simple).buffer(d, 16));
            }
            parts.add(GeometryFixer.fix(proj.inverse(OverlayNGRobust.union(buffers))));
        }
        return parts.isEmpty() ? F.createMultiPolygon() : polygons(OverlayNGRobust.union(parts));
    }

    /** The boundaries of a geo-maps GeoJSON ({@code A3} per feature) clipped to the region and merged by alpha-2. */
    static Map<String, Geometry> byState(
            JsonNode collection, Map<String, String[]> byA3, Map<String, String> names, Geometry box) {
        Map<String, List<Geometry>> parts = new LinkedHashMap<>();
        for (JsonNode feature : collection.get("features")) {
            String a3 = feature.get("properties").get("A3").asText();
            Geometry g = geometry(feature.get("geometry"));
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry p = g.getGeometryN(i);
                if (!p.getEnvelopeInternal().intersects(REGION)) continue;
                String[] row = byA3.get(a3);
                if (row == null) throw new IllegalStateException(a3 + " reaches into the region: add it to the states table");
                Geometry clipped = polygons(OverlayNGRobust.overlay(GeometryFixer.fix(p), box, OverlayNG.INTERSECTION));
                if (!clipped.isEmpty()) parts.computeIfAbsent(row[0], k -> new ArrayList<>()).add(clipped);
            }
        }
        Map<String, Geometry> out = new LinkedHashMap<>();
        for (String a2 : names.keySet()) {
            List<Geometry> p = parts.get(a2);
            if (p != null) out.put(a2, polygons(OverlayNGRobust.union(p)));
        }
        return out;
    }

    /** Twice the radius of the largest circle inside {@code piece}, NM (on a conformal projection at its centre). */
    static double thicknessNm(Polygon piece) {
        Coordinate c = piece.getEnvelopeInternal().centre();
        LambertConformalConic proj = new LambertConformalConic(c.y - 1, c.y + 1, c.y, c.x);
        Geometry p = proj.forward(piece);
        double r = new MaximumInscribedCircle(p, 20).getRadiusLine().getLength();
        return 2 * r / proj.scale(c.y) / METRES_PER_NM;
    }

    static Geometry intersect(Geometry a, Geometry b) {
        return polygons(OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION));
    }

    static Polygon area(JsonNode lonLats) {
        List<Coordinate> ring = new ArrayList<>();
        for (JsonNode p : lonLats) ring.add(new Coordinate(p.get(0).asDouble(), p.get(1).asDouble()));
        if (!ring.get(0).equals2D(ring.get(ring.size() - 1))) ring.add(ring.get(0).copy());
        return F.createPolygon(ring.toArray(new Coordinate[0]));
    }

    static Geometry difference(Geometry a, Geometry b) {
        return polygons(OverlayNGRobust.overlay(a, b, OverlayNG.DIFFERENCE));
    }

    static Geometry withoutSlivers(Geometry g, double minArea) {
        List<Polygon> out = new ArrayList<>();
        collect(g, out);
        out.removeIf(p -> p.getArea() < minArea);
        return out.size() == 1 ? out.get(0) : F.createMultiPolygon(out.toArray(new Polygon[0]));
    }

    /** Only the polygons of an overlay result (it may add stray lines and points). */
    static Geometry polygons(Geometry g) {
        List<Polygon> out = new ArrayList<>();
        collect(g, out);
        return out.size() == 1 ? out.get(0) : F.createMultiPolygon(out.toArray(new Polygon[0]));
    }

    static void collect(Geometry g, List<Polygon> out) {
        if (g instanceof Polygon p) {
            if (!p.isEmpty() && p.getArea() > 0) out.add(p);
        } else if (g instanceof GeometryCollection c) {
            for (int i = 0; i < c.getNumGeometries(); i++) collect(c.getGeometryN(i), out);
        }
    }

    static Geometry geometry(JsonNode g) {
        String type = g.get("type").asText();
        JsonNode c = g.get("coordinates");
        if (type.equals("Polygon")) return polygon(c);
        List<Polygon> ps = new ArrayList<>();
        for (JsonNode p : c) ps.add(polygon(p));
        return F.createMultiPolygon(ps.toArray(new Polygon[0]));
    }

    static Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) holes[i - 1] = ring(rings.get(i));
        return F.createPolygon(shell, holes);
    }

    static LinearRing ring(JsonNode pts) {
        List<Coordinate> c = new ArrayList<>();
        for (JsonNode p : pts) c.add(new Coordinate(p.get(0).asDouble(), p.get(1).asDouble()));
        if (!c.get(0).equals2D(c.get(c.size() - 1))) c.add(c.get(0).copy());
        while (c.size() < 4) c.add(c.get(0).copy());
        return F.createLinearRing(c.toArray(new Coordinate[0]));
    }

    /** The "land" object of a world-atlas TopoJSON (quantised, delta-encoded arcs), as polygons. */
    static Geometry topoLand(JsonNode topo) {
        JsonNode t = topo.get("transform");
        double sx = t.get("scale").get(0).asDouble(), sy = t.get("scale").get(1).asDouble();
        double tx = t.get("translate").get(0).asDouble(), ty = t.get("translate").get(1).asDouble();
        List<List<Coordinate>> arcs = new ArrayList<>();
        for (JsonNode arc : topo.get("arcs")) {
            long x = 0, y = 0;
            List<Coordinate> pts = new ArrayList<>();
            for (JsonNode d : arc) {
                x += d.get(0).asLong();
                y += d.get(1).asLong();
                pts.add(new Coordinate(x * sx + tx, y * sy + ty));
            }
            arcs.add(pts);
        }
        JsonNode land = topo.get("objects").get("land");
        List<Geometry> polys = new ArrayList<>();
        for (JsonNode g : land.get("geometries")) {
            String type = g.get("type").asText();
            List<JsonNode> ps = new ArrayList<>();
            if (type.equals("Polygon")) ps.add(g.get("arcs"));
            else for (JsonNode p : g.get("arcs")) ps.add(p);
            for (JsonNode p : ps) {
                LinearRing shell = null;
                List<LinearRing> holes = new ArrayList<>();
                for (JsonNode r : p) {
                    List<Coordinate> ring = new ArrayList<>();
                    for (JsonNode idx : r) {
                        int i = idx.asInt();
                        List<Coordinate> a = i >= 0 ? arcs.get(i) : reversed(arcs.get(~i));
                        ring.addAll(ring.isEmpty() ? a : a.subList(1, a.size()));
                    }
                    unwrapLongitudes(ring);
                    while (ring.size() < 4) ring.add(ring.get(0).copy());
                    LinearRing lr = F.createLinearRing(ring.toArray(new Coordinate[0]));
                    if (shell == null) shell = lr;
                    else holes.add(lr);
                }
                Polygon poly = F.createPolygon(shell, holes.toArray(new LinearRing[0]));
                if (poly.getEnvelopeInternal().intersects(REGION)) polys.add(GeometryFixer.fix(poly));
            }
        }
        return polygons(OverlayNGRobust.union(polys));
    }

    /**
     * Natural Earth's Eurasia ring runs on past 180° E (Chukotka reaches 169.7° W), so one edge jumps
     * from +180 to -180: straight in lon/lat, that edge spans the globe and turns the ray-casting
     * parity wrong at Chukotka's latitudes (64–69° N), which drops Lapland and Kola from the land.
     * Continuing the longitudes past 180 (190, 200, ...) keeps every edge short; the region box then
     * cuts the ring as usual. A ring that does not close again after unwrapping (one around a pole)
     * is left as it was.
     */
    static void unwrapLongitudes(List<Coordinate> ring) {
        List<Coordinate> out = new ArrayList<>(ring.size());
        double offset = 0;
        Coordinate prev = null;
        for (Coordinate c : ring) {
            if (prev != null) {
                double dx = c.x + offset - prev.x;
                if (dx > 180) offset -= 360;
                else if (dx < -180) offset += 360;
            }
            Coordinate u = new Coordinate(c.x + offset, c.y);
            out.add(u);
            prev = u;
        }
        if (!out.get(0).equals2D(out.get(out.size() - 1))) return;
        // the ring may have started east of 180 (then the rest is shifted by -360): bring it back so
        // that its west end is at or east of 180° W
        double minX = Double.MAX_VALUE;
        for (Coordinate c : out) minX = Math.min(minX, c.x);
        double shift = minX < -180 ? 360 * Math.ceil((-180 - minX) / 360) : 0;
        ring.clear();
        for (Coordinate c : out) ring.add(new Coordinate(c.x + shift, c.y));
    }

    static List<Coordinate> reversed(List<Coordinate> a) {
        List<Coordinate> r = new ArrayList<>(a);
        java.util.Collections.reverse(r);
        return r;
    }
}
