package org.vigil.server.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.codec.feed.BeastFramer;
import org.vigil.codec.feed.FeedCounters;
import org.vigil.core.sim.Degradation;
import org.vigil.core.sim.Scenario;
import org.vigil.server.replay.ReplayFiles;

/**
 * Issue 13: a scenario's {@code degradations:} act on {@code vigil sim}'s files as on a live run, so
 * a replay of the directory sees them: a dropped receiver writes nothing in its window, a late one
 * writes its frames late (out of time order), a stale one has a second feed of repeats, a dropped
 * radar writes no blocks.
 */
class SimFileDegradationsTest {
    static final double SECOND_TICKS = 12_000_000.0;

    @TempDir
    Path dir;

    /** Frame times (seconds since the start) of a sim Beast file, in file order. */
    static List<Double> times(Path beast) throws Exception {
        List<Double> out = new ArrayList<>();
        byte[] data = Files.readAllBytes(beast);
        new BeastFramer(new FeedCounters(), (buf, off, len, t, mlat, signal) -> out.add(mlat / SECOND_TICKS))
                .accept(data, 0, data.length, 0);
        return out;
    }

    @Test
    void degradationsAreInTheFilesAndTheReplayReadsThem() throws Exception {
        Scenario base = ScenarioLoader.load("black-sea-2022");
        Scenario sc = base.withDegradations(List.of(
                new Degradation("varna", Degradation.Kind.DROP, 60, 120, 0),
                new Degradation("burgas", Degradation.Kind.LATENCY, 30, 90, 3),
                new Degradation("sofia", Degradation.Kind.STALE, 30, 90, 20),
                new Degradation("Varna", Degradation.Kind.DROP, 60, 120, 0)));
        Path plain = dir.resolve("plain"), degraded = dir.resolve("degraded");
        SimRunner.run(base, plain, 180, null);
        SimRunner.run(sc, degraded, 180, null);

        // a dropped receiver: nothing in its window, frames before and after
        List<Double> varna = times(degraded.resolve("adsb-varna.beast"));
        assertThat(varna).noneMatch(t -> t >= 60 && t < 120);
        assertThat(varna).anyMatch(t -> t < 60).anyMatch(t -> t >= 120);
        assertThat(times(plain.resolve("adsb-varna.beast"))).anyMatch(t -> t >= 60 && t < 120);

        // a late receiver: frames written 3 s after their time, so the file goes back in time
        List<Double> burgas = times(degraded.resolve("adsb-burgas.beast"));
        int back = 0;
        for (int i = 1; i < burgas.size(); i++) if (burgas.get(i) < burgas.get(i - 1) - 1) back++;
        assertThat(back).isPositive();
        assertThat(burgas).hasSameSizeAs(times(plain.resolve("adsb-burgas.beast")));
        List<Double> plainBurgas = times(plain.resolve("adsb-burgas.beast"));
        for (int i = 1; i < plainBurgas.size(); i++)
            assertThat(plainBurgas.get(i)).isGreaterThanOrEqualTo(plainBurgas.get(i - 1));

        // a stale receiver: a second Beast feed of repeats stamped 20 s later, listed in the manifest
        List<Double> stale = times(degraded.resolve("adsb-sofia-stale.beast"));
        assertThat(stale).isNotEmpty().allMatch(t -> t >= 50 && t < 111);
        JsonNode manifest =
                new ObjectMapper().readTree(degraded.resolve(SimRunner.MANIFEST).toFile());
        boolean listed = false;
        for (JsonNode f : manifest.get("files"))
            if (f.path("path").asText().equals("adsb-sofia-stale.beast")) {
                listed = true;
                assertThat(f.path("frames").asLong()).isEqualTo(stale.size());
                assertThat(f.path("receiver").asText()).isEqualTo("sofia-stale");
            }
        assertThat(listed).isTrue();
        assertThat(ReplayFiles.open(degraded).sources())
                .anyMatch(s -> s.path().getFileName().toString().equals("adsb-sofia-stale.beast"));

        // a dropped radar: a minute of its blocks missing
        Path radar = degraded.resolve("radar-10-2.ast");
        assertThat(Files.size(radar)).isLessThan(Files.size(plain.resolve("radar-10-2.ast")) * 5 / 6);
        assertThat(Files.size(degraded.resolve("radar-10-1.ast")))
                .isEqualTo(Files.size(plain.resolve("radar-10-1.ast")));
    }
}
