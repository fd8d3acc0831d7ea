package org.vigil.server.recording;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Recording rate of the embedded store under the durability default (background fdatasync every
 * second): one thread appends 14-byte Mode S frames from 4 feeds, with a machine event every
 * 1,000 frames, for a fixed number of seconds; then reads everything back. Run as a plain main
 * (see docs/BENCHMARKS.md, "Recorder"): {@code RecorderBench [seconds] [directory]}.
 */
public final class RecorderBench {

    private RecorderBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("vigil-recorder-bench");
        try (Recorder rec = Recorder.open(RecorderConfig.embedded(dir))) {
            int[] feeds = {rec.feed("beast-1"), rec.feed("beast-2"), rec.feed("avr-3"), rec.feed("sbs-4")};
            byte[] frame = {
                (byte) 0x8d,
                0x48,
                0x40,
                (byte) 0xd6,
                0x20,
                0x2c,
                (byte) 0xc3,
                0x71,
                (byte) 0xc3,
                0x2c,
                (byte) 0xe0,
                0x57,
                0x60,
                (byte) 0x98
            };
            // warm-up
            long rx = 1_700_000_000_000_000_000L;
            for (int i = 0; i < 2_000_000; i++) {
                rec.recordRaw(feeds[i & 3], rx, rx, frame, 0, 14);
                rx += 1_000;
            }
            long n = 0;
            long t0 = System.nanoTime();
            long end = t0 + seconds * 1_000_000_000L;
            long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            while (System.nanoTime() < end) {
                for (int i = 0; i < 10_000; i++) {
                    frame[13] = (byte) i;
                    rec.recordRaw(feeds[i & 3], rx, rx, frame, 0, 14);
                    rx += 1_000;
                    if (i % 1000 == 0) {
                        rec.recordEvent("track.update", rx, (long) (i & 63), "{\"alt\":35000}");
                    }
                }
                n += 10_000;
            }
            long wall = System.nanoTime() - t0;
            long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
            JournalStats s = rec.raw().stats();
            System.out.printf(
                    "recorded %,d raw inputs in %.2f s: %,.0f msg/s wall, %,.0f msg/s per CPU-second of the"
                            + " recording thread; syncs %d, durable %,d of %,d, journal %,d bytes (%.1f B/msg), rejected %d%n",
                    n,
                    wall / 1e9,
                    n / (wall / 1e9),
                    n / (cpu / 1e9),
                    s.syncs(),
                    s.durable(),
                    s.appended(),
                    s.bytes(),
                    (double) s.bytes() / s.appended(),
                    s.rejectedMalformed() + s.rejectedOversize() + s.writeFailures());
            long r0 = System.nanoTime();
            long read = rec.raw().read(Long.MIN_VALUE, Long.MAX_VALUE, (feed, t, d, b, off, len) -> true);
            long rw = System.nanoTime() - r0;
            System.out.printf("read back %,d raw inputs in %.2f s: %,.0f msg/s%n", read, rw / 1e9, read / (rw / 1e9));
            // events: acknowledged operator actions (one synchronous commit each) and batched machine events
            Actor op = new Actor("bench", "operator", "127.0.0.1");
            int actions = 200;
            long a0 = System.nanoTime();
            for (int i = 0; i < actions; i++) {
                rec.recordOperatorAction("alert.ack", rx + i, 7L, "{\"alert\":" + i + "}", op);
            }
            long aw = System.nanoTime() - a0;
            int machine = 200_000;
            long m0 = System.nanoTime();
            for (int i = 0; i < machine; i++) {
                rec.recordEvent("track.update", rx + i, (long) (i & 1023), "{\"alt\":35000,\"spd\":450}");
            }
            rec.events().flush();
            long mw = System.nanoTime() - m0;
            System.out.printf(
                    "operator actions: %.2f ms each (synchronous commit); machine events: %,.0f /s batched%n",
                    aw / 1e6 / actions, machine / (mw / 1e9));
        } finally {
            if (args.length < 2) {
                try (Stream<Path> st = Files.walk(dir)) {
                    st.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }
}
