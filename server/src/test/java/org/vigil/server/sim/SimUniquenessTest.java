package org.vigil.server.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.radar.RadarPlot;
import org.vigil.core.radar.RadarPlotSink;
import org.vigil.core.sim.Flight;
import org.vigil.core.sim.Scenario;
import org.vigil.core.sim.Simulation;
import org.vigil.server.replay.ReplayFiles;
import org.vigil.server.replay.ReplaySinks;

/**
 * Fixes the tracker engineer reported: background traffic took a scripted flight's ICAO address
 * (AEE182 got 46833E, AEE3WX's), and a radar sometimes reported one aircraft twice in one
 * revolution at a time-step boundary. Also: the manifest gives each receiver's antenna height.
 */
class SimUniquenessTest {

    @Test
    void everyAircraftOfTheDefaultScenariosHasItsOwnAddressAndCallsign() throws Exception {
        for (String name : List.of("black-sea-2022", "load-5000")) {
            Scenario sc = ScenarioLoader.load(name);
            Simulation sim = new Simulation(sc);
            Set<Integer> addresses = new HashSet<>();
            Set<String> callsigns = new HashSet<>();
            for (Flight f : sim.flights()) {
                assertThat(addresses.add(f.spec.icao()))
                        .as("%s: address %06X of %s taken twice", name, f.spec.icao(), f.spec.callsign())
                        .isTrue();
                String cs = f.spec.callsign().trim();
                if (!cs.isEmpty())
                    assertThat(callsigns.add(cs))
                            .as("%s: callsign %s twice", name, cs)
                            .isTrue();
            }
            assertThat(addresses).as(name).hasSizeGreaterThan(sc.flights().size());
            if (name.equals("black-sea-2022")) assertThat(addresses).contains(0x46833E); // AEE3WX keeps its own
        }
    }

    @Test
    void aRadarReportsAnAircraftOncePerRevolutionAndTheManifestHasReceiverHeights(@TempDir Path dir) throws Exception {
        SimRunner.run(ScenarioLoader.load("black-sea-2022"), dir, 10 * 60.0, null);
        JsonNode manifest =
                new ObjectMapper().readTree(dir.resolve(SimRunner.MANIFEST).toFile());
        Map<Integer, Double> rotation = new HashMap<>();
        long dropped = 0;
        for (JsonNode f : manifest.get("files")) {
            if (f.path("kind").asText().equals("radar")) {
                rotation.put(
                        f.get("sac").asInt() << 8 | f.get("sic").asInt(),
                        f.get("rotationSeconds").asDouble());
                dropped += f.get("duplicatePlotsDropped").asLong();
            }
            if (f.path("kind").asText().equals("adsb"))
                assertThat(f.get("heightM").isNumber()).as(f.toString()).isTrue();
        }
        assertThat(dropped)
                .as("the boundary case happens in 10 min of this scenario")
                .isPositive();

        // radar key << 24 | Mode S address -> time of the last plot
        Map<Long, Long> last = new HashMap<>();
        long[] twice = {0}, addressed = {0};
        ReplayFiles.open(dir).run(ReplaySinks.none().withPlots(new RadarPlotSink() {
            @Override
            public void onPlot(RadarPlot p) {
                if (p.address == RadarPlot.ABSENT || p.timeNanos == Long.MIN_VALUE) return;
                addressed[0]++;
                int radar = p.sac << 8 | p.sic;
                Long before = last.put((long) radar << 24 | p.address, p.timeNanos);
                if (before != null && (p.timeNanos - before) / 1e9 < rotation.get(radar) / 2) twice[0]++;
            }
        }));
        assertThat(addressed[0]).isGreaterThan(1000);
        assertThat(twice[0])
                .as("second plots of one aircraft within half a revolution")
                .isZero();
    }
}
