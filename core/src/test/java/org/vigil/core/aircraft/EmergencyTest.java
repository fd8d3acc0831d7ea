package org.vigil.core.aircraft;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ADS-B emergency codes: the 3-bit code and both external names, as they were when this was an int. */
class EmergencyTest {
    @Test
    void codesRoundTripAndOutOfRangeIsAbsent() {
        for (int code = 0; code < 8; code++)
            assertThat(Emergency.of(code).code()).isEqualTo(code);
        assertThat(Emergency.of(-1)).isNull();
        assertThat(Emergency.of(8)).isNull();
        assertThat(Emergency.of(Integer.MIN_VALUE)).isNull();
    }

    @Test
    void externalNamesAreUnchanged() {
        String[] api = {
            "none",
            "general",
            "lifeguard",
            "minimum_fuel",
            "no_communications",
            "unlawful_interference",
            "downed",
            "reserved"
        };
        String[] text = {
            "none",
            "general",
            "lifeguard/medical",
            "minimum fuel",
            "no communications",
            "unlawful interference",
            "downed aircraft",
            "reserved"
        };
        for (int code = 0; code < 8; code++) {
            assertThat(Emergency.of(code).label()).isEqualTo(api[code]);
            assertThat(Emergency.of(code).text()).isEqualTo(text[code]);
        }
        assertThat(Emergency.UNLAWFUL_INTERFERENCE.code()).isEqualTo(5);
        assertThat(Emergency.NO_COMMUNICATIONS.code()).isEqualTo(4);
    }
}
