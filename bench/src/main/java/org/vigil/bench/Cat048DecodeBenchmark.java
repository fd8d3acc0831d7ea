package org.vigil.bench;

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
import org.openjdk.jmh.infra.Blackhole;
import org.vigil.codec.asterix.AsterixDecoder;
import org.vigil.codec.asterix.AsterixRecord;
import org.vigil.codec.asterix.Cat048Record;
import org.vigil.codec.asterix.Cat048Writer;
import org.vigil.codec.asterix.RecordHandler;
import org.vigil.core.Callsigns;

/**
 * CAT048 decoding throughput: blocks of typical Mode S roll-call target reports (010, 140, 020,
 * 040, 070, 090, 220, 240, 161, 200, 170, 230), walked by the data-driven decoder and read through
 * the typed {@link Cat048Record} view (position, level, identity, track). One operation = one record.
 * Run: {@code java -jar bench/target/benchmarks.jar Cat048DecodeBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Cat048DecodeBenchmark {
    static final int RECORDS_PER_BLOCK = 20;
    static final int BLOCKS = 50;
    static final int RECORDS = RECORDS_PER_BLOCK * BLOCKS;

    private byte[] data;
    private int[] blockOffsets;
    private int[] blockLengths;
    private AsterixDecoder decoder;
    private Sink sink;

    /** Reads the fields a plot/track consumer needs; sums them so the JIT cannot drop the reads. */
    static final class Sink implements RecordHandler {
        final Cat048Record view = new Cat048Record();
        Blackhole bh;
        double acc;

        @Override
        public void record(AsterixRecord r) {
            Cat048Record v = view.wrap(r);
            acc += v.rhoMetres() + v.thetaDeg() + v.flightLevel() + v.timeOfDaySeconds() + v.groundSpeedMps();
            bh.consume(v.address() ^ v.mode3A() ^ v.trackNumber() ^ v.typ() ^ v.sac());
            bh.consume(v.callsign());
        }
    }

    @Setup
    public void setup() {
        byte[] buf = new byte[BLOCKS * 1500];
        blockOffsets = new int[BLOCKS];
        blockLengths = new int[BLOCKS];
        Cat048Writer w = new Cat048Writer();
        java.util.Random rnd = new java.util.Random(48);
        int p = 0;
        for (int b = 0; b < BLOCKS; b++) {
            w.startBlock(buf, p);
            for (int i = 0; i < RECORDS_PER_BLOCK; i++) {
                w.clear()
                        .dataSource(25, 201)
                        .timeOfDay(27354.6 + i)
                        .descriptor(5, 0, 0, 0, 0)
                        .polar(rnd.nextDouble() * 400_000, rnd.nextDouble() * 360)
                        .mode3A(rnd.nextInt(4096), 0, 0, 0)
                        .flightLevel(rnd.nextInt(450), 0, 0)
                        .address(rnd.nextInt(1 << 24))
                        .callsign(Callsigns.pack("DLH65A"))
                        .trackNumber(rnd.nextInt(4096))
                        .velocity(rnd.nextDouble() * 300, rnd.nextDouble() * 360)
                        .trackStatus(0, 2, 0, 0, 0, 0, 0, 0, 0)
                        .commsCapability(1, 0, 0, 1, 1, 1, 1, 5);
                w.endRecord();
            }
            blockOffsets[b] = p;
            blockLengths[b] = w.endBlock();
            p += blockLengths[b];
        }
        data = java.util.Arrays.copyOf(buf, p);
        decoder = new AsterixDecoder();
        sink = new Sink();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public double decodeCat048(Blackhole bh) {
        sink.bh = bh;
        int n = 0;
        for (int b = 0; b < BLOCKS; b++) n += decoder.decode(data, blockOffsets[b], blockLengths[b], sink);
        if (n != RECORDS) throw new IllegalStateException("decoded " + n);
        return sink.acc;
    }
}
