package org.vigil.codec.modes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** NL at the edges DO-260B names: 59 at the equator, 2 up to and including 87 degrees, 1 beyond. */
class CprNlTest {
    @Test
    void nlAtTheTableEdges() {
        assertThat(Cpr.nl(0)).isEqualTo(59);
        assertThat(Cpr.nl(10.47047130)).isEqualTo(58); // first transition latitude (DO-260B table)
        assertThat(Cpr.nl(10.4704)).isEqualTo(59);
        assertThat(Cpr.nl(86.9999)).isEqualTo(2);
        assertThat(Cpr.nl(87.0)).isEqualTo(2);
        assertThat(Cpr.nl(-87.0)).isEqualTo(2);
        assertThat(Cpr.nl(87.0001)).isEqualTo(1);
        assertThat(Cpr.nl(-90)).isEqualTo(1);
    }
}
