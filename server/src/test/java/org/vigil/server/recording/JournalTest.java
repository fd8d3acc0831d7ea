package org.vigil.server.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    /** Small segments so tests cross segment boundaries; background sync every 50 ms. */
    static final JournalConfig SMALL = new JournalConfig(Duration.ofMillis(50), 256 * 1024, 128 * 1024);

    @TempDir
    Path dir;

    @SuppressWarnings("ArrayRecordComponent") // test fixture holding record bytes
    record Raw(String feed, long rx, long dt, byte[] bytes) {}

    static List<Raw> readAll(Journal j, long from, long to) throws IOException {
        List<Raw> out = new ArrayList<>();
        j.read(from, to, (feed, rx, dt, b, off, len) -> {
            out.add(new Raw(feed, rx, dt, java.util.Arrays.copyOfRange(b, off, off + len)));
            return true;
        });
        return out;
    }

    static byte[] frame(int i) {
        byte[] b = new byte[14];
        for (int k = 0; k < b.length; k++) {
            b[k] = (byte) (i * 31 + k);
        }
        b[0] = (byte) (i >>> 24);
        b[1] = (byte) (i >>> 16);
        b[2] = (byte) (i >>> 8);
        b[3] = (byte) i;
        return b;
    }

    @Test
    void theCursorPullsWhatReadPushesAcrossSegmentsAndStopsAtTheEndOfThePeriod() throws IOException {
        try (Journal j = Journal.open(dir, SMALL)) {
            int a = j.feedId("beast-north");
            int b = j.feedId("asterix:radar");
            for (int i = 0; i < 30_000; i++) {
                assertThat(j.append(i % 4 == 0 ? b : a, 1_000L * i, 1_000L * i + 3, frame(i), 0, 14))
                        .isTrue();
            }
            assertThat(j.stats().segments()).isGreaterThan(2);
            long from = 1_000L * 7_777, to = 1_000L * 23_456;
            List<Raw> pulled = new ArrayList<>();
            try (RawCursor c = j.cursor(from, to)) {
                while (c.next()) {
                    pulled.add(new Raw(
                            c.feed(),
                            c.receiveNanos(),
                            c.dataNanos(),
                            java.util.Arrays.copyOfRange(c.bytes(), c.offset(), c.offset() + c.length())));
                }
                assertThat(c.next()).isFalse();
            }
            List<Raw> pushed = readAll(j, from, to);
            assertThat(pulled).hasSize(23_456 - 7_777).hasSameSizeAs(pushed);
            for (int i = 0; i < pulled.size(); i++) {
                Raw p = pulled.get(i), q = pushed.get(i);
                int n = 7_777 + i;
                assertThat(p.feed()).isEqualTo(q.feed()).isEqualTo(n % 4 == 0 ? "asterix:radar" : "beast-north");
                assertThat(p.rx()).isEqualTo(q.rx()).isEqualTo(1_000L * n);
                assertThat(p.dt()).isEqualTo(q.dt()).isEqualTo(1_000L * n + 3);
                assertThat(p.bytes()).isEqualTo(q.bytes()).isEqualTo(frame(n));
            }
        }
    }

    @Test
    void appendedInputsReadBackInReceiveOrderWithTheirFeedAndTimes() throws IOException {
        try (Journal j = Journal.open(dir, SMALL)) {
            int a = j.feedId("beast-north");
            int b = j.feedId("sbs-south");
            assertThat(j.feedId("beast-north")).isEqualTo(a);
            for (int i = 0; i < 50_000; i++) {
                assertThat(j.append(i % 3 == 0 ? b : a, 1_000L * i, 1_000L * i - 7, frame(i), 0, 14))
                        .isTrue();
            }
            List<Raw> all = readAll(j, Long.MIN_VALUE, Long.MAX_VALUE);
            assertThat(all).hasSize(50_000);
            for (int i = 0; i < all.size(); i++) {
                Raw r = all.get(i);
                assertThat(r.rx()).isEqualTo(1_000L * i);
                assertThat(r.dt()).isEqualTo(1_000L * i - 7);
                assertThat(r.feed()).isEqualTo(i % 3 == 0 ? "sbs-south" : "beast-north");
                assertThat(r.bytes()).isEqualTo(frame(i));
            }
            assertThat(j.stats().segments()).as("crossed segment boundaries").isGreaterThan(3);
        }
    }

    @Test
    void readsTheHalfOpenIntervalAcrossSegmentsAndRestarts() throws IOException {
        try (Journal j = Journal.open(dir, SMALL)) {
            int f = j.feedId("f");
            for (int i = 0; i < 20_000; i++) {
                j.append(f, i, i, frame(i), 0, 14);
            }
        }
        try (Journal j = Journal.open(dir, SMALL)) {
            int f = j.feedId("f");
            for (int i = 20_000; i < 40_000; i++) {
                j.append(f, i, i, frame(i), 0, 14);
            }
            List<Raw> part = readAll(j, 15_000, 25_000);
            assertThat(part).hasSize(10_000);
            assertThat(part.get(0).rx()).isEqualTo(15_000);
            assertThat(part.get(9_999).rx()).isEqualTo(24_999);
            assertThat(readAll(j, Long.MIN_VALUE, Long.MAX_VALUE))
                    .extracting(Raw::rx)
                    .isEqualTo(
                            java.util.stream.LongStream.range(0, 40_000).boxed().toList());
            assertThat(readAll(j, 40_000, 50_000)).isEmpty();
            // a visitor can stop early
            long[] seen = {0};
            j.read(0, 40_000, (feed, rx, dt, b, off, len) -> ++seen[0] < 10);
            assertThat(seen[0]).isEqualTo(10);
        }
    }

    @Test
    void feedsAppearingLaterAndAfterRestartKeepTheirNames() throws IOException {
        try (Journal j = Journal.open(dir, SMALL)) {
            int a = j.feedId("a");
            j.append(a, 1, 1, frame(1), 0, 14);
            int b = j.feedId("b"); // declared mid-segment
            j.append(b, 2, 2, frame(2), 0, 14);
        }
        try (Journal j = Journal.open(dir, SMALL)) {
            assertThat(j.feedId("b")).isEqualTo(1); // recovered from the last segment
            j.append(j.feedId("c"), 3, 3, frame(3), 0, 14);
            assertThat(readAll(j, 0, 10)).extracting(Raw::feed).containsExactly("a", "b", "c");
        }
    }

    @Test
    void badInputIsRejectedAndCountedNeverThrown() throws IOException {
        try (Journal j = Journal.open(dir, SMALL)) {
            int f = j.feedId("f");
            assertThat(j.append(f, 1, 1, null, 0, 0)).isFalse();
            assertThat(j.append(f, 1, 1, new byte[4], 2, 3)).isFalse();
            assertThat(j.append(f, 1, 1, new byte[4], -1, 2)).isFalse();
            assertThat(j.append(f, 1, 1, new byte[70_000], 0, 70_000)).isFalse();
            assertThat(j.append(7, 1, 1, new byte[4], 0, 4)).isFalse();
            assertThat(j.append(-1, 1, 1, new byte[4], 0, 4)).isFalse();
            assertThat(j.feedId("")).isEqualTo(-1);
            assertThat(j.feedId("x".repeat(300))).isEqualTo(-1);
            assertThat(j.append(f, 5, 5, new byte[4], 0, 4)).isTrue();
            assertThat(j.append(f, 4, 4, new byte[0], 0, 0)).isTrue(); // empty is legal, regression counted
            assertThat(j.append(f, 6, 6, new byte[RawStore.MAX_RAW_BYTES], 0, RawStore.MAX_RAW_BYTES))
                    .isTrue();
            JournalStats s = j.stats();
            assertThat(s.rejectedMalformed()).isEqualTo(5);
            assertThat(s.rejectedOversize()).isEqualTo(1);
            assertThat(s.rejectedUnknownFeed()).isEqualTo(2);
            assertThat(s.receiveTimeRegressions()).isEqualTo(1);
            assertThat(s.appended()).isEqualTo(3);
            j.close();
            assertThat(j.append(f, 7, 7, new byte[1], 0, 1)).isFalse();
            assertThat(j.stats().rejectedClosed()).isEqualTo(1);
        }
    }

    @Test
    void syncMakesEverythingDurableAndTheBackgroundSyncRunsByItself() throws Exception {
        try (Journal j = Journal.open(dir, SMALL)) {
            int f = j.feedId("f");
            for (int i = 0; i < 1000; i++) {
                j.append(f, i, i, frame(i), 0, 14);
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (j.stats().durable() < 1000 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(j.stats().durable()).isEqualTo(1000);
            j.append(f, 1000, 1000, frame(1000), 0, 14);
            j.sync();
            assertThat(j.stats().durable()).isEqualTo(1001);
        }
    }

    @Test
    void syncEveryRecordWhenTheIntervalIsZero() throws IOException {
        try (Journal j = Journal.open(dir, SMALL.withSyncInterval(Duration.ZERO))) {
            int f = j.feedId("f");
            for (int i = 0; i < 10; i++) {
                j.append(f, i, i, frame(i), 0, 14);
                assertThat(j.stats().durable()).isEqualTo(i + 1);
            }
        }
    }

    @Test
    void aSecondProcessCannotOpenTheSameJournal() throws IOException {
        try (Journal j = Journal.open(dir, SMALL)) {
            assertThatThrownBy(() -> Journal.open(dir, SMALL))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("in use");
        }
    }

    @Test
    void retentionDeletesWholeOldSegmentsByAgeAndBySize() throws IOException {
        try (Journal j = Journal.open(dir, SMALL)) {
            int f = j.feedId("f");
            long second = 1_000_000_000L;
            // 100 s of input at 1000 messages/s
            for (int i = 0; i < 100_000; i++) {
                j.append(f, i * second / 1000, 0, frame(i), 0, 14);
            }
            int before = j.stats().segments();
            long bytesBefore = j.stats().bytes();
            assertThat(before).isGreaterThan(5);
            // keep 30 s at now = 100 s
            long deleted = j.applyRetention(new RetentionPolicy(Duration.ofSeconds(30), 0, 0, true), 100 * second);
            assertThat(deleted).isPositive();
            List<Raw> left = readAll(j, Long.MIN_VALUE, Long.MAX_VALUE);
            long firstLeft = left.get(0).rx();
            // whole segments only: nothing younger than the cut-off is gone, and at most one segment older stays
            assertThat(firstLeft).isLessThanOrEqualTo(70 * second);
            assertThat(left.get(left.size() - 1).rx()).isEqualTo(99_999 * second / 1000);
            assertThat(segmentFiles()).hasSize(j.stats().segments());
            // by size: at most 600 KiB
            j.applyRetention(new RetentionPolicy(Duration.ZERO, 600 * 1024, 0, true), 100 * second);
            assertThat(j.stats().bytes()).isLessThanOrEqualTo(600 * 1024);
            assertThat(j.stats().bytesDeleted()).isGreaterThan(bytesBefore - 600 * 1024 - 1);
            // the newest input is always kept
            assertThat(readAll(j, 99 * second, 100 * second)).hasSize(1000);
        }
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".vjl")).toList();
        }
    }
}
