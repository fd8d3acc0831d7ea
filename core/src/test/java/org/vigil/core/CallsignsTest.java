package org.vigil.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Pins the packing (6-bit ICAO characters, first in bits 47..42, space padded) that the Mode S
 * decoder, the ASTERIX codecs, the simulator and flight-plan correlation all rely on.
 */
class CallsignsTest {
    /** "A1" padded: A=1, '1'=49, then six spaces (32). */
    private static final long A1;

    static {
        long v = 1L << 42 | 49L << 36;
        for (int i = 2; i < 8; i++) v |= 32L << (42 - 6 * i);
        A1 = v;
    }

    @Test
    void packsLikeTheModeSDecoder() {
        assertThat(Callsigns.pack("A1")).isEqualTo(A1);
        assertThat(Callsigns.pack("a1")).isEqualTo(A1);
        assertThat(Callsigns.packOrNone("A1")).isEqualTo(A1);
        assertThat(Callsigns.packOrNone("a1")).isEqualTo(A1);
        assertThat(Callsigns.pack("DLH1234")).isNotEqualTo(Callsigns.pack("DLH123"));
        // every character of the set, first one in the top bits
        assertThat(Callsigns.pack("Z9 ")).isEqualTo(26L << 42 | 57L << 36 | 0x8_2082_0820L);
    }

    @Test
    void strictPackingRejectsWhatCannotBeSent() {
        assertThatThrownBy(() -> Callsigns.pack("TOOLONG12"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than 8");
        assertThatThrownBy(() -> Callsigns.pack("HA-LVA"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'-'");
        assertThat(Callsigns.pack("")).as("empty text is eight spaces").isEqualTo(0x8208_2082_0820L);
    }

    @Test
    void lenientPackingGivesNoCallsignForUntrustedText() {
        assertThat(Callsigns.packOrNone("TOOLONG12")).isZero();
        assertThat(Callsigns.packOrNone("HA-LVA")).isZero();
        assertThat(Callsigns.packOrNone("")).isZero();
        assertThat(Callsigns.packOrNone(null)).isZero();
    }

    @Test
    void unpackIsTheInverseWithTrailingSpacesRemoved() {
        assertThat(Callsigns.unpack(A1)).isEqualTo("A1");
        assertThat(Callsigns.unpack(Callsigns.pack("KLM1017"))).isEqualTo("KLM1017");
        assertThat(Callsigns.unpack(Callsigns.pack(""))).isEmpty();
        assertThat(Callsigns.unpack(0)).isNull();
    }

    @Test
    void codesAndCharactersAreInverse() {
        int valid = 0;
        for (int code = 0; code < 64; code++) {
            char ch = Callsigns.charOf(code);
            if (ch == '#') {
                continue;
            }
            valid++;
            assertThat(Callsigns.codeOf(ch)).as("code %d", code).isEqualTo(code);
        }
        assertThat(valid).isEqualTo(26 + 10 + 1);
        assertThat(Callsigns.codeOf('a')).isEqualTo(-1);
        assertThat(Callsigns.codeOf('-')).isEqualTo(-1);
        assertThat(Callsigns.codeOf('#')).isEqualTo(-1);
    }

    @Test
    void validityFlagsAnyCodeOutsideTheSet() {
        assertThat(Callsigns.isValid(Callsigns.pack("WZZ1234"))).isTrue();
        assertThat(Callsigns.isValid(Callsigns.pack("WZZ1234") & ~0x3FL | 0x3B)).isFalse();
        assertThat(Callsigns.isValid(0)).as("code 0 is not a character").isFalse();
    }
}
