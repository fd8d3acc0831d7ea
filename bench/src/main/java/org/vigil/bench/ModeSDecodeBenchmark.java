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
import org.openjdk.jmh.infra.Blackhole;
import org.vigil.codec.modes.CprResolver;
import org.vigil.codec.modes.ModeSDecoder;
import org.vigil.codec.modes.ModeSMessage;

/**
 * Mode S decoding, ns per message, on one realistic receiver mix ({@link MessageMix}: 8,192
 * frames, DF17/11/4/5/20/21/0 in receiver proportions, real frames plus encoder-written ones),
 * side by side with OpenSky's libadsb 3.4.0 on the very same frames. Each invocation decodes the
 * whole set, so the score is the mean cost of one message of the mix; {@code -prof gc} gives
 * {@code gc.alloc.rate.norm} per message (the goal for ours is 0 B).
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar ModeSDecode -prof gc -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ModeSDecodeBenchmark {
    static final long SEED = 1090;
    static final int MESSAGES = 8192;

    private MessageMix mix;
    private final ModeSMessage msg = new ModeSMessage();
    private CprResolver resolver;
    private org.opensky.libadsb.ModeSDecoder libadsb;
    private static final long T0 = 1_753_776_000_000_000_000L; // 2025-07-29, message time base

    @Setup
    public void setUp() {
        mix = new MessageMix(MESSAGES, SEED);
        resolver = new CprResolver(1024);
        libadsb = new org.opensky.libadsb.ModeSDecoder();
    }

    /** Our decoder: fills the reused message; nothing allocated. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void vigilDecode(Blackhole bh) {
        final byte[] stream = mix.stream;
        final int[] off = mix.offsets, len = mix.lengths;
        final ModeSMessage m = msg;
        for (int i = 0; i < MESSAGES; i++) {
            bh.consume(ModeSDecoder.decode(stream, off[i], len[i], T0 + i * 2_000_000L, m));
        }
    }

    /** Our decoder plus the CPR resolver (global/local position per aircraft), as in the pipeline. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void vigilDecodeAndResolve(Blackhole bh) {
        final byte[] stream = mix.stream;
        final int[] off = mix.offsets, len = mix.lengths;
        final ModeSMessage m = msg;
        final CprResolver r = resolver;
        for (int i = 0; i < MESSAGES; i++) {
            if (ModeSDecoder.decode(stream, off[i], len[i], T0 + i * 2_000_000L, m)
                    && m.cprFormat != ModeSMessage.ABSENT) {
                bh.consume(r.resolve(m));
            }
        }
    }

    /** libadsb 3.4.0 on the same frames (one array per frame, as its API takes them). */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void libadsbDecode(Blackhole bh) {
        final byte[][] frames = mix.frames;
        final org.opensky.libadsb.ModeSDecoder d = libadsb;
        for (int i = 0; i < MESSAGES; i++) {
            try {
                bh.consume(d.decode(frames[i]));
            } catch (Exception e) {
                bh.consume(e); // libadsb refuses some valid frames; they cost what they cost
            }
        }
    }
}
