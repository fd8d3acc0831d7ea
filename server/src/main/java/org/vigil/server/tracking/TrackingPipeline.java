package org.vigil.server.tracking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.codec.feed.FrameSink;
import org.vigil.codec.modes.CprResolver;
import org.vigil.codec.modes.ModeSDecoder;
import org.vigil.codec.modes.ModeSMessage;
import org.vigil.core.flightplan.Aerodrome;
import org.vigil.core.flightplan.Aerodromes;
import org.vigil.core.radar.RadarPlot;
import org.vigil.core.radar.RadarPlotSink;
import org.vigil.core.radar.RadarSite;
import org.vigil.core.track.Detection;
import org.vigil.core.track.LandingListener;
import org.vigil.core.track.Rejection;
import org.vigil.core.track.SensorConfig;
import org.vigil.core.track.SensorKind;
import org.vigil.core.track.SystemTrack;
import org.vigil.core.track.TrackListener;
import org.vigil.core.track.Tracker;
import org.vigil.core.track.TrackerConfig;
import org.vigil.server.radar.ReportSink;

/**
 * Radar plots and Mode S in, one multi-sensor {@link Tracker} behind: the tracker's place in the
 * pipeline. Frames are decoded here ({@link #onFrame}) or arrive decoded and CPR-resolved from the
 * {@code ModeSPipeline} ({@link #onDecoded}); plots arrive from the radar decoders ({@link #onPlot}).
 * Both become {@link Detection}s through {@link ModeSDetections} and {@link RadarPlotDetections}.
 * ASTERIX CAT021 reports arrive as receiver-decoded Mode S messages ({@link #onAdsbReport}, as SBS
 * does); CAT062 system tracks of another tracker as position measurements ({@link #onSystemTrack}).
 *
 * <p>System tracks are never counted twice. The other tracker's estimate is built from radars
 * and ADS-B that may be ours too, so a CAT062 update of an aircraft our own sensors are measuring
 * now would count the same measurements a second time and make the track overconfident. A CAT062
 * update is therefore used only where our own sensors do not contribute to the track it belongs
 * to (found by Mode S address, else by Mode 3/A and position within {@link #COVERED_METRES}):
 * otherwise it is counted as covered and dropped. Where it is used, it is a position measurement
 * with the accuracy the other tracker states, associated by address or, without one, by position
 * and Mode 3/A like any report; each SDPS (SAC/SIC) is one sensor of kind MLAT. Their track numbers
 * are not ours: the association decides which of our tracks an update joins.
 *
 * <p>Sensors: every radar site given is registered with its rotation period and accuracies (key
 * {@code sac << 8 | sic}); all ADS-B receivers together are one sensor, {@link #ADSB_SENSOR_ID}
 * ("ADS-B"), because a receiver only relays what the aircraft says about itself.
 *
 * <p>Threading: not thread-safe, and needs no lock: the picture's owner thread alone calls it
 * (docs/ARCHITECTURE.md "Threads"), the feeds hand their inputs to that thread, and readers on
 * other threads read the {@link #views} copies the owner publishes.
 *
 * <p>Allocation: none per frame or plot (one reused message and detection; the tracker is
 * allocation-free once its pools have grown). {@link #views} allocates (console snapshots).
 */
public final class TrackingPipeline implements FrameSink, RadarPlotSink, ReportSink {
    /** Tracker sensor id of the ADS-B receivers (outside the 16-bit SAC/SIC key space). */
    public static final int ADSB_SENSOR_ID = 0x1_0000;
    /** Trail points of a track in {@link #views} are at least this far apart in data time. */
    static final long TRAIL_SPACING_NANOS = 10_000_000_000L;

    static final int TRAIL_POINTS = 30;

    private final TrackerConfig config;
    private final TrackListener listener;
    private LandingListener landings;
    /** Null until the area origin is known (see {@link #startingWhereDataIs}). */
    private Tracker tracker;
    /**
     * ADS-B positions farther than this from the area origin are wrong decodes: a ground receiver
     * hears at most some 250 NM, and the origin lies amid the sensors.
     */
    public static final double REPORT_AREA_RADIUS_METRES = 1_000_000;

    private final ModeSDetections reports = new ModeSDetections(ADSB_SENSOR_ID);
    private final RadarPlotDetections plots = new RadarPlotDetections();
    private final Detection detection = new Detection();
    private final ModeSMessage frameMessage = new ModeSMessage();
    private final CprResolver cpr = new CprResolver();
    private long frames, undecodedFrames, messages, plotsIn, refused;
    private long systemTracksIn, systemTracksCovered;
    /** Tracker sensor indices of the system-track sources (bit per index, as {@link SystemTrack#sensorsNow()}). */
    private long systemTrackSensors;
    /**
     * A system-track update within this distance of one of our tracks that our own sensors measure
     * (and whose identity does not contradict it), plus the track's speed over the time between, is
     * that track's aircraft.
     */
    static final double COVERED_METRES = 2_000;
    /**
     * Update period assumed for a system-track source (CAT062 carries none): SDPS outputs are
     * typically every 4 to 5 s. A source slower than the tracker's tentative report coast (5 s by
     * default) cannot confirm tracks unless that is raised.
     */
    static final double SYSTEM_TRACK_PERIOD_SECONDS = 4;

    private TrackSampler sampler;
    private long nextSampleNanos = Long.MAX_VALUE;
    private long sampleIntervalNanos;

    private final Map<Integer, Trail> trails = new HashMap<>();
    /** Identity of a track for the views (the identification stage's), or null. */
    private volatile java.util.function.IntFunction<String> identities;

    /**
     * @param config   tracker configuration (its area origin should lie in the middle of the radars,
     *                 see {@link #centreOn})
     * @param listener track events, or null
     * @param radars   the radars whose plots will arrive; none: the plane is centred on the first
     *                 position heard (see {@link #startingWhereDataIs})
     */
    public TrackingPipeline(TrackerConfig config, TrackListener listener, List<RadarSite> radars) {
        this.config = config;
        this.listener = listener;
        if (radars.isEmpty()) return; // centred on the first position heard, as startingWhereDataIs
        create();
        for (RadarSite s : radars) register(s);
    }

    private TrackingPipeline(TrackerConfig config, TrackListener listener) {
        this.config = config;
        this.listener = listener;
    }

    /**
     * A pipeline for live feeds whose sensors are not known in advance: the tracker's plane is
     * centred on the first thing heard (a radar's north marker: the radar's position; else the
     * first ADS-B position; both lie within a few hundred km of the area's middle, where the
     * projection is good to 1e-3), and radars are registered from their CAT034 service messages
     * (plots of a radar not yet announced are refused as UNKNOWN_SENSOR until its first north marker).
     */
    public static TrackingPipeline startingWhereDataIs(TrackerConfig config, TrackListener listener) {
        return new TrackingPipeline(config, listener);
    }

    private void create() {
        tracker = new Tracker(config, listener);
        // listeners down the chain (identification, the workflow's feed, the event writer) need the tracker
        if (listener != null) listener.bind(tracker);
        tracker.addSensor(SensorConfig.reports(ADSB_SENSOR_ID, SensorKind.ADSB, "ADS-B"));
        reports.setArea(config.originLatDeg, config.originLonDeg, REPORT_AREA_RADIUS_METRES);
        addAerodromes(tracker, config.originLatDeg, config.originLonDeg);
        if (landings != null) tracker.setLandingListener(landings);
    }

    /**
     * The terminal areas (docs/TRACKING.md "Ground and terminal areas"): every aerodrome of the
     * built-in table with a known elevation within the reports' area.
     */
    static void addAerodromes(Tracker tracker, double latDeg, double lonDeg) {
        double cos = Math.cos(Math.toRadians(latDeg));
        double radiusDeg = REPORT_AREA_RADIUS_METRES / 111_195.0;
        for (Aerodrome a : Aerodromes.builtIn().all()) {
            if (Double.isNaN(a.elevationFt())) continue;
            double dlat = a.lat() - latDeg;
            double dlon = (a.lon() - lonDeg) * cos;
            if (dlat * dlat + dlon * dlon > radiusDeg * radiusDeg) continue;
            tracker.addAerodrome(a.icao(), a.lat(), a.lon(), a.elevationFt() * org.vigil.core.geo.Units.FT);
        }
    }

    /** Hears of tracks that ended landing at an aerodrome (e.g. {@code LandedFlights}, which closes their plans). */
    public void onLanded(LandingListener l) {
        landings = l;
        if (tracker != null) tracker.setLandingListener(l);
    }

    private void createAt(double latDeg, double lonDeg) {
        config.originLatDeg = latDeg;
        config.originLonDeg = lonDeg;
        create();
    }

    /** Registers a radar (idempotent: a known SAC/SIC is updated). */
    public void addRadar(RadarSite site) {
        if (tracker == null) createAt(site.latDeg(), site.lonDeg());
        register(site);
    }

    /**
     * Registers a radar with the tracker, with its instrumented range when the site states it (the
     * tracker ends tracks that coast out of every radar's cover only when all radars state theirs).
     */
    private void register(RadarSite site) {
        tracker.addSensor(sensorOf(site));
        if (site.rangeStated()) tracker.setRadarCover(site.key(), site.rangeMetres());
    }

    @Override
    public void onRadarStatus(org.vigil.core.radar.RadarStatus status, org.vigil.core.radar.ServiceMessage message) {
        RadarSite site = status.site();
        if (tracker == null) createAt(site.latDeg(), site.lonDeg());
        if (tracker.sensorIndex(site.key()) < 0) register(site);
    }

    /** The tracker sensor for a radar site; a site stating no accuracy gets a typical en-route radar's (70 m, 0.1°). */
    static SensorConfig sensorOf(RadarSite s) {
        double rs = s.rangeSigmaMetres() > 0 ? s.rangeSigmaMetres() : 70;
        double as = s.azimuthSigmaRad() > 0 ? s.azimuthSigmaRad() : Math.toRadians(0.1);
        return SensorConfig.radar(
                s.key(), s.name(), s.latDeg(), s.lonDeg(), s.heightMetres(), s.rotationPeriodSeconds(), rs, as);
    }

    /**
     * Puts the tracker's plane origin in the middle of the radars' bounding box (the projection is
     * best near its origin: docs/TRACKING.md "Frame"); leaves the config as it is without radars.
     */
    public static TrackerConfig centreOn(TrackerConfig config, List<RadarSite> radars) {
        if (radars.isEmpty()) return config;
        double s = 90, n = -90, w = 180, e = -180;
        for (RadarSite r : radars) {
            s = Math.min(s, r.latDeg());
            n = Math.max(n, r.latDeg());
            w = Math.min(w, r.lonDeg());
            e = Math.max(e, r.lonDeg());
        }
        config.originLatDeg = (s + n) / 2;
        config.originLonDeg = (w + e) / 2;
        return config;
    }

    /**
     * Where {@link #views} find each track's standard identity (e.g. {@code IdentStage::identityOf});
     * called while the views are made, so it must not call back into the pipeline.
     */
    public void setIdentities(java.util.function.IntFunction<String> identities) {
        this.identities = identities;
    }

    /** Receiver position for CPR local decoding of first frames (only for {@link #onFrame}). */
    public void setReceiver(double lat, double lon) {
        cpr.setReceiver(lat, lon);
    }

    /**
     * Calls {@code sampler} at {@code first}, {@code first + interval}, ... of data time, each once
     * the tracker has processed a detection at or after that instant (and at {@link #finish}).
     */
    public void setSampler(TrackSampler sampler, long firstNanos, long intervalNanos) {
        if (intervalNanos <= 0) throw new IllegalArgumentException("sample interval must be > 0");
        this.sampler = sampler;
        this.nextSampleNanos = firstNanos;
        this.sampleIntervalNanos = intervalNanos;
    }

    // ------------------------------------------------------------------ input

    /** A raw Mode S frame: decoded and CPR-resolved here. */
    @Override
    public void onFrame(byte[] buf, int off, int len, long timeNanos, long mlat12MHz, int signal) {
        frames++;
        ModeSMessage m = frameMessage;
        if (!ModeSDecoder.decode(buf, off, len, timeNanos, m)) {
            undecodedFrames++;
            return;
        }
        cpr.resolve(m);
        takeMessage(m);
    }

    /** A message already decoded and CPR-resolved (by the Mode S pipeline, or an SBS feed); not kept. */
    public void onDecoded(ModeSMessage m) {
        takeMessage(m);
    }

    private void takeMessage(ModeSMessage m) {
        messages++;
        if (tracker == null) {
            if (!m.hasPosition() || !m.crcOk) return;
            createAt(m.lat, m.lon);
        }
        if (reports.toDetection(m, detection)) {
            if (trusted(m)) feed();
        } else if (m.surface && m.crcOk && m.icao >= 0) tracker.reportedOnGround(m.icao, m.timeNanos);
        else if (m.df == 4 || m.df == 5 || m.df == 20 || m.df == 21) modeSReply(m);
    }

    /** A surveillance reply (altitude or identity, no position): evidence for the radar track of its address. */
    private void modeSReply(ModeSMessage m) {
        if (m.icao < 0 || m.timeNanos == Long.MIN_VALUE) return;
        double alt = m.altitudeFt == ModeSMessage.ABSENT ? Double.NaN : m.altitudeFt * org.vigil.core.geo.Units.FT;
        int code = Detection.ABSENT;
        if (m.squawk != ModeSMessage.ABSENT && m.squawk >= 0) {
            // four octal digits written as a decimal number (7700) to the code's value
            int q = m.squawk;
            code = (q / 1000 % 10) * 512 + (q / 100 % 10) * 64 + (q / 10 % 10) * 8 + q % 10;
        }
        tracker.modeSReply(m.icao, m.timeNanos, alt, code);
    }

    /**
     * How far ADS-B positions are trusted, by address (the GNSS interference picture, docs/GNSS.md):
     * the factor multiplies the position's sigma; infinite drops it (counted), so the track leans
     * on radar and Mode S where positions are spoofed. Null: every position as it states itself.
     */
    public void setAdsbTrust(java.util.function.IntToDoubleFunction sigmaFactor) {
        this.adsbTrust = sigmaFactor;
    }

    private java.util.function.IntToDoubleFunction adsbTrust;
    private long adsbDistrusted;

    /** ADS-B positions not given to the tracker because the interference picture found them implausible. */
    public long adsbDistrusted() {
        return adsbDistrusted;
    }

    private boolean trusted(ModeSMessage m) {
        if (adsbTrust == null) return true;
        double f = adsbTrust.applyAsDouble(m.icao);
        if (f == 1.0) return true;
        if (Double.isInfinite(f)) {
            adsbDistrusted++;
            return false;
        }
        detection.horizontalSigmaMetres *= f;
        return true;
    }

    /** A CAT021 report: a Mode S message decoded by the ground station, taken as SBS is. */
    @Override
    public void onAdsbReport(ModeSMessage report) {
        takeMessage(report);
    }

    /** A CAT062 update of another tracker: used where our own sensors do not measure the aircraft (class comment). */
    @Override
    public void onSystemTrack(Detection update, int externalTrackNumber) {
        systemTracksIn++;
        if (tracker == null) createAt(update.latDeg, update.lonDeg);
        int idx = tracker.sensorIndex(update.sensorId);
        if (idx < 0) {
            int key = update.sensorId & 0xFFFF;
            // a report sensor whose "scan" is the SDPS's update period, so that initiation counts its looks right
            idx = tracker.addSensor(new SensorConfig(
                    update.sensorId,
                    SensorKind.MLAT,
                    "system tracks " + (key >> 8) + "/" + (key & 0xFF),
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    SYSTEM_TRACK_PERIOD_SECONDS,
                    Double.NaN,
                    Double.NaN,
                    0,
                    0,
                    0,
                    Double.NaN));
            if (idx < 0) {
                refused++;
                return;
            }
        }
        if (idx < 64) systemTrackSensors |= 1L << idx;
        if (coveredByOwnSensors(update)) {
            systemTracksCovered++;
            return;
        }
        if (!tracker.accept(update)) refused++;
        sampleUpTo(tracker.now());
    }

    private boolean coveredByOwnSensors(Detection d) {
        long own = ~systemTrackSensors;
        if (d.icao != Detection.ABSENT) {
            SystemTrack t = tracker.trackByIcao(d.icao);
            if (t != null && t.status() != org.vigil.core.track.TrackStatus.FREE) return (t.sensorsNow() & own) != 0;
        }
        double cosLat = Math.cos(Math.toRadians(d.latDeg));
        for (int slot = 0, n = tracker.slotCount(); slot < n; slot++) {
            SystemTrack t = tracker.trackAt(slot);
            if (t == null || (t.sensorsNow() & own) == 0) continue;
            if (d.icao != Detection.ABSENT && t.icao() != Detection.ABSENT && t.icao() != d.icao) continue;
            if (d.mode3A != Detection.ABSENT && t.mode3A() != Detection.ABSENT && t.mode3A() != d.mode3A) continue;
            double dy = (t.latDeg() - d.latDeg) * 111_195.0;
            double dx = (t.lonDeg() - d.lonDeg) * 111_195.0 * cosLat;
            double reach = COVERED_METRES + t.groundSpeed() * Math.abs(d.timeNanos - t.timeNanos()) * 1e-9;
            if (dx * dx + dy * dy <= reach * reach) return true;
        }
        return false;
    }

    @Override
    public void onPlot(RadarPlot plot) {
        plotsIn++;
        if (tracker == null) {
            refused++; // no radar announced yet: nothing to measure from
            return;
        }
        if (plots.toDetection(plot, detection)) feed();
    }

    private void feed() {
        if (!tracker.accept(detection)) refused++;
        sampleUpTo(tracker.now());
    }

    private void sampleUpTo(long now) {
        if (sampler == null || now == Long.MIN_VALUE) return;
        while (nextSampleNanos <= now) {
            sampler.sample(tracker, nextSampleNanos);
            nextSampleNanos += sampleIntervalNanos;
        }
    }

    /** Moves data time forward on a quiet feed (deletions, sensor expiry happen on data time only). */
    public void advance(long timeNanos) {
        if (tracker == null) return;
        tracker.advance(timeNanos);
        sampleUpTo(tracker.now());
    }

    /** End of a recording: processes everything held in the reordering window and takes the last samples. */
    public void finish() {
        if (tracker == null) return;
        tracker.flush();
        sampleUpTo(tracker.now());
    }

    // ------------------------------------------------------------------ output

    /** Runs {@code reader} on the tracker (tests, diagnostics). */
    public <R> R withTracker(java.util.function.Function<Tracker, R> reader) {
        if (tracker == null) createAt(config.originLatDeg, config.originLonDeg);
        return reader.apply(tracker);
    }

    /**
     * The system tracks for the console, extrapolated to the tracker's data time, in track-number
     * order, each with its trail (a point every {@link #TRAIL_SPACING_NANOS} of data time, taken at
     * these calls, so the trail is as fine as the console polls). Allocates.
     *
     * @param confirmedOnly leave out tentative tracks (the air picture shows confirmed ones)
     */
    public List<SystemTrackView> views(boolean confirmedOnly) {
        if (tracker == null) return List.of();
        long now = tracker.now();
        List<SystemTrackView> out = new ArrayList<>();
        Map<Integer, Trail> seen = new HashMap<>();
        for (int slot = 0, n = tracker.slotCount(); slot < n; slot++) {
            SystemTrack t = tracker.trackAt(slot);
            if (t == null || (confirmedOnly && !t.confirmed())) continue;
            Trail trail = trails.computeIfAbsent(t.trackNumber(), k -> new Trail());
            seen.put(t.trackNumber(), trail);
            java.util.function.IntFunction<String> ids = identities;
            SystemTrackView v =
                    SystemTrackView.of(t, tracker, now, trail, ids == null ? null : ids.apply(t.trackNumber()));
            out.add(v);
        }
        trails.keySet().retainAll(seen.keySet());
        out.sort((a, b) -> Integer.compare(a.trackNumber(), b.trackNumber()));
        return out;
    }

    /** CAT062 updates received, and of them those dropped because our own sensors measure the aircraft. */
    public long systemTracks() {
        return systemTracksIn;
    }

    public long systemTracksCovered() {
        return systemTracksCovered;
    }

    /** Counters at one instant (allocates). */
    public Stats stats() {
        if (tracker == null) createAt(config.originLatDeg, config.originLonDeg);
        Map<String, Long> rejected = new java.util.LinkedHashMap<>();
        for (Rejection r : Rejection.values())
            rejected.put(r.name().toLowerCase(java.util.Locale.ROOT), tracker.rejected(r));
        for (ModeSDetections.Reason r : ModeSDetections.Reason.values()) {
            rejected.put("modes_" + r.name().toLowerCase(java.util.Locale.ROOT), reports.rejected(r));
        }
        for (RadarPlotDetections.Reason r : RadarPlotDetections.Reason.values()) {
            rejected.put("plot_" + r.name().toLowerCase(java.util.Locale.ROOT), plots.rejected(r));
        }
        rejected.put("system_track_covered", systemTracksCovered);
        int confirmed = 0;
        for (int slot = 0, n = tracker.slotCount(); slot < n; slot++) {
            SystemTrack t = tracker.trackAt(slot);
            if (t != null && t.confirmed()) confirmed++;
        }
        return new Stats(
                frames,
                undecodedFrames,
                messages,
                plotsIn,
                reports.detections(),
                plots.detections(),
                tracker.processed(),
                refused,
                tracker.liveTracks(),
                confirmed,
                rejected);
    }

    /**
     * Pipeline counters.
     * @param reportDetections ADS-B positions handed to the tracker
     * @param plotDetections   radar plots handed to the tracker
     * @param processed        detections the tracker processed (paired or initiating)
     * @param refused          detections the tracker refused at once (late, unknown sensor, bad time)
     * @param rejected         every counted refusal by reason: tracker ({@link Rejection}), Mode S
     *                         adapter ({@code modes_*}), plot adapter ({@code plot_*})
     */
    public record Stats(
            long frames,
            long undecodedFrames,
            long messages,
            long plots,
            long reportDetections,
            long plotDetections,
            long processed,
            long refused,
            int liveTracks,
            int confirmedTracks,
            Map<String, Long> rejected) {}

    /** Ring of past positions of one track, for the console. */
    static final class Trail {
        final double[] lat = new double[TRAIL_POINTS];
        final double[] lon = new double[TRAIL_POINTS];
        final double[] alt = new double[TRAIL_POINTS];
        int count;
        int next;
        long lastNanos = Long.MIN_VALUE;

        void offer(long time, double la, double lo, double altM) {
            if (lastNanos != Long.MIN_VALUE && time - lastNanos < TRAIL_SPACING_NANOS) return;
            lastNanos = time;
            lat[next] = la;
            lon[next] = lo;
            alt[next] = altM;
            next = (next + 1) % TRAIL_POINTS;
            if (count < TRAIL_POINTS) count++;
        }
    }
}
