package org.vigil.codec.fpl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.codec.fpl.FplParseResult.Parsed;
import org.vigil.core.flightplan.AtsMessage;
import org.vigil.core.flightplan.FlightPlan;
import org.vigil.core.flightplan.FplItem;

/** parse(write(m)) equals m for every message of the file and for plans built in code. */
class FplRoundTripTest {
    private final FplParser parser = new FplParser();

    private AtsMessage reparse(String text) {
        FplParseResult r = parser.parse(text);
        assertThat(r).as("%s\n%s", r, text).isInstanceOf(Parsed.class);
        return ((Parsed) r).message();
    }

    @Test
    void everyMessageOfTheFileSurvivesWriteAndParse() throws IOException {
        List<AtsMessage> ms = FplFileTest.messages();
        for (AtsMessage m : ms) assertThat(reparse(FplWriter.write(m))).isEqualTo(m);
        // and the file's messages written together read back as a file
        StringBuilder all = new StringBuilder();
        for (AtsMessage m : ms) all.append(FplWriter.write(m)).append("\n\n");
        assertThat(parser.parseAll(all).stream()
                        .map(r -> ((Parsed) r).message())
                        .toList())
                .isEqualTo(ms);
    }

    @Test
    void planBuiltInCodeSurvives() {
        FlightPlan p = new FlightPlan(
                new FplItem.Identification("RRR9901", 'A', 7),
                new FplItem.Rules('Y', (char) 0),
                new FplItem.Aircraft(12, "F35", 'M'),
                new FplItem.Equipment("N", "N"),
                new FplItem.Departure("LRCK", 5),
                new FplItem.Route(
                        new FplItem.Speed('K', 90),
                        new FplItem.Level('S', 110),
                        List.of("DCT", "45N028E", "VFR", "DCT")),
                new FplItem.Destination("ZZZZ", 5999, List.of()),
                new FplItem.Other(
                        List.of(new FplItem.Entry("DEST", "FIELD 4530N02830E"), new FplItem.Entry("STS", "STATE"))),
                new FplItem.Supplementary("E/0300 P/1"));
        String text = FplWriter.write(p);
        assertThat(text)
                .startsWith(
                        "(FPL-RRR9901/A0007-Y\n-12F35/M-N/N\n-LRCK0005\n-K0090S0110 DCT 45N028E VFR DCT\n-ZZZZ9959\n");
        assertThat(((AtsMessage.Fpl) reparse(text)).plan()).isEqualTo(p);
    }

    @Test
    void simulatorStyleMessagesRead() {
        // the layout org.vigil.server.sim.FlightPlans writes (coordinates, trailing DCT, CODE/)
        String sim =
                "(FPL-WZZ4411-IS\n-A320/M-SDE2E3FGHIJ1RWY/LB1\n-LROP0912\n-N0450F360 DCT 4412N02749E DCT 4301N02850E DCT\n"
                        + "-LTFM0135\n-DOF/220415 CODE/471F5A)\n"
                        + "(FPL-RFF7120-IM\n-IL20/M-SDE2E3FGHIJ1RWY/LB1\n-ZZZZ0800\n-N0330F240 DCT 4500N03300E DCT 4400N03100E DCT\n"
                        + "-ZZZZ0210\n-DOF/220415 DEP/4500N03400E DEST/4400N03100E CODE/15A0B1)\n";
        List<FplParseResult> rs = parser.parseAll(sim);
        assertThat(rs).allMatch(r -> r instanceof Parsed);
        FlightPlan p = ((AtsMessage.Fpl) ((Parsed) rs.get(1)).message()).plan();
        assertThat(p.other().get("DEP")).isEqualTo("4500N03400E");
        assertThat(p.icaoAddress()).isEqualTo(0x15A0B1);
    }
}
