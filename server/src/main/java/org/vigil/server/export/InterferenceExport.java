package org.vigil.server.export;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vigil.core.event.EventTime;
import org.vigil.core.event.InterferenceEvent;
import org.vigil.core.event.VigilEvent;
import org.vigil.core.geo.Sphere;
import org.vigil.server.recording.EventDecoder;
import org.vigil.server.recording.EventQuery;
import org.vigil.server.recording.EventStore;
import org.vigil.server.recording.StoredEvent;

/**
 * The GNSS interference picture per hour as GeoJSON ({@code vigil export --interference}, docs/GNSS.md),
 * from the recorded {@code interference-*} events: one feature per area and UTC hour it was open in,
 * its extent a circle (the area's centre and radius at its largest in that hour), with its kind, the
 * most cells, aircraft and affected aircraft, and its confidence. Comparable with public daily maps.
 */
public final class InterferenceExport {
    private static final long HOUR = 3_600_000_000_000L;
    private static final String[] TYPES = {"interference-opened", "interference-grown", "interference-closed"};

    private InterferenceExport() {}

    /** Reads the period's interference events from {@code store}. */
    public static List<VigilEvent> read(EventStore store, long fromNanos, long toNanos) throws SQLException {
        EventDecoder decoder = new EventDecoder("export");
        List<StoredEvent> stored = new ArrayList<>();
        for (String type : TYPES) {
            long after = 0;
            while (true) {
                List<StoredEvent> page = store.query(
                        EventQuery.between(fromNanos, toNanos).ofType(type).after(after));
                stored.addAll(page);
                if (page.size() < EventQuery.DEFAULT_LIMIT) break;
                after = page.get(page.size() - 1).seq();
            }
        }
        stored.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        List<VigilEvent> out = new ArrayList<>();
        for (StoredEvent e : stored) decoder.decode(e).ifPresent(out::add);
        return out;
    }

    /** One area in one hour, at its largest. */
    private static final class Hourly {
        final long hour;
        final int area;
        String kind;
        double lat, lon, radiusKm, confidence;
        int cells, aircraft, affected;
        long openedAt;
        Long closedAt;

        Hourly(long hour, int area) {
            this.hour = hour;
            this.area = area;
        }

        void take(String k, double la, double lo, double r, int c, int a, int f, double conf) {
            kind = k;
            if (c >= cells) {
                lat = la;
                lon = lo;
                radiusKm = r;
                cells = c;
            }
            aircraft = Math.max(aircraft, a);
            affected = Math.max(affected, f);
            confidence = Math.max(confidence, conf);
        }
    }

    /**
     * The features, in hour then area order. Events in data-time order; an area open at the end of
     * the events counts up to {@code endNanos}.
     */
    public static Map<String, Object> geoJson(List<VigilEvent> events, long endNanos) {
        Map<Integer, Hourly> open = new TreeMap<>();
        Map<Long, Map<Integer, Hourly>> byHour = new TreeMap<>();
        for (VigilEvent e : events) {
            if (!(e instanceof InterferenceEvent ie)) continue;
            long t = ie.time();
            // carry the open areas into the hours between
            for (Hourly h : List.copyOf(open.values())) fill(byHour, open, h, t);
            if (ie instanceof InterferenceEvent.Opened o) {
                Hourly h = slot(byHour, hourOf(t), o.area());
                h.openedAt = t;
                h.take(o.kind(), o.lat(), o.lon(), o.radiusKm(), o.cells(), o.aircraft(), o.affected(), o.confidence());
                open.put(o.area(), h);
            } else if (ie instanceof InterferenceEvent.Grown g) {
                Hourly h = slot(byHour, hourOf(t), g.area());
                Hourly was = open.get(g.area());
                if (was != null && h != was) carry(was, h);
                h.take(g.kind(), g.lat(), g.lon(), g.radiusKm(), g.cells(), g.aircraft(), g.affected(), g.confidence());
                open.put(g.area(), h);
            } else if (ie instanceof InterferenceEvent.Closed c) {
                Hourly was = open.remove(c.area());
                if (was != null) was.closedAt = t;
            }
        }
        for (Hourly h : List.copyOf(open.values())) fill(byHour, open, h, endNanos);
        List<Object> features = new ArrayList<>();
        for (Map<Integer, Hourly> hour : byHour.values()) {
            for (Hourly h : hour.values()) {
                if (h.kind == null) continue;
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("hour", EventTime.format(h.hour));
                p.put("area", h.area);
                p.put("kind", h.kind);
                p.put("cells", h.cells);
                p.put("aircraft", h.aircraft);
                p.put("affected", h.affected);
                p.put("confidence", h.confidence);
                p.put("radiusKm", h.radiusKm);
                p.put("openedAt", EventTime.format(h.openedAt));
                if (h.closedAt != null) p.put("closedAt", EventTime.format(h.closedAt));
                features.add(Map.of(
                        "type",
                        "Feature",
                        "geometry",
                        Map.of("type", "Polygon", "coordinates", List.of(circle(h.lat, h.lon, h.radiusKm))),
                        "properties",
                        p));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "FeatureCollection");
        out.put("features", features);
        return out;
    }

    /** Writes {@link #geoJson} as JSON. @return the number of features */
    public static int write(List<VigilEvent> events, long endNanos, OutputStream out) throws IOException {
        Map<String, Object> g = geoJson(events, endNanos);
        new com.fasterxml.jackson.databind.ObjectMapper().writeValue(out, g);
        return ((List<?>) g.get("features")).size();
    }

    private static long hourOf(long t) {
        return Math.floorDiv(t, HOUR) * HOUR;
    }

    private static Hourly slot(Map<Long, Map<Integer, Hourly>> byHour, long hour, int area) {
        return byHour.computeIfAbsent(hour, k -> new TreeMap<>()).computeIfAbsent(area, a -> new Hourly(hour, a));
    }

    private static void carry(Hourly from, Hourly to) {
        to.openedAt = from.openedAt;
        to.take(
                from.kind,
                from.lat,
                from.lon,
                from.radiusKm,
                from.cells,
                from.aircraft,
                from.affected,
                from.confidence);
    }

    /** An area still open at {@code t}: present in every hour up to t's. */
    private static void fill(Map<Long, Map<Integer, Hourly>> byHour, Map<Integer, Hourly> open, Hourly h, long t) {
        Hourly last = h;
        for (long hr = h.hour + HOUR; hr <= hourOf(t) && t > hr; hr += HOUR) {
            Hourly next = slot(byHour, hr, h.area);
            if (next.kind == null) carry(last, next);
            last = next;
        }
        open.put(h.area, last);
    }

    private static List<List<Double>> circle(double lat, double lon, double radiusKm) {
        List<List<Double>> ring = new ArrayList<>();
        double[] p = new double[2];
        for (int i = 0; i <= 36; i++) {
            Sphere.destination(lat, lon, (i % 36) * 10.0, radiusKm * 1000, p);
            ring.add(List.of(Math.round(p[1] * 1e5) / 1e5, Math.round(p[0] * 1e5) / 1e5));
        }
        return ring;
    }
}
