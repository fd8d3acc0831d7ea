package org.vigil.bench;

import java.util.Arrays;
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
import org.vigil.core.qra.Posture;
import org.vigil.core.qra.QraYaml;
import org.vigil.core.qra.Readiness;
import org.vigil.core.qra.scramble.Fighters;
import org.vigil.core.qra.scramble.ScrambleConfig;
import org.vigil.core.qra.scramble.ScrambleService;

/**
 * Continuous re-planning (issue #19): 20 ordered scrambles and 200 alerts with a recommendation
 * (24 units: the default four plus 20 at random bases), every target with a track covariance (so
 * every plan carries its interval: 9 solves per unit). Every track update turns its target by 20
 * degrees (alternately left and right), so every update re-plans: one operation = one target's
 * update followed by the workflow's tick. Targets are updated in turn, one every 20 ms of data time.
 * Run: {@code java -jar bench/target/benchmarks.jar QraReplanBench -f 1}, or for thread CPU time
 * and the latency distribution per update: {@code java -cp bench/target/benchmarks.jar org.vigil.bench.QraReplanBench}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class QraReplanBench {
    static final int SCRAMBLES = 20, ALERTS = 200, TARGETS = SCRAMBLES + ALERTS;
    private static final long T0 = 1_650_445_200_000_000_000L; // 2022-04-20T09:00Z
    private static final String[] TYPES = {"F35", "F16", "MG29", "EUFI", "JAS39", "F18S", "RFAL"};

    private ScrambleService service;
    private final double[] lat = new double[TARGETS], lon = new double[TARGETS], course = new double[TARGETS];
    private long now;
    private int next;
    private long updates;

    @Setup
    public void setup() {
        Random rnd = new Random(19);
        Posture posture = QraYaml.posture(
                QraReplanBench.class.getResourceAsStream("/qra/black-sea-2022.yaml"),
                "black-sea-2022 posture",
                QraYaml.defaultProfiles());
        double[] baseLat = new double[SCRAMBLES], baseLon = new double[SCRAMBLES];
        for (int i = 0; i < SCRAMBLES; i++) {
            baseLat[i] = 42 + 3.5 * rnd.nextDouble();
            baseLon[i] = 23 + 10 * rnd.nextDouble();
            posture.addDetachment(Detachment.of(
                    "U" + i,
                    "XX",
                    new Base("B" + i, "B" + i, baseLat[i], baseLon[i], 300),
                    TYPES[i % TYPES.length],
                    2,
                    rnd.nextBoolean() ? Readiness.QRA_5 : Readiness.QRA_15));
        }
        service = new ScrambleService(posture, ScrambleConfig.defaults(), Fighters.NONE, null);
        now = T0;
        for (int i = 0; i < TARGETS; i++) {
            lat[i] = 42.5 + 2.5 * rnd.nextDouble();
            lon[i] = 29 + 5 * rnd.nextDouble();
            course[i] = 360 * rnd.nextDouble();
            if (i < SCRAMBLES) { // a scrambled target within reach of its unit: 40-80 NM from the base
                lat[i] = baseLat[i] + 0.6 + 0.6 * rnd.nextDouble();
                lon[i] = baseLon[i] + 0.6 * rnd.nextDouble();
                course[i] = org.vigil.core.geo.Sphere.bearingDeg(lat[i], lon[i], baseLat[i], baseLon[i]); // inbound
            }
            update(i, 0);
            if (i >= SCRAMBLES) service.onAlert(i, track(i), "no-transponder", 3, now);
        }
        boolean[] tasked = new boolean[SCRAMBLES];
        for (int i = 0; i < SCRAMBLES; i++) {
            boolean ordered = false;
            for (int k = 0; k < SCRAMBLES && !ordered; k++) {
                int j = (i + k) % SCRAMBLES; // its own unit first, else any untasked one that can intercept
                if (tasked[j]) continue;
                String id = service.propose(0, track(i), "U" + j, "bench", ScrambleService.Gate.OPEN)
                        .scrambleId();
                if (id == null) continue;
                ordered = service.order(id, "bench", ScrambleService.Gate.OPEN).ok();
                if (ordered) tasked[j] = true;
                else service.cancel(id, "bench", "cannot intercept", ScrambleService.Gate.OPEN);
            }
            if (!ordered) throw new IllegalStateException("scramble " + i + " not ordered");
        }
    }

    private static int track(int i) {
        return 1000 + i;
    }

    private void update(int i, double turn) {
        course[i] = (course[i] + turn + 360) % 360;
        service.onTrackUpdate(track(i), now, lat[i], lon[i], 28_000, 420, course[i], -1, 0, 300, 64, 10, 49);
    }

    /** One target's update (turning 20 degrees: a re-plan) and the tick after it. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long updateAndReplan() {
        now += 20_000_000L;
        int i = next;
        next = (next + 1) % TARGETS;
        update(i, (updates++ & 1) == 0 ? 20 : -20);
        service.tick(now);
        return service.now();
    }

    /** Thread CPU time and wall latency per update: mean, median, p99 (after a warm-up). */
    public static void main(String[] args) {
        QraReplanBench b = new QraReplanBench();
        b.setup();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 4 * TARGETS;
        for (int i = 0; i < 2 * TARGETS; i++) b.updateAndReplan();
        for (int round = 0; round < 3; round++) {
            long[] cpu = new long[n], wall = new long[n];
            for (int i = 0; i < n; i++) {
                long c0 = mx.getCurrentThreadCpuTime(), w0 = System.nanoTime();
                b.updateAndReplan();
                cpu[i] = mx.getCurrentThreadCpuTime() - c0;
                wall[i] = System.nanoTime() - w0;
            }
            System.out.printf(
                    java.util.Locale.ROOT,
                    "round %d (%d updates): cpu mean %.0f us, median %.0f us, p99 %.0f us; "
                            + "wall median %.0f us, p99 %.0f us%n",
                    round,
                    n,
                    Arrays.stream(cpu).average().orElse(0) / 1e3,
                    pct(cpu, 0.5) / 1e3,
                    pct(cpu, 0.99) / 1e3,
                    pct(wall, 0.5) / 1e3,
                    pct(wall, 0.99) / 1e3);
        }
    }

    private static double pct(long[] v, double q) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.floor(q * s.length))];
    }
}
