package org.vigil.bench;

import java.util.SplittableRandom;
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
import org.vigil.core.gnss.GnssRules;
import org.vigil.core.gnss.InterferenceEstimator;

/**
 * The GNSS interference estimator (docs/GNSS.md) with 20,000 aircraft over Europe (seed 21, a fifth
 * of them with degraded integrity). {@code message}: one ADS-B message (position, velocity or
 * operational status, in the proportions of the 2 Hz/2 Hz/0.4 Hz rates) of the next aircraft, with
 * the time moving on 25 µs per message (40,000 messages a second of data); {@code -prof gc} gives the
 * bytes per message. {@code update}: one grid update over the 20,000 aircraft, all heard within the
 * window (done once a second of data).
 * Run: {@code java -jar bench/target/benchmarks.jar GnssEstimatorBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx2g"})
public class GnssEstimatorBenchmark {
    static final int AIRCRAFT = 20_000;
    static final long T0 = 1_650_000_000_000_000_000L;

    private InterferenceEstimator estimator;
    private final double[] lat = new double[AIRCRAFT], lon = new double[AIRCRAFT], track = new double[AIRCRAFT];
    private final int[] nic = new int[AIRCRAFT];
    /** Degrees per second north and east (450 kt along the track). */
    private final double[] vN = new double[AIRCRAFT], vE = new double[AIRCRAFT];

    private int next, kind;
    private long time = T0;

    @Setup
    public void setUp() {
        estimator = new InterferenceEstimator(GnssRules.defaults(), null);
        SplittableRandom r = new SplittableRandom(21);
        for (int i = 0; i < AIRCRAFT; i++) {
            lat[i] = 36 + r.nextDouble() * 30;
            lon[i] = -10 + r.nextDouble() * 45;
            track[i] = r.nextDouble() * 360;
            nic[i] = r.nextInt(5) == 0 ? 3 : 8;
            vN[i] = 450 / 3600.0 / 60 * Math.cos(Math.toRadians(track[i]));
            vE[i] = 450 / 3600.0 / 60 * Math.sin(Math.toRadians(track[i])) / Math.cos(Math.toRadians(lat[i]));
        }
        // a minute of traffic first, so every aircraft is known and has a reference position
        for (int s = 0; s < 60; s++) {
            for (int i = 0; i < AIRCRAFT; i++) {
                long t = T0 + s * 1_000_000_000L + i;
                estimator.velocity(0x100000 + i, t, 450, track[i]);
                estimator.position(
                        0x100000 + i, t, lat[i] + vN[i] * (s + i * 1e-9), lon[i] + vE[i] * (s + i * 1e-9), nic[i]);
            }
            estimator.update(T0 + s * 1_000_000_000L);
        }
        time = T0 + 60_000_000_000L;
    }

    @Benchmark
    public int message() {
        int i = next;
        next = i + 1 == AIRCRAFT ? 0 : i + 1;
        time += 25_000;
        int a = 0x100000 + i;
        switch (kind) {
            case 0, 1 -> {
                // flying at 450 kt along its track, as its velocity says (otherwise every aircraft is "spoofed")
                double dt = (time - T0) / 1e9;
                estimator.position(a, time, lat[i] + vN[i] * dt, lon[i] + vE[i] * dt, nic[i]);
            }
            case 2, 3 -> estimator.velocity(a, time, 450, track[i]);
            default -> estimator.accuracy(a, time, nic[i] == 3 ? 4 : 9);
        }
        kind = kind == 4 ? 0 : kind + 1;
        return i;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int update() {
        estimator.update(T0 + 59_000_000_000L); // every aircraft heard within the window

        return estimator.openAreas();
    }
}
