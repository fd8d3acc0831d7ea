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
import org.vigil.core.airspace.NationalAirspace;
import org.vigil.core.airspace.NatoMembership;
import org.vigil.core.airspace.TimeToEntry;

/**
 * Point-in-airspace and time-to-entry with the national airspace of all of Europe loaded
 * ({@link NationalAirspace#europe()}, 67 states, about a million vertices). One operation = one
 * lookup of the next of 65,536 fixed pseudo-random points over lon 25 W–45 E, lat 34–71 N (seed
 * 12): open sea, coasts, land and borders in the proportions of the map. Sample mode gives the
 * median; {@code -prof gc} the bytes allocated per lookup.
 * Run: {@code java -jar bench/target/benchmarks.jar AirspaceLookupBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx2g"})
public class AirspaceLookupBenchmark {
    static final int POINTS = 1 << 16;

    private NationalAirspace air;
    private TimeToEntry tte;
    private final double[] lat = new double[POINTS];
    private final double[] lon = new double[POINTS];
    private final double[] track = new double[POINTS];
    private int next;
    private long time;

    @Setup
    public void setUp() {
        air = NationalAirspace.europe();
        tte = new TimeToEntry(air, NatoMembership.defaults().bind(air));
        SplittableRandom r = new SplittableRandom(12);
        for (int i = 0; i < POINTS; i++) {
            lat[i] = 34 + 37 * r.nextDouble();
            lon[i] = -25 + 70 * r.nextDouble();
            track[i] = 360 * r.nextDouble();
        }
        time = 1_735_689_600_000_000_000L; // 2025-01-01T00:00Z
    }

    /** Which state's national airspace holds the point (or none). */
    @Benchmark
    public int stateAt() {
        int i = next++ & (POINTS - 1);
        return air.stateAt(lat[i], lon[i]);
    }

    /**
     * Time to entry into any NATO member's airspace, 5 minutes ahead at 480 kt along a random track
     * (the path is sampled every 500 m: up to 80 point lookups plus the bisection).
     */
    @Benchmark
    public double timeToEntryFiveMinutes() {
        int i = next++ & (POINTS - 1);
        tte.compute(lat[i], lon[i], 30_000, track[i], 480, time, TimeToEntry.ANY_NATO, 300);
        return tte.seconds;
    }
}
