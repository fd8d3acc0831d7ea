package org.vigil.server.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.codec.feed.FrameSink;
import org.vigil.core.radar.RadarPlot;
import org.vigil.core.radar.RadarPlotSink;
import org.vigil.core.radar.RadarSite;
import org.vigil.core.radar.RadarStatus;
import org.vigil.core.radar.ServiceMessage;
import org.vigil.server.sim.ScenarioLoader;
import org.vigil.server.sim.SimRunner;

/** Replay of a `vigil sim` directory: every input, merged in time order, deterministically. */
class ReplayFilesTest {
    @TempDir
    static Path dir;

    static JsonNode manifest;

    @BeforeAll
    static void simulate() throws Exception {
        SimRunner.run(ScenarioLoader.load("black-sea-2022"), dir, 120, null);
        manifest = new ObjectMapper().readTree(dir.resolve(SimRunner.MANIFEST).toFile());
    }

    /** Hashes everything delivered, in order, and checks that data time never goes back. */
    static final class Recorder {
        long hash = 17, last = Long.MIN_VALUE, backwards, frames, plots, markers, plans;
        long firstTraffic = Long.MAX_VALUE, lastPlan = Long.MIN_VALUE;

        void time(long t) {
            if (t < last) backwards++;
            last = Math.max(last, t);
            mix(t);
        }

        void mix(long v) {
            hash = (hash ^ v) * 0x100000001B3L;
        }

        ReplaySinks sinks() {
            FrameSink f = (buf, off, len, t, mlat, signal) -> {
                time(t);
                for (int i = off; i < off + len; i++) mix(buf[i]);
                frames++;
                firstTraffic = Math.min(firstTraffic, t);
            };
            RadarPlotSink p = new RadarPlotSink() {
                @Override
                public void onPlot(RadarPlot plot) {
                    time(plot.timeNanos);
                    mix(Double.doubleToLongBits(plot.latDeg));
                    mix(Double.doubleToLongBits(plot.lonDeg));
                    mix(plot.sac << 8 | plot.sic);
                    plots++;
                    firstTraffic = Math.min(firstTraffic, plot.timeNanos);
                }

                @Override
                public void onRadarStatus(RadarStatus status, ServiceMessage message) {
                    mix(status.site().key());
                    mix(message.ordinal());
                    markers++;
                }
            };
            return new ReplaySinks(f, m -> time(m.timeNanos), p, a -> {
                mix(a.key().hashCode());
                plans++;
                lastPlan = last;
            });
        }
    }

    @Test
    void deliversEveryInputMergedInTimeOrder() throws Exception {
        ReplayFiles run = ReplayFiles.open(dir);
        assertThat(run.scenario()).isEqualTo("black-sea-2022");
        assertThat(run.startNanos())
                .isEqualTo(Instant.parse("2022-04-20T09:00:00Z").getEpochSecond() * 1_000_000_000L);
        assertThat(run.truth()).isEqualTo(dir.resolve(SimRunner.TRUTH).toAbsolutePath());
        Recorder r = new Recorder();
        Replayer.Summary s = run.run(r.sinks());

        assertThat(r.backwards).as("items delivered before an earlier one").isZero();
        assertThat(s.firstNanos()).isEqualTo(run.startNanos()); // the flight plans, filed at the start
        assertThat(r.lastPlan).isLessThanOrEqualTo(r.firstTraffic);
        assertThat(s.lastNanos() - s.firstNanos()).isBetween(119_000_000_000L, 120_000_000_000L);

        long frames = 0, plots = 0, markers = 0;
        for (JsonNode f : manifest.get("files")) {
            String kind = f.get("kind").asText();
            if (kind.equals("truth")) continue;
            Path file = dir.resolve(f.get("path").asText());
            Replayer.SourceSummary src = s.sources().stream()
                    .filter(x -> x.name().equals(file.getFileName().toString()))
                    .findFirst()
                    .orElseThrow();
            assertThat(src.bytes()).as(src.name()).isEqualTo(Files.size(file));
            assertThat(src.rejects()).as(src.name()).isEmpty();
            switch (kind) {
                case "adsb" -> {
                    assertThat(src.delivered())
                            .as(src.name())
                            .isEqualTo(f.get("frames").asLong());
                    frames += f.get("frames").asLong();
                }
                case "radar" -> {
                    long p = f.get("plots").asLong() + f.get("clutterPlots").asLong();
                    assertThat(src.delivered())
                            .as(src.name())
                            .isEqualTo(p + f.get("northMarkers").asLong());
                    plots += p;
                    markers += f.get("northMarkers").asLong();
                }
                case "flight-plans" ->
                    assertThat(src.delivered())
                            .isEqualTo(f.get("messages").asLong())
                            .isPositive();
                default -> throw new AssertionError(kind);
            }
        }
        assertThat(s.sources().get(0).kind()).isEqualTo("flight-plans"); // listed first: wins ties at the start
        assertThat(r.frames).isEqualTo(frames).isGreaterThan(1000);
        assertThat(r.plots).isEqualTo(plots).isGreaterThan(500);
        assertThat(r.markers).isEqualTo(markers).isPositive();
        assertThat(s.delivered()).isEqualTo(frames + plots + markers + r.plans);
    }

    @Test
    void twoReplaysOfTheSameDirectoryDeliverTheSameSequence() throws Exception {
        Recorder a = new Recorder(), b = new Recorder();
        ReplayFiles.open(dir).run(a.sinks());
        ReplayFiles.open(dir).run(b.sinks());
        assertThat(a.frames).isPositive();
        assertThat(a.hash).isEqualTo(b.hash);
        assertThat(a.last).isEqualTo(b.last);
    }

    @Test
    void captureFilesAreDetectedAndReplayed() throws Exception {
        Path pcap = dir.resolve("cat_034_048.pcap");
        try (InputStream in = getClass().getResourceAsStream("/asterix/cat_034_048.pcap")) {
            Files.copy(in, pcap, StandardCopyOption.REPLACE_EXISTING);
        }
        Path beast;
        try (Stream<Path> files = Files.list(dir)) {
            beast = files.filter(p -> p.getFileName().toString().endsWith(".beast"))
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        }
        Path fpl = dir.resolve(SimRunner.FLIGHT_PLANS);
        RadarSite site = new RadarSite(
                25,
                201,
                "test-head",
                45.0,
                16.0,
                100,
                4.0,
                70,
                Math.toRadians(0.08),
                RadarSite.DEFAULT_ASSUMED_HEIGHT_METRES);
        ReplayFiles run =
                ReplayFiles.captures(List.of(beast, pcap, fpl), List.of(site), Instant.parse("2022-04-20T09:00:00Z"));
        assertThat(run.sources())
                .extracting(ReplayFiles.Source::format)
                .containsExactly("icao-fpl", "beast", "asterix-pcap");
        Recorder r = new Recorder();
        Replayer.Summary s = run.run(r.sinks());
        assertThat(s.sources().get(1).bytes()).isEqualTo(Files.size(beast));
        assertThat(s.sources().get(2).bytes()).isEqualTo(Files.size(pcap));
        assertThat(r.frames).isPositive();
        assertThat(r.plots).isPositive();
        assertThat(r.plans).isPositive();
    }
}
