package org.vigil.server.flightplan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.vigil.core.airspace.NationalAirspace;
import org.vigil.core.airspace.NatoMembership;
import org.vigil.core.airspace.Zone;
import org.vigil.core.airspace.Zones;

/**
 * The airspace as map layers, one GeoJSON FeatureCollection: each state's national airspace (land
 * plus territorial sea, {@code layer: "national"}) and its territorial sea alone
 * ({@code layer: "territorial-sea"}), with ISO code, name and NATO membership at the asked time;
 * and the configured zones ({@code layer: "zone"}) with kind, vertical limits and whether they are
 * active at that time.
 *
 * <p>Geometry is simplified once (topology-preserving, {@link #TOLERANCE_DEG}, about 200 m: far
 * below what a console shows at Black Sea scale, and it keeps the answer a few hundred kB instead
 * of megabytes) and kept as serialised JSON; only the properties that depend on the time (NATO
 * membership, zone activity) are written per request. Immutable and thread-safe once built.
 */
public final class AirspaceLayers {
    /** Simplification tolerance: 200 m as degrees of latitude (less in longitude: conservative). */
    static final double TOLERANCE_DEG = 200.0 / 111_320.0;
    /** Output coordinates are rounded to 1e-5 degrees (about 1 m): enough for a display. */
    private static final double ROUND = 1e5;

    private final ObjectMapper json = new ObjectMapper();
    private final NationalAirspace airspace;
    private final NatoMembership.ByState nato;
    private final Zones zones;
    /** Per state: simplified national airspace and territorial sea, as GeoJSON geometry text (null: empty). */
    private final String[] nationalGeometry;

    private final String[] seaGeometry;
    private final String[] zoneGeometry;

    public AirspaceLayers(NationalAirspace airspace, NatoMembership membership, Zones zones) {
        this.airspace = airspace;
        this.nato = membership.bind(airspace);
        this.zones = zones;
        int n = airspace.stateCount();
        nationalGeometry = new String[n];
        seaGeometry = new String[n];
        for (int i = 0; i < n; i++) {
            nationalGeometry[i] = geometryJson(airspace.nationalAirspace(i));
            seaGeometry[i] = geometryJson(airspace.territorialSea(i));
        }
        zoneGeometry = new String[zones.count()];
        for (int i = 0; i < zoneGeometry.length; i++)
            zoneGeometry[i] = geometryJson(zones.zone(i).area());
    }

    /** The FeatureCollection at data time {@code timeNanos} (Unix epoch, UTC). */
    public String featureCollection(long timeNanos) {
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("{\"type\":\"FeatureCollection\",\"time\":")
                .append(Math.floorDiv(timeNanos, 1_000_000L))
                .append(",\"features\":[");
        boolean first = true;
        for (int i = 0; i < nationalGeometry.length; i++) {
            boolean member = nato.isNato(i, timeNanos);
            if (nationalGeometry[i] != null) {
                first = feature(sb, first, nationalGeometry[i], stateProps("national", i, member));
            }
            if (seaGeometry[i] != null) {
                first = feature(sb, first, seaGeometry[i], stateProps("territorial-sea", i, member));
            }
        }
        for (int i = 0; i < zoneGeometry.length; i++) {
            if (zoneGeometry[i] == null) continue;
            Zone z = zones.zone(i);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("layer", "zone");
            p.put("id", z.id());
            p.put("name", z.name());
            p.put("kind", z.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            p.put("lower", limit(z.lowerFt()));
            p.put("upper", limit(z.upperFt()));
            p.put("lower_ft", Double.isFinite(z.lowerFt()) ? z.lowerFt() : null);
            p.put("upper_ft", Double.isFinite(z.upperFt()) ? z.upperFt() : null);
            p.put("active", z.isActive(timeNanos));
            List<String> periods = new ArrayList<>(z.periodCount());
            for (int k = 0; k < z.periodCount(); k++) {
                periods.add(instant(z.periodFromNanos(k)) + "/" + instant(z.periodToNanos(k)));
            }
            p.put("periods", periods);
            first = feature(sb, first, zoneGeometry[i], p);
        }
        return sb.append("]}").toString();
    }

    private Map<String, Object> stateProps(String layer, int i, boolean member) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("layer", layer);
        p.put("iso", airspace.iso(i));
        p.put("name", airspace.name(i));
        p.put("nato", member);
        p.put("territorial_sea_nm", airspace.territorialSeaNm(i));
        return p;
    }

    private boolean feature(StringBuilder sb, boolean first, String geometry, Map<String, Object> props) {
        if (!first) sb.append(',');
        sb.append("{\"type\":\"Feature\",\"properties\":");
        try {
            sb.append(json.writeValueAsString(props));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "airspace properties not serialisable", e); // plain strings and numbers: a bug
        }
        sb.append(",\"geometry\":").append(geometry).append('}');
        return false;
    }

    /** "SFC", "UNL", "FL100" or "4500 ft", as on a chart. */
    static String limit(double ft) {
        if (ft == Double.NEGATIVE_INFINITY) return "SFC";
        if (ft == Double.POSITIVE_INFINITY) return "UNL";
        if (ft >= 1000 && ft % 100 == 0) return String.format(Locale.ROOT, "FL%03d", (long) ft / 100);
        return String.format(Locale.ROOT, "%d ft", Math.round(ft));
    }

    private static String instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L))
                .toString();
    }

    /** Simplified polygons of {@code g} as a GeoJSON Polygon / MultiPolygon, or null when nothing is left. */
    static String geometryJson(Geometry g) {
        if (g == null || g.isEmpty()) return null;
        Geometry s = TopologyPreservingSimplifier.simplify(g, TOLERANCE_DEG);
        List<Polygon> polys = new ArrayList<>();
        collect(s, polys);
        if (polys.isEmpty()) return null;
        StringBuilder sb = new StringBuilder();
        if (polys.size() == 1) {
            sb.append("{\"type\":\"Polygon\",\"coordinates\":");
            polygon(sb, polys.get(0));
        } else {
            sb.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
            for (int i = 0; i < polys.size(); i++) {
                if (i > 0) sb.append(',');
                polygon(sb, polys.get(i));
            }
            sb.append(']');
        }
        return sb.append('}').toString();
    }

    @SuppressWarnings("ReferenceEquality") // identity: a part that is the geometry itself (JTS equals is topological)
    private static void collect(Geometry g, List<Polygon> out) {
        if (g instanceof Polygon p) {
            if (!p.isEmpty()) out.add(p);
            return;
        }
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part != g) collect(part, out); // lines and points left by overlays are not areas
        }
    }

    private static void polygon(StringBuilder sb, Polygon p) {
        sb.append('[');
        ring(sb, p.getExteriorRing());
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
            sb.append(',');
            ring(sb, p.getInteriorRingN(h));
        }
        sb.append(']');
    }

    private static void ring(StringBuilder sb, LineString r) {
        sb.append('[');
        Coordinate[] cs = r.getCoordinates();
        for (int i = 0; i < cs.length; i++) {
            if (i > 0) sb.append(',');
            sb.append('[')
                    .append(Math.round(cs[i].x * ROUND) / ROUND)
                    .append(',')
                    .append(Math.round(cs[i].y * ROUND) / ROUND)
                    .append(']');
        }
        sb.append(']');
    }
}
