package org.vigil.server.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.vigil.server.recording.EventQuery;
import org.vigil.server.recording.EventStore;
import org.vigil.server.recording.StoredEvent;

/**
 * The tracks of a period as read back from the recorded events: every track event that carries a
 * position ({@code track-initiated}, {@code track-confirmed}, {@code track-updated} every few
 * seconds per track, {@code adsb-radar-disagreement}, {@code track-deleted}; docs/TRACKING.md
 * "Events") gives a point, {@code track-identifiers} and the others give the identity, and
 * {@code identity-changed} the identification. The positions are those the tracker reported, at
 * the throttle of its update events, not every plot.
 */
public final class TrackHistory {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TYPES = Set.of("track-initiated", "track-confirmed", "track-updated",
            "adsb-radar-disagreement", "track-deleted", "track-identifiers", "identity-changed");

    /** One reported position; NaN for what the event did not carry. */
    public record Point(long timeNanos, double lat, double lon, double altitudeFt, double speedKt, double courseDeg) {}

    /** One track: its points in time order and its last known identity. */
    public static final class Track {
        public final long number;
        public final List<Point> points = new ArrayList<>();
        public String icao, callsign, squawk, identity;

        Track(long number) {
            this.number = number;
        }

        public long startNanos() { return points.get(0).timeNanos(); }

        public long endNanos() { return points.get(points.size() - 1).timeNanos(); }

        /** Operator label: callsign, else ICAO address, else the track number. */
        public String label() {
            return callsign != null ? callsign : icao != null ? icao : "T" + number;
        }
    }

    private TrackHistory() {}

    /** Tracks with at least one position whose events have data time in [from, to), by track number. */
    public static Map<Long, Track> read(EventStore store, long fromNanos, long toNanos) throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        long after = 0;
        while (true) {
            List<StoredEvent> page = store.query(EventQuery.between(fromNanos, toNanos).after(after));
            for (StoredEvent e : page) if (e.trackNumber() != null && TYPES.contains(e.type())) events.add(e);
            if (page.size() < EventQuery.DEFAULT_LIMIT) break;
            after = page.get(page.size() - 1).seq();
        }
        return of(events);
    }

    /** Tracks from events in sequence order (only the track event types are looked at). */
    public static Map<Long, Track> of(List<StoredEvent> events) {
        Map<Long, Track> tracks = new TreeMap<>();
        for (StoredEvent e : events) {
            if (e.trackNumber() == null || !TYPES.contains(e.type())) continue;
            JsonNode n;
            try {
                n = JSON.readTree(e.payloadJson());
            } catch (IOException bad) {
                continue;
            }
            Track t = tracks.computeIfAbsent(e.trackNumber(), Track::new);
            if (e.type().equals("identity-changed")) {
                t.identity = n.path("to").asText(t.identity);
                continue;
            }
            if (n.hasNonNull("icao")) t.icao = n.get("icao").asText();
            if (n.hasNonNull("callsign")) t.callsign = n.get("callsign").asText();
            if (n.hasNonNull("squawk")) t.squawk = n.get("squawk").asText();
            if (n.has("lat") && n.has("lon")) {
                t.points.add(new Point(e.dataTimeNanos(), n.get("lat").asDouble(), n.get("lon").asDouble(),
                        num(n, "altitudeFt"), num(n, "speedKt"), num(n, "trackDeg")));
            }
        }
        tracks.values().removeIf(t -> t.points.isEmpty());
        for (Track t : tracks.values()) t.points.sort((a, b) -> Long.compare(a.timeNanos(), b.timeNanos()));
        return tracks;
    }

    private static double num(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
    }
}
