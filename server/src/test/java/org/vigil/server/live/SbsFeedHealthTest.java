package org.vigil.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.server.cli.Theatres;
import org.vigil.server.feed.FileSource;
import org.vigil.server.feed.SensorHealth;
import org.vigil.server.picture.HealthReport;
import org.vigil.server.picture.PictureSnapshot;

/**
 * Issue 13: an SBS feed has a feed health entry like Beast and AVR: up while it delivers, lost
 * after the silence timeout, named in the health report; its positions count on its coverage.
 */
class SbsFeedHealthTest {
    static final long T0 = 1_650_445_200_000L; // 2022-04-20T09:00:00Z, ms

    @TempDir
    Path dir;

    static String line(long ms, double lat, double lon) {
        long s = (ms / 1000) % 86_400;
        String time = String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", s / 3600, s / 60 % 60, s % 60, ms % 1000);
        return "MSG,3,1,1,4BA9C1,1,2022/04/20," + time + ",2022/04/20," + time + ",,35000,,,"
                + String.format(Locale.ROOT, "%.5f,%.5f", lat, lon) + ",,,,,,0\r\n";
    }

    @Test
    @Timeout(60)
    void anSbsFeedIsUpThenLostAndNamedInTheHealthReport() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 60; i++) b.append(line(T0 + i * 500L, 43.0 + i * 0.001, 28.5));
        Path file = dir.resolve("rx.sbs");
        Files.writeString(file, b.toString());
        try (LiveServer server = new LiveServer(Theatres.builtIn("black-sea-2022"), "127.0.0.1", 0, null, null)) {
            server.picture().healthConfig(SensorHealth.Config.DEFAULTS.withSilenceSeconds(10));
            server.feeds().add(new FileSource("file-rx.sbs", file, null, 0, 0, server.delivery()));
            server.start();
            PictureSnapshot up = null;
            for (int i = 0; i < 200; i++) {
                up = server.loop().call(() -> server.picture().snapshot());
                if (up.latestMessageNanos() >= (T0 + 59 * 500L) * 1_000_000L) break;
                Thread.sleep(50);
            }
            List<SensorHealth.Status> sbs = up.sensors().stream()
                    .filter(s -> s.sensor().equals("file-rx.sbs"))
                    .toList();
            assertThat(sbs).hasSize(1);
            assertThat(sbs.get(0).kind()).isEqualTo(SensorHealth.ADSB);
            assertThat(sbs.get(0).lastDataNanos()).isEqualTo((T0 + 59 * 500L) * 1_000_000L);

            // 20 s of the picture's clock without a line: the SBS feed is lost and health says which
            long later = (T0 + 59 * 500L + 20_000L) * 1_000_000L;
            server.loop().runAndWait(() -> server.clockTick(later));
            // the snapshot is the one last published (every 200 ms): wait for the one after the tick
            PictureSnapshot lost = null;
            SensorHealth.Status s = null;
            for (int i = 0; i < 100; i++) {
                lost = server.loop().call(() -> server.picture().snapshot());
                s = lost.sensors().stream()
                        .filter(x -> x.sensor().equals("file-rx.sbs"))
                        .findFirst()
                        .orElseThrow();
                if (SensorHealth.LOST.equals(s.state())) break;
                Thread.sleep(50);
            }
            assertThat(s.state()).isEqualTo(SensorHealth.LOST);
            Map<String, Object> report = HealthReport.of(lost, server.feeds().statuses());
            assertThat(report).containsEntry("status", "degraded");
            assertThat(report.get("degraded").toString()).contains("file-rx.sbs: lost");
        }
    }
}
