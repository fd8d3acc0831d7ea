package org.vigil.core.gnss;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.vigil.core.airspace.NationalAirspace;
import org.vigil.core.event.EventSink;
import org.vigil.core.event.InterferenceEvent;

/**
 * The operator alert on an interference area itself (docs/GNSS.md "Operator alert"): an open area
 * that covers at least {@link GnssRules#alertOverlapKm2()} of the policed states' national airspace
 * or of a QRA route, for {@link GnssRules#alertAfterSeconds()} without a break, raises
 * {@code interference-alert-raised}, whether or not a track is in it; it closes when the area closes
 * or the overlap has been gone {@link GnssRules#alertClearSeconds()}.
 *
 * <p>Overlap is measured by sampling each open cell at {@link #SAMPLES}² points: a cell's state per
 * sample is looked up once (the first time the cell opens) and kept. Runs on the estimator's update
 * (once per second of data time, and only with open areas or raised alerts); data time only, so the
 * same messages give the same alerts.
 */
public final class InterferenceAlerts {
    /** Samples per side of a cell: 8 × 8 points, each 1/64 of the cell's area (25 km² of a 40 km cell). */
    public static final int SAMPLES = 8;

    private static final long SECOND = 1_000_000_000L;
    private static final double KM_PER_DEG = 111.195;
    private static final long NEVER = Long.MIN_VALUE;

    /** Where the policed states' national airspace is: the state at a point, or null outside it. */
    @FunctionalInterface
    public interface ProtectedAirspace {
        ProtectedAirspace NONE = (lat, lon) -> null;

        /** ISO code of the policed state whose national airspace holds the point, or null. */
        String stateAt(double latDeg, double lonDeg);

        /** The national airspace (land and territorial sea) of the {@code policed} states. */
        static ProtectedAirspace of(NationalAirspace airspace, Collection<String> policed) {
            boolean[] on = new boolean[airspace.stateCount()];
            for (String iso : policed) {
                int s = airspace.indexOf(iso);
                if (s >= 0) on[s] = true;
            }
            return (lat, lon) -> {
                int s = airspace.stateAt(lat, lon);
                return s >= 0 && on[s] ? airspace.iso(s) : null;
            };
        }
    }

    /**
     * A QRA route as a corridor: every point within {@code halfWidthKm} of the segment from
     * {@code from} to {@code to} (a base's climb-out is a segment of length 0).
     *
     * @param name what the operator reads ({@code LT-EUFI-EYSA climb-out}, {@code S-1 LT-EUFI-EYSA})
     */
    public record QraRoute(
            String name, double fromLat, double fromLon, double toLat, double toLon, double halfWidthKm) {
        boolean contains(double lat, double lon) {
            double c = Math.cos(Math.toRadians(lat));
            double ax = (fromLon - lon) * c * KM_PER_DEG, ay = (fromLat - lat) * KM_PER_DEG;
            double bx = (toLon - lon) * c * KM_PER_DEG, by = (toLat - lat) * KM_PER_DEG;
            double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
            double px = ax + t * dx, py = ay + t * dy;
            return px * px + py * py <= halfWidthKm * halfWidthKm;
        }
    }

    /** One area's alert, as the operator reads it ({@code GET /api/interference/alerts}). */
    public record Active(
            int area,
            String kind,
            long raisedAt,
            List<String> states,
            double nationalKm2,
            List<String> routes,
            double routeKm2,
            int cells,
            int aircraft,
            int affected,
            double confidence) {}

    private final GnssRules rules;
    private final ProtectedAirspace airspace;
    private final EventSink events;
    private final Supplier<List<QraRoute>> routes;
    private final long after, clear;
    /** Per cell ever opened: the policed state of each sample (null outside). */
    private final Map<Integer, String[]> cellStates = new HashMap<>();
    /** Per open area (by number): its alert's state, in area order (deterministic events). */
    private final TreeMap<Integer, State> byArea = new TreeMap<>();

    private static final class State {
        long since = NEVER, last = NEVER, raisedAt = NEVER;
        String kind = "jamming";
        TreeSet<String> states = new TreeSet<>(), routes = new TreeSet<>();
        Active active;
    }

    /**
     * @param routes the QRA routes now (asked only while an area is open; the posture and the
     *               scrambles change with the data)
     */
    public InterferenceAlerts(
            GnssRules rules, ProtectedAirspace airspace, Supplier<List<QraRoute>> routes, EventSink events) {
        this.rules = rules;
        this.airspace = airspace == null ? ProtectedAirspace.NONE : airspace;
        this.routes = routes == null ? List::of : routes;
        this.events = events == null ? EventSink.NONE : events;
        this.after = (long) (rules.alertAfterSeconds() * SECOND);
        this.clear = (long) (rules.alertClearSeconds() * SECOND);
    }

    /** Judges the estimator's open areas as its last update left them, at that update's time {@code now}. */
    public void evaluate(InterferenceEstimator est, long now) {
        int n = est.openCellCount();
        if (n == 0 && byArea.isEmpty()) return;
        List<QraRoute> qra = n == 0 ? List.of() : routes.get();
        EqualAreaGrid grid = est.grid();
        double[] b = new double[4];
        TreeMap<Integer, Measure> measured = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            int cell = est.openCell(i);
            int area = est.areaOf(cell);
            if (area == 0) continue; // more areas than the estimator keeps: the cells still show
            Measure m = measured.computeIfAbsent(area, k -> new Measure());
            grid.bounds(cell, b);
            double south = b[0], north = b[1], west = b[2], east = b[3];
            double cellKm2 = (north - south)
                    * KM_PER_DEG
                    * (east - west)
                    * KM_PER_DEG
                    * Math.cos(Math.toRadians(0.5 * (south + north)));
            double sampleKm2 = cellKm2 / (SAMPLES * SAMPLES);
            String[] states = cellStates.computeIfAbsent(cell, c -> sampleStates(south, north, west, east));
            for (int k = 0; k < states.length; k++) {
                double lat = south + (Math.floorDiv(k, SAMPLES) + 0.5) * (north - south) / SAMPLES;
                double lon = west + (k % SAMPLES + 0.5) * (east - west) / SAMPLES;
                if (states[k] != null) {
                    m.nationalKm2 += sampleKm2;
                    m.states.add(states[k]);
                }
                boolean onRoute = false;
                for (QraRoute r : qra) {
                    if (r.contains(lat, lon)) {
                        m.routes.add(r.name());
                        onRoute = true;
                    }
                }
                if (onRoute) m.routeKm2 += sampleKm2;
            }
            m.cells++;
            m.aircraft += est.aircraftIn(cell);
            m.affected += est.affectedIn(cell);
        }
        // areas gone: their raised alerts close
        for (var it = byArea.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (measured.containsKey(e.getKey())) continue;
            State s = e.getValue();
            if (s.raisedAt != NEVER)
                events.accept(new InterferenceEvent.AlertClosed(now, e.getKey(), s.kind, "area closed", s.raisedAt));
            it.remove();
        }
        double min = rules.alertOverlapKm2();
        for (var e : measured.entrySet()) {
            int area = e.getKey();
            Measure m = e.getValue();
            State s = byArea.computeIfAbsent(area, k -> new State());
            s.kind = est.spoofingArea(area) ? "spoofing" : "jamming";
            boolean over = m.nationalKm2 >= min || m.routeKm2 >= min;
            if (over) {
                if (s.since == NEVER) s.since = now;
                s.last = now;
                if (s.raisedAt == NEVER && now - s.since >= after) {
                    s.raisedAt = now;
                    s.states.addAll(m.states);
                    s.routes.addAll(m.routes);
                    events.accept(new InterferenceEvent.AlertRaised(
                            now,
                            area,
                            s.kind,
                            List.copyOf(m.states),
                            round(m.nationalKm2),
                            List.copyOf(m.routes),
                            round(m.routeKm2),
                            m.cells,
                            m.aircraft,
                            m.affected,
                            confidence(m)));
                } else if (s.raisedAt != NEVER
                        && (!s.states.containsAll(m.states) || !s.routes.containsAll(m.routes))) {
                    s.states.addAll(m.states);
                    s.routes.addAll(m.routes);
                    events.accept(new InterferenceEvent.AlertUpdated(
                            now,
                            area,
                            s.kind,
                            List.copyOf(m.states),
                            round(m.nationalKm2),
                            List.copyOf(m.routes),
                            round(m.routeKm2),
                            m.cells,
                            m.aircraft,
                            m.affected,
                            confidence(m)));
                }
            } else if (s.raisedAt == NEVER) {
                s.since = NEVER;
            } else if (now - s.last > clear) {
                events.accept(new InterferenceEvent.AlertClosed(
                        now, area, s.kind, "no longer over national airspace or a QRA route", s.raisedAt));
                s.raisedAt = NEVER;
                s.since = NEVER;
                s.states.clear();
                s.routes.clear();
            }
            s.active = s.raisedAt == NEVER
                    ? null
                    : new Active(
                            area,
                            s.kind,
                            s.raisedAt,
                            List.copyOf(m.states),
                            round(m.nationalKm2),
                            List.copyOf(m.routes),
                            round(m.routeKm2),
                            m.cells,
                            m.aircraft,
                            m.affected,
                            confidence(m));
        }
    }

    /** The raised alerts as of the last evaluation, in area order (allocates: for publishing). */
    public List<Active> active() {
        List<Active> out = new ArrayList<>();
        for (State s : byArea.values()) if (s.active != null) out.add(s.active);
        return out;
    }

    private String[] sampleStates(double south, double north, double west, double east) {
        String[] out = new String[SAMPLES * SAMPLES];
        for (int k = 0; k < out.length; k++) {
            double lat = south + (Math.floorDiv(k, SAMPLES) + 0.5) * (north - south) / SAMPLES;
            double lon = west + (k % SAMPLES + 0.5) * (east - west) / SAMPLES;
            out[k] = airspace.stateAt(lat, lon);
        }
        return out;
    }

    private static double confidence(Measure m) {
        return InterferenceEstimator.round(InterferenceEstimator.confidence(m.aircraft, m.affected));
    }

    private static double round(double km2) {
        return Math.round(km2 * 10) / 10.0;
    }

    private static final class Measure {
        double nationalKm2, routeKm2;
        int cells, aircraft, affected;
        final TreeSet<String> states = new TreeSet<>(), routes = new TreeSet<>();
    }
}
