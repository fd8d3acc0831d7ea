package org.vigil.server.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 while ingesting at full speed, twice, on the same directory: nothing acknowledged is
 * lost, raw input loss stays within the sync window, a torn journal tail is cut on restart, and
 * event sequence numbers run 1..N without gaps or duplicates across both restarts.
 */
class RecorderCrashTest {

    static final long SYNC_MILLIS = 1000; // the durability default

    @TempDir
    Path dir;

    /** What one killed child said before it died. */
    static final class RunLog {
        final List<Long> acks = new ArrayList<>();
        long openSeq = -1;
        long openTorn = -1;
        long appended;
        long lastRx;
        long durable;
    }

    private RunLog runAndKill(int run, long minMillis, int minAcks) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // stdout goes to a file: killing a process closes our end of its pipe, and every line the
        // child wrote before it died must still be read (an ACK printed is an acknowledgement given)
        Path out = dir.resolve("child-" + run + ".out");
        Process p = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        RecorderCrashChild.class.getName(),
                        dir.toString(),
                        Integer.toString(run),
                        Long.toString(SYNC_MILLIS))
                // stderr to a file too: a child holding the test JVM's inherited pipes would keep Maven waiting
                .redirectError(dir.resolve("child-" + run + ".err").toFile())
                .redirectOutput(out.toFile())
                .start();
        long start = System.nanoTime();
        try {
            while (true) {
                Thread.sleep(20);
                RunLog seen = read(out);
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertThat(p.isAlive()).as("child %d running", run).isTrue();
                assertThat(ms).as("child %d made progress in time", run).isLessThan(60_000);
                if (ms >= minMillis && seen.acks.size() >= minAcks && seen.durable > 0) {
                    p.destroyForcibly(); // SIGKILL, mid-ingest
                    break;
                }
            }
        } finally {
            p.destroyForcibly(); // never leave a child behind, whatever failed above
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        RunLog log = read(out);
        assertThat(p.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(log.acks).as("child %d acknowledged operator actions", run).hasSizeGreaterThanOrEqualTo(minAcks);
        return log;
    }

    private static RunLog read(Path out) throws IOException {
        RunLog log = new RunLog();
        for (String line : Files.readAllLines(out, StandardCharsets.ISO_8859_1)) {
            parse(line, log);
        }
        return log;
    }

    private static void parse(String line, RunLog log) {
        String[] f = line.split(" ");
        try {
            switch (f[0]) {
                case "OPEN" -> {
                    log.openSeq = Long.parseLong(f[1]);
                    log.openTorn = Long.parseLong(f[2]);
                }
                case "ACK" -> log.acks.add(Long.parseLong(f[1]));
                case "P" -> {
                    if (f.length == 4) {
                        log.appended = Long.parseLong(f[1]);
                        log.lastRx = Long.parseLong(f[2]);
                        log.durable = Long.parseLong(f[3]);
                    }
                }
                default -> {
                    // other output
                }
            }
        } catch (RuntimeException e) {
            // a line cut by the kill
        }
    }

    @Test
    void killedTwiceWhileIngestingLosesNothingAcknowledgedAndAtMostTheSyncWindow() throws Exception {
        RunLog first = runAndKill(1, 2500, 5);
        assertThat(first.openSeq).isZero();

        // make the crash worse than SIGKILL can: a torn half-written record at the end of the journal
        Path seg = JournalRecoveryTest.lastSegment(dir.resolve("raw"));
        Files.write(seg, new byte[] {41, 0, 0, 0, 1, 2, 3, 4, 1, 0, 0, 9, 9}, StandardOpenOption.APPEND);

        RunLog second = runAndKill(2, 1500, 3);
        assertThat(second.openTorn).as("torn tail detected and cut on restart").isEqualTo(1);
        assertThat(second.openSeq)
                .as("restart continues after every acknowledged action")
                .isGreaterThanOrEqualTo(first.acks.get(first.acks.size() - 1));

        try (Recorder rec = Recorder.open(
                RecorderConfig.embedded(dir).withRetention(RetentionPolicy.KEEP_ALL, java.time.Duration.ZERO))) {
            // events: 1..N, no gaps, no duplicates, every acknowledged operator action present
            List<StoredEvent> events = rec.events().query(EventQuery.all().limit(Integer.MAX_VALUE));
            assertThat(events).isNotEmpty();
            for (int i = 0; i < events.size(); i++) {
                assertThat(events.get(i).seq()).as("event %d", i).isEqualTo(i + 1);
            }
            assertThat(rec.events().latestSequence()).isEqualTo(events.size());
            Map<Long, StoredEvent> bySeq = new HashMap<>();
            events.forEach(e -> bySeq.put(e.seq(), e));
            for (RunLog run : List.of(first, second)) {
                for (long ack : run.acks) {
                    assertThat(bySeq).containsKey(ack);
                    assertThat(bySeq.get(ack).type()).isEqualTo("alert.ack");
                    assertThat(bySeq.get(ack).actor().user()).isEqualTo("crash.test");
                }
            }

            // raw input: each run's inputs are a gap-free prefix of what it appended
            long[] count = new long[3];
            long[] lastRx = new long[3];
            long[] expect = new long[3];
            boolean[] ordered = {true};
            rec.raw().read(Long.MIN_VALUE, Long.MAX_VALUE, (feed, rx, dt, b, off, len) -> {
                int run = b[off];
                long idx = 0;
                for (int k = 0; k < 8; k++) {
                    idx = (idx << 8) | (b[off + 1 + k] & 0xff);
                }
                if (idx != expect[run] || !"crash-feed".equals(feed) || rx < lastRx[1] || rx < lastRx[2]) {
                    ordered[0] = false;
                }
                expect[run] = idx + 1;
                count[run]++;
                lastRx[run] = rx;
                return true;
            });
            assertThat(ordered[0])
                    .as("no hole, duplicate or reordering in raw input")
                    .isTrue();
            // SIGKILL can stop a large write() part-way (the kernel checks for fatal signals between
            // pages), so the second kill may itself leave a torn tail: cut like the injected one, at most one
            long torn = rec.raw().stats().tornTailsTruncated();
            assertThat(torn).isBetween(0L, 1L);
            System.out.printf(
                    "after the second kill: %d torn tail(s), %d bytes cut%n",
                    torn, rec.raw().stats().tornBytesDiscarded());
            int r = 1;
            for (RunLog run : List.of(first, second)) {
                assertThat(count[r])
                        .as("run %d: everything reported durable survived", r)
                        .isGreaterThanOrEqualTo(run.durable);
                long lostRecords = Math.max(0, run.appended - count[r]);
                long lostNanos = Math.max(0, run.lastRx - lastRx[r]);
                System.out.printf(
                        "crash run %d: %,d raw inputs recorded, %,d reported durable, last report %,d appended;"
                                + " lost after kill >= %,d inputs = %.1f ms of input (window %d ms)%n",
                        r, count[r], run.durable, run.appended, lostRecords, lostNanos / 1e6, SYNC_MILLIS);
                assertThat(lostNanos)
                        .as("run %d lost at most the sync window of raw input", r)
                        .isLessThanOrEqualTo(SYNC_MILLIS * 1_000_000L);
                r++;
            }
        }
    }
}
