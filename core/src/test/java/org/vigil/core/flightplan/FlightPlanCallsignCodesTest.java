package org.vigil.core.flightplan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pins the packing to the Mode S decoder's (6-bit ICAO characters, first in bits 47..42). */
class FlightPlanCallsignCodesTest {
    @Test
    void packsLikeTheModeSDecoder() {
        // "A1" padded: A=1, '1'=49, then six spaces (32)
        long expected = 1L << 42 | 49L << 36;
        for (int i = 2; i < 8; i++) expected |= 32L << (42 - 6 * i);
        assertThat(CallsignCodes.pack("A1")).isEqualTo(expected);
        assertThat(CallsignCodes.pack("a1")).isEqualTo(expected);
        assertThat(CallsignCodes.pack("DLH1234")).isNotEqualTo(CallsignCodes.pack("DLH123"));
        assertThat(CallsignCodes.pack("TOOLONG12")).isZero();
        assertThat(CallsignCodes.pack("HA-LVA")).isZero();
        assertThat(CallsignCodes.pack("")).isZero();
    }
}
