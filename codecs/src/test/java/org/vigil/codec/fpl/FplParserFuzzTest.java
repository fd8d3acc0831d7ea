package org.vigil.codec.fpl;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.vigil.codec.fpl.FplParseResult.Parsed;

/**
 * Any text: the parser returns results (never throws, never hits its internal-error guard), and
 * whatever it accepts survives write and parse again unchanged.
 */
class FplParserFuzzTest {
    private static final String SEED = "(FPL-DLH1234/A2341-IS\n-A320/M-SDE2E3FGHIJ1RWY/LB1\n-LBSF1200\n"
            + "-N0450F350 DCT BALKA UL851 TRAKI/N0440F370 DCT 4130N02830E DCT\n-LTFM0130 LTBA\n"
            + "-DOF/220415 REG/DAIPX STS/HOSP RMK/PATIENT CODE/3C6589 EET/LTBB0045)\n"
            + "(CHG-THY4LC-LTFM0630-LROP-DOF/220415-8/IN-15/M082F390 DCT)(DLA-A1-LBSF1300-LTFM-0)(ARR-A1-LBSF-LTFM1200)";

    @FuzzTest(maxDuration = "30s")
    void neverThrowsAndRoundTrips(FuzzedDataProvider data) {
        FplParser parser = new FplParser();
        String text = data.consumeBoolean() ? mutate(data) : data.consumeRemainingAsString();
        for (FplParseResult r : parser.parseAll(text)) {
            if (r instanceof Parsed p) {
                String written = FplWriter.write(p.message());
                FplParseResult again = new FplParser().parse(written);
                assertThat(again).as(written).isInstanceOf(Parsed.class);
                assertThat(((Parsed) again).message()).isEqualTo(p.message());
            }
        }
        assertThat(parser.internalErrors()).isZero();
    }

    /** The seed with a few characters replaced: reaches deep into the item parsers. */
    private static String mutate(FuzzedDataProvider data) {
        char[] c = SEED.toCharArray();
        int n = data.consumeInt(1, 8);
        for (int i = 0; i < n; i++) c[data.consumeInt(0, c.length - 1)] = data.consumeChar();
        return new String(c);
    }
}
