package org.vigil.server.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.radar.RadarPlot;
import org.vigil.core.radar.RadarPlotSink;
import org.vigil.core.sim.Scenario;
import org.vigil.server.replay.ReplayFiles;
import org.vigil.server.replay.ReplaySinks;

/**
 * A live run gives what `vigil sim` writes: per receiver the same frames (count and Beast octets),
 * per radar the same ASTERIX octets, and the plots decoded live are those decoded from the files.
 */
class SimLiveSensorsTest {
    @TempDir
    Path dir;

    @Test
    void liveSensorsMatchTheFilesOfTheSameScenarioAndSeed() throws Exception {
        Scenario sc = ScenarioLoader.load("black-sea-2022");
        double seconds = 120;
        SimRunner.run(sc, dir, seconds, null);
        JsonNode manifest =
                new ObjectMapper().readTree(dir.resolve(SimRunner.MANIFEST).toFile());

        Map<Integer, List<String>> live = new TreeMap<>();
        SimFeed feed = new SimFeed(sc, recorder(live));
        long[] frames = {0};
        feed.advanceTo(seconds, (buf, off, len, t, mlat, signal) -> frames[0]++);
        assertThat(feed.simulation().time()).isEqualTo(seconds);

        int rx = 0, radar = 0;
        long expectedPlots = 0;
        for (JsonNode f : manifest.get("files")) {
            Path file = dir.resolve(f.get("path").asText());
            switch (f.get("kind").asText()) {
                case "adsb" -> {
                    assertThat(feed.receiverCounters(rx).framesAccepted())
                            .as(file.toString())
                            .isEqualTo(f.get("frames").asLong());
                    assertThat(feed.receiverCounters(rx).bytesRead())
                            .as(file.toString())
                            .isEqualTo(Files.size(file));
                    rx++;
                }
                case "radar" -> {
                    assertThat(feed.radarCounters(radar).bytesRead())
                            .as(file.toString())
                            .isEqualTo(Files.size(file));
                    long plots = f.get("plots").asLong() + f.get("clutterPlots").asLong();
                    assertThat(feed.radarCounters(radar).plots())
                            .as(file.toString())
                            .isEqualTo(plots);
                    assertThat(feed.radarCounters(radar).totalRejects()).isZero();
                    expectedPlots += plots;
                    radar++;
                }
                default -> {}
            }
        }
        assertThat(rx).isEqualTo(sc.receivers().size());
        assertThat(radar).isEqualTo(sc.radars().size());
        assertThat(expectedPlots).isGreaterThan(500);
        assertThat(frames[0]).isGreaterThan(1000);
        assertThat(feed.flightPlans())
                .hasSize(Files.readString(dir.resolve(SimRunner.FLIGHT_PLANS)).split("\\(FPL-").length - 1);

        // the same plots, radar by radar, as a replay of the files decodes them
        Map<Integer, List<String>> replayed = new TreeMap<>();
        ReplayFiles.open(dir).run(ReplaySinks.none().withPlots(recorder(replayed)));
        assertThat(live.keySet()).hasSize(sc.radars().size());
        assertThat(live).isEqualTo(replayed);
    }

    private static RadarPlotSink recorder(Map<Integer, List<String>> byRadar) {
        return (RadarPlot p) -> byRadar.computeIfAbsent(p.sac << 8 | p.sic, k -> new ArrayList<>())
                .add(p.timeNanos + " " + p.type + " " + p.latDeg + " " + p.lonDeg + " " + p.mode3A + " " + p.address
                        + " " + p.altitudeMetres);
    }
}
