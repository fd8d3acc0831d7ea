package org.vigil.server.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.codec.feed.FeedFormat;
import org.vigil.codec.feed.RejectReason;

class FeedRegistryTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void listsImmutableSnapshotsOfEveryFeed() throws Exception {
        Path avr = dir.resolve("a.txt");
        Files.writeString(avr, "*8D4840D6202CC371C32CE0576098;\nnoise\n*5D4;\n");
        Object lock = new Object();
        FeedDelivery delivery = new FeedDelivery(lock, new FeedTestFrames.Recorder(lock), null);
        FeedRegistry registry = new FeedRegistry();
        FileSource file = registry.add(new FileSource("file-a", avr, null, delivery));
        registry.add(new TcpClientSource("rx1", "127.0.0.1", 30005, FeedFormat.BEAST, delivery));
        assertThatThrownBy(() -> registry.add(new FileSource("file-a", avr, null, delivery)))
                .hasMessageContaining("duplicate");

        List<FeedStatus> before = registry.statuses();
        assertThat(before).extracting(FeedStatus::name).containsExactly("file-a", "rx1");
        assertThat(before.get(0).state()).isEqualTo("new");
        assertThat(before.get(0).format()).isEqualTo("auto");

        file.start();
        assertThat(file.awaitEnd(5, TimeUnit.SECONDS)).isTrue();
        FeedStatus st = registry.statuses().get(0);
        assertThat(st.state()).isEqualTo("eof");
        assertThat(st.format()).isEqualTo("avr");
        assertThat(st.framesAccepted()).isEqualTo(1);
        assertThat(st.rejects())
                .containsEntry(RejectReason.GARBAGE.label, 1L)
                .containsEntry(RejectReason.BAD_FIELD.label, 1L)
                .containsEntry("bad_crc", 0L);
        assertThat(st.lastFrameTimeNanos()).isPositive();
        assertThat(before.get(0).framesAccepted()).isZero(); // snapshots do not change afterwards
        assertThatThrownBy(() -> st.rejects().put("x", 1L)).isInstanceOf(UnsupportedOperationException.class);
        registry.stopAll();
        assertThat(registry.statuses().get(1).state()).isEqualTo("closed");
    }

    @Test
    void consumerFailuresAreCountedAndTheFeedGoesOn() throws Exception {
        Path avr = dir.resolve("b.txt");
        Files.writeString(avr, "*8D4840D6202CC371C32CE0576098;\n*5D484FDEA248F5;\n");
        Object lock = new Object();
        FeedDelivery delivery = new FeedDelivery(
                lock,
                (b, o, l, t, m, s) -> {
                    if (l == 14) throw new IllegalStateException("consumer bug");
                },
                null);
        FileSource file = new FileSource("b", avr, FeedFormat.AVR, delivery);
        file.start();
        assertThat(file.awaitEnd(5, TimeUnit.SECONDS)).isTrue();
        assertThat(file.feed().sinkErrors()).isEqualTo(1);
        assertThat(file.feed().counters().framesAccepted()).isEqualTo(2);
        assertThat(file.feed().state()).isEqualTo(FeedState.EOF);
    }

    @Test
    void thePipelineCountsBadCrcOnTheFeedTheFrameCameFrom() throws Exception {
        Path avr = dir.resolve("c.txt");
        Files.writeString(avr, "*8D4840D6202CC371C32CE0576098;\n*8D4840D6202CC371C32CE0576099;\n");
        Object lock = new Object();
        // stand-in for the decoder: treats a frame ending in 99 as failing the parity check
        FeedDelivery delivery = new FeedDelivery(
                lock,
                counters -> (b, o, l, t, m, s) -> {
                    if (b[o + l - 1] == (byte) 0x99) counters.reject(RejectReason.BAD_CRC);
                },
                null);
        FileSource file = new FileSource("c", avr, FeedFormat.AVR, delivery);
        file.start();
        assertThat(file.awaitEnd(5, TimeUnit.SECONDS)).isTrue();
        assertThat(file.status().rejects()).containsEntry("bad_crc", 1L);
        assertThat(file.status().framesAccepted()).isEqualTo(2);
    }

    @Test
    void backoffDoublesToTheCapWithBoundedJitter() {
        Backoff fixed = new Backoff(500, 30_000, bound -> 0);
        long[] expected = {500, 1000, 2000, 4000, 8000, 16000, 30000, 30000};
        for (long e : expected) assertThat(fixed.nextDelayMillis()).isEqualTo(e);
        fixed.reset();
        assertThat(fixed.nextDelayMillis()).isEqualTo(500);
        Backoff random = new Backoff();
        for (int i = 0; i < 20; i++) {
            long base = Math.min(30_000, 500L << Math.min(i, 10));
            assertThat(random.nextDelayMillis()).isBetween(base, base + base / 4);
        }
    }
}
