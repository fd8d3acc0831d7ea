package org.vigil.codec.modes;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Arbitrary bytes and MB values through CommB: nothing escapes, and the answer is always one of
 * the three honest shapes (one register with its fields, ambiguous with no fields, nothing).
 */
class CommBFuzzTest {

    private final ModeSMessage m = new ModeSMessage();

    @FuzzTest(maxDuration = "30s")
    void anyInputGivesAnHonestAnswer(FuzzedDataProvider data) {
        int off = data.consumeInt(-2, 4);
        double gs = data.consumeBoolean() ? Double.NaN : data.consumeDouble();
        double trk = data.consumeBoolean() ? Double.NaN : data.consumeDouble();
        int alt = data.consumeBoolean() ? ModeSMessage.ABSENT : data.consumeInt();
        long mb = data.consumeLong();
        byte[] frame = data.consumeRemainingAsBytes();

        m.reset();
        CommB.decode(frame, off, m);
        if (m.error == null) checkShape(m);

        m.reset();
        CommB.decodeMB(mb, gs, trk, alt, m);
        assertThat(m.error).isNull();
        checkShape(m);
    }

    private static void checkShape(ModeSMessage m) {
        int n = Integer.bitCount(m.bdsCandidates);
        if (m.bds != ModeSMessage.ABSENT) {
            assertThat(m.bdsAmbiguous).isFalse();
            assertThat(m.bdsCandidates).isEqualTo(CommB.candidateOf(m.bds));
            if (!Double.isNaN(m.rollDeg)) assertThat(Math.abs(m.rollDeg)).isLessThanOrEqualTo(50);
            if (!Double.isNaN(m.trueAirspeedKt)) assertThat(m.trueAirspeedKt).isBetween(80.0, 600.0);
            if (!Double.isNaN(m.mach)) assertThat(m.mach).isBetween(0.1, 0.99);
            if (!Double.isNaN(m.trueTrackDeg)) assertThat(m.trueTrackDeg).isBetween(0.0, 360.0);
            if (!Double.isNaN(m.magneticHeadingDeg))
                assertThat(m.magneticHeadingDeg).isBetween(0.0, 360.0);
        } else {
            assertThat(m.bdsAmbiguous).isEqualTo(n > 1);
            assertThat(n).isNotEqualTo(1);
            // No register field may be filled for a guess.
            assertThat(m.rollDeg).isNaN();
            assertThat(m.magneticHeadingDeg).isNaN();
            assertThat(m.mcpSelectedAltitudeFt).isEqualTo(ModeSMessage.ABSENT);
            assertThat(m.callsign).isZero();
            assertThat(m.staticAirTemperatureC).isNaN();
        }
    }
}
