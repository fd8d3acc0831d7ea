package org.vigil.server.picture;

import java.util.List;
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
            recentPlots.onPlot(plot);
            tracking.onPlot(plot);
        }

        @Override
        public void onRadarStatus(RadarStatus status, ServiceMessage message) {
            serviceMessages++;
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
            scrambles = new ScrambleService(theatre.posture(), theatre.scrambles(), fighters, scrambleLines);
            ScrambleTrackFeed feed =
                    new ScrambleTrackFeed(scrambles, trackerConfig, downstream).afterEach(scrambleLines::drain);
            ident = new IdentStage(
                    theatre.identificationEngine(flightPlans, new AlertsToScrambles(identEvents, feed)), feed);
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
        modeS.setDecodedListener(tracking::onDecoded);
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

        private Builder(Theatre theatre) {
            this.theatre = theatre;
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
        PictureSnapshot s = new PictureSnapshot(
                modeS.latestMessageNanos(),
                AircraftViews.snapshot(modeS),
                tracking.views(true),
                recentPlots.snapshot(),
                flightPlans == null ? List.of() : FlightPlanViews.snapshot(flightPlans),
                modeS.stats());
        snapshot = s;
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
