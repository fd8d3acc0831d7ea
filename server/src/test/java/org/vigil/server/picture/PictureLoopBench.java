package org.vigil.server.picture;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vigil.codec.feed.FeedCounters;
import org.vigil.codec.feed.FeedFormat;
import org.vigil.codec.feed.FeedFramer;
import org.vigil.codec.feed.FrameSink;
import org.vigil.server.pipeline.ModeSPipeline;

/**
 * The live hand-off, measured: the Beast files of a sim directory framed on one feed thread into a
 * Mode S pipeline, (a) under a shared lock as the feeds delivered before the picture loop, (b) copied
 * through {@link PictureLoop} to its owner thread. Prints frames per wall second and per CPU second
 * of the whole process (feed + owner threads). Usage: {@code PictureLoopBench SIMDIR [ROUNDS]}.
 */
public final class PictureLoopBench {
    private PictureLoopBench() {}

    public static void main(String[] args) throws Exception {
        List<byte[]> files = new ArrayList<>();
        try (var s = Files.list(Path.of(args[0]))) {
            for (Path p :
                    s.filter(p -> p.toString().endsWith(".beast")).sorted().toList()) files.add(Files.readAllBytes(p));
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        for (int r = 0; r < rounds; r++) {
            run("lock", files, false);
            run("loop", files, true);
        }
    }

    private static void run(String what, List<byte[]> files, boolean loop) throws Exception {
        ModeSPipeline p = new ModeSPipeline();
        Object lock = new Object();
        PictureLoop l = new PictureLoop(PictureLoop.DEFAULT_CAPACITY, () -> {});
        FrameSink sink;
        if (loop) {
            l.start();
            sink = l.frames(p);
        } else {
            sink = (buf, off, len, t, mlat, signal) -> {
                synchronized (lock) {
                    p.onFrame(buf, off, len, t, mlat, signal);
                }
            };
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime(), t0 = System.nanoTime();
        Thread feed = new Thread(() -> {
            for (byte[] f : files) {
                FeedFramer framer = FeedFormat.BEAST.newFramer(new FeedCounters(), sink, null);
                for (int off = 0; off < f.length; off += 65536)
                    framer.accept(f, off, Math.min(65536, f.length - off), 0);
                framer.endOfStream();
            }
        });
        feed.start();
        feed.join();
        long frames = loop ? l.call(() -> p.stats().frames()) : p.stats().frames();
        long wall = System.nanoTime() - t0, cpu = os.getProcessCpuTime() - cpu0;
        l.close();
        System.out.printf(
                Locale.ROOT,
                "%s: %,d frames, %,.0f frames/s wall, %,.0f frames per CPU second, waits %d%n",
                what,
                frames,
                frames / (wall / 1e9),
                frames / (cpu / 1e9),
                l.waits());
    }
}
