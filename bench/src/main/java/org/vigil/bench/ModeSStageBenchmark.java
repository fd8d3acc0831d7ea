package org.vigil.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.vigil.codec.feed.BeastEncoder;
import org.vigil.codec.feed.BeastFramer;
import org.vigil.codec.feed.FeedCounters;
import org.vigil.codec.modes.Crc24;
import org.vigil.server.pipeline.ModeSPipeline;

/**
 * Issue 20's stage goal, both sides in one run: Beast bytes to the aircraft table
 * ({@link BeastFramer} → {@link ModeSPipeline}: copies check, decoding, CPR, the table) against
 * the floor, the same framing plus a CRC-24 syndrome per frame and nothing else. ns per message on
 * {@link MessageMix} (8,192 frames in receiver proportions), each frame handed to the framer as a
 * socket read would, with a data time 2 ms after the previous one (time goes on from one
 * invocation to the next, so that the table sees a steady stream, not the same second again).
 * Goal: stage ≤ 2× floor.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar ModeSStage -prof gc -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ModeSStageBenchmark {
    private static final int MESSAGES = ModeSDecodeBenchmark.MESSAGES;
    private static final long T0 = 1_753_776_000_000_000_000L; // 2025-07-29, message time base
    private static final long STEP = 2_000_000L; // 2 ms of data time per frame: 500 messages a second

    private byte[] beast;
    private int[] starts;
    private int[] lengths;
    private long time = T0;

    private BeastFramer floor;
    /** The floor's CRCs folded together, returned so that the JIT cannot drop them. */
    private int crcs;

    private BeastFramer stage;

    @Setup
    public void setUp() {
        MessageMix mix = new MessageMix(MESSAGES, ModeSDecodeBenchmark.SEED);
        beast = new byte[MESSAGES * BeastEncoder.MAX_ENCODED];
        starts = new int[MESSAGES];
        lengths = new int[MESSAGES];
        int at = 0;
        for (int i = 0; i < MESSAGES; i++) {
            starts[i] = at;
            lengths[i] = BeastEncoder.encode(mix.stream, mix.offsets[i], mix.lengths[i], i * 24_000L, 120, beast, at);
            at += lengths[i];
        }
        floor = new BeastFramer(
                new FeedCounters(), (buf, off, len, timeNanos, mlat, signal) -> crcs ^= Crc24.syndrome(buf, off, len));
        stage = new BeastFramer(new FeedCounters(), new ModeSPipeline());
    }

    /** The floor: Beast framing (unescaping, type, timestamp, signal) and the CRC-24 of each frame. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public int framingAndCrc() {
        run(floor);
        return crcs;
    }

    /** The stage: framing, copies check, decoding, CPR and the aircraft table (no listener). */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public int framingToAircraftTable() {
        run(stage);
        return (int) time;
    }

    private void run(BeastFramer framer) {
        final byte[] b = beast;
        final int[] s = starts, l = lengths;
        long t = time;
        for (int i = 0; i < MESSAGES; i++) {
            framer.accept(b, s[i], l[i], t);
            t += STEP;
        }
        time = t;
    }
}
