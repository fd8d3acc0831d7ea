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
import org.vigil.server.cli.Theatres;
import org.vigil.server.replay.ReplayFiles;
import org.vigil.server.replay.ReplaySinks;
import org.vigil.server.replay.Replayer;
import org.vigil.server.sim.ScenarioLoader;
import org.vigil.server.sim.SimRunner;
import org.vigil.server.tracking.TrackingPipeline;

/**
 * Benchmark (docs/BENCHMARKS.md "Identification"), run only with {@code -Dvigil.bench=true}: the
 * cost of identification per track update inside the replay of black-sea-2022 (35 min), and the
 * whole pipeline's rate with and without it. Each variant is replayed {@link #ROUNDS} times in one
 * JVM, alternating.
 *
 * <p>Cost per update, two ways: the replay thread's CPU time with identification minus without,
 * divided by the engine updates (robust on a shared machine: other processes' load does not count),
 * and the elapsed time timed inside {@link IdentStage} (facts plus engine; inflated when the machine is
 * loaded). Events go to a no-op listener. Pipeline rate: inputs (frames, plots, plans) per second of
 * wall time of the whole replay. Medians over the rounds after two warm-up rounds.
 */
class IdentReplayCostTest {
    static final int ROUNDS = 7;
    static final java.lang.management.ThreadMXBean MX = java.lang.management.ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    @Test
    void identificationCostPerTrackUpdateInTheReplay() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("vigil.bench"), "benchmark: run with -Dvigil.bench=true");
        SimRunner.run(ScenarioLoader.load("black-sea-2022"), dir, 35 * 60.0, null);
        ReplayFiles run = ReplayFiles.open(dir);
        int warm = 2;
        double[] extraCpuPerUpdate = new double[ROUNDS - warm];
        double[] insidePerUpdate = new double[ROUNDS - warm];
        double[] rateWith = new double[ROUNDS - warm];
        double[] rateWithout = new double[ROUNDS - warm];
        for (int round = 0; round < ROUNDS; round++) {
            double[] a = replay(run, false, false);
            double[] b = replay(run, true, false);
            double[] c = replay(run, true, true);
            double perUpdate = (b[1] - a[1]) / b[2];
            System.out.printf(
                    Locale.ROOT,
                    "round %d: without ident %.2f s wall %.2f s CPU; with ident %.2f s wall %.2f s CPU; "
                            + "%,.0f inputs; %,.0f ident updates; +%.0f ns CPU/update; %.0f ns/update timed inside the stage%n",
                    round,
                    a[0],
                    a[1] / 1e9,
                    b[0],
                    b[1] / 1e9,
                    a[3],
                    b[2],
                    perUpdate,
                    c[4]);
            if (round >= warm) {
                extraCpuPerUpdate[round - warm] = perUpdate;
                insidePerUpdate[round - warm] = c[4];
                rateWith[round - warm] = b[3] / b[0];
                rateWithout[round - warm] = a[3] / a[0];
            }
        }
        System.out.printf(
                Locale.ROOT,
                "RESULT median over %d rounds: identification %.0f ns CPU per track update (replay CPU with minus without), "
                        + "%.0f ns per update timed inside the stage; pipeline %,.0f inputs/s with identification, %,.0f without%n",
                ROUNDS - warm,
                median(extraCpuPerUpdate),
                median(insidePerUpdate),
                median(rateWith),
                median(rateWithout));
        assertThat(median(rateWith)).isPositive();
    }

    static double median(double[] v) {
        double[] c = v.clone();
        java.util.Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

    /** One replay; returns {wall s, thread CPU ns, ident updates, inputs, ns/update timed inside the stage}. */
    static double[] replay(ReplayFiles run, boolean ident, boolean timing) throws Exception {
        FlightPlanStore plans = new FlightPlanStore(
                new RouteExpander(RoutePoints.bundled().withWaypoints("/flightplan/waypoints.csv")));
        IdentStage stage = null;
        TrackingPipeline pipeline;
        TrackerConfig config = TrackingPipeline.centreOn(new TrackerConfig(), run.radars());
        if (ident) {
            IdentificationEngine engine =
                    Theatres.builtIn("black-sea-2022").identificationEngine(plans, IdentEventListener.NONE);
            stage = new IdentStage(engine, null);
            stage.setOperator(SimulatedOperator.fromTruth(run.truth(), SimulatedOperator.Mode.DECLARE_LOST));
            stage.setTiming(timing);
            pipeline = new TrackingPipeline(config, stage, run.radars());
            IdentStage s = stage;
            pipeline.withTracker(t -> {
                s.bind(t);
                return null;
            });
        } else {
            pipeline = new TrackingPipeline(config, null, run.radars());
        }
        long c0 = MX.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Replayer.Summary s = run.run(ReplaySinks.none()
                .withFrames(pipeline)
                .withPlots(pipeline)
                .withMessages(pipeline::onDecoded)
                .withFlightPlans(plans::apply));
        pipeline.finish();
        double wall = (System.nanoTime() - t0) / 1e9;
        long cpu = MX.getCurrentThreadCpuTime() - c0;
        long updates = stage == null ? 0 : stage.updates();
        double inside = stage == null || !timing ? Double.NaN : stage.updateCpuNanos() / (double) Math.max(1, updates);
        return new double[] {wall, cpu, updates, s.delivered(), inside};
    }
}
