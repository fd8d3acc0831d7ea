package org.vigil.codec.modes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.core.Callsigns;

/**
 * Runs CommB over two real Comm-B captures (pyModeS sample data, GPL-3.0, test scope; see
 * src/test/resources/modes-commb/SOURCES.md): nothing throws, most replies get exactly one
 * register, few stay ambiguous, and every aircraft keeps one BDS 2,0 callsign.
 */
class CommBCaptureTest {

    @ParameterizedTest
    @ValueSource(strings = {"sample_data_commb_df20.csv", "sample_data_commb_df21.csv"})
    void captureIsClassifiedAndConsistent(String file) throws IOException {
        ModeSMessage m = new ModeSMessage();
        Map<String, Integer> perRegister = new TreeMap<>();
        Map<String, Map<String, Integer>> callsignsByAddress = new HashMap<>();
        int total = 0, single = 0, ambiguous = 0, none = 0;
        try (InputStream in = getClass().getResourceAsStream("/modes-commb/" + file)) {
            assertThat(in).as(file).isNotNull();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                line = line.replace("\uFEFF", "").trim();
                if (line.isEmpty()) continue;
                String[] col = line.split(",");
                String address = col[1], hex = col[2];
                byte[] frame = CommBVectorsTest.hexBytes(hex);
                m.reset();
                CommB.decode(frame, 0, m); // an exception here fails the test
                total++;
                assertThat(m.error).isNull();
                if (m.bds != ModeSMessage.ABSENT) {
                    single++;
                    assertThat(Integer.bitCount(m.bdsCandidates)).isEqualTo(1);
                    assertThat(m.bdsAmbiguous).isFalse();
                    perRegister.merge(CommBVectorsTest.name(m.bds), 1, Integer::sum);
                    if (m.bds == 0x20) {
                        callsignsByAddress
                                .computeIfAbsent(address, a -> new HashMap<>())
                                .merge(Callsigns.unpack(m.callsign), 1, Integer::sum);
                    }
                    checkRanges(m);
                } else if (m.bdsAmbiguous) {
                    ambiguous++;
                    assertThat(Integer.bitCount(m.bdsCandidates)).isGreaterThan(1);
                    perRegister.merge("ambiguous " + CommBVectorsTest.names(m.bdsCandidates), 1, Integer::sum);
                } else {
                    none++;
                    assertThat(m.bdsCandidates).isZero();
                }
            }
        }
        System.out.printf(
                "%s: %d replies, %d one register (%.1f %%), %d ambiguous (%.1f %%), %d none; %s%n",
                file, total, single, 100.0 * single / total, ambiguous, 100.0 * ambiguous / total, none, perRegister);
        assertThat(total).isEqualTo(5000);
        assertThat(single).as("replies with exactly one register").isGreaterThan(total * 93 / 100);
        assertThat(ambiguous).as("ambiguous replies").isLessThan(total * 5 / 100);
        assertThat(none).as("replies fitting no register").isLessThan(total * 2 / 100);
        // The registers an en-route EHS interrogator asks for dominate.
        for (String reg : new String[] {"4,0", "5,0", "6,0", "2,0", "1,0", "1,7"}) {
            assertThat(perRegister).containsKey(reg);
        }
        assertThat(perRegister.get("4,0") + perRegister.get("5,0") + perRegister.get("6,0"))
                .isGreaterThan(total * 80 / 100);
        assertThat(callsignsByAddress).hasSizeGreaterThan(20);
        assertThat(unexplainedCallsignConflicts(callsignsByAddress)).isEmpty();
    }

    /**
     * Every address should show one callsign. The address of a DF20/21 reply is recovered from
     * the address/parity field, so a bit error in the parity field moves a reply to a
     * neighbouring address (471F6D's WZZ1871 appears once at 471F6C in the DF20 capture). A second
     * callsign at an address is accepted only when it is the main callsign of an address at most
     * two bits away; anything else would be a decoding or inference error.
     */
    static List<String> unexplainedCallsignConflicts(Map<String, Map<String, Integer>> byAddress) {
        Map<String, String> main = new HashMap<>();
        byAddress.forEach((a, counts) -> main.put(
                a,
                counts.entrySet().stream()
                        .max(Map.Entry.comparingByValue())
                        .orElseThrow()
                        .getKey()));
        List<String> unexplained = new ArrayList<>();
        byAddress.forEach((a, counts) -> {
            for (String cs : counts.keySet()) {
                if (cs.equals(main.get(a))) continue;
                int addr = Integer.parseInt(a, 16);
                boolean neighbour = main.entrySet().stream()
                        .anyMatch(e -> e.getValue().equals(cs)
                                && Integer.bitCount(Integer.parseInt(e.getKey(), 16) ^ addr) <= 2);
                if (!neighbour) unexplained.add(a + " " + counts);
            }
        });
        return unexplained;
    }

    /** Whatever register was chosen, its values are physical. */
    private static void checkRanges(ModeSMessage m) {
        if (!Double.isNaN(m.rollDeg)) assertThat(Math.abs(m.rollDeg)).isLessThanOrEqualTo(50);
        if (!Double.isNaN(m.trueAirspeedKt)) assertThat(m.trueAirspeedKt).isBetween(80.0, 600.0);
        if (!Double.isNaN(m.mach)) assertThat(m.mach).isBetween(0.1, 0.99);
        if (!Double.isNaN(m.indicatedAirspeedKt))
            assertThat(m.indicatedAirspeedKt).isBetween(0.0, 500.0);
        if (!Double.isNaN(m.trueTrackDeg)) assertThat(m.trueTrackDeg).isBetween(0.0, 360.0);
        if (!Double.isNaN(m.magneticHeadingDeg))
            assertThat(m.magneticHeadingDeg).isBetween(0.0, 360.0);
        if (!Double.isNaN(m.baroSettingHpa)) assertThat(m.baroSettingHpa).isBetween(900.0, 1100.0);
        if (m.mcpSelectedAltitudeFt != ModeSMessage.ABSENT)
            assertThat(m.mcpSelectedAltitudeFt).isBetween(0, 50000);
        if (m.bds == 0x20) assertThat(Callsigns.isValid(m.callsign)).isTrue();
    }
}
