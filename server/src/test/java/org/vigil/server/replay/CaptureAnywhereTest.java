package org.vigil.server.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.codec.feed.BeastEncoder;
import org.vigil.core.track.TrackerConfig;
import org.vigil.server.picture.Picture;

/**
 * Issue 20: a receiver capture replayed without {@code --radar-config} tracks its ADS-B wherever
 * it was recorded, whatever the theatre: real traffic near Atlanta (rs1090 short_flights.csv, MIT,
 * resources/modes/SOURCES.md), 8,000 km from the Black Sea theatre and from the tracker
 * configuration's default origin. The tracker's area is taken from the data (the first position).
 */
class CaptureAnywhereTest {
    @TempDir
    Path dir;

    @Test
    void aCaptureFarFromTheTheatreWithoutRadarsIsTracked() throws Exception {
        Path beast = dir.resolve("atlanta.beast");
        writeBeast(beast);
        ReplayFiles run = ReplayFiles.captures(List.of(beast), List.of(), Instant.parse("2025-07-29T22:22:00Z"));
        TrackerConfig config = new TrackerConfig();
        TrackingReplay.Session session = TrackingReplay.open(
                run,
                TrackingReplay.Options.of(config)
                        .withIdentification(org.vigil.server.cli.Theatres.builtIn("black-sea-2022")));
        Picture p = session.picture();
        Replayer.Summary s = run.run(
                ReplaySinks.none().withFrames(p.modeS()).withMessages(p.modeS()).withPlots(p.radarSink()));
        TrackingReplay.Result r = session.finish(s, 0);
        assertThat(r.stats().rejected().get("modes_out_of_area")).isZero();
        assertThat(r.stats().reportDetections()).isGreaterThan(100);
        assertThat(r.stats().confirmedTracks()).isGreaterThanOrEqualTo(4);
        assertThat(config.originLatDeg).isBetween(33.0, 35.0);
        assertThat(config.originLonDeg).isBetween(-85.0, -84.0);
        assertThat(session.ident().updates()).isPositive();
    }

    private static void writeBeast(Path file) throws Exception {
        byte[] out = new byte[BeastEncoder.MAX_ENCODED];
        long first = Long.MIN_VALUE;
        try (InputStream in = CaptureAnywhereTest.class.getResourceAsStream("/modes/short_flights.csv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
                OutputStream o = Files.newOutputStream(file)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) continue;
                String[] f = line.split(",");
                long t = new BigDecimal(f[0])
                        .multiply(BigDecimal.valueOf(1_000_000_000L))
                        .longValue();
                if (first == Long.MIN_VALUE) first = t;
                byte[] frame = HexFormat.of().parseHex(f[1]);
                long ticks = 12_000_000L + (t - first) * 12 / 1000; // 12 MHz receiver clock
                int n = BeastEncoder.encode(frame, 0, frame.length, ticks, 100, out, 0);
                o.write(out, 0, n);
            }
        }
    }
}
