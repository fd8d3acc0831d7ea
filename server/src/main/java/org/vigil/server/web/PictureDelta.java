package org.vigil.server.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one console still needs of the air picture: the aircraft in its view (and filter) that
 * changed visibly since the last message it got, and the ones that left. One instance per console;
 * not thread-safe (the push thread owns it, the view is swapped atomically from the socket thread).
 *
 * <p>The wire format ({@code docs/CONSOLE.md}, protocol 2) is compact on purpose: at 10,000 aircraft
 * the full picture with trails was 12 MB a push. A message is
 * {@code {"type":"delta","time":MS,"n":TOTAL,"full":BOOL,"u":[ROW...],"r":[ICAO...]}} where a ROW is
 * {@code [icao, lat, lon, alt_ft, gs_kt, trk_deg, vr_fpm, callsign, squawk, emergency, messages,
 * age_ds, category]} (null for absent, trailing nulls left out; lat/lon to 1e-4 degree, speeds and
 * track rounded; {@code age_ds} is tenths of a second before {@code time}). {@code full} means
 * "forget what you have first" (the first message after connecting).
 *
 * <p>"Changed visibly" means a change the operator could see at the console's zoom: a move of a
 * pixel or more, 100 ft, 5 kt, 2 degrees of track, 250 ft/min, any text field, or crossing a
 * staleness step. Every aircraft sent is sent again at least every {@link #REFRESH_MS} so counters
 * and ages keep up. Rate bound: at most one message per {@code minIntervalMs} and at most {@code
 * maxRows} rows in one; what does not fit stays "changed" and goes in the next message (new
 * aircraft first, then the longest-unsent). The first message (the console's first picture) may
 * carry up to {@code firstMaxRows}: the whole view at once, then the bound holds.
 */
public final class PictureDelta {

    /** Longest time an aircraft in view goes without being sent again. */
    public static final long REFRESH_MS = 10_000;

    /** Metres of Web Mercator x per degree of longitude. */
    private static final double METRES_PER_DEGREE = 111_319.49;

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * The console's view: bounding box in degrees (west, south, east, north; west > east crosses the
     * antimeridian), map resolution in Web Mercator metres per pixel, and the filter text (callsign,
     * ICAO address or squawk, as in the table; empty for none).
     */
    public record View(double west, double south, double east, double north, double resolution, String filter) {
        /** Everything, at about 1 m per pixel: until the console says what it shows. */
        public static final View ALL = new View(-180, -90, 180, 90, 1, "");

        public View {
            if (!(south <= north) || !Double.isFinite(west) || !Double.isFinite(east)) {
                throw new IllegalArgumentException("bad view box " + west + "," + south + "," + east + "," + north);
            }
            if (!(resolution > 0) || !Double.isFinite(resolution)) {
                throw new IllegalArgumentException("bad view resolution " + resolution);
            }
            filter = filter == null ? "" : filter.strip().toUpperCase(Locale.ROOT);
        }

        boolean contains(double lat, double lon) {
            if (lat < south || lat > north) return false;
            return west <= east ? lon >= west && lon <= east : lon >= west || lon <= east;
        }

        boolean matches(AircraftView a) {
            if (filter.isEmpty()) return true;
            return a.icao().contains(filter)
                    || (a.callsign() != null
                            && a.callsign().toUpperCase(Locale.ROOT).contains(filter))
                    || (a.squawk() != null && a.squawk().contains(filter));
        }

        /** Shown: matches the filter and is in the box (an aircraft with no position is shown when it matches). */
        boolean shows(AircraftView a) {
            return matches(a) && (a.lat() == null || contains(a.lat(), a.lon()));
        }
    }

    private static final class Sent {
        int signature;
        long at;
    }

    private final long minIntervalMs;
    private final int maxRows;
    /** Rows in the first (full) message at most: the whole view at once, so the first picture is not spread over seconds. */
    private final int firstMaxRows;

    private final Map<String, Sent> sent = new HashMap<>();
    private volatile View view = View.ALL;
    private boolean started;
    private long lastMessageAt = Long.MIN_VALUE;

    /**
     * @param minIntervalMs shortest time between two messages to this console (the rate bound)
     * @param maxRows       most aircraft rows in one message
     */
    public PictureDelta(long minIntervalMs, int maxRows) {
        this(minIntervalMs, maxRows, maxRows);
    }

    /**
     * @param minIntervalMs shortest time between two messages to this console (the rate bound)
     * @param maxRows       most aircraft rows in one message after the first
     * @param firstMaxRows  most rows in the first message (the first picture, and the first after a reset)
     */
    public PictureDelta(long minIntervalMs, int maxRows, int firstMaxRows) {
        if (minIntervalMs < 0 || maxRows < 1 || firstMaxRows < 1) {
            throw new IllegalArgumentException("minIntervalMs >= 0, maxRows >= 1 and firstMaxRows >= 1");
        }
        this.minIntervalMs = minIntervalMs;
        this.maxRows = maxRows;
        this.firstMaxRows = firstMaxRows;
    }

    /** True until the first message (or the first after a {@link #reset}) is made: the console waits for its picture. */
    public boolean awaitingFirst() {
        return !started;
    }

    /** Sets what the console shows; the next message brings it in line (removals and newcomers). */
    public void view(View v) {
        this.view = Objects.requireNonNull(v, "view");
    }

    public View view() {
        return view;
    }

    /** Aircraft this console currently holds. */
    public int holding() {
        return sent.size();
    }

    /** Longest silence: an empty message then, so the console knows the feed is alive (its watchdog). */
    public static final long HEARTBEAT_MS = 2_000;

    /**
     * The next message for this console, or null when there is nothing to say or it is too soon.
     *
     * @param picture the whole picture (every aircraft), as the supplier gave it
     * @param now     the message time, epoch ms (the picture's clock, which follows the data)
     * @param wallMs  a monotonic wall-clock reading in ms, for the rate bound and refreshes (a paused
     *                replay's data clock stands still)
     */
    public String next(List<AircraftView> picture, long now, long wallMs) {
        if (started && wallMs - lastMessageAt < minIntervalMs) {
            return null;
        }
        View v = view;
        double lonQuantum = lonQuantum(v);
        List<AircraftView> fresh = new ArrayList<>();
        List<AircraftView> changed = new ArrayList<>();
        Set<String> shown = new HashSet<>();
        for (AircraftView a : picture) {
            if (!v.shows(a)) continue;
            shown.add(a.icao());
            Sent s = sent.get(a.icao());
            if (s == null) {
                fresh.add(a);
            } else if (s.signature != signature(a, lonQuantum, now) || wallMs - s.at >= REFRESH_MS) {
                changed.add(a);
            }
        }
        List<String> removed = dropUnshown(sent, shown);
        boolean full = !started;
        if (nothingToSay(full, fresh, changed, removed, wallMs - lastMessageAt)) {
            return null;
        }
        // the longest-unsent first, so a console behind the cap still sees every aircraft move in turn
        changed.sort((x, y) -> Long.compare(sent.get(x.icao()).at, sent.get(y.icao()).at));
        int cap = full ? firstMaxRows : maxRows;
        List<AircraftView> rows = new ArrayList<>(Math.min(cap, fresh.size() + changed.size()));
        for (AircraftView a : fresh) if (rows.size() < cap) rows.add(a);
        for (AircraftView a : changed) if (rows.size() < cap) rows.add(a);
        for (AircraftView a : rows) {
            Sent s = sent.computeIfAbsent(a.icao(), k -> new Sent());
            s.signature = signature(a, lonQuantum, now);
            s.at = wallMs;
        }
        started = true;
        lastMessageAt = wallMs;
        return write(now, picture.size(), full, rows, removed);
    }

    /** Removes from {@code sent} what is no longer shown, and returns those keys (the message's removals). */
    static <K> List<K> dropUnshown(Map<K, ?> sent, Set<K> shown) {
        List<K> removed = new ArrayList<>();
        for (Iterator<K> it = sent.keySet().iterator(); it.hasNext(); ) {
            K key = it.next();
            if (!shown.contains(key)) {
                removed.add(key);
                it.remove();
            }
        }
        return removed;
    }

    /** No message: not the first, nothing new, changed or gone, and the heartbeat not yet due. */
    static boolean nothingToSay(boolean full, List<?> fresh, List<?> changed, List<?> removed, long sinceLastMs) {
        return !full && fresh.isEmpty() && changed.isEmpty() && removed.isEmpty() && sinceLastMs < HEARTBEAT_MS;
    }

    /** Forgets what was sent: the next message is a full one (a reconnect, a replay jump). */
    public void reset() {
        sent.clear();
        started = false;
    }

    /** A hash of what the operator can see of an aircraft at this zoom; equal means "nothing to send". */
    static int signature(AircraftView a, double lonQuantum, long now) {
        int h = a.lat() == null ? 0 : pixel(a.lat(), a.lon(), lonQuantum);
        h = 31 * h + (a.altitudeFt() == null ? -1 : Math.round(a.altitudeFt() / 100f));
        h = 31 * h + (a.groundspeedKt() == null ? -1 : (int) Math.round(a.groundspeedKt() / 5));
        h = 31 * h + (a.trackDeg() == null ? -1 : (int) Math.round(a.trackDeg() / 2));
        h = 31 * h + (a.verticalRateFpm() == null ? -1 : Math.round(a.verticalRateFpm() / 250f));
        h = 31 * h + Objects.hash(a.callsign(), a.squawk(), a.emergency(), a.category());
        return 31 * h + staleness(now - a.lastSeen());
    }

    /** Degrees of longitude in one pixel of the console's view (Web Mercator: the same at every latitude). */
    static double lonQuantum(View v) {
        return Math.max(1e-5, v.resolution() / METRES_PER_DEGREE);
    }

    /** The pixel a position falls in at this zoom (a degree of latitude spans 1/cos(lat) pixels more). */
    static int pixel(double lat, double lon, double lonQuantum) {
        return Objects.hash(
                Math.round(lon / lonQuantum), Math.round(lat / (lonQuantum * Math.cos(Math.toRadians(lat)))));
    }

    /** Steps of age an operator notices: fresh, late, stale, about to be dropped. */
    private static int staleness(long ageMs) {
        return ageMs < 5_000 ? 0 : ageMs < 15_000 ? 1 : ageMs < 30_000 ? 2 : 3;
    }

    private static String write(long now, int total, boolean full, List<AircraftView> rows, List<String> removed) {
        StringWriter out = new StringWriter(64 + rows.size() * 64);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "delta");
            g.writeNumberField("time", now);
            g.writeNumberField("n", total);
            g.writeBooleanField("full", full);
            g.writeArrayFieldStart("u");
            for (AircraftView a : rows) writeRow(g, a, now);
            g.writeEndArray();
            g.writeArrayFieldStart("r");
            for (String icao : removed) g.writeString(icao);
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void writeRow(JsonGenerator g, AircraftView a, long now) throws IOException {
        Object[] f = {
            a.icao(),
            a.lat() == null ? null : round4(a.lat()),
            a.lon() == null ? null : round4(a.lon()),
            a.altitudeFt(),
            a.groundspeedKt() == null ? null : Math.round(a.groundspeedKt()),
            a.trackDeg() == null ? null : Math.round(a.trackDeg()),
            a.verticalRateFpm(),
            a.callsign(),
            a.squawk(),
            a.emergency(),
            a.messages(),
            Math.max(0, (now - a.lastSeen()) / 100),
            a.category()
        };
        int last = f.length - 1;
        while (f[last] == null) last--;
        g.writeStartArray();
        for (int i = 0; i <= last; i++) {
            Object x = f[i];
            if (x == null) g.writeNull();
            else if (x instanceof String s) g.writeString(s);
            else if (x instanceof Double d) g.writeNumber(d);
            else if (x instanceof Integer n) g.writeNumber(n);
            else g.writeNumber((Long) x);
        }
        g.writeEndArray();
    }

    private static double round4(double deg) {
        return Math.round(deg * 1e4) / 1e4;
    }
}
