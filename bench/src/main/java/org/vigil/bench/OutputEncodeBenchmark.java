package org.vigil.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vigil.codec.asterix.Cat062Writer;
import org.vigil.core.track.AreaProjection;
import org.vigil.server.output.asterix.AsterixOutput;
import org.vigil.server.output.cot.CotEncoder;
import org.vigil.server.tracking.SystemTrackView;

/**
 * The outputs' encode path with 5,000 system tracks (issue 17): one operation = one track update
 * encoded as a CoT XML event, a TAK protocol v1 message, or a CAT062 record (with the output's
 * mapping: projection, Mode 3/A, address, callsign). The tracks are the picture's snapshot views,
 * built once, as the outputs receive them. {@code -prof gc} gives bytes allocated per message.
 * Run: {@code java -jar bench/target/benchmarks.jar OutputEncodeBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OutputEncodeBenchmark {
    static final int TRACKS = 5_000;
    static final String[] IDENTITIES = {
        null, "pending", "unknown", "assumed-friend", "friend", "neutral", "suspect", "hostile"
    };

    private List<SystemTrackView> tracks;
    private final CotEncoder cot = new CotEncoder();
    private final Cat062Writer cat062 = new Cat062Writer();
    private final AreaProjection plane = new AreaProjection(43.5, 30.0);
    private final byte[] out = new byte[CotEncoder.MAX_EVENT];
    private final byte[] block = new byte[TRACKS * Cat062Writer.MAX_RECORD + 3];

    @Setup
    public void tracks() {
        SplittableRandom r = new SplittableRandom(17);
        tracks = new ArrayList<>(TRACKS);
        for (int i = 0; i < TRACKS; i++) {
            boolean modeS = i % 10 != 0; // one in ten primary-only
            tracks.add(new SystemTrackView(
                    i + 1,
                    i % 20 == 0 ? "tentative" : "confirmed",
                    40 + r.nextDouble() * 8,
                    22 + r.nextDouble() * 20,
                    modeS ? 1000 + r.nextInt(40_000) : null,
                    150 + r.nextDouble() * 350,
                    r.nextDouble() * 360,
                    modeS ? r.nextInt(-3000, 3000) : null,
                    modeS ? String.format("%06X", 0x400000 + i) : null,
                    modeS ? String.format("ABC%04d", i) : null,
                    modeS ? String.format("%04o", r.nextInt(4096)) : null,
                    modeS ? List.of("ADS-B", "Varna") : List.of("Varna"),
                    false,
                    !modeS,
                    5 + r.nextDouble() * 100,
                    600,
                    r.nextDouble() * 4,
                    1_650_445_200_000L + i,
                    null,
                    IDENTITIES[i % IDENTITIES.length],
                    List.of(),
                    150 + r.nextDouble() * 300,
                    100 + r.nextDouble() * 50,
                    r.nextDouble() * 180));
        }
    }

    @Benchmark
    @OperationsPerInvocation(TRACKS)
    public int cotXml() {
        int n = 0;
        for (int i = 0; i < TRACKS; i++) n += cot.xml(tracks.get(i), 10_000, 15, out, 0);
        return n;
    }

    @Benchmark
    @OperationsPerInvocation(TRACKS)
    public int cotProtoStream() {
        int n = 0;
        for (int i = 0; i < TRACKS; i++) n += cot.proto(tracks.get(i), 10_000, 15, true, out, 0);
        return n;
    }

    @Benchmark
    @OperationsPerInvocation(TRACKS)
    public int cat062() {
        cat062.startBlock(block, 0);
        int n = 0;
        for (int i = 0; i < TRACKS; i++) n += AsterixOutput.encode(cat062, plane, 0, 1, tracks.get(i));
        return n + cat062.endBlock();
    }
}
