package org.vigil.core.airspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AirspaceNatoMembershipTest {
    private final NatoMembership nato = NatoMembership.defaults();

    @Test
    void finlandJoinedOnTheFourthOfApril2023() {
        assertThat(nato.isNato("FI", LocalDate.parse("2023-04-03"))).isFalse();
        assertThat(nato.isNato("FI", LocalDate.parse("2023-04-04"))).isTrue();
        assertThat(nato.isNato("FI", LocalDate.parse("2023-04-05"))).isTrue();
    }

    @Test
    void blackSeaStates() {
        LocalDate scenario = LocalDate.parse("2022-04-06");
        assertThat(nato.isNato("BG", scenario)).isTrue();
        assertThat(nato.isNato("RO", scenario)).isTrue();
        assertThat(nato.isNato("TR", scenario)).isTrue();
        assertThat(nato.isNato("UA", scenario)).isFalse();
        assertThat(nato.isNato("RU", scenario)).isFalse();
        assertThat(nato.isNato("GE", scenario)).isFalse();
        assertThat(nato.isNato("SE", scenario)).isFalse();
        assertThat(nato.isNato("SE", LocalDate.parse("2024-03-07"))).isTrue();
        assertThat(nato.isNato("BG", LocalDate.parse("2004-03-28"))).isFalse();
        assertThat(nato.isNato("MK", LocalDate.parse("2020-03-27"))).isTrue();
        assertThat(nato.isNato("ME", LocalDate.parse("2017-06-04"))).isFalse();
        assertThat(nato.members()).hasSize(32);
        assertThat(nato.isNato("NO", scenario))
                .as("Norway, which YAML 1.1 would read as false")
                .isTrue();
    }

    @Test
    void byStateIndexFromTimestamps() {
        NationalAirspace air = BlackSeaTestAirspace.nationalAirspace();
        NatoMembership.ByState byState = nato.bind(air);
        int bg = air.indexOf("BG");
        long joined = Instant.parse("2004-03-29T00:00:00Z").getEpochSecond() * 1_000_000_000L;
        assertThat(byState.isNato(bg, joined - 1)).isFalse();
        assertThat(byState.isNato(bg, joined)).isTrue();
        assertThat(byState.isNato(air.indexOf("UA"), Long.MAX_VALUE - 1)).isFalse();
        assertThat(byState.isNato(NationalAirspace.NONE, joined)).isFalse();
    }

    @Test
    void badTablesAreRejectedWithTheCode() {
        assertThatThrownBy(() -> NatoMembership.fromYaml(yaml("members:\n  \"FI\": 2023-13-04\n")))
                .isInstanceOf(AirspaceDataException.class)
                .hasMessageContaining("FI");
        assertThatThrownBy(() -> NatoMembership.fromYaml(yaml("members:\n  Finland: 2023-04-04\n")))
                .isInstanceOf(AirspaceDataException.class)
                .hasMessageContaining("Finland");
    }

    private static ByteArrayInputStream yaml(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
