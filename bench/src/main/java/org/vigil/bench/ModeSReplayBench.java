package org.vigil.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.vigil.codec.feed.BeastEncoder;
import org.vigil.codec.feed.BeastFramer;
import org.vigil.codec.feed.FeedCounters;
import org.vigil.codec.feed.FrameSink;
import org.vigil.codec.modes.AircraftUpdater;
import org.vigil.codec.modes.CprResolver;
import org.vigil.codec.modes.ModeSDecoder;
import org.vigil.codec.modes.ModeSMessage;
import org.vigil.core.aircraft.AircraftTable;
import org.vigil.core.aircraft.TrackingRules;

/**
 * Replay bench: the whole receive chain on one thread, Beast bytes to aircraft state.
 *
 * <p>Writes once (cached in the given directory) a Beast capture of {@code --messages} frames
 * (default 5,000,000) made with {@code AdsbEncoder} for {@code --aircraft} simultaneous aircraft
 * (default 20,000) over Europe, each sending what a real one sends (airborne positions even/odd,
 * velocities, identification and status, and the DF11/4/5/20/21/0 replies a radar draws), about
 * 6.5 messages a second each. Then replays it {@code --passes} times (default 3) through
 * {@link BeastFramer} → {@link ModeSDecoder} → {@link CprResolver} → {@link AircraftUpdater} →
 * {@link AircraftTable}, each pass with fresh state, reading the file in 64 KiB chunks into one
 * reused buffer. Message time comes from the Beast 12 MHz timestamps.
 *
 * <p>Reports per pass messages/s and bytes allocated per message (this thread's allocation
 * counter), and after the last pass the heap in use after a full GC with every aircraft alive.
 * Run with {@code -Xmx512m} to show that the picture fits:
 *
 * <pre>
 * java -Xmx512m -cp bench/target/benchmarks.jar org.vigil.bench.ModeSReplayBench /tmp/vigil-replay
 * </pre>
 */
public final class ModeSReplayBench {
    private static final long T0 = 1_753_776_000_000_000_000L; // 2025-07-29T08:00Z, nanoseconds
    private static final double MESSAGES_PER_AIRCRAFT_SECOND = 6.5;
    private static final int CHUNK = 64 * 1024;

    /**
     * One aircraft's cycle of 14 messages (about 2.2 s): 4 airborne positions (slots 0 and 7 even,
     * 4 and 11 odd), 3 ground velocities, and the replies; slot 13 rotates through identification,
     * operational status, aircraft status and airspeed velocity.
     */
    private static final Traffic.Kind[] CYCLE = {
        Traffic.Kind.AIRBORNE_POSITION,
        Traffic.Kind.VELOCITY,
        Traffic.Kind.ALL_CALL,
        Traffic.Kind.ALTITUDE_REPLY,
        Traffic.Kind.AIRBORNE_POSITION,
        Traffic.Kind.VELOCITY,
        Traffic.Kind.COMM_B_ALTITUDE,
        Traffic.Kind.AIRBORNE_POSITION,
        Traffic.Kind.IDENTITY_REPLY,
        Traffic.Kind.SHORT_ACAS,
        Traffic.Kind.VELOCITY,
        Traffic.Kind.AIRBORNE_POSITION,
        Traffic.Kind.COMM_B_IDENTITY,
        null,
    };

    private static final Traffic.Kind[] ROTATING = {
        Traffic.Kind.IDENTIFICATION,
        Traffic.Kind.OPERATIONAL_STATUS,
        Traffic.Kind.AIRCRAFT_STATUS,
        Traffic.Kind.AIRSPEED,
    };

    private ModeSReplayBench() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ModeSReplayBench DIR [--aircraft N] [--messages N] [--passes N]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int aircraft = 20_000, passes = 3;
        long messages = 5_000_000;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--aircraft" -> aircraft = Integer.parseInt(args[i + 1]);
                case "--messages" -> messages = Long.parseLong(args[i + 1]);
                case "--passes" -> passes = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Files.createDirectories(dir);
        Path capture = dir.resolve("vigil-replay-" + aircraft + "ac-" + messages + "msg-v1.beast");
        if (!Files.exists(capture)) {
            long t = System.nanoTime();
            writeCapture(capture, aircraft, messages);
            System.out.printf(
                    "wrote %s (%,d bytes) in %.1f s%n", capture, Files.size(capture), (System.nanoTime() - t) / 1e9);
        } else {
            System.out.printf("using cached %s (%,d bytes)%n", capture, Files.size(capture));
        }
        System.out.printf(
                "JVM %s, max heap %d MiB, %d processors%n",
                System.getProperty("java.vm.version"),
                Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());

        Chain chain = null;
        double best = 0, bestCpu = 0;
        for (int p = 1; p <= passes; p++) {
            chain = new Chain(aircraft, messages / 2);
            long alloc0 = threadAllocatedBytes();
            long cpu0 = threadCpuNanos();
            long t0 = System.nanoTime();
            chain.replay(capture);
            long nanos = System.nanoTime() - t0;
            long cpu = threadCpuNanos() - cpu0;
            long alloc = threadAllocatedBytes() - alloc0;
            long secondHalf = threadAllocatedBytes() - chain.allocAtHalf;
            long secondHalfFrames = chain.frames - chain.halfFrames;
            double rate = chain.frames / (nanos / 1e9);
            double cpuRate = chain.frames / (cpu / 1e9);
            best = Math.max(best, rate);
            bestCpu = Math.max(bestCpu, cpuRate);
            System.out.printf(
                    "pass %d: %,d frames in %.2f s wall = %,.0f msg/s (%.2f s thread CPU = %,.0f msg/s per CPU second)%n",
                    p, chain.frames, nanos / 1e9, rate, cpu / 1e9, cpuRate);
            System.out.printf(
                    "        allocated: %,d bytes in the pass (the picture: states, trails, tables), "
                            + "%.3f bytes/message over the second half (steady state)%n",
                    alloc, (double) secondHalf / secondHalfFrames);
        }
        chain.printSummary();
        System.gc();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(
                "best %,.0f msg/s wall, %,.0f msg/s per CPU second; heap used after GC with %,d aircraft alive: %.1f MiB (max heap %d MiB)%n",
                best,
                bestCpu,
                chain.table.size(),
                heap / 1048576.0,
                Runtime.getRuntime().maxMemory() >> 20);
        // keep the state reachable until the heap was measured
        if (chain.table.size() < 0) System.out.println(System.identityHashCode(chain));
    }

    /** Framer → decoder → CPR → table; one thread, nothing shared. */
    private static final class Chain implements FrameSink {
        final FeedCounters counters = new FeedCounters();
        final BeastFramer framer = new BeastFramer(counters, this);
        final ModeSMessage msg = new ModeSMessage();
        final CprResolver cpr;
        final AircraftUpdater updater = new AircraftUpdater();
        final AircraftTable table;
        long frames, decoded, positions;
        /** Thread allocation counter when frame number {@code half} arrived: steady-state allocation check. */
        private final long half;

        long allocAtHalf, halfFrames;

        Chain(int aircraft, long half) {
            this.half = half;
            cpr = new CprResolver(2 * aircraft);
            table = new AircraftTable(TrackingRules.defaults()
                    .withMaxAircraft(Math.max(aircraft + aircraft / 4, 1024))
                    .withInitialCapacity(aircraft));
        }

        void replay(Path capture) throws IOException {
            byte[] buf = new byte[CHUNK];
            try (InputStream in = Files.newInputStream(capture)) {
                int n;
                while ((n = in.read(buf, 0, CHUNK)) > 0) {
                    framer.accept(buf, 0, n, 0L);
                }
            }
            framer.endOfStream();
        }

        @Override
        public void onFrame(byte[] buf, int off, int len, long timeNanos, long mlat12MHz, int signal) {
            if (++frames == half) {
                allocAtHalf = threadAllocatedBytes();
                halfFrames = frames;
            }
            // replay: message time is the capture's own 12 MHz clock, not the reading time
            long t = T0 + mlat12MHz * 1000 / 12;
            if (!ModeSDecoder.decode(buf, off, len, t, msg)) return;
            decoded++;
            if (msg.cprFormat != ModeSMessage.ABSENT && cpr.resolve(msg)) positions++;
            updater.apply(msg, table, signal);
        }

        void printSummary() {
            System.out.printf(
                    "last pass: %,d frames, %,d decoded, %,d positions resolved, feed rejects %d, %,d aircraft in the table%n",
                    frames, decoded, positions, counters.totalRejects(), table.size());
            StringBuilder b = new StringBuilder("  outcomes:");
            for (AircraftUpdater.Outcome o : AircraftUpdater.Outcome.values()) {
                long c = updater.count(o);
                if (c > 0) b.append(' ').append(o).append('=').append(c);
            }
            System.out.println(b);
            System.out.printf(
                    "  CPR: %,d global, %,d local, %,d NL mismatch, %,d jump rejected%n",
                    cpr.globalDecodes(), cpr.localDecodes(), cpr.nlMismatchRejected(), cpr.jumpRejected());
        }
    }

    /** Writes the capture to a temporary file, then moves it in place (a cut-short run leaves no cache). */
    static void writeCapture(Path capture, int aircraft, long messages) throws IOException {
        Traffic traffic = new Traffic(aircraft, 20_000L + aircraft, 50.0, 10.0, 12.0);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        int[] order = new int[aircraft];
        int[] phase = new int[aircraft];
        for (int i = 0; i < aircraft; i++) {
            order[i] = i;
            phase[i] = rnd.nextInt(CYCLE.length * ROTATING.length);
        }
        for (int i = aircraft - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double rate = aircraft * MESSAGES_PER_AIRCRAFT_SECOND; // messages per second, all aircraft
        byte[] frame = new byte[14];
        byte[] enc = new byte[BeastEncoder.MAX_ENCODED];
        Path tmp = capture.resolveSibling(capture.getFileName() + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
            for (long s = 0; s < messages; s++) {
                int i = order[(int) (s % aircraft)];
                long round = s / aircraft + phase[i];
                int slot = (int) (round % CYCLE.length);
                Traffic.Kind kind = CYCLE[slot];
                if (kind == null) kind = ROTATING[(int) ((round / CYCLE.length) % ROTATING.length)];
                boolean odd = slot == 4 || slot == 11;
                double t = s / rate;
                int len = traffic.write(kind, i, t, odd, frame, 0);
                long mlat = Math.round(t * 12e6);
                int signal = 40 + (i * 31 + (int) round) % 160;
                int n = BeastEncoder.encode(frame, 0, len, mlat, signal, enc, 0);
                out.write(enc, 0, n);
            }
        }
        Files.move(tmp, capture, StandardCopyOption.REPLACE_EXISTING);
    }

    private static long threadCpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long threadAllocatedBytes() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (mx instanceof com.sun.management.ThreadMXBean sun) {
            return sun.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return -1;
    }
}
