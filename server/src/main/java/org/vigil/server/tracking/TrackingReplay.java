package org.vigil.server.tracking;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vigil.core.flightplan.FlightPlanStore;
import org.vigil.core.flightplan.RouteExpander;
import org.vigil.core.flightplan.RoutePoints;
import org.vigil.core.event.EventSink;
import org.vigil.core.ident.EventLines;
import org.vigil.core.ident.IdentEventListener;
import org.vigil.core.metrics.MetricsConfig;
import org.vigil.server.ident.IdentStage;
import org.vigil.core.qra.QraYaml;
import org.vigil.server.qra.AlertsToScrambles;
import org.vigil.server.qra.ScrambleEventQueue;
import org.vigil.server.qra.ScrambleTrackFeed;
import org.vigil.server.ident.SimulatedOperator;
import org.vigil.core.track.TrackerConfig;
import org.vigil.server.replay.Replayer;
import org.vigil.server.replay.ReplayFiles;
import org.vigil.server.replay.ReplaySinks;
import org.vigil.core.qra.scramble.ScrambleService;
import org.vigil.core.qra.scramble.ScrambleConfig;
import org.vigil.core.qra.scramble.Fighters;

/**
 * A recorded run through the tracking pipeline as fast as possible: Mode S frames, SBS messages
 * and radar plots, merged in data-time order by {@link ReplayFiles}, into one
 * {@link TrackingPipeline}; events to JSON Lines, and with truth the quality metrics. With
 * {@link Options#withIdentification} the identification stage sits in front of the event writer and
 * its events (identities, rules, alerts) join the same stream (docs/EVENTS.md).
 *
 * <p>Use {@link #run} on its own (the tracker decodes Mode S itself), or {@link #open} a session,
 * feed it from other sinks (e.g. the Mode S pipeline's decoded-message listener and a plot tee, as
 * {@code vigil replay} does) and {@link Session#finish}.
 *
 * <p>Truth and coverage: with a truth file, the situation labels need the sensors' coverage, read
 * from the {@code manifest.json} next to the truth file (a sim directory); without a manifest every
 * truth state is {@code unlabelled} (and counts as detectable).
 */
public final class TrackingReplay {
    /** Default spacing of evaluation instants, seconds (rounded up to whole truth intervals). */
    public static final double DEFAULT_SAMPLE_SECONDS = 4;

    /**
     * @param config        tracker configuration; its origin is centred on the run's radars
     * @param events        where to write the events (JSON Lines), or null
     * @param truth         truth JSONL, or null for no metrics
     * @param metrics       metrics configuration (null: defaults, c = 10 km, p = 2)
     * @param sampleSeconds wanted spacing of evaluation instants
     * @param plans         identification: the flight plans the run files (the replay must feed this
     *                      store from the recorded FPLs, as {@link Session#sinks} does); null: no identification
     */
    public record Options(TrackerConfig config, OutputStream events, Path truth, MetricsConfig metrics, double sampleSeconds,
                          FlightPlanStore plans) {
        public Options {
            if (config == null) config = new TrackerConfig();
            if (metrics == null) metrics = MetricsConfig.defaults();
            if (!(sampleSeconds > 0)) sampleSeconds = DEFAULT_SAMPLE_SECONDS;
        }

        /** Without identification. */
        public Options(TrackerConfig config, OutputStream events, Path truth, MetricsConfig metrics, double sampleSeconds) {
            this(config, events, truth, metrics, sampleSeconds, null);
        }

        public static Options of(TrackerConfig config) {
            return new Options(config, null, null, null, DEFAULT_SAMPLE_SECONDS);
        }

        public Options withEvents(OutputStream out) { return new Options(config, out, truth, metrics, sampleSeconds, plans); }
        public Options withTruth(Path t) { return new Options(config, events, t, metrics, sampleSeconds, plans); }

        /** With identification ({@link IdentStage} in front of the event writer), plans from {@code store}. */
        public Options withIdentification(FlightPlanStore store) {
            return new Options(config, events, truth, metrics, sampleSeconds, store);
        }

        /** With identification on a fresh Black Sea plan store fed by the run's FPLs. */
        public Options withIdentification() {
            return withIdentification(new FlightPlanStore(new RouteExpander(RoutePoints.blackSea())));
        }
    }

    /**
     * What a replay gave.
     * @param metrics     the metrics JSON object (docs/METRICS.md) plus {@code "tracker"} facts, or null without truth
     * @param wallSeconds wall time of the replay loop (reading, decoding, tracking, scoring)
     */
    public record Result(TrackingPipeline.Stats stats, Replayer.Summary summary, Map<String, Object> metrics,
                         long events, long instants, double wallSeconds) {
        /** Data seconds covered by the inputs. */
        public double dataSeconds() {
            return summary == null || summary.delivered() == 0 ? 0 : (summary.lastNanos() - summary.firstNanos()) / 1e9;
        }
    }

    /** A prepared tracking pipeline with its event writer and metrics; single use. */
    public static final class Session {
        private final TrackingPipeline pipeline;
        private final TrackEventWriter writer;
        private final TrackMetricsRunner metrics;
        private final TrackerConfig config;
        private final long interval;
        private final IdentStage ident;
        private final FlightPlanStore plans;
        private final Writer eventsOut;

        private Session(TrackingPipeline pipeline, TrackEventWriter writer, TrackMetricsRunner metrics, TrackerConfig config, long interval,
                        IdentStage ident, FlightPlanStore plans, Writer eventsOut) {
            this.pipeline = pipeline;
            this.writer = writer;
            this.metrics = metrics;
            this.config = config;
            this.interval = interval;
            this.ident = ident;
            this.plans = plans;
            this.eventsOut = eventsOut;
        }

        public TrackingPipeline pipeline() {
            return pipeline;
        }

        /** The identification stage, or null when the options asked for none. */
        public IdentStage ident() {
            return ident;
        }

        /** Sinks feeding the tracker alone (it decodes Mode S frames itself), and with identification its plan store. */
        public ReplaySinks sinks() {
            ReplaySinks s = ReplaySinks.none().withFrames(pipeline).withPlots(pipeline).withMessages(pipeline::onDecoded);
            return plans == null ? s : s.withFlightPlans(plans::apply);
        }

        /** End of input: releases the reordering window, takes the last samples, flushes the events. */
        public Result finish(Replayer.Summary summary, double wallSeconds) throws IOException {
            pipeline.finish();
            long events = 0;
            if (writer != null) {
                events = writer.events();
                eventsOut.flush();
            }
            Map<String, Object> json = null;
            if (metrics != null) {
                json = metrics.result().toJsonMap();
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("motion", config.motion.label());
                facts.put("sample_interval_s", interval / 1e9);
                TrackingPipeline.Stats st = pipeline.stats();
                facts.put("detections", st.processed());
                facts.put("rejected", st.rejected());
                json.put("tracker", facts);
            }
            return new Result(pipeline.stats(), summary, json, events, metrics == null ? 0 : metrics.instants(), wallSeconds);
        }
    }

    private TrackingReplay() {}

    /** Prepares the pipeline for {@code run}: sensors from its radars, truth and coverage when asked. */
    public static Session open(ReplayFiles run, Options o) throws IOException {
        TrackerConfig config = TrackingPipeline.centreOn(o.config(), run.radars());
        OutputStream out = o.events() == null ? null : new BufferedOutputStream(o.events(), 1 << 16);
        Writer text = out == null ? null : new OutputStreamWriter(out, StandardCharsets.UTF_8);
        EventSink stream = text == null ? null : EventSink.jsonLines(text);
        TrackEventWriter writer = out == null ? null : new TrackEventWriter(stream);
        IdentStage ident = null;
        if (o.plans() != null) {
            // identification in front of the event writer; its events join the same stream in the
            // order they happen (docs/EVENTS.md "One stream, several writers")
            IdentEventListener lines = out == null ? new IdentEventListener() { } : new EventLines(stream);
            if (out == null) {
                ident = new IdentStage(IdentStage.defaultEngine(o.plans(), lines), writer);
            } else {
                // the scramble workflow joins the stream: a recommendation for each alert that warrants
                // one (docs/QRA.md). Nobody orders in an unattended replay: no fighters, no orders.
                ScrambleEventQueue scrambleLines = new ScrambleEventQueue(stream);
                ScrambleService scrambles = new ScrambleService(QraYaml.defaultPosture(), ScrambleConfig.defaults(),
                        Fighters.NONE, scrambleLines);
                ScrambleTrackFeed feed = new ScrambleTrackFeed(scrambles, config, writer).afterEach(scrambleLines::drain);
                ident = new IdentStage(IdentStage.defaultEngine(o.plans(), new AlertsToScrambles(lines, feed)), feed);
            }
        }
        TrackingPipeline pipeline = new TrackingPipeline(config, ident != null ? ident : writer, run.radars());
        if (ident != null) {
            IdentStage stage = ident;
            pipeline.withTracker(t -> { stage.bind(t); return null; }); // also binds the writer
            pipeline.setIdentities(stage::identityOf);
            // nobody at the console of a recording: the scenario's radio events stand in for the controller
            if (run.truth() != null) stage.setOperator(SimulatedOperator.fromTruth(run.truth(), SimulatedOperator.Mode.DECLARE_LOST));
        }
        TrackMetricsRunner metrics = null;
        long interval = 0;
        if (o.truth() != null) {
            TruthStates truth = TruthStates.read(o.truth());
            Path manifest = o.truth().toAbsolutePath().getParent().resolve(ReplayFiles.MANIFEST);
            boolean hasManifest = Files.isReadable(manifest);
            SensorCoverage coverage = hasManifest ? SensorCoverage.fromManifest(manifest) : null;
            double truthInterval = hasManifest ? new ObjectMapper().readTree(manifest.toFile()).path("truthIntervalSeconds").asDouble(1) : 1;
            metrics = new TrackMetricsRunner(truth, coverage, o.metrics(), run.startNanos());
            interval = TrackMetricsRunner.interval(o.sampleSeconds(), truthInterval);
            pipeline.setSampler(metrics, metrics.firstInstant(), interval);
        }
        return new Session(pipeline, writer, metrics, config, interval, ident, o.plans(), text);
    }

    /** Replays {@code run} into a fresh tracking pipeline only (no Mode S air picture). */
    public static Result run(ReplayFiles run, Options o) throws IOException {
        Session s = open(run, o);
        long t0 = System.nanoTime();
        Replayer.Summary summary = run.run(s.sinks());
        double wall = (System.nanoTime() - t0) / 1e9;
        return s.finish(summary, wall);
    }

    /** Writes a metrics object as pretty JSON (keys in their given order). */
    public static void writeJson(Map<String, Object> m, Path file) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), m);
    }

    /** Development entry: {@code DIR [imm|cv] [EVENTS]}; prints stats and metrics. */
    public static void main(String[] args) throws Exception {
        TrackerConfig c = new TrackerConfig();
        if (args.length > 1) c.motion = org.vigil.core.track.Motion.of(args[1]);
        ReplayFiles run = ReplayFiles.open(Path.of(args[0]));
        Path ev = Path.of(args.length > 2 ? args[2] : "/dev/null");
        try (OutputStream out = Files.newOutputStream(ev)) {
            Result r = run(run, new Options(c, out, run.truth(), null, DEFAULT_SAMPLE_SECONDS));
            System.out.println(r.stats());
            System.out.printf("wall %.1f s, data %.0f s, %d events%n", r.wallSeconds(), r.dataSeconds(), r.events());
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r.metrics()));
        }
    }
}
