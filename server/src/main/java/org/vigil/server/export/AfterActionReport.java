package org.vigil.server.export;

import java.io.IOException;
import java.io.Writer;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.vigil.core.airspace.NationalAirspace;
import org.vigil.core.event.IdentEvent;
import org.vigil.core.event.OperatorEvent;
import org.vigil.core.event.QraEvent;
import org.vigil.core.event.TrackEvent;
import org.vigil.core.event.VigilEvent;
import org.vigil.server.recording.EventDecoder;
import org.vigil.server.recording.EventQuery;
import org.vigil.server.recording.EventStore;
import org.vigil.server.recording.OpenAlerts;
import org.vigil.server.recording.StoredEvent;

/**
 * The after-action report of one alert as a self-contained HTML page, printable to PDF from a
 * browser (print style sheet, no scripts, no network): what the alert was about and how it went
 * (raised, acknowledged, assigned, resolved, by whom), the identity decisions on its track with
 * their reasons, the timeline of every recorded event on the track around the alert, and a map
 * of the tracks (inline SVG over the land of the national airspace of the recording's theatre).
 *
 * <p>Period: from {@link #BEFORE} ahead of the alert's first event to {@link #AFTER} past its
 * last. Position updates go on the map, not in the timeline.
 */
public final class AfterActionReport {
    static final long BEFORE = 10 * 60_000_000_000L;
    static final long AFTER = 5 * 60_000_000_000L;
    private static final int W = 900, H = 600;

    private AfterActionReport() {}

    /**
     * Writes the report of alert {@code alertId}.
     * @throws IllegalArgumentException if the store has no event of that alert
     */
    public static void write(EventStore store, long alertId, Writer out) throws SQLException, IOException {
        write(store, alertId, out, new EventDecoder("after-action report"));
    }

    /**
     * As {@link #write(EventStore, long, Writer)}, the map drawn over the land of {@code countries}
     * (the theatre's national airspace).
     */
    public static void write(EventStore store, long alertId, Writer out, NationalAirspace countries)
            throws SQLException, IOException {
        write(store, alertId, out, new EventDecoder("after-action report"), countries);
    }

    /**
     * As {@link #write(EventStore, long, Writer)}, counting in {@code decoder} the stored lines the
     * codec refuses (unknown type, newer schema): they are left out of the report. The map is drawn
     * over the bundled national airspace of all of Europe.
     */
    public static void write(EventStore store, long alertId, Writer out, EventDecoder decoder)
            throws SQLException, IOException {
        write(store, alertId, out, decoder, NationalAirspace.europe());
    }

    /** The report, the stored lines {@code decoder} refuses left out, the map over {@code countries}' land. */
    public static void write(
            EventStore store, long alertId, Writer out, EventDecoder decoder, NationalAirspace countries)
            throws SQLException, IOException {
        OpenAlerts.Open alert = OpenAlerts.all(store, decoder).stream()
                .filter(o -> o.id() == alertId)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no alert " + alertId + " in the recording"));
        Long track = alert.first().trackNumber();
        long from = alert.first().dataTimeNanos() - BEFORE;
        long to = alert.last().dataTimeNanos() + AFTER;
        List<Stored> trackEvents = new ArrayList<>();
        if (track != null) {
            for (StoredEvent e : page(store, EventQuery.between(from, to).forTrack(track))) {
                decoder.decode(e).ifPresent(ev -> trackEvents.add(new Stored(e, ev)));
            }
        }
        List<Stored> alertEvents = new ArrayList<>();
        for (StoredEvent e : page(store, EventQuery.between(from, to))) {
            if (!OpenAlerts.ALERT_TYPES.contains(e.type())) continue;
            decoder.decode(e).ifPresent(ev -> {
                if (ev instanceof IdentEvent.AlertChanged a && a.alert() == alertId) alertEvents.add(new Stored(e, ev));
            });
        }
        Map<Long, TrackHistory.Track> tracks = TrackHistory.read(store, from, to, decoder);
        write(
                alertId,
                alertEvents,
                trackEvents,
                track == null ? null : tracks.get(track),
                tracks.values(),
                out,
                countries);
    }

    /** A stored event with its decoded record. */
    record Stored(StoredEvent stored, VigilEvent event) {
        long seq() {
            return stored.seq();
        }

        long dataTimeNanos() {
            return stored.dataTimeNanos();
        }
    }

    private static List<StoredEvent> page(EventStore store, EventQuery q) throws SQLException {
        List<StoredEvent> out = new ArrayList<>();
        long after = 0;
        while (true) {
            List<StoredEvent> p = store.query(q.after(after));
            out.addAll(p);
            if (p.size() < EventQuery.DEFAULT_LIMIT) return out;
            after = p.get(p.size() - 1).seq();
        }
    }

    static void write(
            long alertId,
            List<Stored> alertEvents,
            List<Stored> trackEvents,
            TrackHistory.Track track,
            Collection<TrackHistory.Track> all,
            Writer out,
            NationalAirspace countries)
            throws IOException {
        IdentEvent.AlertChanged first =
                (IdentEvent.AlertChanged) alertEvents.get(0).event();
        IdentEvent.AlertChanged last = (IdentEvent.AlertChanged)
                alertEvents.get(alertEvents.size() - 1).event();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append(
                        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Vigil after-action report: alert ")
                .append(alertId)
                .append("</title>\n<style>\n")
                .append(
                        "body{font:13px/1.35 system-ui,sans-serif;margin:24px;color:#111}h1{font-size:20px}h2{font-size:16px;margin-top:24px}")
                .append(
                        "table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;padding:3px 6px;text-align:left;vertical-align:top}")
                .append(
                        "th{background:#eee}.t{white-space:nowrap;font-family:monospace}svg{border:1px solid #888;background:#dfeefa}")
                .append(
                        "@media print{body{margin:0}h2{break-after:avoid}tr{break-inside:avoid}}\n</style></head><body>\n");
        h.append("<h1>After-action report: alert ")
                .append(alertId)
                .append(" (")
                .append(esc(str(first.rule())))
                .append(")</h1>\n");
        h.append("<table class=\"summary\">\n");
        row(h, "Track", track == null ? "" : track.number + " " + (track.label()));
        if (track != null) {
            row(
                    h,
                    "Identity (ICAO / callsign / squawk)",
                    nz(track.icao) + " / " + nz(track.callsign) + " / " + nz(track.squawk));
        }
        row(h, "Cause", first.text() != null ? first.text() : str(first.rule()));
        row(h, "Priority", String.valueOf(first.priority()));
        row(h, "Raised", TrackExport.iso(alertEvents.get(0).dataTimeNanos()));
        for (Stored s : alertEvents) {
            IdentEvent.AlertChanged a = (IdentEvent.AlertChanged) s.event();
            StoredEvent e = s.stored();
            switch (a.change()) {
                case ACKNOWLEDGED ->
                    row(h, "Acknowledged", TrackExport.iso(e.dataTimeNanos()) + " by " + who(e, a.user()));
                case ASSIGNED ->
                    row(
                            h,
                            "Assigned",
                            TrackExport.iso(e.dataTimeNanos()) + " by " + who(e, a.user()) + " to "
                                    + str(a.assignee()));
                case RESOLVED ->
                    row(
                            h,
                            "Resolved",
                            TrackExport.iso(e.dataTimeNanos()) + " by " + who(e, a.user()) + ": "
                                    + str(a.resolution()));
                case RAISED, UPDATED -> {}
            }
        }
        row(h, "State at end of record", str(last.state()));
        h.append("</table>\n");

        h.append(
                "<h2>Identity and reasons</h2>\n<table class=\"identity\"><tr><th>time</th><th>from</th><th>to</th><th>by</th><th>reasons</th></tr>\n");
        for (Stored s : trackEvents) {
            if (!(s.event() instanceof IdentEvent.IdentityChanged c)) continue;
            StringBuilder why = new StringBuilder();
            for (IdentEvent.Evidence ev : c.evidence())
                why.append(str(ev.text())).append('\n');
            if (c.reason() != null)
                why.append("operator: ").append(str(c.user())).append(": ").append(c.reason());
            h.append("<tr><td class=\"t\">")
                    .append(TrackExport.iso(s.dataTimeNanos()))
                    .append("</td><td>")
                    .append(esc(str(c.from())))
                    .append("</td><td>")
                    .append(esc(str(c.to())))
                    .append("</td><td>")
                    .append(esc(str(c.by())))
                    .append("</td><td>")
                    .append(esc(why.toString().strip()).replace("\n", "<br>"))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");

        h.append(
                "<h2>Timeline</h2>\n<table class=\"timeline\"><tr><th>time (UTC)</th><th>seq</th><th>event</th><th>who</th><th>details</th></tr>\n");
        List<Stored> timeline = new ArrayList<>();
        for (Stored s : trackEvents) if (!(s.event() instanceof TrackEvent.Updated)) timeline.add(s);
        for (Stored s : alertEvents) if (timeline.stream().noneMatch(x -> x.seq() == s.seq())) timeline.add(s);
        timeline.sort(Comparator.comparingLong(Stored::dataTimeNanos).thenComparingLong(Stored::seq));
        for (Stored s : timeline) {
            StoredEvent e = s.stored();
            h.append("<tr class=\"event\"><td class=\"t\">")
                    .append(TrackExport.iso(e.dataTimeNanos()))
                    .append("</td><td>")
                    .append(e.seq())
                    .append("</td><td>")
                    .append(esc(e.type()))
                    .append("</td><td>")
                    .append(esc(who(e, user(s.event()))))
                    .append("</td><td>")
                    .append(esc(details(s.event())))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>Map</h2>\n");
        map(h, track, all, countries);
        h.append("\n<p>Positions: tracker reports (track events) from ")
                .append(TrackExport.iso(alertEvents.get(0).dataTimeNanos() - BEFORE))
                .append(" to ")
                .append(TrackExport.iso(alertEvents.get(alertEvents.size() - 1).dataTimeNanos() + AFTER))
                .append(
                        "; the alert's track in red, others in grey. Outlines: Natural Earth (public domain).</p>\n</body></html>\n");
        out.write(h.toString());
        out.flush();
    }

    /** The timeline's details of one event. */
    private static String details(VigilEvent ev) {
        if (ev instanceof IdentEvent.IdentityChanged c)
            return str(c.from()) + " \u2192 " + str(c.to()) + " by " + str(c.by());
        if (ev instanceof IdentEvent.RuleFired r) return r.text() != null ? r.text() : str(r.rule());
        if (ev instanceof IdentEvent.RuleCleared r) return str(r.rule());
        if (ev instanceof OperatorEvent.OverrideSet o) return str(o.identity()) + ": " + str(o.reason());
        if (ev instanceof IdentEvent.AlertChanged a) {
            String s = "alert " + a.alert() + " " + str(a.rule()) + ", " + str(a.state());
            if (a.assignee() != null) s += " to " + a.assignee();
            if (a.resolution() != null) s += ": " + a.resolution();
            return s;
        }
        // the identifying keys the event carries: status, callsign, icao, squawk, identity, lat, lon, altitudeFt
        Keys k = new Keys();
        if (ev instanceof TrackEvent.Initiated x) {
            k.put("status", x.status())
                    .put("callsign", x.callsign())
                    .put("icao", x.icao())
                    .put("squawk", x.squawk())
                    .put("lat", x.lat())
                    .put("lon", x.lon())
                    .put("altitudeFt", x.altitudeFt());
        } else if (ev instanceof TrackEvent.Confirmed x) {
            k.put("status", x.status())
                    .put("callsign", x.callsign())
                    .put("icao", x.icao())
                    .put("squawk", x.squawk())
                    .put("lat", x.lat())
                    .put("lon", x.lon())
                    .put("altitudeFt", x.altitudeFt());
        } else if (ev instanceof TrackEvent.Updated x) {
            k.put("lat", x.lat()).put("lon", x.lon()).put("altitudeFt", x.altitudeFt());
        } else if (ev instanceof TrackEvent.Identifiers x) {
            k.put("callsign", x.callsign()).put("icao", x.icao()).put("squawk", x.squawk());
        } else if (ev instanceof TrackEvent.Disagreement x) {
            k.put("callsign", x.callsign())
                    .put("icao", x.icao())
                    .put("squawk", x.squawk())
                    .put("lat", x.lat())
                    .put("lon", x.lon());
        } else if (ev instanceof TrackEvent.Deleted x) {
            k.put("callsign", x.callsign())
                    .put("icao", x.icao())
                    .put("squawk", x.squawk())
                    .put("lat", x.lat())
                    .put("lon", x.lon());
        } else if (ev instanceof IdentEvent.Started x) {
            k.put("identity", x.identity());
        } else if (ev instanceof IdentEvent.Ended x) {
            k.put("identity", x.identity());
        }
        return k.b.toString().strip();
    }

    /** {@code key=value } for each known value, as the stream writes it. */
    private static final class Keys {
        final StringBuilder b = new StringBuilder();

        Keys put(String key, Object value) {
            if (value != null) b.append(key).append('=').append(value).append(' ');
            return this;
        }
    }

    /** The operator named in the event, or null (machine events). */
    private static String user(VigilEvent ev) {
        if (ev instanceof IdentEvent.AlertChanged x) return x.user();
        if (ev instanceof IdentEvent.IdentityChanged x) return x.user();
        if (ev instanceof OperatorEvent.OverrideSet x) return x.user();
        if (ev instanceof OperatorEvent.OverrideCleared x) return x.user();
        if (ev instanceof OperatorEvent.Input x) return x.user();
        if (ev instanceof QraEvent.Proposed x) return x.user();
        if (ev instanceof QraEvent.Ordered x) return x.user();
        if (ev instanceof QraEvent.PhaseChanged x) return x.user();
        if (ev instanceof QraEvent.Retasked x) return x.user();
        if (ev instanceof QraEvent.Outcome x) return x.user();
        if (ev instanceof QraEvent.Cancelled x) return x.user();
        if (ev instanceof QraEvent.PostureChanged x) return x.user();
        return null;
    }

    /** The recording's actor, else the event's user, else {@code vigil}. */
    private static String who(StoredEvent e, String user) {
        if (e.actor() != null)
            return e.actor().user()
                    + (e.actor().role() == null ? "" : " (" + e.actor().role() + ")");
        return user != null ? user : "vigil";
    }

    /** A missing text as the empty string (as the report always showed it). */
    private static String str(String s) {
        return s == null ? "" : s;
    }

    private static void row(StringBuilder h, String k, String v) {
        h.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>\n");
    }

    private static String nz(String s) {
        return s == null ? "-" : s;
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ map

    /** Equirectangular around the alert track, scaled by cos(latitude) so shapes are right near it. */
    private static void map(
            StringBuilder h, TrackHistory.Track focus, Collection<TrackHistory.Track> all, NationalAirspace countries) {
        double s = 90, n = -90, w = 180, e = -180;
        Collection<TrackHistory.Track> extent = focus != null ? List.of(focus) : all;
        for (TrackHistory.Track t : extent) {
            for (TrackHistory.Point p : t.points) {
                s = Math.min(s, p.lat());
                n = Math.max(n, p.lat());
                w = Math.min(w, p.lon());
                e = Math.max(e, p.lon());
            }
        }
        if (s > n) {
            s = 40;
            n = 47;
            w = 26;
            e = 42;
        } // nothing to show: the Black Sea
        double k = Math.cos(Math.toRadians((s + n) / 2));
        double padLat = Math.max(0.5, (n - s) * 0.3), padLon = Math.max(0.5 / k, (e - w) * 0.3);
        s -= padLat;
        n += padLat;
        w -= padLon;
        e += padLon;
        // fit to W x H keeping the aspect
        double spanX = (e - w) * k, spanY = n - s;
        if (spanX / spanY > (double) W / H) {
            double grow = (spanX * H / W - spanY) / 2;
            s -= grow;
            n += grow;
        } else {
            double grow = (spanY * W / H / k - (e - w)) / 2;
            w -= grow;
            e += grow;
        }
        Proj pr = new Proj(w, n, W / (e - w), H / (n - s));
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(W)
                .append("\" height=\"")
                .append(H)
                .append("\" viewBox=\"0 0 ")
                .append(W)
                .append(' ')
                .append(H)
                .append("\">\n");
        outline(h, pr, countries, new Envelope(w - 1, e + 1, s - 1, n + 1));
        for (TrackHistory.Track t : all) {
            if (focus != null && t.number == focus.number) continue;
            polyline(h, pr, t, "#777", 1);
        }
        if (focus != null) {
            polyline(h, pr, focus, "#c00", 2.5);
            TrackHistory.Point a = focus.points.get(0);
            h.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"13\" fill=\"#c00\">%s</text>\n",
                    pr.x(a.lon()) + 4,
                    pr.y(a.lat()) - 4,
                    esc(focus.label())));
        }
        h.append("</svg>");
    }

    private record Proj(double west, double north, double sx, double sy) {
        double x(double lon) {
            return (lon - west) * sx;
        }

        double y(double lat) {
            return (north - lat) * sy;
        }
    }

    private static void polyline(StringBuilder h, Proj pr, TrackHistory.Track t, String colour, double width) {
        h.append("<polyline fill=\"none\" stroke=\"")
                .append(colour)
                .append("\" stroke-width=\"")
                .append(width)
                .append("\" points=\"");
        for (TrackHistory.Point p : t.points) {
            h.append(String.format(Locale.ROOT, "%.1f,%.1f ", pr.x(p.lon()), pr.y(p.lat())));
        }
        h.append("\"><title>").append(esc(t.label())).append("</title></polyline>\n");
    }

    /** The land of every state that touches the map (the SVG viewport clips the rest). */
    private static void outline(StringBuilder h, Proj pr, NationalAirspace countries, Envelope box) {
        h.append("<g fill=\"#f4f1e8\" stroke=\"#999\" stroke-width=\"0.7\">\n");
        for (int i = 0; i < countries.stateCount(); i++) {
            Geometry land = countries.land(i);
            if (land == null || land.isEmpty() || !land.getEnvelopeInternal().intersects(box)) continue;
            StringBuilder d = new StringBuilder();
            for (int p = 0; p < land.getNumGeometries(); p++) {
                if (!(land.getGeometryN(p) instanceof Polygon poly)
                        || !poly.getEnvelopeInternal().intersects(box)) continue;
                ring(d, pr, poly.getExteriorRing());
                for (int r = 0; r < poly.getNumInteriorRing(); r++) ring(d, pr, poly.getInteriorRingN(r));
            }
            if (d.length() > 0) {
                h.append("<path fill-rule=\"evenodd\" d=\"")
                        .append(d)
                        .append("\"><title>")
                        .append(esc(countries.name(i)))
                        .append("</title></path>\n");
            }
        }
        h.append("</g>\n");
    }

    private static void ring(StringBuilder d, Proj pr, LinearRing ring) {
        char cmd = 'M';
        long lastX = Long.MIN_VALUE, lastY = Long.MIN_VALUE;
        for (Coordinate c : ring.getCoordinates()) {
            // whole pixels: the outline is background; consecutive equal points are left out
            long x = Math.round(pr.x(c.x)), y = Math.round(pr.y(c.y));
            if (x == lastX && y == lastY) continue;
            d.append(cmd).append(x).append(' ').append(y);
            lastX = x;
            lastY = y;
            cmd = 'L';
        }
        d.append('Z');
    }
}
