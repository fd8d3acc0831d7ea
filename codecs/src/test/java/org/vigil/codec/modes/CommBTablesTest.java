package org.vigil.codec.modes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The table-driven BDS 5,0 / 6,0 consistency checks must take exactly the decisions of the
 * formulas they replace (written out here as the inference used to evaluate them).
 */
class CommBTablesTest {
    private static boolean formulaIasMatchesMach(int iasCode, int machCode, int alt) {
        double ias = iasCode, mach = machCode * (2.048 / 512);
        return !(Math.abs(CommB.casFromMach(mach, alt) - ias) > CommB.MAX_IAS_MISMATCH_KT);
    }

    private static boolean formulaImpliesFlightLevel(int iasCode, int machCode) {
        double implied = CommB.altitudeFromCasMach(iasCode, machCode * (2.048 / 512));
        return implied > -2000 && implied < 60000;
    }

    @Test
    void iasVersusMachDecisionIsTheFormulasForEveryCodePair() {
        Random rnd = new Random(60);
        int[] alts = new int[24];
        for (int i = 0; i < alts.length; i++) {
            // Mode S altitudes (25 ft grid) and arbitrary ones (caller-supplied, off the grid)
            alts[i] = i % 3 == 0 ? -2000 + rnd.nextInt(72_001) : -1000 + 25 * rnd.nextInt(2_841);
        }
        alts[0] = -2000;
        alts[1] = 70000;
        alts[2] = 36075;
        alts[3] = 36100;
        int agreeAccept = 0, agreeReject = 0;
        for (int alt : alts) {
            for (int ias = 0; ias <= 500; ias++) {
                for (int mach = 25; mach <= 247; mach++) { // the codes is60 lets through (Mach 0.1 .. 0.99)
                    boolean want = formulaIasMatchesMach(ias, mach, alt);
                    assertThat(CommB.iasMatchesMach(ias, mach, alt))
                            .as("ias %d mach code %d alt %d", ias, mach, alt)
                            .isEqualTo(want);
                    if (want) agreeAccept++;
                    else agreeReject++;
                }
            }
        }
        assertThat(agreeAccept).isGreaterThan(1000); // both outcomes really exercised
        assertThat(agreeReject).isGreaterThan(1000);
    }

    @Test
    void impliedFlightLevelDecisionIsTheFormulasForEveryCodePair() {
        int accept = 0;
        for (int ias = 0; ias < 1024; ias++) {
            for (int mach = 0; mach < 1024; mach++) {
                if (mach == 0) continue; // Mach 0 never reaches the check (is60 rejects Mach < 0.1)
                boolean want = formulaImpliesFlightLevel(ias, mach);
                assertThat(CommB.impliesFlightLevel(ias, mach))
                        .as("ias %d mach code %d", ias, mach)
                        .isEqualTo(want);
                if (want) accept++;
            }
        }
        assertThat(accept).isBetween(1000, 1024 * 1023 - 1000);
    }

    @Test
    void tabulatedRollTangentIsTheFormulasValue() {
        for (int code = 0; code < 1024; code++) {
            long mb = (1L << 55) | ((long) code << 45); // status bit 1, roll bits 2-11
            assertThat(CommB.TAN_ROLL[code]).isEqualTo(Math.tan(Math.toRadians(CommB.roll50(mb))));
        }
    }

    @Test
    void tabulatedPressureRatioIsTheFormulasValue() {
        for (int alt = -2100; alt <= 70100; alt++) {
            assertThat(CommB.pressureRatioAt(alt)).as("alt %d", alt).isEqualTo(CommB.pressureRatio(alt));
        }
    }
}
