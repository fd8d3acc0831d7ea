package org.vigil.server.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecorderTest {

    @TempDir
    Path dir;

    @Test
    void recordsRawInputAndEventsAndReadsThemBackAfterRestart() throws Exception {
        try (Recorder rec = Recorder.open(RecorderConfig.embedded(dir))) {
            int f = rec.feed("beast");
            assertThat(rec.recordRaw(f, 10, 9, new byte[] {1, 2, 3}, 0, 3)).isTrue();
            assertThat(rec.recordEvent("track.new", 10, 1L, "{}")).isEqualTo(1);
            assertThat(rec.recordOperatorAction("alert.ack", 11, 1L, "{}", new Actor("u", "operator", "::1")))
                    .isEqualTo(2);
        }
        try (Recorder rec = Recorder.open(RecorderConfig.embedded(dir))) {
            assertThat(rec.events().latestSequence()).isEqualTo(2);
            long n = rec.raw().read(0, 100, (feed, rx, dt, b, off, len) -> {
                assertThat(feed).isEqualTo("beast");
                assertThat(rx).isEqualTo(10);
                assertThat(dt).isEqualTo(9);
                assertThat(len).isEqualTo(3);
                return true;
            });
            assertThat(n).isEqualTo(1);
        }
    }

    @Test
    void retentionRunsPeriodicallyOverJournalAndEvents() throws Exception {
        long second = 1_000_000_000L;
        AtomicLong now = new AtomicLong(0);
        RecorderConfig cfg = RecorderConfig.embedded(dir)
                .withJournal(JournalTest.SMALL)
                .withRetention(new RetentionPolicy(Duration.ofSeconds(10), 0, 0, true), Duration.ofMillis(50));
        try (Recorder rec = Recorder.open(cfg, now::get)) {
            int f = rec.feed("f");
            for (int i = 0; i < 100_000; i++) { // 100 s at 1,000 messages/s
                rec.recordRaw(f, i * second / 1000, 0, JournalTest.frame(i), 0, 14);
                if (i % 1000 == 0) {
                    rec.recordEvent("track.update", i * second / 1000, 1L, "{}");
                }
            }
            rec.recordOperatorAction("alert.ack", 0, null, "{}", new Actor("u", "operator", null));
            rec.sync();
            int segments = rec.raw().stats().segments();
            now.set(100 * second);
            long deadline = System.nanoTime() + 10 * second;
            while ((rec.raw().stats().segments() == segments || rec.events().count() > 11)
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(rec.raw().stats().segments()).isLessThan(segments);
            // machine events of the last 10 s stay (90..99 s), and the operator action (audit) stays
            assertThat(rec.events().count()).isEqualTo(11);
        }
    }
}
