package org.vigil.server.ident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.flightplan.FlightPlanStore;
import org.vigil.core.flightplan.RouteExpander;
import org.vigil.core.flightplan.RoutePoints;
import org.vigil.core.ident.IdentEventListener;
import org.vigil.core.ident.IdentificationEngine;
import org.vigil.core.track.TrackerConfig;
import org.vigil.server.replay.RecordedRun;
import org.vigil.server.replay.ReplaySinks;
import org.vigil.server.sim.ScenarioLoader;
import org.vigil.server.sim.SimRunner;
import org.vigil.server.tracking.TrackingPipeline;

/**
 * Benchmark (docs/BENCHMARKS.md "Identification"), run only with {@code -Dvigil.bench=true}: the
 * cost of identification per track update inside the replay of black-sea-2022 (35 min), and the
 * whole pipeline's rate with and without it. Each variant is replayed {@link #ROUNDS} times in one
 * JVM, alternating, and the last round is reported (the first rounds warm the JIT up).
 *
 * <p>Cost per update: elapsed time inside {@link IdentStage} (facts filling plus the engine, with the
 * events going to a no-op listener) divided by the engine updates; pipeline rate: inputs (frames,
 * plots, plans) per second of wall time of the whole replay.
 */
class IdentReplayCostTest {
    static final int ROUNDS = 4;

    @TempDir
    Path dir;

    @Test
    void identificationCostPerTrackUpdateInTheReplay() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("vigil.bench"), "benchmark: run with -Dvigil.bench=true");
        SimRunner.run(ScenarioLoader.load("black-sea-2022"), dir, 35 * 60.0, null);
        RecordedRun run = RecordedRun.open(dir);
        double[] last = new double[5];
        for (int round = 0; round < ROUNDS; round++) {
            double without = replay(run, false, null);
            double[] with = new double[3];
            double withWall = replay(run, true, with);
            last[0] = without;
            last[1] = withWall;
            last[2] = with[0];
            last[3] = with[1];
            last[4] = with[2];
            System.out.printf(Locale.ROOT, "round %d: without ident %.2f s, with ident %.2f s; %,.0f inputs; ident %,.0f updates, %.0f ns/update%n",
                    round, without, withWall, with[2], with[0], with[1]);
        }
        System.out.printf(Locale.ROOT, "RESULT inputs/s without ident %,.0f, with ident %,.0f; ident %.0f ns/update over %,.0f updates%n",
                last[4] / last[0], last[4] / last[1], last[3], last[2]);
        assertThat(last[2]).isPositive();
    }

    /** One replay; returns wall seconds; {@code out} = {updates, ns/update, inputs}. */
    static double replay(RecordedRun run, boolean ident, double[] out) throws Exception {
        FlightPlanStore plans = new FlightPlanStore(new RouteExpander(RoutePoints.blackSea()));
        IdentStage stage = null;
        TrackingPipeline pipeline;
        TrackerConfig config = TrackingPipeline.centreOn(new TrackerConfig(), run.radars());
        if (ident) {
            IdentificationEngine engine = IdentStage.defaultEngine(plans, IdentEventListener.NONE);
            stage = new IdentStage(engine, null);
            stage.setOperator(SimulatedOperator.fromTruth(run.truth(), SimulatedOperator.Mode.DECLARE_LOST));
            stage.setTiming(true);
            pipeline = new TrackingPipeline(config, stage, run.radars());
            IdentStage s = stage;
            pipeline.withTracker(t -> {
                s.bind(t);
                return null;
            });
        } else {
            pipeline = new TrackingPipeline(config, null, run.radars());
        }
        long t0 = System.nanoTime();
        RecordedRun.Summary s = run.run(ReplaySinks.none().withFrames(pipeline).withPlots(pipeline)
                .withMessages(pipeline::onDecoded).withFlightPlans(plans::apply));
        pipeline.finish();
        double wall = (System.nanoTime() - t0) / 1e9;
        if (out != null) {
            out[0] = stage.updates();
            out[1] = stage.updateCpuNanos() / (double) Math.max(1, stage.updates());
            out[2] = s.delivered();
        }
        return wall;
    }
}
