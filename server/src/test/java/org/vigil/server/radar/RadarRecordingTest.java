package org.vigil.server.radar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.server.recording.RadarBlockSink;

/**
 * ASTERIX feeds of {@code vigil run} are recorded (RadarConfig.build with a tap, RadarFeedSource.recordTo):
 * one journal record per data block, as received, whatever the reads' sizes, so that a replay
 * decodes them block by block.
 */
class RadarRecordingTest {
    @TempDir
    Path dir;

    /** Copies of the recorded blocks. */
    static final class Blocks implements RadarBlockSink {
        final List<byte[]> blocks = new ArrayList<>();
        final List<Long> times = new ArrayList<>();

        @Override
        public void block(byte[] buf, int off, int len, long receiveNanos) {
            blocks.add(Arrays.copyOfRange(buf, off, off + len));
            times.add(receiveNanos);
        }
    }

    @Test
    void aRawFileSourceRecordsEachBlockBeforeDecodingIt() throws Exception {
        byte[] a = RadarBlocks.fl350East(10, 3_600),
                b = RadarBlocks.fl350East(10, 3_604),
                c = RadarBlocks.fl350East(10, 3_608);
        Path f = Files.write(dir.resolve("rec.ast"), RadarBlocks.concat(a, b, c));
        Blocks recorded = new Blocks();
        RadarBlocks.Collect sink = new RadarBlocks.Collect();
        long before = System.currentTimeMillis() * 1_000_000L;
        try (AsterixFileSource src = new AsterixFileSource(
                "rec",
                f,
                AsterixFileSource.Format.AUTO,
                LocalDate.of(2024, 3, 10),
                RadarBlocks.network(),
                sink,
                new Object())) {
            src.recordTo(recorded);
            src.start();
            assertThat(src.awaitEnd(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(sink.plots()).hasSize(3);
        assertThat(recorded.blocks).containsExactly(a, b, c);
        // an undated raw stream is stamped with the wall clock as it is received
        assertThat(recorded.times).allSatisfy(t -> assertThat(t).isGreaterThanOrEqualTo(before));
    }

    @Test
    void blocksSplitAcrossReadsAreRecordedWhole() {
        byte[] a = RadarBlocks.fl350East(10, 1), b = RadarBlocks.fl350East(11, 2);
        byte[] stream = RadarBlocks.concat(a, b);
        Blocks recorded = new Blocks();
        BlockRecorder r = new BlockRecorder(recorded);
        for (int i = 0; i < stream.length; i++) r.accept(stream, i, 1, 1_000L + i); // one octet per read
        r.endOfStream(9_999L);
        assertThat(recorded.blocks).containsExactly(a, b);
        assertThat(recorded.times).containsExactly(1_000L + a.length - 1, 1_000L + stream.length - 1);
    }

    @Test
    void aStreamOutOfStepIsRecordedAsItIsNotDropped() {
        byte[] junk = {48, 0, 1, 7, 7};
        Blocks recorded = new Blocks();
        BlockRecorder r = new BlockRecorder(recorded);
        r.accept(junk, 0, junk.length, 5L);
        r.endOfStream(6L);
        assertThat(recorded.blocks).containsExactly(junk);
    }

    @Test
    void radarConfigSourcesRecordThroughTheTap() throws Exception {
        Files.write(dir.resolve("cap.ast"), RadarBlocks.fl350East(10, 3_600));
        Path config = Files.writeString(dir.resolve("radars.json"), """
                {"radars": [{"name": "Glons", "sac": 25, "sic": 10, "lat": 50.75, "lon": 5.55, "heightMetres": 150,
                             "rotationPeriodSeconds": 4.8, "rangeSigmaMetres": 60, "azimuthSigmaDeg": 0.07}],
                 "feeds": [{"name": "r10-file", "type": "file", "path": "cap.ast", "date": "2024-03-10"}]}
                """);
        RadarConfig rc;
        try {
            rc = RadarConfig.load(config);
        } catch (IllegalArgumentException e) {
            throw new AssertionError("test radar config not accepted: " + e.getMessage(), e);
        }
        try (org.vigil.server.recording.Recorder rec = org.vigil.server.recording.Recorder.open(
                org.vigil.server.recording.RecorderConfig.embedded(dir.resolve("recording")))) {
            org.vigil.server.recording.RecordingTap tap = new org.vigil.server.recording.RecordingTap(rec);
            RadarConfig.Setup setup = rc.build(new RadarBlocks.Collect(), new Object(), tap);
            for (RadarFeedSource s : setup.sources()) {
                s.start();
                assertThat(s.awaitEnd(10, TimeUnit.SECONDS)).isTrue();
                s.close();
            }
            assertThat(tap.recorded()).isEqualTo(1);
            List<String> feeds = new ArrayList<>();
            rec.raw().read(Long.MIN_VALUE, Long.MAX_VALUE, (feed, rx, data, bytes, off, len) -> feeds.add(feed));
            assertThat(feeds).containsExactly("asterix:r10-file");
        }
    }
}
