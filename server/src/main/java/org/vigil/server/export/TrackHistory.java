package org.vigil.server.export;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vigil.core.event.IdentEvent;
import org.vigil.core.event.TrackEvent;
import org.vigil.core.event.VigilEvent;
import org.vigil.server.recording.EventDecoder;
import org.vigil.server.recording.EventQuery;
import org.vigil.server.recording.EventStore;
import org.vigil.server.recording.StoredEvent;

/**
 * The tracks of a period as read back from the recorded events: every track event that carries a
 * position ({@code track-initiated}, {@code track-confirmed}, {@code track-updated} every few
 * seconds per track, {@code adsb-radar-disagreement}, {@code track-deleted}; docs/TRACKING.md
 * "Events") gives a point, {@code track-identifiers} and the others give the identity, and
 * {@code identity-changed} the identification. The positions are those the tracker reported, at
 * the throttle of its update events, not every plot. The stored lines are decoded into the typed
 * events ({@link EventDecoder}); a line the codec refuses (unknown type, newer schema) is skipped
 * and counted.
 */
public final class TrackHistory {
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

        public long startNanos() {
            return points.get(0).timeNanos();
        }

        public long endNanos() {
            return points.get(points.size() - 1).timeNanos();
        }

        /** Operator label: callsign, else ICAO address, else the track number. */
        public String label() {
            return callsign != null ? callsign : icao != null ? icao : "T" + number;
        }
    }

    private TrackHistory() {}

    /** Tracks with at least one position whose events have data time in [from, to), by track number. */
    public static Map<Long, Track> read(EventStore store, long fromNanos, long toNanos) throws SQLException {
        return read(store, fromNanos, toNanos, new EventDecoder("export"));
    }

    /** As {@link #read(EventStore, long, long)}, counting the refused lines in {@code decoder}. */
    public static Map<Long, Track> read(EventStore store, long fromNanos, long toNanos, EventDecoder decoder)
            throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        long after = 0;
        while (true) {
            List<StoredEvent> page =
                    store.query(EventQuery.between(fromNanos, toNanos).after(after));
            for (StoredEvent e : page) if (e.trackNumber() != null) events.add(e);
            if (page.size() < EventQuery.DEFAULT_LIMIT) break;
            after = page.get(page.size() - 1).seq();
        }
        return of(events, decoder);
    }

    /** Tracks from events in sequence order (only the track events and identity changes are looked at). */
    public static Map<Long, Track> of(List<StoredEvent> events) {
        return of(events, new EventDecoder("export"));
    }

    /** As {@link #of(List)}, counting the refused lines in {@code decoder}. */
    public static Map<Long, Track> of(List<StoredEvent> events, EventDecoder decoder) {
        Map<Long, Track> tracks = new TreeMap<>();
        for (StoredEvent e : events) {
            if (e.trackNumber() == null) continue;
            decoder.decode(e).ifPresent(ev -> apply(tracks, e, ev));
        }
        tracks.values().removeIf(t -> t.points.isEmpty());
        for (Track t : tracks.values()) t.points.sort((a, b) -> Long.compare(a.timeNanos(), b.timeNanos()));
        return tracks;
    }

    /**
     * What one event says about its track: the identity of an {@code identity-changed}; the
     * identifiers and the position of the tracker's events that carry them. Other types say nothing
     * here. Positions keep the stored event's data time.
     */
    static void apply(Map<Long, Track> tracks, StoredEvent e, VigilEvent ev) {
        long at = e.dataTimeNanos();
        long n = e.trackNumber();
        if (ev instanceof IdentEvent.IdentityChanged c) {
            Track t = tracks.computeIfAbsent(n, Track::new);
            if (c.to() != null) t.identity = c.to();
        } else if (ev instanceof TrackEvent.Initiated x) {
            // a track starts from one detection: its velocity is not measured yet and the event says 0
            boolean measured = x.speedKt() != 0;
            ids(tracks.computeIfAbsent(n, Track::new), x.icao(), x.callsign(), x.squawk())
                    .points
                    .add(new Point(
                            at,
                            x.lat(),
                            x.lon(),
                            num(x.altitudeFt()),
                            measured ? x.speedKt() : Double.NaN,
                            measured ? x.trackDeg() : Double.NaN));
        } else if (ev instanceof TrackEvent.Confirmed x) {
            ids(tracks.computeIfAbsent(n, Track::new), x.icao(), x.callsign(), x.squawk())
                    .points
                    .add(new Point(at, x.lat(), x.lon(), num(x.altitudeFt()), x.speedKt(), x.trackDeg()));
        } else if (ev instanceof TrackEvent.Updated x) {
            tracks.computeIfAbsent(n, Track::new)
                    .points
                    .add(new Point(at, x.lat(), x.lon(), num(x.altitudeFt()), x.speedKt(), x.trackDeg()));
        } else if (ev instanceof TrackEvent.Identifiers x) {
            ids(tracks.computeIfAbsent(n, Track::new), x.icao(), x.callsign(), x.squawk());
        } else if (ev instanceof TrackEvent.Disagreement x) {
            ids(tracks.computeIfAbsent(n, Track::new), x.icao(), x.callsign(), x.squawk())
                    .points
                    .add(new Point(at, x.lat(), x.lon(), Double.NaN, Double.NaN, Double.NaN));
        } else if (ev instanceof TrackEvent.Deleted x) {
            ids(tracks.computeIfAbsent(n, Track::new), x.icao(), x.callsign(), x.squawk())
                    .points
                    .add(new Point(at, x.lat(), x.lon(), Double.NaN, Double.NaN, Double.NaN));
        }
    }

    /** Takes the identifiers the event knows; an unknown one keeps the last known. */
    private static Track ids(Track t, String icao, String callsign, String squawk) {
        if (icao != null) t.icao = icao;
        if (callsign != null) t.callsign = callsign;
        if (squawk != null) t.squawk = squawk;
        return t;
    }

    private static double num(Long v) {
        return v == null ? Double.NaN : v;
    }
}
