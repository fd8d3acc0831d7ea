package org.vigil.server.replay;

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
import org.vigil.core.event.EventSink;
import org.vigil.core.metrics.MetricsConfig;
import org.vigil.core.track.TrackerConfig;
import org.vigil.server.ident.IdentStage;
import org.vigil.server.ident.SimulatedOperator;
import org.vigil.server.picture.Picture;
import org.vigil.server.picture.Theatre;
import org.vigil.server.tracking.SensorCoverage;
import org.vigil.server.tracking.TrackEventWriter;
import org.vigil.server.tracking.TrackMetricsRunner;
import org.vigil.server.tracking.TrackingPipeline;
import org.vigil.server.tracking.TruthStates;

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
     * @param theatre       identification, alerts and QRA on this theatre's data (the picture's flight
     *                      plans are fed from the recorded FPLs, as {@link Session#sinks} does); null: tracking alone
     */
    public record Options(
            TrackerConfig config,
            OutputStream events,
            Path truth,
            MetricsConfig metrics,
            double sampleSeconds,
            Theatre theatre) {
        public Options {
            if (config == null) config = new TrackerConfig();
            if (metrics == null) metrics = MetricsConfig.defaults();
            if (!(sampleSeconds > 0)) sampleSeconds = DEFAULT_SAMPLE_SECONDS;
        }

        /** Without identification. */
        public Options(
                TrackerConfig config, OutputStream events, Path truth, MetricsConfig metrics, double sampleSeconds) {
            this(config, events, truth, metrics, sampleSeconds, null);
        }

        public static Options of(TrackerConfig config) {
            return new Options(config, null, null, null, DEFAULT_SAMPLE_SECONDS);
        }

        public Options withEvents(OutputStream out) {
            return new Options(config, out, truth, metrics, sampleSeconds, theatre);
        }

        public Options withTruth(Path t) {
            return new Options(config, events, t, metrics, sampleSeconds, theatre);
        }

        /** With identification, alerts and QRA ({@link IdentStage} in front of the event writer) on {@code theatre}. */
        public Options withIdentification(Theatre theatre) {
            return new Options(config, events, truth, metrics, sampleSeconds, theatre);
        }
    }

    /**
     * What a replay gave.
     * @param metrics     the metrics JSON object (docs/METRICS.md) plus {@code "tracker"} facts, or null without truth
     * @param wallSeconds wall time of the replay loop (reading, decoding, tracking, scoring)
     */
    public record Result(
            TrackingPipeline.Stats stats,
            Replayer.Summary summary,
            Map<String, Object> metrics,
            long events,
            long instants,
            double wallSeconds) {
        /** Data seconds covered by the inputs. */
        public double dataSeconds() {
            return summary == null || summary.delivered() == 0 ? 0 : (summary.lastNanos() - summary.firstNanos()) / 1e9;
        }
    }

    /** A prepared picture with its event writer and metrics; single use. */
    public static final class Session {
        private final Picture picture;
        private final TrackMetricsRunner metrics;
        private final long interval;
        private final Writer eventsOut;

        private Session(Picture picture, TrackMetricsRunner metrics, long interval, Writer eventsOut) {
            this.picture = picture;
            this.metrics = metrics;
            this.interval = interval;
            this.eventsOut = eventsOut;
        }

        /** The whole picture (Mode S table, tracker, identification...), owned by the replaying thread. */
        public Picture picture() {
            return picture;
        }

        public TrackingPipeline pipeline() {
            return picture.tracking();
        }

        /** The identification stage, or null when the options asked for none. */
        public IdentStage ident() {
            return picture.ident();
        }

        /** Sinks feeding the tracker alone (it decodes Mode S frames itself), and with identification its plan store. */
        public ReplaySinks sinks() {
            TrackingPipeline pipeline = picture.tracking();
            ReplaySinks s =
                    ReplaySinks.none().withFrames(pipeline).withPlots(pipeline).withMessages(pipeline::onDecoded);
            return picture.flightPlans() == null ? s : s.withFlightPlans(picture.flightPlans()::apply);
        }

        /** End of input: releases the reordering window, takes the last samples, flushes the events. */
        public Result finish(Replayer.Summary summary, double wallSeconds) throws IOException {
            TrackingPipeline pipeline = picture.tracking();
            TrackerConfig config = picture.trackerConfig();
            pipeline.finish();
            long events = 0;
            TrackEventWriter writer = picture.trackEvents();
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
            return new Result(
                    pipeline.stats(), summary, json, events, metrics == null ? 0 : metrics.instants(), wallSeconds);
        }
    }

    private TrackingReplay() {}

    /** Prepares the pipeline for {@code run}: sensors from its radars, truth and coverage when asked. */
    public static Session open(ReplayFiles run, Options o) throws IOException {
        OutputStream out = o.events() == null ? null : new BufferedOutputStream(o.events(), 1 << 16);
        Writer text = out == null ? null : new OutputStreamWriter(out, StandardCharsets.UTF_8);
        EventSink sink = text == null ? null : EventSink.jsonLines(text);
        // the one assembly of a picture (as a live server's): tracker centred on the run's radars,
        // identification, alerts and the scramble workflow in front of the event writer. Nobody orders
        // in an unattended replay: no fighters, no orders; recommendations only (docs/QRA.md).
        Picture picture = Picture.builder(o.theatre())
                .tracker(o.config())
                .radars(run.radars())
                .events(sink)
                .build();
        TrackingPipeline pipeline = picture.tracking();
        // nobody at the console of a recording: the scenario's radio events stand in for the controller
        if (picture.ident() != null && run.truth() != null) {
            picture.ident().setOperator(SimulatedOperator.fromTruth(run.truth(), SimulatedOperator.Mode.DECLARE_LOST));
        }
        TrackMetricsRunner metrics = null;
        long interval = 0;
        if (o.truth() != null) {
            TruthStates truth = TruthStates.read(o.truth());
            Path manifest = o.truth().toAbsolutePath().getParent().resolve(ReplayFiles.MANIFEST);
            boolean hasManifest = Files.isReadable(manifest);
            SensorCoverage coverage = hasManifest ? SensorCoverage.fromManifest(manifest) : null;
            double truthInterval = hasManifest
                    ? new ObjectMapper()
                            .readTree(manifest.toFile())
                            .path("truthIntervalSeconds")
                            .asDouble(1)
                    : 1;
            metrics = new TrackMetricsRunner(truth, coverage, o.metrics(), run.startNanos());
            interval = TrackMetricsRunner.interval(o.sampleSeconds(), truthInterval);
            pipeline.setSampler(metrics, metrics.firstInstant(), interval);
        }
        return new Session(picture, metrics, interval, text);
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
            System.out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(r.metrics()));
        }
    }
}
