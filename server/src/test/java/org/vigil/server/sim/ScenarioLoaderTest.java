package org.vigil.server.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.core.sim.EventKind;
import org.vigil.core.sim.FlightEvent;
import org.vigil.core.sim.FlightSpec;
import org.vigil.core.sim.RadarSpec;
import org.vigil.core.sim.Scenario;
import org.vigil.core.sim.Simulation;

/** Scenario files load into the model; mistakes are reported with file, line, field and expectation. */
class ScenarioLoaderTest {
    static final String HEAD = """
            name: t
            start: 2022-04-20T09:00:00Z
            duration: 10m
            area: {south: 40, north: 47, west: 21, east: 36}
            """;

    @Test
    void builtInDefaultHasTheRequiredCast() throws Exception {
        Scenario sc = ScenarioLoader.load("black-sea-2022");
        assertThat(sc.durationSeconds()).isEqualTo(3600);
        assertThat(sc.radars()).extracting(RadarSpec::sac).contains(10, 20); // Bulgarian and Romanian radars
        assertThat(sc.receivers()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(sc.qra())
                .extracting(
                        q -> q.base().icao() + "/" + q.nation() + "/" + q.type().designator())
                .contains("LBPG/NL/F35", "LBPG/BG/MG29", "LRFT/RO/F16", "LRCK/DE/EUFI");
        assertThat(sc.qra().get(0).count()).isEqualTo(2);
        // reconnaissance aircraft: no transponder, no plan, heading west over the sea
        FlightSpec recon =
                sc.flights().stream().filter(f -> !f.transponder()).findFirst().orElseThrow();
        assertThat(recon.filesPlan()).isFalse();
        assertThat(recon.type().military()).isTrue();
        assertThat(recon.route().get(recon.route().size() - 1)[1])
                .isLessThan(recon.route().get(0)[1]);
        assertThat(events(sc, EventKind.RADIO_LOST)).isNotEmpty();
        assertThat(events(sc, EventKind.SQUAWK))
                .extracting(e -> (int) e.value())
                .contains(7600, 7700);
        assertThat(events(sc, EventKind.ADSB_SPOOF))
                .extracting(FlightEvent::value)
                .contains(20.0);
        assertThat(sc.flights()).anyMatch(f -> !f.filesPlan() && f.type().category() == 1 && f.transponder());
        for (EventKind k : List.of(EventKind.RADIO_LOST, EventKind.SQUAWK, EventKind.ADSB_SPOOF)) {
            assertThat(events(sc, k)).allMatch(e -> e.atSeconds() < 3600);
        }
    }

    @Test
    void loadScenarioHasFiveThousandFlightsAirborne() throws Exception {
        Scenario sc = ScenarioLoader.load("load-5000");
        Simulation sim = new Simulation(sc);
        int least = Integer.MAX_VALUE;
        while (sim.time() < sc.durationSeconds()) {
            sim.step();
            least = Math.min(least, sim.airborneCount());
        }
        assertThat(least).isGreaterThanOrEqualTo(5000);
    }

    @Test
    void badSquawkNamesLineFieldAndExpectation() {
        String yaml = HEAD + """
                flights:
                  - callsign: ABC123
                    icao: 4A0001
                    type: A320
                    squawk: "7800"
                    from: LBSF
                    to: LROP
                """;
        assertThatThrownBy(() -> ScenarioLoader.parse(yaml, "my.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessage(
                        "my.yaml:9: flights[0].squawk: expected a Mode A code of four octal digits, e.g. 7600, got '7800'");
    }

    @Test
    void unknownFieldIsRejected() {
        String yaml = HEAD
                + "flights:\n  - {callsign: A1, icao: 4A0001, type: A320, sqawk: \"1234\", from: LBSF, to: LROP}\n";
        assertThatThrownBy(() -> ScenarioLoader.parse(yaml, "x.yaml"))
                .hasMessageStartingWith(
                        "x.yaml:6: flights[0].sqawk: unknown field (expected one of callsign, icao, type, squawk");
    }

    @Test
    void otherMistakes() {
        assertThatThrownBy(() -> ScenarioLoader.parse(HEAD.replace("duration: 10m", "duration: ten minutes"), "d.yaml"))
                .hasMessage("d.yaml:3: duration: expected a duration such as 90s, 10m, 1h or 1h30m, got 'ten minutes'");
        assertThatThrownBy(() -> ScenarioLoader.parse(HEAD.replace("name: t\n", ""), "n.yaml"))
                .hasMessage("n.yaml:1: name: missing (required)");
        assertThatThrownBy(() -> ScenarioLoader.parse(
                        HEAD + "flights:\n  - {icao: 4A0001, type: B999, from: LBSF, to: LROP}\n", "t.yaml"))
                .hasMessageStartingWith("t.yaml:6: flights[0].type: expected an aircraft type, one of [");
        assertThatThrownBy(() -> ScenarioLoader.parse(
                        HEAD + "flights:\n  - {icao: 4A0001, type: A320, from: XXXX, to: LROP}\n", "a.yaml"))
                .hasMessageStartingWith("a.yaml:6: flights[0].from: expected an airport ICAO code");
        assertThatThrownBy(() -> ScenarioLoader.parse(
                        HEAD
                                + "radars:\n  - {name: R, sac: 300, sic: 1, position: [43, 27], range: 100, rotation: 5s}\n",
                        "r.yaml"))
                .hasMessage("r.yaml:6: radars[0].sac: expected a number between 0 and 255, got '300'");
        assertThatThrownBy(() -> ScenarioLoader.parse(
                        HEAD
                                + "flights:\n  - {icao: 4A0001, type: A320, from: LBSF, to: LROP,\n     events: [{at: 1m, event: explode}]}\n",
                        "e.yaml"))
                .hasMessageStartingWith("e.yaml:7: flights[0].events[0].event: expected one of [transponder-off");
        assertThatThrownBy(() -> ScenarioLoader.parse("name: [unclosed\n", "y.yaml"))
                .hasMessageStartingWith("y.yaml:")
                .hasMessageContaining("not valid YAML");
        // the one safe YAML reader: a repeated key and an alias are errors on their line
        assertThatThrownBy(() -> ScenarioLoader.parse(HEAD + "duration: 20m\n", "d.yaml"))
                .hasMessageStartingWith("d.yaml:5: not valid YAML: Duplicate field 'duration'");
        assertThatThrownBy(() -> ScenarioLoader.parse(HEAD + "radars: &r []\nflights: *r\n", "x.yaml"))
                .hasMessageStartingWith("x.yaml:5: not valid YAML: anchor &r is not allowed");
        assertThatThrownBy(() -> ScenarioLoader.load("no-such-scenario"))
                .hasMessageContaining("built-in scenarios: black-sea-2022");
    }

    private static List<FlightEvent> events(Scenario sc, EventKind k) {
        return sc.flights().stream()
                .flatMap(f -> f.events().stream())
                .filter(e -> e.kind() == k)
                .toList();
    }
}
