package org.vigil.server.replay;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.vigil.codec.fpl.FplParseResult;
import org.vigil.codec.fpl.FplParser;
import org.vigil.core.event.EventSink;
import org.vigil.core.flightplan.FlightPlanStore;
import org.vigil.core.flightplan.RouteExpander;
import org.vigil.core.flightplan.RoutePoints;
import org.vigil.core.ident.EventLines;
import org.vigil.core.ident.IdentificationEngine;
import org.vigil.core.radar.RadarSite;
import org.vigil.core.sim.RadarSpec;
import org.vigil.core.sim.Scenario;
import org.vigil.core.track.TrackerConfig;
import org.vigil.server.cli.Theatres;
import org.vigil.server.ident.IdentStage;
import org.vigil.server.recording.RadarBlockSink;
import org.vigil.server.recording.RecordingTap;
import org.vigil.server.sim.ScenarioLoader;
import org.vigil.server.sim.SimFeed;
import org.vigil.server.tracking.TrackEventWriter;
import org.vigil.server.tracking.TrackingPipeline;

/**
 * The pipeline a live run uses for the tests: tracking (TrackingPipeline + TrackEventWriter) and
 * identification (IdentStage, flight plans), their JSON Lines event writers feeding one
 * a typed {@link EventSink}; and the default scenario's live sensors
 * (SimFeed) advanced by hand, with every raw input going through a {@link RecordingTap}.
 */
final class RecordFixture {
    static final String SCENARIO = "black-sea-2022";

    /** One pipeline and its event writers. */
    static final class Pipeline {
        final FlightPlanStore plans = new FlightPlanStore(
                new RouteExpander(RoutePoints.bundled().withWaypoints("/flightplan/waypoints.csv")));
        final TrackEventWriter trackEvents;
        final TrackingPipeline tracking;

        Pipeline(List<RadarSite> radars, EventSink sink) {
            // one typed sink for both writers: events reach it as they happen, in order
            trackEvents = new TrackEventWriter(sink);
            IdentificationEngine engine =
                    Theatres.builtIn("black-sea-2022").identificationEngine(plans, new EventLines(sink));
            IdentStage stage = new IdentStage(engine, trackEvents);
            tracking = new TrackingPipeline(TrackingPipeline.centreOn(new TrackerConfig(), radars), stage, radars);
            tracking.withTracker(t -> {
                stage.bind(t);
                return null;
            });
        }

        /** The sinks a replay delivers to: frames and plots to the tracker, flight plans to the store. */
        ReplaySinks sinks() {
            return ReplaySinks.none()
                    .withFrames(tracking)
                    .withPlots(tracking)
                    .withMessages(tracking::onDecoded)
                    .withFlightPlans(plans::apply);
        }

        /**
         * Where a stream would be flushed: nothing is buffered any more (the writers hand typed events
         * to the sink as they happen), kept so that the tests' sequence of steps reads as before.
         */
        void flush() {}
    }

    static Scenario scenario() {
        try {
            return ScenarioLoader.load(SCENARIO);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<RadarSite> radars(Scenario sc) {
        List<RadarSite> out = new ArrayList<>();
        for (RadarSpec r : sc.radars()) out.add(SimFeed.site(r));
        return out;
    }

    /** The scenario's live sensors feeding {@code p}, every raw input recorded through {@code tap}. */
    static final class LiveSensors {
        final SimFeed feed;
        final Scenario scenario;
        final org.vigil.codec.feed.FrameSink frames;
        /** Traffic inputs (frames and radar blocks) still to drop: what the journal already holds after a restart. */
        long skip;

        LiveSensors(Scenario sc, Pipeline p, RecordingTap tap) {
            this(sc, p, tap, 0);
        }

        /**
         * @param skip traffic inputs to drop at the start (a restarted source that resumes where the
         *             journal ends); with skip > 0 the flight plans are not filed again (the rebuild did)
         */
        LiveSensors(Scenario sc, Pipeline p, RecordingTap tap, long skip) {
            this.scenario = sc;
            this.skip = skip;
            this.feed = new SimFeed(sc, p.tracking);
            long start = sc.startEpochSeconds() * 1_000_000_000L;
            // flight plans first, stamped at the start, as LiveSimulation files them
            FplParser parser = new FplParser();
            for (String text : skip > 0 ? List.<String>of() : feed.flightPlans()) {
                if (tap != null) tap.flightPlans("sim-flightplans", start, start, text);
                for (FplParseResult r : parser.parseAll(text)) {
                    if (r instanceof FplParseResult.Parsed ok) p.plans.apply(ok.message());
                }
            }
            org.vigil.codec.feed.FrameSink f = tap == null ? p.tracking : tap.modeS("sim-adsb", p.tracking);
            frames = (buf, off, len, t, mlat, signal) -> {
                if (skipNext()) return;
                f.onFrame(buf, off, len, t, mlat, signal);
            };
            if (tap != null) tapRadars(feed, sc, tap, start, this::skipNext);
        }

        boolean skipNext() {
            if (skip <= 0) return false;
            skip--;
            return true;
        }

        void advanceTo(double seconds) {
            for (double t = Math.ceil(feed.simulation().time()); t <= seconds; t += 1) {
                feed.advanceTo(Math.min(t, seconds), frames);
            }
        }
    }

    /**
     * Puts the tap in front of each simulated radar's decoder. SimFeed decodes its radars' blocks
     * itself and offers no hook yet, so the test reaches its block callbacks by reflection; the
     * one-line hook asked for in the report replaces this.
     */
    static void tapRadars(
            SimFeed feed, Scenario sc, RecordingTap tap, long startNanos, java.util.function.BooleanSupplier skip) {
        try {
            Field radarsField = SimFeed.class.getDeclaredField("radars");
            radarsField.setAccessible(true);
            Object sensors = radarsField.get(feed);
            Class<?> sensorClass = sensors.getClass().getComponentType();
            Field live = sensorClass.getDeclaredField("live");
            live.setAccessible(true);
            Class<?> sinkClass = live.getType();
            Method block = sinkClass.getDeclaredMethod("block", byte[].class, int.class, int.class, double.class);
            block.setAccessible(true);
            for (int i = 0; i < Array.getLength(sensors); i++) {
                Object sensor = Array.get(sensors, i);
                Object original = live.get(sensor);
                RadarSpec spec = sc.radars().get(i);
                RadarBlockSink recorded = tap.radar("sim-radar-" + spec.sac() + "-" + spec.sic());
                Object wrapper = Proxy.newProxyInstance(
                        sinkClass.getClassLoader(), new Class<?>[] {sinkClass}, (proxy, m, args) -> {
                            if (!m.getName().equals("block")) return m.invoke(original, args);
                            if (skip.getAsBoolean()) return null;
                            byte[] buf = (byte[]) args[0];
                            int off = (Integer) args[1], len = (Integer) args[2];
                            double t = (Double) args[3];
                            recorded.block(buf, off, len, startNanos + Math.round(t * 1e9));
                            return block.invoke(original, args);
                        });
                live.set(sensor, wrapper);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("SimFeed changed: update RecordFixture.tapRadars", e);
        }
    }

    private RecordFixture() {}
}
