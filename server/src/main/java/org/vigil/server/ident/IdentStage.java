package org.vigil.server.ident;

import static org.vigil.core.geo.Units.FT;
import static org.vigil.core.geo.Units.KT;

import org.vigil.core.airspace.NationalAirspace;
import org.vigil.core.airspace.NatoMembership;
import org.vigil.core.flightplan.FlightPlanCorrelator;
import org.vigil.core.flightplan.FlightPlanStore;
import org.vigil.core.ident.CorrelatorPlanLookup;
import org.vigil.core.ident.IdentEventListener;
import org.vigil.core.ident.IdentRules;
import org.vigil.core.ident.IdentificationEngine;
import org.vigil.core.ident.NationalAirspaceLookup;
import org.vigil.core.ident.TrackFacts;
import org.vigil.core.track.SensorKind;
import org.vigil.core.track.SystemTrack;
import org.vigil.core.track.TrackListener;
import org.vigil.core.track.Tracker;

/**
 * The identification engine's place in the pipeline: a {@link TrackListener} chained in front of
 * another one (the track event writer), forwarding every callback to it unchanged and, for every
 * change of a <em>confirmed</em> track, filling one reused {@link TrackFacts} and calling
 * {@link IdentificationEngine#update}. Deleted tracks are handed to
 * {@link IdentificationEngine#trackDeleted}.
 *
 * <p>Why confirmed tracks only: a tentative track is mostly clutter or a track about to be merged;
 * giving it an identity (primary only, no plan) would cry wolf on every false plot.
 *
 * <p>Filling the facts (the tracker has no ADS-B emergency status and no distance for its ADS-B /
 * radar disagreement, so those stay absent and the spoof rule fires on the flag alone):
 * <ul>
 * <li>position and true course from the tracker's plane estimate through a per-track local map of
 *   the projection (see {@link #REANCHOR_M}), ground speed from the plane velocity, altitude and
 *   vertical rate in feet (NaN without a barometric altitude);</li>
 * <li>{@code hasAdsb}: an ADS-B (or MLAT) sensor contributes now; {@code hasPrimary}: a radar
 *   contributes now; {@code hasSsr}: a radar contributes now and the track has had secondary
 *   replies (the tracker keeps "ever secondary", not per-plot kinds);</li>
 * <li>{@code startNanos}: the tracker's first detection of the track, so the pending period runs
 *   from the first plot, not from confirmation.</li>
 * </ul>
 *
 * <p>Threading: not thread-safe, and needs no lock: the tracker calls in on the picture's owner
 * thread, and operators' actions reach {@link #withEngine} on that same thread (the alert service
 * sends them there; docs/ARCHITECTURE.md "Threads").
 *
 * <p>Allocation: none per update (one facts object, primitive conversions); the engine allocates
 * only when it raises an alert, writes an event or meets a new track beyond its pool.
 */
public final class IdentStage implements TrackListener {

    private final TrackListener downstream;
    private final IdentificationEngine engine;
    private final TrackFacts facts = new TrackFacts();
    private Tracker tracker;
    private SimulatedOperator operator;
    private long nowNanos = Long.MIN_VALUE;
    private long updates;
    private long updateCpuNanos;
    private boolean timing;
    private java.util.function.Consumer<TrackFacts> interference;

    /**
     * @param engine     the identification engine (its listener writes the ident events)
     * @param downstream the next listener (e.g. the track event writer), or null
     */
    public IdentStage(IdentificationEngine engine, TrackListener downstream) {
        this.engine = engine;
        this.downstream = downstream == null ? new TrackListener() {} : downstream;
    }

    /**
     * The engine of a theatre: its rules and lists, flight plans from {@code plans} (fed by the FPL
     * input of the run), its national airspace with alliance membership by date.
     */
    public static IdentificationEngine engine(
            IdentRules rules,
            FlightPlanStore plans,
            NationalAirspace airspace,
            NatoMembership membership,
            IdentEventListener events) {
        return new IdentificationEngine(
                rules,
                new CorrelatorPlanLookup(new FlightPlanCorrelator(plans)),
                new NationalAirspaceLookup(airspace, membership),
                events);
    }

    /**
     * The tracker whose sensors and projection the facts are read with; must be set before the first
     * detection. A track event writer downstream is bound too (it needs the tracker for sensor names
     * and true courses), so a wrapping stage never leaves it unbound.
     */
    @Override
    public void bind(Tracker tracker) {
        this.tracker = tracker;
        downstream.bind(tracker);
    }

    /**
     * The standard identity of a track as its events spell it ({@code "neutral"}, {@code "assumed-friend"}),
     * or null when the track is not identified (tentative, or unknown to the engine). For the console's views.
     */
    public String identityOf(int trackNumber) {
        org.vigil.core.ident.TrackIdentity t = engine.track(trackNumber);
        return t == null ? null : t.identity().id();
    }

    /**
     * What the GNSS interference picture says of a track's position (docs/GNSS.md "Operator alert"):
     * called at the end of each fill with the facts' position and address set; null for none.
     */
    public void setInterference(java.util.function.Consumer<TrackFacts> interference) {
        this.interference = interference;
    }

    /** Scripted operator actions (replay/sim), applied at their data time; null for none. */
    public void setOperator(SimulatedOperator operator) {
        this.operator = operator;
    }

    /** Measure the time spent in identification per update (benchmarks; costs two clock reads per update). */
    public void setTiming(boolean on) {
        this.timing = on;
    }

    /** Runs {@code action} on the engine under this stage's monitor (operator actions, queries). */
    public <R> R withEngine(java.util.function.Function<IdentificationEngine, R> action) {
        return action.apply(engine);
    }

    /** The listener every callback is forwarded to (e.g. the track event writer, which the pipeline must bind too). */
    public TrackListener downstream() {
        return downstream;
    }

    /** Latest data time seen from the tracker (Long.MIN_VALUE before the first callback). */
    public long now() {
        return nowNanos;
    }

    /** Engine updates made by this stage. */
    public long updates() {
        return updates;
    }

    /** Elapsed ns (monotonic clock) spent in identification (facts and engine), when {@link #setTiming} is on. */
    public long updateCpuNanos() {
        return updateCpuNanos;
    }

    // ------------------------------------------------------------------ TrackListener

    @Override
    public void initiated(SystemTrack track, long timeNanos) {
        tick(timeNanos);
        downstream.initiated(track, timeNanos);
    }

    @Override
    public void confirmed(SystemTrack track, long timeNanos) {
        identify(track, timeNanos);
        downstream.confirmed(track, timeNanos);
    }

    @Override
    public void updated(SystemTrack track, long timeNanos) {
        identify(track, timeNanos);
        downstream.updated(track, timeNanos);
    }

    @Override
    public void identifiersChanged(SystemTrack track, long timeNanos) {
        identify(track, timeNanos);
        downstream.identifiersChanged(track, timeNanos);
    }

    @Override
    public void sensorsChanged(SystemTrack track, long timeNanos) {
        identify(track, timeNanos);
        downstream.sensorsChanged(track, timeNanos);
    }

    @Override
    public void disagreementRaised(SystemTrack track, long timeNanos) {
        identify(track, timeNanos);
        downstream.disagreementRaised(track, timeNanos);
    }

    @Override
    public void disagreementCleared(SystemTrack track, long timeNanos) {
        identify(track, timeNanos);
        downstream.disagreementCleared(track, timeNanos);
    }

    @Override
    public void deleted(SystemTrack track, long timeNanos) {
        advanceTo(timeNanos);
        engine.trackDeleted(track.trackNumber(), timeNanos);
        downstream.deleted(track, timeNanos);
    }

    private void tick(long timeNanos) {
        advanceTo(timeNanos);
    }

    private void advanceTo(long timeNanos) {
        if (timeNanos > nowNanos) nowNanos = timeNanos;
        if (operator != null) operator.due(nowNanos, engine);
    }

    private void identify(SystemTrack t, long timeNanos) {
        advanceTo(timeNanos);
        if (!t.confirmed()) return;
        long c0 = timing ? Cpu.now() : 0;
        fill(t, timeNanos, facts);
        engine.update(facts);
        updates++;
        if (timing) updateCpuNanos += Cpu.now() - c0;
    }

    /** Fills {@code f} from {@code t} at {@code timeNanos} (allocation-free). */
    void fill(SystemTrack t, long timeNanos, TrackFacts f) {
        f.reset();
        f.trackNumber = t.trackNumber();
        f.timeNanos = timeNanos;
        f.startNanos = t.firstNanos();
        double vx = t.velocityEast(), vy = t.velocityNorth();
        if (tracker != null) {
            int i = local(t.trackNumber(), t.x(), t.y());
            double dx = t.x() - ax[i], dy = t.y() - ay[i];
            f.latDeg = aLat[i] + latX[i] * dx + latY[i] * dy;
            f.lonDeg = aLon[i] + lonX[i] * dx + lonY[i] * dy;
            // true course from the local map: north and east rates in metres (meridian / prime vertical radii)
            double sin = Math.sin(Math.toRadians(f.latDeg));
            double w = 1 - E2 * sin * sin;
            double north = (latX[i] * vx + latY[i] * vy) * (1 - E2) / w;
            double east = (lonX[i] * vx + lonY[i] * vy) * Math.cos(Math.toRadians(f.latDeg));
            double c = Math.toDegrees(Math.atan2(east, north));
            f.trackDeg = c < 0 ? c + 360 : c;
        } else {
            f.latDeg = t.latDeg();
            f.lonDeg = t.lonDeg();
            f.trackDeg = t.courseDeg();
        }
        double alt = t.altitude();
        f.altitudeFt = Double.isNaN(alt) ? Double.NaN : alt / FT;
        f.verticalRateFpm = Double.isNaN(alt) ? Double.NaN : t.verticalRate() / FT * 60;
        f.groundSpeedKt = Math.sqrt(vx * vx + vy * vy) / KT;
        f.icaoAddress = t.icao() == SystemTrack.ABSENT || t.icao() < 0 ? TrackFacts.ABSENT : t.icao();
        f.callsign = t.callsign();
        f.squawk = t.mode3A() == SystemTrack.ABSENT || t.mode3A() < 0 ? TrackFacts.ABSENT : squawkDigits(t.mode3A());
        boolean radar = false, reports = false;
        long mask = t.sensorsNow();
        while (mask != 0) {
            int i = Long.numberOfTrailingZeros(mask);
            mask &= mask - 1;
            SensorKind k =
                    tracker == null ? SensorKind.RADAR : tracker.sensor(i).kind();
            if (k == SensorKind.RADAR) radar = true;
            else reports = true;
        }
        f.hasAdsb = reports;
        f.hasPrimary = radar;
        f.hasSsr = radar && !t.primaryOnly();
        f.adsbRadarDisagreement = t.disagreement();
        if (t.disagreement()) f.disagreementChiSquare = t.lastDisagreementChiSquare();
        // the measured offset (the evidence, and the rule's min-distance-nm is checked against it)
        if (t.disagreement()) f.disagreementNm = t.lastDisagreementMetres() / 1852.0;
        if (interference != null) interference.accept(f);
    }

    // ------------------------------------------------------------------ plane to lat/lon, per track

    /*
     * Why a local map: the tracker's plane-to-geodetic inverse iterates (log, pow, tan per step)
     * and its convergence costs two forward projections: together more than the whole engine
     * update. Each track keeps an anchor (its position when last re-anchored, converted exactly)
     * and the local derivatives of latitude and longitude by plane x and y (two more exact
     * conversions 100 m away); between re-anchorings position is anchor + Jacobian times offset,
     * and the true course follows from the same derivatives (no grid convergence needed).
     * Error: second order in the offset, under 10 m within REANCHOR_M; re-anchored after that.
     * Storage: a direct-mapped cache on the track number (numbers are never reused, so the stored
     * number tells a stale or colliding entry, which is simply recomputed). No allocation.
     */
    static final double REANCHOR_M = 10_000;
    private static final double STEP_M = 100;
    /** WGS-84 first eccentricity squared (meridian vs prime-vertical radius for the course). */
    private static final double E2 = 0.00669437999014;

    private static final int CACHE = 8192;
    private final int[] tag = new int[CACHE];
    private final double[] ax = new double[CACHE],
            ay = new double[CACHE],
            aLat = new double[CACHE],
            aLon = new double[CACHE];
    private final double[] latX = new double[CACHE],
            latY = new double[CACHE],
            lonX = new double[CACHE],
            lonY = new double[CACHE];
    private long reanchors;

    /** The cache slot of track {@code n} at plane (x, y), re-anchored when new, colliding or moved too far. */
    private int local(int n, double x, double y) {
        int i = (n * 0x9E3779B9 >>> 19) & (CACHE - 1);
        if (tag[i] == n && Math.abs(x - ax[i]) + Math.abs(y - ay[i]) <= REANCHOR_M) return i;
        org.vigil.core.track.AreaProjection p = tracker.projection();
        p.inverse(x, y);
        double lat = p.latDeg, lon = p.lonDeg;
        p.inverse(x + STEP_M, y);
        double latE = p.latDeg, lonE = lonDiff(p.lonDeg, lon);
        p.inverse(x, y + STEP_M);
        double latN = p.latDeg, lonN = lonDiff(p.lonDeg, lon);
        tag[i] = n;
        ax[i] = x;
        ay[i] = y;
        aLat[i] = lat;
        aLon[i] = lon;
        latX[i] = (latE - lat) / STEP_M;
        lonX[i] = lonE / STEP_M;
        latY[i] = (latN - lat) / STEP_M;
        lonY[i] = lonN / STEP_M;
        reanchors++;
        return i;
    }

    private static double lonDiff(double a, double b) {
        double d = a - b;
        return d > 180 ? d - 360 : d < -180 ? d + 360 : d;
    }

    /** Exact plane-to-geodetic conversions made for the local maps (3 per re-anchoring). */
    public long reanchors() {
        return reanchors;
    }

    /** A 12-bit Mode 3/A code as its four octal digits read in decimal (07700 octal becomes 7700). */
    static int squawkDigits(int code) {
        return ((code >> 9) & 7) * 1000 + ((code >> 6) & 7) * 100 + ((code >> 3) & 7) * 10 + (code & 7);
    }

    /** Monotonic clock for the cost figure only (never data time): a thread-CPU clock read costs more than an update. */
    private static final class Cpu {
        static long now() {
            return System.nanoTime();
        }
    }
}
