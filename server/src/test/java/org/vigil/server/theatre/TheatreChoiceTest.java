package org.vigil.server.theatre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.qra.Detachment;
import org.vigil.server.sim.ScenarioException;

/** A scenario names its theatre (a directory relative to the scenario file) and uses the theatre's airports. */
class TheatreChoiceTest {
    @TempDir
    Path dir;

    @Test
    void aScenarioNamesItsTheatreDirectoryAndItsQraBaseIsATheatreAirport() throws Exception {
        Path t = Files.createDirectories(dir.resolve("mini"));
        Files.writeString(
                t.resolve("theatre.yaml"),
                String.join(
                        "\n",
                        "name: mini",
                        "title: Mini theatre",
                        "area: {south: 41, north: 45, west: 22, east: 30}",
                        "policed: [BG]",
                        "airports: airports.csv",
                        "qra: classpath:/qra/black-sea-2022.yaml",
                        ""));
        Files.writeString(t.resolve("airports.csv"), "icao,name,lat,lon,elevation_ft\nLBZZ,Test field,42.5,25.0,900\n");
        Path scenario = dir.resolve("s.yaml");
        Files.writeString(
                scenario,
                String.join(
                        "\n",
                        "name: mini-scenario",
                        "theatre: mini",
                        "start: 2022-04-20T09:00:00Z",
                        "duration: 10m",
                        "area: {south: 41, north: 45, west: 22, east: 30}",
                        "qra:",
                        "  - {name: Test pair, base: LBZZ, type: MG29, nation: BG, count: 2, readiness: QRA15}",
                        "flights: []",
                        ""));
        TheatreChoice.Resolved r = TheatreChoice.resolve(null, scenario.toString(), false);
        assertThat(r.theatre().name()).isEqualTo("mini");
        assertThat(r.theatre().posture().detachments())
                .extracting(Detachment::id)
                .containsExactly("BG-MG29-LBZZ");
        assertThat(r.theatre().posture().detachment("BG-MG29-LBZZ").base().elevationFt())
                .isEqualTo(900);
        // the theatre's airport is a route point too
        double[] p = new double[2];
        assertThat(r.theatre().routes().find("LBZZ", p)).isTrue();
        assertThat(p).containsExactly(42.5, 25.0);

        // --theatre wins over the key: in the Black Sea theatre LBZZ is unknown, a clear error
        assertThatThrownBy(() -> TheatreChoice.resolve("black-sea-2022", scenario.toString(), false))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("s.yaml:7: qra[0].base: expected an airport ICAO code");
    }

    @Test
    void anUnknownTheatreIsAnErrorNamingTheBuiltIns() {
        assertThatThrownBy(() -> TheatreLoader.load("atlantis"))
                .isInstanceOf(TheatreException.class)
                .hasMessageContaining("no such theatre directory (built-in theatres: black-sea-2022, baltic, iceland)");
    }
}
