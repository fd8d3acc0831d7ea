package org.vigil.server.recording;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The process that {@link RecorderCrashTest} kills: records raw input as fast as it can into the
 * embedded store, a machine event every 1,000 inputs and an operator action every 20,000, and
 * reports on stdout what it has recorded and what was acknowledged:
 * {@code OPEN <latestSeq> <tornTails>}, {@code ACK <seq>} after each operator action returns,
 * {@code P <appended> <lastReceiveNanos> <durable>} every few milliseconds.
 *
 * <p>Each raw input carries its run number and its index in the run, so the test can tell exactly
 * which inputs survived.
 */
public final class RecorderCrashChild {

    private RecorderCrashChild() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int run = Integer.parseInt(args[1]);
        long syncMillis = Long.parseLong(args[2]);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true);
        RecorderConfig cfg = RecorderConfig.embedded(dir)
                .withJournal(JournalConfig.DEFAULT.withSyncInterval(Duration.ofMillis(syncMillis)))
                .withRetention(RetentionPolicy.KEEP_ALL, Duration.ZERO);
        Recorder rec = Recorder.open(cfg);
        out.println("OPEN " + rec.events().latestSequence() + " "
                + rec.raw().stats().tornTailsTruncated());
        int feed = rec.feed("crash-feed");
        long epoch0 = System.currentTimeMillis() * 1_000_000L;
        long nano0 = System.nanoTime();
        Thread reporter = new Thread(
                () -> {
                    while (true) {
                        JournalStats s = rec.raw().stats();
                        out.println("P " + s.appended() + " " + s.lastReceiveNanos() + " " + s.durable());
                        try {
                            Thread.sleep(5);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "reporter");
        reporter.setDaemon(true);
        reporter.start();
        byte[] frame = new byte[14];
        frame[0] = (byte) run;
        Actor actor = new Actor("crash.test", "operator", "127.0.0.1");
        for (long i = 0; ; i++) {
            long rx = epoch0 + (System.nanoTime() - nano0);
            for (int k = 0; k < 8; k++) {
                frame[1 + k] = (byte) (i >>> (56 - 8 * k));
            }
            rec.recordRaw(feed, rx, rx, frame, 0, frame.length);
            if (i % 1000 == 0) {
                // The test kills us within seconds; an orphan (its test JVM gone) must not fill the disk.
                if (System.nanoTime() - nano0 > 120_000_000_000L) System.exit(3);
                rec.recordEvent("track.update", rx, i % 50, "{\"i\":" + i + "}");
            }
            if (i % 20_000 == 0) {
                long seq =
                        rec.recordOperatorAction("alert.ack", rx, null, "{\"run\":" + run + ",\"i\":" + i + "}", actor);
                out.println("ACK " + seq);
            }
        }
    }
}
