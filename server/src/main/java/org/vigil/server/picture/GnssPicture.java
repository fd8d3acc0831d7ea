package org.vigil.server.picture;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.vigil.codec.modes.ModeSMessage;
import org.vigil.core.event.EventSink;
import org.vigil.core.event.EventTime;
import org.vigil.core.gnss.GnssRules;
import org.vigil.core.gnss.InterferenceAlerts;
import org.vigil.core.gnss.InterferenceEstimator;
import org.vigil.core.ident.TrackFacts;
import org.vigil.core.qra.Detachment;
import org.vigil.core.qra.Readiness;
import org.vigil.core.qra.scramble.ScrambleService;

/**
 * The GNSS interference picture of a {@link Picture} (docs/GNSS.md): every decoded ADS-B message
 * (frames, SBS, CAT021) goes to the {@link InterferenceEstimator}, which is updated once per second
 * of data time (so a replay of files, which has no clock, does the same as a live run) and on the
 * picture's clock ticks. Its events are stamped {@code lagNanos} behind the data (the tracker's
 * reordering window), so the one event stream stays in data-time order. Owner thread only, except
 * {@link #view()}, the immutable copy {@link #publish} made for the web threads.
 */
public final class GnssPicture {
    private static final long SECOND = 1_000_000_000L;
    /** ADS-B position sigma is multiplied by this for an aircraft with degraded integrity or lost position. */
    public static final double DEGRADED_SIGMA_FACTOR = 3.0;

    private final InterferenceEstimator estimator;
    private final EventSink events;
    private final long lagNanos;
    /** The operator alert on an area over national airspace or a QRA route; none until {@link #alertOn}. */
    private InterferenceAlerts alerts;

    private volatile List<InterferenceAlerts.Active> alertsView = List.of();
    private long nextUpdate = Long.MIN_VALUE;
    private volatile View view = new View(Long.MIN_VALUE, List.of(), Map.of());
    /** One view per minute of data time, oldest first, affected and open cells only (the time slider). */
    private volatile List<View> history = List.of();

    /** Minutes of history kept: a day. */
    public static final int HISTORY_MINUTES = 24 * 60;

    private static final long MINUTE = 60 * SECOND;

    public GnssPicture(GnssRules rules, EventSink events, long lagNanos) {
        this.estimator = new InterferenceEstimator(rules, events);
        this.events = events;
        this.lagNanos = lagNanos;
    }

    /**
     * Alerts the operator when an open area covers the national airspace of the {@code airspace}'s
     * states or a QRA route ({@link InterferenceAlerts}, docs/GNSS.md "Operator alert"); before the
     * first input.
     */
    public void alertOn(
            InterferenceAlerts.ProtectedAirspace airspace, Supplier<List<InterferenceAlerts.QraRoute>> routes) {
        this.alerts = new InterferenceAlerts(estimator.rules(), airspace, routes, events);
    }

    /**
     * The QRA routes of a scramble workflow now (docs/GNSS.md "Operator alert"): each available unit's
     * climb-out, {@code qraBaseKm} around its base, and each ordered scramble not yet landed or
     * cancelled from its unit's base to its latest planned intercept point, {@code qraCorridorKm} either
     * side. Allocates: asked once a second while an area is open.
     */
    public static List<InterferenceAlerts.QraRoute> qraRoutes(ScrambleService scrambles, GnssRules rules) {
        List<InterferenceAlerts.QraRoute> out = new ArrayList<>();
        Map<String, Detachment> units = new LinkedHashMap<>();
        for (Detachment d : scrambles.postureCopy().detachments()) {
            units.put(d.id(), d);
            if (d.count() > 0 && d.readiness() != Readiness.UNAVAILABLE)
                out.add(new InterferenceAlerts.QraRoute(
                        d.id() + " climb-out",
                        d.base().latDeg(),
                        d.base().lonDeg(),
                        d.base().latDeg(),
                        d.base().lonDeg(),
                        rules.qraBaseKm()));
        }
        for (Map<String, Object> v : scrambles.views()) {
            String phase = String.valueOf(v.get("phase"));
            if (phase.equals("proposed") || phase.equals("landed") || phase.equals("cancelled")) continue;
            Detachment d = units.get(String.valueOf(v.get("unit")));
            if (d == null || !(v.get("latest") instanceof JsonNode plan)) continue;
            if (!plan.path("feasible").asBoolean() || !plan.hasNonNull("lat") || !plan.hasNonNull("lon")) continue;
            out.add(new InterferenceAlerts.QraRoute(
                    v.get("id") + " " + d.id(),
                    d.base().latDeg(),
                    d.base().lonDeg(),
                    plan.get("lat").asDouble(),
                    plan.get("lon").asDouble(),
                    rules.qraCorridorKm()));
        }
        return out;
    }

    public InterferenceEstimator estimator() {
        return estimator;
    }

    /** One decoded Mode S/ADS-B message; nothing allocated. */
    public void onDecoded(ModeSMessage m) {
        if (m.icao == ModeSMessage.ABSENT || m.surface) return;
        long t = m.timeNanos;
        if (m.hasPosition()) estimator.position(m.icao, t, m.lat, m.lon, m.nic);
        if (!Double.isNaN(m.groundspeedKt) && !Double.isNaN(m.trackDeg))
            estimator.velocity(m.icao, t, m.groundspeedKt, m.trackDeg);
        if (m.nacP != ModeSMessage.ABSENT) estimator.accuracy(m.icao, t, m.nacP);
        tick(t);
    }

    /** Updates the cells when a second of data time has passed since the last update. */
    public void tick(long nowNanos) {
        if (nowNanos == Long.MIN_VALUE || nowNanos < nextUpdate) return;
        nextUpdate = nowNanos + SECOND;
        long at = nowNanos - lagNanos;
        estimator.update(at);
        if (alerts != null && estimator.lastUpdate() == at) alerts.evaluate(estimator, at);
    }

    /**
     * How far the tracker should trust this aircraft's ADS-B position: 1 normally; inside an
     * interference area {@link #DEGRADED_SIGMA_FACTOR} with degraded integrity or lost position,
     * infinite (not used) with implausible positions (spoofing): the track then leans on radar and
     * Mode S. A lone aircraft's trouble outside an area changes nothing (the tracker's ADS-B/radar
     * disagreement check handles it).
     */
    public double sigmaFactor(int address) {
        return switch (estimator.statusInArea(address)) {
            case InterferenceEstimator.SPOOFED -> Double.POSITIVE_INFINITY;
            case InterferenceEstimator.DEGRADED, InterferenceEstimator.POSITION_LOST -> DEGRADED_SIGMA_FACTOR;
            default -> 1.0;
        };
    }

    /**
     * The interference area over the track's position in {@code f} (area number, the cell's affected
     * share, the aircraft's own status) for the {@code gnss-interference} rule; nothing outside an area.
     * Owner thread; allocation-free.
     */
    public void describe(TrackFacts f) {
        if (!(Math.abs(f.latDeg) <= 90) || !Double.isFinite(f.lonDeg)) return;
        int cell = estimator.grid().cellOf(f.latDeg, f.lonDeg);
        int area = estimator.areaOf(cell);
        if (area == 0) return;
        f.interferenceArea = area;
        f.interferenceShare = estimator.affectedShare(cell);
        f.gnssStatus =
                f.icaoAddress == TrackFacts.ABSENT ? InterferenceEstimator.CLEAN : estimator.statusOf(f.icaoAddress);
    }

    /**
     * {@code tracks} with each one whose aircraft (by ICAO address) is degraded, has lost its position or
     * is spoofed inside an interference area marked ({@code gnss}, {@code interference_area}): the
     * tracker trusts its ADS-B less or not at all there ({@link #sigmaFactor}). Owner thread; the same
     * list when no area is open.
     */
    public List<org.vigil.server.tracking.SystemTrackView> mark(
            List<org.vigil.server.tracking.SystemTrackView> tracks) {
        if (estimator.openAreas() == 0) return tracks;
        List<org.vigil.server.tracking.SystemTrackView> out = new ArrayList<>(tracks.size());
        for (org.vigil.server.tracking.SystemTrackView v : tracks) {
            int st = v.icao() == null
                    ? InterferenceEstimator.CLEAN
                    : estimator.statusInArea(Integer.parseInt(v.icao(), 16));
            out.add(
                    st == InterferenceEstimator.CLEAN
                            ? v
                            : v.withGnss(statusName(st), estimator.areaOfAircraft(Integer.parseInt(v.icao(), 16))));
        }
        return out;
    }

    /** Copies the cells and the affected aircraft for the readers (owner thread; allocates). */
    public View publish() {
        Map<String, String> aircraft = new LinkedHashMap<>();
        List<InterferenceEstimator.Cell> cells = estimator.cells();
        estimator.forEachAffected((address, status) ->
                aircraft.put(String.format(java.util.Locale.ROOT, "%06X", address & 0xFFFFFF), statusName(status)));
        View v = new View(estimator.lastUpdate(), cells, Map.copyOf(new java.util.TreeMap<>(aircraft)));
        view = v;
        if (alerts != null) alertsView = alerts.active();
        remember(v);
        return v;
    }

    /** Keeps the first view of each new minute of data time (a replay jumping back starts the history anew). */
    private void remember(View v) {
        if (v.timeNanos() == Long.MIN_VALUE) return;
        List<View> h = history;
        long minute = Math.floorDiv(v.timeNanos(), MINUTE);
        View last = h.isEmpty() ? null : h.get(h.size() - 1);
        if (last != null && Math.floorDiv(last.timeNanos(), MINUTE) == minute) return;
        List<InterferenceEstimator.Cell> marked = new ArrayList<>();
        for (InterferenceEstimator.Cell c : v.cells()) if (c.open() || c.affected() > 0) marked.add(c);
        View kept = new View(v.timeNanos(), List.copyOf(marked), v.aircraft());
        List<View> next = new ArrayList<>(Math.min(h.size() + 1, HISTORY_MINUTES));
        if (last != null && last.timeNanos() < v.timeNanos())
            next.addAll(h.size() < HISTORY_MINUTES ? h : h.subList(h.size() - HISTORY_MINUTES + 1, h.size()));
        next.add(kept);
        history = List.copyOf(next);
    }

    /** The kept views, oldest first (any thread). */
    public List<View> history() {
        return history;
    }

    /** The kept view at or before {@code timeNanos} (the oldest when all are later), or null when none is kept. */
    public View historyAt(long timeNanos) {
        List<View> h = history;
        View at = null;
        for (View v : h) {
            if (v.timeNanos() > timeNanos) break;
            at = v;
        }
        return at != null || h.isEmpty() ? at : h.get(0);
    }

    /**
     * One aircraft's GNSS integrity as the estimator last saw it (the console's details panel): NIC and
     * NACp last heard, status, and the interference area it is in (0: none). Owner thread.
     */
    public Map<String, Object> integrity(int address) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("icao", String.format(java.util.Locale.ROOT, "%06X", address & 0xFFFFFF));
        int nic = estimator.nicOf(address), nacp = estimator.nacpOf(address);
        if (nic != InterferenceEstimator.ABSENT) out.put("nic", nic);
        if (nacp != InterferenceEstimator.ABSENT) out.put("nac_p", nacp);
        out.put("status", statusName(estimator.statusOf(address)));
        int area = estimator.areaOfAircraft(address);
        out.put("in_area", area > 0);
        if (area > 0) out.put("area", area);
        if (estimator.lastUpdate() != InterferenceEstimator.NEVER)
            out.put("time", EventTime.format(estimator.lastUpdate()));
        return out;
    }

    /**
     * The raised area alerts as last published ({@code GET /api/interference/alerts}; any thread): area,
     * kind, when raised, the states and QRA routes it covers with the overlap in km², its counts.
     */
    public Map<String, Object> alertsJson() {
        List<Object> out = new ArrayList<>();
        for (InterferenceAlerts.Active a : alertsView) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("area", a.area());
            m.put("kind", a.kind());
            m.put("raised", EventTime.format(a.raisedAt()));
            m.put("states", a.states());
            m.put("national_km2", a.nationalKm2());
            m.put("routes", a.routes());
            m.put("route_km2", a.routeKm2());
            m.put("cells", a.cells());
            m.put("aircraft", a.aircraft());
            m.put("affected", a.affected());
            m.put("confidence", a.confidence());
            out.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (view.timeNanos() != Long.MIN_VALUE) body.put("time", EventTime.format(view.timeNanos()));
        body.put("alerts", out);
        return body;
    }

    /** The newest published copy (any thread). */
    public View view() {
        return view;
    }

    public static String statusName(int status) {
        return switch (status) {
            case InterferenceEstimator.DEGRADED -> "degraded";
            case InterferenceEstimator.POSITION_LOST -> "position-lost";
            case InterferenceEstimator.SPOOFED -> "spoofed";
            default -> "clean";
        };
    }

    /**
     * The picture at one update.
     * @param timeNanos data time of the update
     * @param cells     cells with aircraft or open
     * @param aircraft  affected aircraft by ICAO address (hex): degraded, position-lost or spoofed
     */
    public record View(long timeNanos, List<InterferenceEstimator.Cell> cells, Map<String, String> aircraft) {
        /** GeoJSON FeatureCollection: one polygon per cell, with its counts ({@code /api/interference}). */
        public Map<String, Object> geoJson(boolean openOnly) {
            List<Object> features = new ArrayList<>();
            for (InterferenceEstimator.Cell c : cells) {
                if (openOnly && !c.open()) continue;
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("cell", c.id());
                props.put("aircraft", c.aircraft());
                props.put("affected", c.affected());
                props.put("spoofed", c.spoofed());
                props.put("share", c.aircraft() == 0 ? 0.0 : Math.round(1000.0 * c.affected() / c.aircraft()) / 1000.0);
                props.put("open", c.open());
                if (c.area() > 0) props.put("area", c.area());
                props.put("confidence", c.confidence());
                List<List<Double>> ring = List.of(
                        List.of(c.west(), c.south()),
                        List.of(c.east(), c.south()),
                        List.of(c.east(), c.north()),
                        List.of(c.west(), c.north()),
                        List.of(c.west(), c.south()));
                features.add(Map.of(
                        "type",
                        "Feature",
                        "geometry",
                        Map.of("type", "Polygon", "coordinates", List.of(ring)),
                        "properties",
                        props));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("type", "FeatureCollection");
            if (timeNanos != Long.MIN_VALUE) out.put("time", EventTime.format(timeNanos));
            out.put("aircraft", aircraft);
            out.put("features", features);
            return out;
        }
    }
}
