package org.vigil.server.radar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.radar.RadarPlot;
import org.vigil.core.radar.RadarPlotSink;
import org.vigil.core.radar.RadarStatus;
import org.vigil.core.radar.ServiceMessage;
import org.vigil.server.picture.PictureLoop;

/**
 * Issue 11: a radar feed records and decodes each block on the picture's owner thread when it is
 * given the picture's loop (as {@code LiveServer} does): the journal entry and the plots it gives
 * are one step of the loop, so with radar and Mode S feeds at once the journal holds the inputs in
 * the order the picture applied them (a Mode S frame is journalled and applied on the loop too).
 * Both stream (raw file: chunks cut into blocks) and datagram (pcap) sources.
 */
class RadarOnOwnerThreadTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void blocksAreRecordedAndDecodedOnThePicturesLoopInOneOrder() throws Exception {
        byte[] raw = RadarBlocks.concat(
                RadarBlocks.fl350East(10, 36_000),
                RadarBlocks.fl350East(10, 36_004),
                RadarBlocks.fl350East(10, 36_008));
        Path f = Files.write(dir.resolve("rec.ast"), raw);
        PictureLoop loop = new PictureLoop(64, () -> {});
        loop.start();
        List<String> steps = Collections.synchronizedList(new ArrayList<>());
        RadarPlotSink sink = new RadarPlotSink() {
            @Override
            public void onPlot(RadarPlot p) {
                steps.add("plot@" + Thread.currentThread().getName());
            }

            @Override
            public void onRadarStatus(RadarStatus status, ServiceMessage message) {}
        };
        try (AsterixFileSource src = new AsterixFileSource(
                "rec",
                f,
                AsterixFileSource.Format.AUTO,
                LocalDate.of(2024, 3, 10),
                RadarBlocks.network(),
                sink,
                loop)) {
            src.recordTo((buf, off, len, rx) ->
                    steps.add("block@" + Thread.currentThread().getName()));
            src.start();
            assertThat(src.awaitEnd(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            loop.close();
        }
        // the chunk's blocks journalled, then their plots applied: one step of the owner thread
        assertThat(steps)
                .containsExactly(
                        "block@vigil-picture",
                        "block@vigil-picture",
                        "block@vigil-picture",
                        "plot@vigil-picture",
                        "plot@vigil-picture",
                        "plot@vigil-picture");
    }

    @Test
    @Timeout(60)
    void withAPlainLockTheSourceDecodesOnItsOwnThread() throws Exception {
        Path f = Files.write(dir.resolve("one.ast"), RadarBlocks.fl350East(10, 36_000));
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        RadarPlotSink sink = new RadarPlotSink() {
            @Override
            public void onPlot(RadarPlot p) {
                threads.add(Thread.currentThread().getName());
            }

            @Override
            public void onRadarStatus(RadarStatus status, ServiceMessage message) {}
        };
        try (AsterixFileSource src = new AsterixFileSource(
                "one",
                f,
                AsterixFileSource.Format.AUTO,
                LocalDate.of(2024, 3, 10),
                RadarBlocks.network(),
                sink,
                new Object())) {
            src.start();
            assertThat(src.awaitEnd(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(threads).hasSize(1).noneMatch(t -> t.equals("vigil-picture"));
    }
}
