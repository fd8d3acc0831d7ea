package org.vigil.server.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.sim.RadarSpec;
import org.vigil.core.sim.Scenario;
import org.vigil.core.sim.Simulation;

/** The Europe-wide load scenario (docs/SCALE.md): 20,000 flights aloft all along, sensors everywhere, one text per seed. */
class EuropeLoadScenarioTest {
    @Test
    void twentyThousandFlightsStayAirborneOverEuropeWithSensorsInEveryArea(@TempDir Path dir) throws Exception {
        String text = EuropeLoadScenario.yaml(22_000, 18);
        assertThat(EuropeLoadScenario.yaml(22_000, 18))
                .as("deterministic from the seed")
                .isEqualTo(text);
        assertThat(EuropeLoadScenario.yaml(22_000, 19)).isNotEqualTo(text);
        Path file = dir.resolve("europe.yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Scenario sc = ScenarioLoader.load(file.toString());
        assertThat(sc.radars()).hasSize(54);
        assertThat(sc.receivers()).hasSize(54);
        assertThat(sc.background().airports()).hasSizeGreaterThan(60);
        // sensors in each of four quarters of Europe (any split into areas has its own)
        Set<String> quarters = new HashSet<>();
        for (RadarSpec r : sc.radars()) quarters.add((r.lat() > 53 ? "N" : "S") + (r.lon() > 14.5 ? "E" : "W"));
        assertThat(quarters).containsExactlyInAnyOrder("NE", "NW", "SE", "SW");
        Simulation sim = new Simulation(sc);
        int least = Integer.MAX_VALUE;
        // five minutes (10 would take ~2 min on a busy 2-core machine): the number aloft settles in the first
        for (int s = 0; s < 300 / Simulation.STEP_SECONDS; s++) {
            sim.step();
            if (s % 60 == 59) least = Math.min(least, sim.airborneCount());
        }
        assertThat(least)
                .as("fewest flights airborne at once, minute by minute")
                .isGreaterThanOrEqualTo(20_000);
    }

    @Test
    void theHundredThousandFlightLoadIsAScenarioTheLoaderTakes(@TempDir Path dir) throws Exception {
        // issue 20's worldwide-aggregator load: the same generator, one text per seed, within the loader's bounds
        String text = EuropeLoadScenario.yaml(100_000, 18);
        assertThat(EuropeLoadScenario.yaml(100_000, 18)).isEqualTo(text);
        Path file = dir.resolve("europe-100000.yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Scenario sc = ScenarioLoader.load(file.toString());
        assertThat(sc.background().airborne()).isEqualTo(100_000);
        assertThat(sc.background().perHour()).isEqualTo(125_000.0);
    }
}
