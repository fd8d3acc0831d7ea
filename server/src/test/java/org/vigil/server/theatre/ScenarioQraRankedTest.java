package org.vigil.server.theatre;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.qra.Detachment;
import org.vigil.core.qra.InterceptOptions;
import org.vigil.core.qra.InterceptRanking;
import org.vigil.core.qra.TargetPath;
import org.vigil.server.cli.Theatres;
import org.vigil.server.picture.Theatre;

/** A scenario's own {@code qra:} units are the posture the scramble workflow ranks. */
class ScenarioQraRankedTest {
    @TempDir
    Path dir;

    private static final String SCENARIO = String.join(
            "\n",
            "name: own-qra",
            "start: 2022-04-20T09:00:00Z",
            "duration: 10m",
            "area: {south: 39.5, north: 48.0, west: 21.0, east: 46.0}",
            "qra:",
            "  - {name: Test MiG-29 pair, base: LBSF, type: MG29, nation: BG, count: 2, readiness: QRA5}",
            "  - {name: Allied Typhoons, base: LRCK, type: EUFI, nation: DE, count: 4, readiness: QRA15,"
                    + " callsign: GAF, icao: 3F0F01}",
            "flights:",
            "  - {callsign: ROT611, icao: 4A8611, type: AT76, squawk: \"4403\", from: LROP, to: LRTC}",
            "");

    private static List<String> ranked(Theatre t) {
        TargetPath target = new TargetPath(4).straight(43.3, 30.5, 30000, 420, 270);
        long at = Instant.parse("2022-04-20T09:30:00Z").toEpochMilli();
        return new InterceptRanking()
                .rank(t.posture(), target, InterceptOptions.defaults(), at).stream()
                        .map(e -> e.unit().id())
                        .sorted()
                        .toList();
    }

    @Test
    void theScenariosQraUnitsAreTheOnesRankedNotTheTheatresPosture() throws Exception {
        Path file = dir.resolve("own-qra.yaml");
        Files.writeString(file, SCENARIO);
        // a scenario in today's format (no theatre: key): the default theatre, its own qra: posture
        TheatreChoice.Resolved r = TheatreChoice.resolve(null, file.toString(), false);
        assertThat(r.theatre().name()).isEqualTo("black-sea-2022");
        assertThat(r.theatre().posture().detachments())
                .extracting(Detachment::id)
                .containsExactly("BG-MG29-LBSF", "DE-EUFI-LRCK");
        // ranked: exactly these two, not the Dutch F-35s nor the Romanian F-16s of the theatre's posture
        assertThat(ranked(r.theatre())).containsExactly("BG-MG29-LBSF", "DE-EUFI-LRCK");
        assertThat(ranked(Theatres.builtIn("black-sea-2022"))).contains("NL-F35-LBPG", "RO-F16-LRFT");
        // the scenario sets count and readiness; a unit matching the theatre's detachment keeps its base data
        Detachment typhoons = r.theatre().posture().detachment("DE-EUFI-LRCK");
        assertThat(typhoons.count()).isEqualTo(4);
        assertThat(typhoons.base().name()).isEqualTo("Mihail Kogalniceanu");
        assertThat(r.theatre().posture().detachment("BG-MG29-LBSF").readiness().name())
                .isEqualTo("QRA_5");
        // and the scenario's fighters are known as friendly QRA aircraft
        assertThat(r.theatre().rules().qraUnits()).anyMatch(q -> q.firstAddress() == 0x3F0F01);
    }

    @Test
    void aScenarioWithoutQraKeepsTheTheatresPosture() throws Exception {
        Path file = dir.resolve("no-qra.yaml");
        Files.writeString(file, SCENARIO.substring(0, SCENARIO.indexOf("qra:")) + "flights: []\n");
        TheatreChoice.Resolved r = TheatreChoice.resolve(null, file.toString(), false);
        assertThat(r.theatre().posture().detachments())
                .extracting(Detachment::id)
                .containsExactlyElementsOf(Theatres.builtIn("black-sea-2022").posture().detachments().stream()
                        .map(Detachment::id)
                        .toList());
    }

    @Test
    void theBalticDefaultScenarioRanksItsRotationsUnits() throws Exception {
        TheatreChoice.Resolved r = TheatreChoice.resolve("baltic", null, true);
        assertThat(r.scenario().name()).isEqualTo("baltic-2015");
        assertThat(r.theatre().posture().detachments())
                .extracting(Detachment::id)
                .containsExactly("IT-EUFI-EYSA", "PL-MG29-EYSA", "ES-EUFI-EEEI");
        // the theatre's sensors, as the scenario has none of its own
        assertThat(r.scenario().radars()).hasSize(6);
        assertThat(r.scenario().receivers()).hasSize(5);
        // rotations by date kept from the theatre: the Spanish detachment's ends on 30 April 2015
        assertThat(r.theatre().posture().detachment("ES-EUFI-EEEI").rotation().to())
                .hasToString("2015-04-30");
    }
}
