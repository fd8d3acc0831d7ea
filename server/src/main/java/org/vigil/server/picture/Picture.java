package org.vigil.server.picture;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vigil.core.event.EventSink;
import org.vigil.core.flightplan.FlightPlanStore;
import org.vigil.core.ident.EventLines;
import org.vigil.core.ident.IdentEventListener;
import org.vigil.core.qra.Detachment;
import org.vigil.core.qra.scramble.FighterFix;
import org.vigil.core.qra.scramble.Fighters;
import org.vigil.core.qra.scramble.ScrambleService;
import org.vigil.core.radar.RadarPlot;
import org.vigil.core.radar.RadarPlotSink;
import org.vigil.core.radar.RadarSite;
import org.vigil.core.radar.RadarStatus;
import org.vigil.core.radar.ServiceMessage;
import org.vigil.core.track.TrackListener;
import org.vigil.core.track.TrackerConfig;
import org.vigil.server.ident.AlertService;
import org.vigil.server.ident.IdentStage;
import org.vigil.server.pipeline.ModeSPipeline;
import org.vigil.server.qra.AlertsToScrambles;
import org.vigil.server.qra.LaunchesToIdentification;
import org.vigil.server.qra.ScrambleEventQueue;
import org.vigil.server.qra.ScrambleTrackFeed;
import org.vigil.server.tracking.TrackEventWriter;
import org.vigil.server.tracking.TrackingPipeline;

/**
 * The air picture, assembled in one place from a {@link Theatre}: Mode S decoding into the aircraft
 * table, the multi-sensor tracker, identification and the operators' alerts, the scramble workflow,
 * the recent radar plots and the flight plans, and the event writers of all of them. The same
 * assembly serves {@code vigil run}, {@code vigil demo}, {@code vigil replay}, the playback of a
 * recorded period and the restart rebuild; what differs between them is only where inputs come
 * from and where events go ({@link Builder}).
 *
 * <p>Threading: a picture is not thread-safe and has one owner, the thread that delivers its inputs
 * (a {@link PictureLoop} in a live server; the caller's thread in a replay, which keeps a replay
 * deterministic). Other threads read the immutable {@link PictureSnapshot} the owner
 * {@link #publish publishes}, or ask the owner through the loop.
 */
public final class Picture {
    private final Theatre theatre;
    private final ModeSPipeline modeS = new ModeSPipeline();
    private final TrackerConfig trackerConfig;
    private final TrackingPipeline tracking;
    /** Null without identification. */
    private final FlightPlanStore flightPlans;

    private final IdentStage ident;
    private final AlertService alerts;
    private final ScrambleService scrambles;
    private final ScrambleEventQueue scrambleLines;
    /** Null without events. */
    private final TrackEventWriter trackEvents;
    /** Where the events go; null without events. */
    private final EventSink events;
    /** Radar plots of the last 12 s of data time (three turns of a 4 s radar), for the console. */
    private final RecentPlots recentPlots = new RecentPlots(50_000, 12.0);

    private final FightersOfTheRun fighters = new FightersOfTheRun();
    private long plots, serviceMessages;
    private volatile PictureSnapshot snapshot = PictureSnapshot.EMPTY;

    /** Per feed and per radar: up, degraded, lost (docs/HEALTH.md); judged at each clock tick. */
    private org.vigil.server.feed.SensorHealth health;
    /** The newest clock tick (docs/REPLAY.md "Clock ticks"); Long.MIN_VALUE: none (a replay of files). */
    private long clockNanos = Long.MIN_VALUE;
    /** The health id of the inputs being delivered (a recording's feed), -1 when unknown. */
    private int currentSource = -1;
    /** The journal feed name {@link #currentSource} was found for (identity: one String per feed). */
    private String currentFeed;
    /** The newest radar plot's data time. */
    private long latestPlotNanos = Long.MIN_VALUE;
    /** Where each sensor delivered lately (docs/HEALTH.md "Coverage"). */
    private final SensorCoverageMap coverage = new SensorCoverageMap();
    /** The health id of the frame being decoded, for its position's coverage; -1 outside {@link #acceptFrame}. */
    private int frameSource = -1;
    /** The radars' names and rotation periods by key, from the builder and the service messages. */
    private final java.util.Map<Integer, RadarSite> radarSites = new java.util.HashMap<>();
    /** The GNSS interference picture from the ADS-B received (docs/GNSS.md). */
    private final GnssPicture gnss;

    /**
     * Plots to the console's plot layer and to the tracker; CAT021 reports to the aircraft list and
     * (through it) the tracker, as SBS messages go; CAT062 system tracks to the tracker.
     */
    private final RadarPlotSink radarSink = new ReportingPlotSink() {
        @Override
        public void onAdsbReport(org.vigil.codec.modes.ModeSMessage report) {
            modeS.onDecoded(report);
        }

        @Override
        public void onSystemTrack(org.vigil.core.track.Detection update, int externalTrackNumber) {
            tracking.onSystemTrack(update, externalTrackNumber);
        }

        @Override
        public void onPlot(RadarPlot plot) {
            plots++;
            if (plot.timeNanos > latestPlotNanos) latestPlotNanos = plot.timeNanos;
            int radar = radarHeard(RadarSite.key(plot.sac, plot.sic), plot.timeNanos);
            if (radar >= 0) coverage.add(radar, plot.latDeg, plot.lonDeg, plot.timeNanos);
            recentPlots.onPlot(plot);
            tracking.onPlot(plot);
        }

        @Override
        public void onRadarStatus(RadarStatus status, ServiceMessage message) {
            serviceMessages++;
            RadarSite site = status.site();
            radarSites.put(site.key(), site);
            int known = health.byKey(site.key());
            if (known >= 0 && !site.name().equals(health.name(known))) {
                health.describe(known, site.name(), site.rotationPeriodSeconds()); // its plots came first
            }
            radarHeard(site.key(), status.lastTimeNanos());
            recentPlots.onRadarStatus(status, message);
            tracking.onRadarStatus(status, message);
        }
    };

    /** A plot sink that takes the ASTERIX reports beside plots too (radar feeds route CAT021/CAT062 to it). */
    private interface ReportingPlotSink extends RadarPlotSink, org.vigil.server.radar.ReportSink {}

    private Picture(Builder b) {
        this.theatre = b.theatre;
        this.trackerConfig = b.tracker;
        this.events = b.events;
        this.health = new org.vigil.server.feed.SensorHealth(b.health, b.events);
        for (RadarSite r : b.radars) radarSites.put(r.key(), r);
        TrackListener downstream = null;
        IdentEventListener identEvents = IdentEventListener.NONE;
        if (events != null) {
            // one typed stream, in the order things happen: the tracker's, identification's and
            // the workflow's events (docs/EVENTS.md)
            trackEvents = new TrackEventWriter(events);
            identEvents = new EventLines(events);
            downstream = trackEvents;
        } else {
            trackEvents = null;
        }
        TrackListener first = downstream;
        if (theatre != null) {
            flightPlans = theatre.newFlightPlanStore();
            scrambleLines = new ScrambleEventQueue(events);
            LaunchesToIdentification launches = new LaunchesToIdentification();
            // a copy: the workflow changes its posture, and several pictures may share one theatre (playback seeks)
            scrambles = new ScrambleService(theatre.posture().copy(), theatre.scrambles(), fighters, scrambleLines);
            scrambles.onLaunch(launches);
            scrambles.setAreas(org.vigil.server.qra.TheatreAreas.of(theatre.airspace())); // hand-overs (#19)
            ScrambleTrackFeed feed =
                    new ScrambleTrackFeed(scrambles, trackerConfig, downstream).afterEach(scrambleLines::drain);
            ident = new IdentStage(
                    theatre.identificationEngine(flightPlans, new AlertsToScrambles(identEvents, feed)), feed);
            launches.tell(ident); // a scrambled pair is FRIEND from take-off (issue #14)
            alerts = new AlertService(ident);
            first = ident;
        } else {
            flightPlans = null;
            scrambleLines = null;
            scrambles = null;
            ident = null;
            alerts = null;
        }
        // radars known in advance (a recorded run): the plane is centred on them; else on the first data
        tracking = new TrackingPipeline(TrackingPipeline.centreOn(trackerConfig, b.radars), first, b.radars);
        if (ident != null) tracking.setIdentities(ident::identityOf);
        if (flightPlans != null) tracking.onLanded(new org.vigil.server.flightplan.LandedFlights(flightPlans));
        gnss = new GnssPicture(b.gnss, events, (long) (trackerConfig.reorderWindowSeconds * 1e9));
        tracking.setAdsbTrust(gnss::sigmaFactor);
        if (ident != null) ident.setInterference(gnss::describe); // the gnss-interference rule (#21)
        if (theatre != null) // the alert on an area over national airspace or a QRA route (#21)
        gnss.alertOn(
                    org.vigil.core.gnss.InterferenceAlerts.ProtectedAirspace.of(theatre.airspace(), theatre.policed()),
                    () -> GnssPicture.qraRoutes(scrambles, b.gnss));
        modeS.setDecodedListener(m -> {
            gnss.onDecoded(m);
            tracking.onDecoded(m);
            if (frameSource >= 0 && m.hasPosition()) coverage.add(frameSource, m.lat, m.lon, m.timeNanos);
        });
        // a copy another receiver heard too: decoded once, still that receiver's coverage
        modeS.setCopyListener((address, lat, lon, t) -> {
            if (frameSource >= 0 && !Double.isNaN(lat)) coverage.add(frameSource, lat, lon, t);
        });
    }

    /** A picture of {@code theatre} (null: tracking alone, no identification, QRA or flight plans). */
    public static Builder builder(Theatre theatre) {
        return new Builder(theatre);
    }

    /** What a picture is built with; defaults: a fresh tracker configuration, radars unknown, no events. */
    public static final class Builder {
        private final Theatre theatre;
        private TrackerConfig tracker = new TrackerConfig();
        private List<RadarSite> radars = List.of();
        private EventSink events;
        private org.vigil.server.feed.SensorHealth.Config health = org.vigil.server.feed.SensorHealth.Config.DEFAULTS;
        private org.vigil.core.gnss.GnssRules gnss = org.vigil.core.gnss.GnssRules.defaults();

        private Builder(Theatre theatre) {
            this.theatre = theatre;
            if (theatre != null) this.gnss = theatre.gnss(); // the theatre's thresholds (docs/GNSS.md)
        }

        /** The tracker's configuration (its plane origin is set from the radars or the first data). */
        public Builder tracker(TrackerConfig config) {
            this.tracker = Objects.requireNonNull(config, "config");
            return this;
        }

        /** The radars whose plots will arrive (a recorded run's); none: registered from their service messages. */
        public Builder radars(List<RadarSite> sites) {
            this.radars = List.copyOf(sites);
            return this;
        }

        /** Where the typed events go (docs/EVENTS.md); null: no events. */
        public Builder events(EventSink sink) {
            this.events = sink;
            return this;
        }

        /** When a feed or radar counts as degraded or lost (docs/HEALTH.md). */
        public Builder health(org.vigil.server.feed.SensorHealth.Config config) {
            this.health = Objects.requireNonNull(config, "config");
            return this;
        }

        /** The GNSS interference picture's thresholds (docs/GNSS.md). */
        public Builder gnss(org.vigil.core.gnss.GnssRules rules) {
            this.gnss = Objects.requireNonNull(rules, "rules");
            return this;
        }

        public Picture build() {
            return new Picture(this);
        }
    }

    public Theatre theatre() {
        return theatre;
    }

    public ModeSPipeline modeS() {
        return modeS;
    }

    public TrackerConfig trackerConfig() {
        return trackerConfig;
    }
    /** The multi-sensor tracker, fed by {@link #modeS()} and {@link #radarSink()}. */
    public TrackingPipeline tracking() {
        return tracking;
    }
    /** The active flight plans (null without a theatre). */
    public FlightPlanStore flightPlans() {
        return flightPlans;
    }
    /** Identification of the confirmed tracks (null without a theatre). */
    public IdentStage ident() {
        return ident;
    }
    /** The operators' alert queue on {@link #ident()} (null without a theatre). */
    public AlertService alerts() {
        return alerts;
    }
    /** The scramble workflow (null without a theatre). */
    public ScrambleService scrambles() {
        return scrambles;
    }
    /** The track event writer, or null without events. */
    public TrackEventWriter trackEvents() {
        return trackEvents;
    }
    /** The GNSS interference picture (docs/GNSS.md). */
    public GnssPicture gnss() {
        return gnss;
    }

    /** The console's recent radar plots. */
    public RecentPlots recentPlots() {
        return recentPlots;
    }
    /** Where radar plots go: the plot layer and the tracker. */
    public RadarPlotSink radarSink() {
        return radarSink;
    }

    public long plots() {
        return plots;
    }

    public long serviceMessages() {
        return serviceMessages;
    }

    /** Lets ordered scrambles launch and steer fighters (a simulation's); before the first input. */
    public void flyFighters(Fighters f) {
        fighters.use(f);
    }

    /**
     * The scramble workflow follows its scrambles (launches, phases, steering) and its event lines
     * reach the stream. The tick is at the data time the workflow has seen from the tracker, never
     * beyond it (not at {@code dataTimeNanos}, the inputs' time, which runs ahead of the tracker by
     * its reordering window): "now" then moves with the track updates alone, so recommendations and
     * their times are the same in a replay or a restart rebuild of the recording, where nothing ticks.
     */
    public void tickScrambles(long dataTimeNanos) {
        if (scrambles == null) return;
        long seen = scrambles.now();
        if (seen != Long.MIN_VALUE) scrambles.tick(Math.min(seen, dataTimeNanos));
        scrambleLines.drain();
    }

    /**
     * Housekeeping on data time (the newest message): aircraft expiry, track deletion and sensor
     * expiry on a quiet feed, the scramble workflow's phases; then the buffered events are handed on.
     * For pictures without a clock (a replay of files); a live picture ticks ({@link #clockTick}).
     */
    public void housekeeping() {
        modeS.expireToLatest();
        long latest = modeS.latestMessageNanos();
        if (latest != Long.MIN_VALUE) {
            tracking.advance(latest);
            // with real data nothing else ticks the workflow: phases and re-solving every 5 s
            tickScrambles(latest);
        }
        flushEvents();
    }

    // ------------------------------------------------------------------ clock and health

    /**
     * The picture's "now": the newest of the data time and the latest clock tick. Ages, expiry and
     * sensor health are measured against it, so a picture whose feeds stopped ages as time goes on.
     */
    public long now() {
        return Math.max(modeS.latestMessageNanos(), clockNanos);
    }

    /**
     * The newest data time of the inputs (Mode S messages and radar plots), never a tick;
     * {@link Long#MIN_VALUE} before the first.
     */
    public long dataNanos() {
        return Math.max(modeS.latestMessageNanos(), latestPlotNanos);
    }

    /** The latest clock tick, {@link Long#MIN_VALUE} before any (a replay of files has none). */
    public long clockNanos() {
        return clockNanos;
    }

    /**
     * A tick of the picture's clock (docs/REPLAY.md "Clock ticks"): a recorded input like a frame, so
     * a replay of the recording does the same. Live, the server ticks the wall clock every second
     * ({@code vigil demo}: the scenario's clock); the tick never moves the clock back. Then, against
     * {@link #now()}: aircraft not heard for their expiry time are dropped, the tracker's time moves
     * on (coasting, deletion), the sensors' health is judged (events on a change), the scramble
     * workflow follows its scrambles, and the buffered events are handed on.
     */
    public void clockTick(long tickNanos) {
        if (tickNanos > clockNanos) clockNanos = tickNanos;
        long now = now();
        modeS.expire(now);
        long window = (long) (trackerConfig.reorderWindowSeconds * 1e9);
        long data = dataNanos();
        // the tracker moves with its data; when the inputs have gone quiet (beyond its reordering
        // window) the clock moves it on, so tracks coast and are deleted by real age
        if (data != Long.MIN_VALUE && now - data > window) tracking.advance(now);
        // judged at now; stamped with the time the tracker's events are complete to (now less its
        // reordering window), so the one stream stays in data-time order
        health.evaluate(now, now - window);
        gnss.tick(now);
        tickScrambles(now);
        flushEvents();
    }

    /**
     * When a feed or radar counts as degraded or lost (docs/HEALTH.md); before the first input
     * (e.g. {@code vigil run --feed-timeout}).
     */
    public void healthConfig(org.vigil.server.feed.SensorHealth.Config config) {
        if (health.size() > 0) throw new IllegalStateException("sensor health configured after the first input");
        health = new org.vigil.server.feed.SensorHealth(config, events);
    }

    /** The feed and radar health of this picture (owner thread). */
    public org.vigil.server.feed.SensorHealth health() {
        return health;
    }

    /**
     * One Mode S frame of feed {@code source} (a {@link #healthSource} id): decoded into the
     * picture, counted on the feed's health. No allocation.
     * @return null when it decoded, else the decoder's reason
     */
    public org.vigil.codec.modes.DecodeFailure acceptFrame(
            int source, byte[] buf, int off, int len, long timeNanos, int signal) {
        frameSource = source;
        org.vigil.codec.modes.DecodeFailure f;
        try {
            f = modeS.accept(buf, off, len, timeNanos, signal);
        } finally {
            frameSource = -1;
        }
        if (source >= 0) {
            if (f == null) {
                health.heard(source, timeNanos);
                health.frame(source, true);
            } else if (f == org.vigil.codec.modes.DecodeFailure.BAD_CRC) {
                health.frame(source, false);
            }
        }
        return f;
    }

    /**
     * One decoded message of an SBS feed {@code source} (a {@link #healthSource} id, -1: none): into
     * the picture as {@code modeS().onMessage} takes it, heard on the feed's health at the message's
     * time (an SBS line carries no CRC: only silence makes the feed degraded or lost). No allocation.
     */
    public void acceptMessage(int source, org.vigil.codec.modes.ModeSMessage message) {
        frameSource = source;
        try {
            modeS.onMessage(message);
        } finally {
            frameSource = -1;
        }
        if (source >= 0 && message.timeNanos != 0) health.heard(source, message.timeNanos);
    }

    /** The health id of Mode S feed {@code name} (owner thread; entered on first use). */
    public int healthSource(String name) {
        return health.source(name, org.vigil.server.feed.SensorHealth.ADSB);
    }

    /**
     * The inputs that follow come from the recording's feed {@code journalFeed} ({@code modes:NAME},
     * ...): Mode S frames then count on feed {@code NAME}'s health, as they did live.
     */
    @SuppressWarnings("ReferenceEquality") // one String per feed: identity is the cache check
    public void inputFrom(String journalFeed) {
        if (journalFeed == currentFeed) return;
        currentFeed = journalFeed;
        org.vigil.server.recording.RawInput.Kind kind = org.vigil.server.recording.RawInput.kindOf(journalFeed);
        currentSource = kind == org.vigil.server.recording.RawInput.Kind.MODES
                        || kind == org.vigil.server.recording.RawInput.Kind.SBS
                ? healthSource(org.vigil.server.recording.RawInput.sourceName(journalFeed))
                : -1;
    }

    /** The health id of the feed {@link #inputFrom} last told, -1 when not a Mode S feed. */
    public int currentSource() {
        return currentSource;
    }

    /** Counts an input of the radar {@code key} on its health; its health id, or -1 without a time. */
    private int radarHeard(int key, long timeNanos) {
        if (timeNanos == Long.MIN_VALUE) return -1;
        int id = health.byKey(key);
        if (id < 0) {
            RadarSite site = radarSites.get(key);
            id = health.source(
                    site != null ? site.name() : "radar " + (key >> 8) + "/" + (key & 0xFF),
                    org.vigil.server.feed.SensorHealth.RADAR,
                    key,
                    site != null ? site.rotationPeriodSeconds() : 0);
        }
        health.heard(id, timeNanos);
        return id;
    }

    /**
     * Where each feed and radar delivered positions in the last 10 minutes of the picture's clock:
     * a GeoJSON FeatureCollection, one hull per sensor ({@code /api/coverage}). Owner thread; allocates.
     */
    public Map<String, Object> coverageGeoJson() {
        return coverage.geoJson(health, now());
    }

    /**
     * The lost sensors each confirmed track was depending on, by track number: a radar that had
     * updated the track within two rotations of its last data, or "ADS-B" when every ADS-B feed is
     * lost and the track had ADS-B within the silence timeout of the last. Allocates (publishing).
     */
    private java.util.Map<Integer, List<String>> lostSensorsByTrack() {
        java.util.Map<Integer, List<String>> out = new java.util.HashMap<>();
        int n = health.size();
        boolean anyLost = false, adsbUp = false;
        long adsbLast = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            boolean lost = org.vigil.server.feed.SensorHealth.LOST.equals(health.state(i));
            anyLost |= lost;
            if (org.vigil.server.feed.SensorHealth.ADSB.equals(health.kind(i))) {
                if (lost) adsbLast = Math.max(adsbLast, health.lastData(i));
                else if (health.lastData(i) != Long.MIN_VALUE) adsbUp = true;
            }
        }
        if (!anyLost) return out;
        final boolean adsbLost = !adsbUp && adsbLast != Long.MIN_VALUE;
        final long adsbLastF = adsbLast;
        tracking.withTracker(tracker -> {
            for (int slot = 0, m = tracker.slotCount(); slot < m; slot++) {
                org.vigil.core.track.SystemTrack t = tracker.trackAt(slot);
                if (t == null || !t.confirmed()) continue;
                List<String> names = null;
                for (int i = 0; i < n; i++) {
                    if (!org.vigil.server.feed.SensorHealth.RADAR.equals(health.kind(i))
                            || !org.vigil.server.feed.SensorHealth.LOST.equals(health.state(i))) continue;
                    int idx = tracker.sensorIndex(health.key(i));
                    if (idx < 0) continue;
                    long u = t.lastUpdateBySensor(idx);
                    double period = Math.max(1, health.rotationSeconds(i));
                    if (u != Long.MIN_VALUE && u >= health.lastData(i) - (long) (2 * period * 1e9)) {
                        if (names == null) names = new java.util.ArrayList<>(2);
                        names.add(health.name(i));
                    }
                }
                if (adsbLost) {
                    int idx = tracker.sensorIndex(TrackingPipeline.ADSB_SENSOR_ID);
                    long u = idx < 0 ? Long.MIN_VALUE : t.lastUpdateBySensor(idx);
                    if (u != Long.MIN_VALUE
                            && u >= adsbLastF - (long) (health.config().silenceSeconds() * 1e9)) {
                        if (names == null) names = new java.util.ArrayList<>(1);
                        names.add("ADS-B");
                    }
                }
                if (names != null) out.put(t.trackNumber(), List.copyOf(names));
            }
            return null;
        });
        return out;
    }

    /** Hands on the workflow's queued events (operators' actions from the web threads). */
    public void flushEvents() {
        if (events == null || scrambleLines == null) return;
        try {
            scrambleLines.drain();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Picture.class).warn("events not flushed: {}", e.toString());
        }
    }

    /** The newest published snapshot (any thread). */
    public PictureSnapshot snapshot() {
        return snapshot;
    }

    /** Copies the picture into a new immutable snapshot for the readers; on the owner thread only. */
    public PictureSnapshot publish() {
        long now = now();
        List<org.vigil.server.tracking.SystemTrackView> tracks = tracking.views(true);
        java.util.Map<Integer, List<String>> lost = lostSensorsByTrack();
        if (!lost.isEmpty()) {
            List<org.vigil.server.tracking.SystemTrackView> flagged = new java.util.ArrayList<>(tracks.size());
            for (org.vigil.server.tracking.SystemTrackView v : tracks) {
                List<String> l = lost.get(v.trackNumber());
                flagged.add(l == null ? v : v.withLostSensors(l));
            }
            tracks = flagged;
        }
        tracks = gnss.mark(tracks); // tracks whose ADS-B comes from an interference area (#21)
        PictureSnapshot s = new PictureSnapshot(
                modeS.latestMessageNanos(),
                AircraftViews.snapshot(modeS, now),
                tracks,
                recentPlots.snapshot(),
                flightPlans == null ? List.of() : FlightPlanViews.snapshot(flightPlans),
                modeS.stats(),
                now,
                health.statuses());
        snapshot = s;
        gnss.publish();
        return s;
    }

    /**
     * The fighters the scramble workflow commands: none until a simulation is attached
     * ({@link #flyFighters}). Only called from the workflow, on the owner thread.
     */
    private static final class FightersOfTheRun implements Fighters {
        private volatile Fighters current = Fighters.NONE;

        void use(Fighters f) {
            current = f;
        }

        @Override
        public String[] launch(
                String id, Detachment unit, double airborneInS, double headingDeg, double levelFt, double speedKt) {
            return current.launch(id, unit, airborneInS, headingDeg, levelFt, speedKt);
        }

        @Override
        public void steer(String id, double headingDeg, double levelFt, double groundSpeedKt) {
            current.steer(id, headingDeg, levelFt, groundSpeedKt);
        }

        @Override
        public void holdOn(String id, FighterFix target) {
            current.holdOn(id, target);
        }

        @Override
        public void landed(String id) {
            current.landed(id);
        }

        @Override
        public boolean lead(String id, long nowNanos, FighterFix out) {
            return current.lead(id, nowNanos, out);
        }
    }
}
