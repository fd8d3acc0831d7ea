package org.vigil.server.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.event.EventCodec;
import org.vigil.server.cli.Theatres;
import org.vigil.server.feed.FileSource;
import org.vigil.server.feed.SensorHealth;
import org.vigil.server.live.LiveServer;
import org.vigil.server.picture.Picture;
import org.vigil.server.recording.EventQuery;
import org.vigil.server.recording.Recorder;
import org.vigil.server.recording.RecorderConfig;
import org.vigil.server.recording.RecordingTap;
import org.vigil.server.recording.StoredEvent;

/**
 * Issue 13: an SBS feed is journalled like Beast and AVR (its lines, {@code sbs:NAME}), so the
 * recording of a run with {@code --sbs} replays into a fresh picture with the same events, byte for
 * byte: the SBS aircraft's track and the feed's health (up, then lost) included.
 */
class SbsRecordingReplayTest {
    static final long T0 = 1_650_445_200_000L; // 2022-04-20T09:00:00Z, ms

    @TempDir
    Path dir;

    static String line(int type, long ms, String fields) {
        long s = (ms / 1000) % 86_400;
        String time = String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", s / 3600, s / 60 % 60, s % 60, ms % 1000);
        return "MSG," + type + ",1,1,4BA9C1,1,2022/04/20," + time + ",2022/04/20," + time + "," + fields + "\r\n";
    }

    @Test
    @Timeout(120)
    void aRecordedSbsFeedReplaysToTheSameEvents() throws Exception {
        // a westbound airliner over the Black Sea, a position and a velocity every second for 2 min
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            long ms = T0 + i * 1000L;
            double lon = 31.0 - i * 0.0035;
            b.append(line(3, ms, String.format(Locale.ROOT, ",35000,,,43.00000,%.5f,,,0,0,0,0", lon)));
            b.append(line(4, ms + 500, ",,450,270.0,,,0,,,,,"));
            if (i % 10 == 0) b.append(line(1, ms + 700, "THY4KA,,,,,,,,,,,"));
        }
        Path file = dir.resolve("rx.sbs");
        Files.writeString(file, b.toString());
        SensorHealth.Config health = SensorHealth.Config.DEFAULTS.withSilenceSeconds(10);
        long last = (T0 + 119 * 1000L + 700) * 1_000_000L;

        List<String> live = new ArrayList<>();
        try (Recorder rec = Recorder.open(RecorderConfig.embedded(dir.resolve("rec")))) {
            try (LiveServer server =
                    new LiveServer(Theatres.builtIn("black-sea-2022"), "127.0.0.1", 0, null, new RecordingTap(rec))) {
                server.picture().healthConfig(health);
                server.feeds().add(new FileSource("file-rx.sbs", file, null, 0, 0, server.delivery()));
                server.start();
                for (int i = 0; i < 400; i++) {
                    long seen = server.loop().call(() -> server.picture().dataNanos());
                    if (seen >= (T0 + 119 * 1000L + 500) * 1_000_000L) break;
                    Thread.sleep(50);
                }
                assertThat(server.loop()
                                .call(() -> server.tracking().views(true).size()))
                        .as("the SBS aircraft is tracked")
                        .isPositive();
                // the picture's clock (recorded) goes on after the file: the feed is lost
                server.loop().runAndWait(() -> server.clockTick(last + 20_000_000_000L));
            }
            rec.sync();
            for (StoredEvent e : rec.events().query(EventQuery.all().limit(EventQuery.DEFAULT_LIMIT)))
                if (e.actor() == null) live.add(e.payloadJson());
            assertThat(live).anyMatch(l -> l.contains("\"type\":\"track-confirmed\""));
            assertThat(live)
                    .anyMatch(l -> l.contains("\"type\":\"sensor-status\"")
                            && l.contains("file-rx.sbs")
                            && l.contains("\"state\":\"lost\""));

            List<String> replayed = new ArrayList<>();
            Picture fresh = Picture.builder(Theatres.builtIn("black-sea-2022"))
                    .health(health)
                    .events(e -> replayed.add(EventCodec.encode(e)))
                    .build();
            Replayer.Summary s =
                    Replayer.recording(rec.raw(), List.of(), Long.MIN_VALUE, Long.MAX_VALUE, PictureSinks.of(fresh));
            fresh.flushEvents();
            assertThat(s.items("sbs-lines")).isEqualTo(252);
            assertThat(replayed).hasSameSizeAs(live);
            for (int i = 0; i < live.size(); i++)
                assertThat(replayed.get(i)).as("event %d", i).isEqualTo(live.get(i));
        }
    }
}
