package org.vigil.server.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vigil.codec.asterix.AsterixDecoder;
import org.vigil.codec.asterix.Cat048Record;
import org.vigil.core.Callsigns;

/**
 * A flight with its transponder off (the reconnaissance aircraft of black-sea-2022, address
 * 155F01, which never replies) produces no secondary data and no ADS-B, while primary radar still
 * sees it; flights with transponders produce both.
 */
class SimTransponderOffTest {
    static final int DARK = 0x155F01;

    @Test
    void transponderOffGivesNoSecondaryAndNoAdsb() throws Exception {
        Path dir = SimTestRun.blackSea();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        long adsbFromOthers = 0;
        for (Path f : files) {
            if (!f.toString().endsWith(".beast")) continue;
            for (SimTestRun.Frame fr : SimTestRun.beast(f)) {
                assertThat(fr.m().icao)
                        .as("ADS-B from the dark aircraft in %s", f)
                        .isNotEqualTo(DARK);
                adsbFromOthers++;
            }
        }
        assertThat(adsbFromOthers).isPositive();

        long[] primaryOnly = {0}, secondary = {0}, darkAddress = {0}, callsigns = {0};
        Cat048Record v = new Cat048Record();
        for (Path f : files) {
            if (!f.toString().endsWith(".ast")) continue;
            byte[] b = Files.readAllBytes(f);
            new AsterixDecoder().decode(b, 0, b.length, r -> {
                if (r.category() != 48) return;
                v.wrap(r);
                if (v.typ() == 1) primaryOnly[0]++;
                else secondary[0]++;
                if (v.address() == DARK) darkAddress[0]++;
                if (v.callsign() != 0 && Callsigns.isValid(v.callsign())) callsigns[0]++;
            });
        }
        assertThat(darkAddress[0]).isZero();
        assertThat(secondary[0]).isPositive();
        assertThat(callsigns[0]).isPositive();
        assertThat(primaryOnly[0]).isPositive();
    }
}
