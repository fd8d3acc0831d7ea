package org.vigil.bench;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vigil.core.qra.Base;
import org.vigil.core.qra.Detachment;
import org.vigil.core.qra.GeoPredicate;
import org.vigil.core.qra.InterceptOptions;
import org.vigil.core.qra.InterceptRanking;
import org.vigil.core.qra.MapGrid;
import org.vigil.core.qra.Posture;
import org.vigil.core.qra.QraYaml;
import org.vigil.core.qra.Readiness;
import org.vigil.core.qra.Responsiveness;
import org.vigil.core.qra.ResponsivenessMap;
import org.vigil.core.qra.TargetMotion;
import org.vigil.core.qra.TargetPath;

/**
 * QRA planning costs (issue #8 goals): ranking 50 units against one target (goal under 1 ms), and
 * the responsiveness map of the Black Sea region (40.5-47 N, 27-42 E) at 2 km for 10 units (goal
 * under 1 s on one core). Units are spread at random (fixed seed) over the region's bases, all
 * types of the default profiles, QRA-5 and QRA-15.
 * Run: {@code java -jar bench/target/benchmarks.jar QraBench -f 1 -prof gc}, or for thread CPU time
 * per operation (steadier than wall time on a shared machine):
 * {@code java -cp bench/target/benchmarks.jar org.vigil.bench.QraBench}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class QraBench {
    private static final long APRIL_20 = 1_650_445_200_000L; // 2022-04-20T09:00Z
    private static final String[] TYPES = {"F35", "F16", "MG29", "EUFI", "JAS39", "F18S", "RFAL"};

    private Posture fifty;
    private Posture ten;
    private List<Detachment> fiftyUnits;
    private TargetPath straight;
    private TargetPath route;
    private InterceptRanking ranking;
    private Responsiveness responsiveness;
    private MapGrid grid;
    private InterceptOptions options;

    @Setup
    public void setup() {
        Random rnd = new Random(8);
        fifty = posture(rnd, 50);
        ten = posture(rnd, 10);
        fiftyUnits = fifty.detachments();
        straight = new TargetPath(1).straight(43.6, 31.5, 28000, 420, 250);
        route = new TargetPath(4)
                .route(
                        43.6,
                        31.5,
                        28000,
                        new double[] {43.2, 42.9, 42.2},
                        new double[] {29.5, 28.6, 29.5},
                        new double[] {380, 420, 300},
                        3);
        ranking = new InterceptRanking();
        responsiveness = new Responsiveness();
        grid = MapGrid.of(40.5, 47.0, 27.0, 42.0, 2); // the Black Sea map box of the figures in BENCHMARKS.md
        options = InterceptOptions.defaults();
    }

    private static Posture posture(Random rnd, int n) {
        Posture p = new Posture("bench", QraYaml.defaultProfiles());
        for (int i = 0; i < n; i++) {
            double lat = 41 + 5.5 * rnd.nextDouble(), lon = 22 + 18 * rnd.nextDouble();
            p.addDetachment(Detachment.of(
                    "U" + i,
                    "XX",
                    new Base("B" + i, "B" + i, lat, lon, 300 * rnd.nextDouble()),
                    TYPES[i % TYPES.length],
                    2,
                    rnd.nextBoolean() ? Readiness.QRA_5 : Readiness.QRA_15));
        }
        return p;
    }

    /** Rank 50 units against a straight-flying target (one op = the whole ranking). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public double rank50Straight() {
        ranking.rankInto(fiftyUnits, fifty, straight, options, APRIL_20);
        return ranking.solutionAt(0).timeS;
    }

    /** Rank 50 units against a target on a three-leg route. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public double rank50Route() {
        ranking.rankInto(fiftyUnits, fifty, route, options, APRIL_20);
        return ranking.solutionAt(0).timeS;
    }

    /** Black Sea map, 2 km, 10 units, stationary target at FL300 (one op = the whole map). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ResponsivenessMap mapBlackSea2km10Units() {
        return responsiveness.compute(
                ten, grid, GeoPredicate.EVERYWHERE, 30000, 0, TargetMotion.STATIONARY, options, APRIL_20);
    }

    /** The same with a 400 kt target opening from every unit. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ResponsivenessMap mapBlackSea2km10UnitsOpening() {
        return responsiveness.compute(
                ten, grid, GeoPredicate.EVERYWHERE, 30000, 400, TargetMotion.OPENING, options, APRIL_20);
    }

    /** Thread CPU time per operation, after warm-up: the figure that "on one core" asks for. */
    public static void main(String[] args) {
        QraBench b = new QraBench();
        b.setup();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 2000; i++) b.rank50Straight();
            long c0 = mx.getCurrentThreadCpuTime(), w0 = System.nanoTime();
            for (int i = 0; i < 2000; i++) b.rank50Straight();
            long c1 = mx.getCurrentThreadCpuTime(), w1 = System.nanoTime();
            for (int i = 0; i < 2000; i++) b.rank50Route();
            long c2 = mx.getCurrentThreadCpuTime(), w2 = System.nanoTime();
            b.mapBlackSea2km10Units();
            long c3 = mx.getCurrentThreadCpuTime(), w3 = System.nanoTime();
            b.mapBlackSea2km10UnitsOpening();
            long c4 = mx.getCurrentThreadCpuTime(), w4 = System.nanoTime();
            System.out.printf(
                    java.util.Locale.ROOT,
                    "round %d: rank50Straight %.0f us cpu (%.0f wall), rank50Route %.0f us cpu (%.0f wall), "
                            + "map %.0f ms cpu (%.0f wall), map opening %.0f ms cpu (%.0f wall)%n",
                    round,
                    (c1 - c0) / 2000.0 / 1e3,
                    (w1 - w0) / 2000.0 / 1e3,
                    (c2 - c1) / 2000.0 / 1e3,
                    (w2 - w1) / 2000.0 / 1e3,
                    (c3 - c2) / 1e6,
                    (w3 - w2) / 1e6,
                    (c4 - c3) / 1e6,
                    (w4 - w3) / 1e6);
        }
    }
}
