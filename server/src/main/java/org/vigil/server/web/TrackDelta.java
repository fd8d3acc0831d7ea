package org.vigil.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The system tracks one console (protocol 2) still needs: those in its view and filter that changed
 * visibly since the last message it got, and the ones that left, as {@link PictureDelta} does for
 * aircraft. At 10,000 tracks the whole list with trails was megabytes a second.
 *
 * <p>A message is {@code {"type":"track-delta","time":MS,"n":TOTAL,"full":BOOL,"u":[TRACK...],
 * "r":[NUMBER...]}}, a TRACK being the {@code /api/tracks} object without its {@code trail} (trails
 * on demand: {@code GET /api/tracks/{number}}). Tracks are keyed by {@code track_number}. "Changed
 * visibly": a move of a pixel at the console's zoom, 100 ft, 5 kt, 2 degrees, 250 ft/min, any other
 * field (status, identity, sensors, callsign, ...) or crossing a staleness step of {@code coasting_s};
 * every track sent is sent again at least every {@link PictureDelta#REFRESH_MS}. At most one message
 * per {@code minIntervalMs}, at most {@code maxRows} tracks in one (new first, then longest-unsent).
 * Not thread-safe: the push thread owns it.
 */
final class TrackDelta {

    /** Fields that change at every update and are not what the operator reads off the map; hashed coarsely or not at all. */
    private static final Set<String> NOT_HASHED = Set.of(
            "trail",
            "time_ms",
            "age_s",
            "coasting_s",
            "position_sigma_m",
            "error_major_m",
            "error_minor_m",
            "error_axis_deg",
            "lat",
            "lon",
            "altitude_ft",
            "speed_kt",
            "track_deg",
            "vertical_rate_fpm");

    private static final class Sent {
        int signature;
        long at;
    }

    private final long minIntervalMs;
    private final int maxRows;
    private final Map<Integer, Sent> sent = new HashMap<>();
    private boolean started;
    private long lastMessageAt = Long.MIN_VALUE;

    TrackDelta(long minIntervalMs, int maxRows) {
        if (minIntervalMs < 0 || maxRows < 1) {
            throw new IllegalArgumentException("minIntervalMs >= 0 and maxRows >= 1");
        }
        this.minIntervalMs = minIntervalMs;
        this.maxRows = maxRows;
    }

    /** Forgets what was sent: the next message is a full one (a replay jump). */
    void reset() {
        sent.clear();
        started = false;
    }

    /** Tracks this console currently holds. */
    int holding() {
        return sent.size();
    }

    /**
     * The next message, or null when there is nothing to say or it is too soon.
     *
     * @param tracks every system track as its JSON object (shared by all consoles: not modified)
     */
    String next(List<ObjectNode> tracks, PictureDelta.View v, long now, long wallMs, ObjectMapper mapper) {
        if (started && wallMs - lastMessageAt < minIntervalMs) {
            return null;
        }
        double lonQuantum = PictureDelta.lonQuantum(v);
        List<ObjectNode> fresh = new ArrayList<>();
        List<ObjectNode> changed = new ArrayList<>();
        Set<Integer> shown = new HashSet<>();
        for (ObjectNode t : tracks) {
            JsonNode num = t.get("track_number");
            if (num == null || !num.canConvertToInt() || !shows(v, t)) continue;
            int n = num.asInt();
            if (!shown.add(n)) continue; // a number twice in one picture: the first wins
            Sent s = sent.get(n);
            if (s == null) fresh.add(t);
            else if (s.signature != signature(t, lonQuantum) || wallMs - s.at >= PictureDelta.REFRESH_MS)
                changed.add(t);
        }
        List<Integer> removed = PictureDelta.dropUnshown(sent, shown);
        boolean full = !started;
        if (PictureDelta.nothingToSay(full, fresh, changed, removed, wallMs - lastMessageAt)) {
            return null;
        }
        changed.sort((x, y) -> Long.compare(
                sent.get(x.get("track_number").asInt()).at,
                sent.get(y.get("track_number").asInt()).at));
        ObjectNode msg = mapper.createObjectNode();
        msg.put("type", "track-delta");
        msg.put("time", now);
        msg.put("n", tracks.size());
        msg.put("full", full);
        ArrayNode u = msg.putArray("u");
        int rows = 0;
        for (List<ObjectNode> part : List.of(fresh, changed)) {
            for (ObjectNode t : part) {
                if (rows++ >= maxRows) break;
                Sent s = sent.computeIfAbsent(t.get("track_number").asInt(), k -> new Sent());
                s.signature = signature(t, lonQuantum);
                s.at = wallMs;
                ObjectNode row = t.deepCopy();
                row.remove("trail");
                u.add(row);
            }
        }
        ArrayNode r = msg.putArray("r");
        for (Integer n : removed) r.add(n);
        started = true;
        lastMessageAt = wallMs;
        return msg.toString();
    }

    /** In the box and matching the filter (callsign, ICAO address, squawk or "T" and the number). */
    static boolean shows(PictureDelta.View v, ObjectNode t) {
        JsonNode lat = t.get("lat");
        JsonNode lon = t.get("lon");
        if (lat != null && lon != null && lat.isNumber() && !v.contains(lat.asDouble(), lon.asDouble())) return false;
        String f = v.filter();
        if (f.isEmpty()) return true;
        if (("T" + t.path("track_number").asText()).equals(f)) return true;
        for (String field : List.of("icao", "callsign", "squawk")) {
            JsonNode x = t.get(field);
            if (x != null
                    && x.isTextual()
                    && x.asText().toUpperCase(Locale.ROOT).contains(f)) return true;
        }
        return false;
    }

    /** A hash of what the operator can see of a track at this zoom; equal means "nothing to send". */
    static int signature(ObjectNode t, double lonQuantum) {
        int h = 1;
        for (Iterator<Map.Entry<String, JsonNode>> it = t.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!NOT_HASHED.contains(e.getKey()))
                h = 31 * h + e.getKey().hashCode() * 7 + e.getValue().hashCode();
        }
        h = 31 * h + PictureDelta.pixel(t.path("lat").asDouble(0), t.path("lon").asDouble(0), lonQuantum);
        h = 31 * h + step(t, "altitude_ft", 100);
        h = 31 * h + step(t, "speed_kt", 5);
        h = 31 * h + step(t, "track_deg", 2);
        h = 31 * h + step(t, "vertical_rate_fpm", 250);
        double coasting = t.path("coasting_s").asDouble(0);
        return 31 * h + (coasting < 5 ? 0 : coasting < 10 ? 1 : coasting < 30 ? 2 : 3);
    }

    private static int step(ObjectNode t, String field, double size) {
        JsonNode x = t.get(field);
        return x == null || !x.isNumber() ? Integer.MIN_VALUE : (int) Math.round(x.asDouble() / size);
    }
}
