package org.vigil.server.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vigil.codec.modes.CprResolver;
import org.vigil.codec.modes.ModeSMessage;
import org.vigil.core.geo.Sphere;
import org.vigil.core.geo.Units;

/**
 * Every ADS-B frame the simulator writes decodes with Vigil's decoder, and every decoded position
 * matches the truth within CPR resolution. Tolerance: airborne CPR quantises to about 5.1 m in
 * latitude and at most 8 m in longitude at these latitudes; the truth is sampled every second and
 * interpolated linearly, which adds at most a few metres in a rate-one turn: 30 m in all.
 */
class SimAdsbTruthTest {
    static final double TOLERANCE_M = 30;
    static final String SPOOFED = "471F75";

    @Test
    void everyFrameDecodesAndEveryPositionIsTheTruth() throws Exception {
        Path dir = SimTestRun.blackSea();
        Map<String, List<SimTestRun.State>> truth = SimTestRun.truth(dir);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".beast"))
                    .sorted()
                    .toList();
        }
        assertThat(files).hasSize(6);
        Map<String, String> callsigns = new java.util.HashMap<>();
        for (String line : Files.readAllLines(dir.resolve(SimRunner.TRUTH))) {
            if (!line.contains("\"event\":\"appeared\"")) continue;
            var n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
            callsigns.put(n.get("icao").asText(), n.get("flight").asText());
        }
        long positions = 0, frames = 0, identities = 0;
        for (Path file : files) {
            CprResolver cpr = new CprResolver();
            List<SimTestRun.Frame> decoded = SimTestRun.beast(file);
            assertThat(decoded).as(file.toString()).isNotEmpty();
            for (SimTestRun.Frame f : decoded) {
                ModeSMessage m = f.m();
                frames++;
                assertThat(m.error).as("decode error in %s", file).isNull();
                assertThat(m.crcOk).isTrue();
                assertThat(m.df).isEqualTo(17);
                String icao = String.format("%06X", m.icao);
                assertThat(truth).as("address %s is a simulated flight", icao).containsKey(icao);
                if (m.tc != ModeSMessage.ABSENT && m.tc >= 1 && m.tc <= 4) {
                    String cs = org.vigil.core.Callsigns.unpack(m.callsign);
                    assertThat(cs == null ? "" : cs).isEqualTo(callsigns.get(icao));
                    identities++;
                }
                if (!cpr.resolve(m) || icao.equals(SPOOFED)) continue;
                SimTestRun.State t = SimTestRun.at(truth.get(icao), f.t());
                if (t == null) continue; // before the first or after the last truth sample
                double err = SimTestRun.metres(m.lat, m.lon, t.lat(), t.lon());
                assertThat(err).as("%s at t=%.3f", icao, f.t()).isLessThan(TOLERANCE_M);
                assertThat((double) m.altitudeFt).isCloseTo(t.altFt(), org.assertj.core.data.Offset.offset(40.0));
                positions++;
            }
        }
        assertThat(frames).isGreaterThan(50_000);
        assertThat(positions).isGreaterThan(10_000);
        assertThat(identities).isGreaterThan(1_000);
    }

    @Test
    void spoofedFlightReportsTheConfiguredOffset() {
        Path dir = SimTestRun.blackSea();
        List<SimTestRun.State> truth = SimTestRun.truth(dir).get(SPOOFED);
        CprResolver cpr = new CprResolver();
        int checked = 0;
        double[] expected = new double[2];
        for (SimTestRun.Frame f : SimTestRun.beast(dir.resolve("adsb-varna.beast"))) {
            if (f.m().icao != 0x471F75 || !cpr.resolve(f.m())) continue;
            SimTestRun.State t = SimTestRun.at(truth, f.t());
            if (t == null) continue;
            double offset = Sphere.distanceM(t.lat(), t.lon(), f.m().lat, f.m().lon) / Units.NM;
            if (f.t() < 6 * 60 - 1) {
                assertThat(offset * Units.NM).isLessThan(TOLERANCE_M);
            } else if (f.t() > 6 * 60 + 1) {
                // spoof: 20 NM along 045 from the true position
                Sphere.destination(t.lat(), t.lon(), 45, 20 * Units.NM, expected);
                assertThat(SimTestRun.metres(f.m().lat, f.m().lon, expected[0], expected[1]))
                        .isLessThan(TOLERANCE_M);
                assertThat(offset).isCloseTo(20, org.assertj.core.data.Offset.offset(0.05));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
    }
}
