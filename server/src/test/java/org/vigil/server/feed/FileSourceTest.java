package org.vigil.server.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.server.feed.FeedTestFrames.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.codec.feed.FeedFormat;
import org.vigil.codec.feed.RejectReason;
import org.vigil.codec.feed.SbsSink;
import org.vigil.codec.modes.ModeSMessage;

class FileSourceTest {
    @TempDir
    Path dir;

    private static final long TICKS_PER_MS = 12_000;

    private byte[] beastRecording(List<String> expected, int count, long stepTicks) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        List<byte[]> frames = shortFlights();
        for (int i = 0; i < count; i++) {
            long mlat = 5_000_000 + i * stepTicks;
            wire.writeBytes(beast(frames.get(i), mlat, 100));
            expected.add(key(frames.get(i), mlat));
        }
        return wire.toByteArray();
    }

    private static void gzip(Path p, byte[] data) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(data);
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void readsAGzipBeastFileWithDetectedFormatAndStampsFramesByTheReceiverClock() throws Exception {
        List<String> expected = new ArrayList<>();
        byte[] data = beastRecording(expected, 486, 12_000 * 100); // one frame every 100 ms
        data = java.util.Arrays.copyOf(data, data.length + 5); // and a cut frame at the end
        data[data.length - 5] = 0x1A;
        data[data.length - 4] = '3';
        Path file = dir.resolve("capture.beast.gz");
        gzip(file, data);
        Object lock = new Object();
        Recorder rec = new Recorder(lock);
        FileSource source = new FileSource("replay", file, null, new FeedDelivery(lock, rec, null));
        source.start();
        assertThat(source.awaitEnd(10, TimeUnit.SECONDS)).isTrue();
        assertThat(source.feed().state()).isEqualTo(FeedState.EOF);
        assertThat(source.format()).isEqualTo(FeedFormat.BEAST);
        assertThat(source.status().format()).isEqualTo("beast");
        assertThat(rec.snapshot()).containsExactlyElementsOf(expected);
        assertThat(source.feed().counters().rejects(RejectReason.TRUNCATED)).isEqualTo(1);
        // data time follows the 12 MHz clock exactly: 100 ms a frame
        synchronized (lock) {
            for (int i = 1; i < rec.times.size(); i++) {
                assertThat(rec.times.get(i) - rec.times.get(i - 1)).isEqualTo(100_000_000L);
            }
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void recordedSpeedKeepsThePace() throws Exception {
        List<String> expected = new ArrayList<>();
        byte[] data = beastRecording(expected, 11, TICKS_PER_MS * 40); // 400 ms of recording
        Path file = dir.resolve("paced.bin");
        Files.write(file, data);
        Object lock = new Object();
        Recorder rec = new Recorder(lock);
        FileSource fast = new FileSource(
                "fast", file, FeedFormat.BEAST, 4.0, 0, new FeedDelivery(lock, new Recorder(lock), null));
        FileSource real = new FileSource("real", file, FeedFormat.BEAST, 1.0, 0, new FeedDelivery(lock, rec, null));
        long t0 = System.nanoTime();
        real.start();
        assertThat(real.awaitEnd(10, TimeUnit.SECONDS)).isTrue();
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(tookMs).isGreaterThanOrEqualTo(350);
        assertThat(rec.snapshot()).containsExactlyElementsOf(expected);
        t0 = System.nanoTime();
        fast.start();
        assertThat(fast.awaitEnd(10, TimeUnit.SECONDS)).isTrue();
        long fastMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(fastMs).isBetween(80L, tookMs);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void readsAvrAndSbsFilesWithDetectedFormat() throws Exception {
        Path avr = dir.resolve("raw.txt");
        Files.writeString(
                avr, "\n*8D4840D6202CC371C32CE0576098;\r\n*5D484FDEA248F5;\n*zz;\n", StandardCharsets.US_ASCII);
        Object lock = new Object();
        Recorder rec = new Recorder(lock);
        FileSource a = new FileSource("avr", avr, null, new FeedDelivery(lock, rec, null));
        a.start();
        assertThat(a.awaitEnd(5, TimeUnit.SECONDS)).isTrue();
        assertThat(a.format()).isEqualTo(FeedFormat.AVR);
        assertThat(rec.snapshot()).containsExactly("8D4840D6202CC371C32CE0576098@-1", "5D484FDEA248F5@-1");
        assertThat(a.feed().counters().rejects(RejectReason.BAD_FIELD)).isEqualTo(1);

        Path sbs = dir.resolve("base.sbs.gz");
        gzip(
                sbs,
                ("MSG,3,1,1,4AC8B3,1,2019/12/10,19:10:46.320,2019/12/10,19:10:47.789,,36017,,,51.1001,10.1915,,,,,,\r\n"
                                + "MSG,4,1,1,4AC8B3,1,2019/12/10,19:10:47.000,2019/12/10,19:10:47.789,,,452,123,,,-1088,,,,,0\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        List<String> got = new ArrayList<>();
        SbsSink sink = (ModeSMessage m) ->
                got.add(Integer.toHexString(m.icao) + " " + m.timeNanos + " " + m.altitudeFt + " " + m.groundspeedKt);
        FileSource s = new FileSource("sbs", sbs, null, 0, 60, new FeedDelivery(lock, null, sink));
        s.start();
        assertThat(s.awaitEnd(5, TimeUnit.SECONDS)).isTrue();
        assertThat(s.format()).isEqualTo(FeedFormat.SBS);
        long t = java.time.Instant.parse("2019-12-10T18:10:46.320Z").toEpochMilli() * 1_000_000L; // UTC+1 clock
        assertThat(got)
                .containsExactly(
                        "4ac8b3 " + t + " 36017 NaN",
                        "4ac8b3 " + (t + 680_000_000L) + " " + ModeSMessage.ABSENT + " 452.0");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void missingOrUnreadableFilesFailVisibly() throws Exception {
        Object lock = new Object();
        FileSource missing = new FileSource(
                "missing", dir.resolve("nope.bin"), null, new FeedDelivery(lock, new Recorder(lock), null));
        missing.start();
        assertThat(missing.awaitEnd(5, TimeUnit.SECONDS)).isTrue();
        assertThat(missing.feed().state()).isEqualTo(FeedState.FAILED);
        assertThat(missing.feed().lastError()).contains("NoSuchFile");

        Path binary = dir.resolve("random.bin");
        Files.write(binary, new byte[] {0x00, 0x01, 0x02});
        FileSource unknown = new FileSource("unknown", binary, null, new FeedDelivery(lock, new Recorder(lock), null));
        unknown.start();
        assertThat(unknown.awaitEnd(5, TimeUnit.SECONDS)).isTrue();
        assertThat(unknown.feed().state()).isEqualTo(FeedState.FAILED);
        assertThat(unknown.feed().lastError()).contains("format");
    }
}
