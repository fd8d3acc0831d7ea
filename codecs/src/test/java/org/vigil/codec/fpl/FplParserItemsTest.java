package org.vigil.codec.fpl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.codec.fpl.FplParseResult.Parsed;
import org.vigil.codec.fpl.FplParseResult.Rejected;
import org.vigil.core.flightplan.AtsMessage;
import org.vigil.core.flightplan.FlightKey;
import org.vigil.core.flightplan.FlightPlan;
import org.vigil.core.flightplan.FplItem;

/** Valid and malformed messages, item by item. Each malformed case must name the item at fault. */
class FplParserItemsTest {
    private final FplParser parser = new FplParser();

    /** A valid FPL, items separated so a test can replace one. */
    private static final String[] GOOD = {
        "FPL",
        "DLH1234/A2341",
        "IS",
        "A320/M",
        "SDE2E3FGHIJ1RWY/LB1",
        "LBSF1200",
        "N0450F350 DCT BALKA UL851 TRAKI/N0440F370 DCT 4130N02830E DCT",
        "LTFM0130 LTBA LTBJ",
        "DOF/220415 REG/DAIPX STS/HOSP RMK/PATIENT ON BOARD CODE/3C6589 PBN/A1B1 EET/LTBB0045 SEL/ACFS OPR/DLH XYZ/KEPT"
    };

    private static String with(int field, String text) {
        String[] f = GOOD.clone();
        f[field] = text;
        return "(" + String.join("-", f) + ")";
    }

    private FlightPlan plan(String text) {
        FplParseResult r = parser.parse(text);
        assertThat(r).as("%s", r).isInstanceOf(Parsed.class);
        return ((AtsMessage.Fpl) ((Parsed) r).message()).plan();
    }

    private Rejected rejected(String text) {
        FplParseResult r = parser.parse(text);
        assertThat(r).as("should be rejected: %s", text).isInstanceOf(Rejected.class);
        return (Rejected) r;
    }

    @Test
    void allItemsOfAValidPlan() {
        FlightPlan p = plan(with(0, "FPL"));
        assertThat(p.identification()).isEqualTo(new FplItem.Identification("DLH1234", 'A', 2341));
        assertThat(p.rules()).isEqualTo(new FplItem.Rules('I', 'S'));
        assertThat(p.aircraft()).isEqualTo(new FplItem.Aircraft(1, "A320", 'M'));
        assertThat(p.equipment()).isEqualTo(new FplItem.Equipment("SDE2E3FGHIJ1RWY", "LB1"));
        assertThat(p.departure()).isEqualTo(new FplItem.Departure("LBSF", 720));
        assertThat(p.route().speed()).isEqualTo(new FplItem.Speed('N', 450));
        assertThat(p.route().level()).isEqualTo(new FplItem.Level('F', 350));
        assertThat(p.route().elements())
                .containsExactly("DCT", "BALKA", "UL851", "TRAKI/N0440F370", "DCT", "4130N02830E", "DCT");
        assertThat(p.destination()).isEqualTo(new FplItem.Destination("LTFM", 90, List.of("LTBA", "LTBJ")));
        assertThat(p.dateOfFlight()).isEqualTo(LocalDate.of(2022, 4, 15));
        assertThat(p.other().get("REG")).isEqualTo("DAIPX");
        assertThat(p.other().specialHandling()).containsExactly("HOSP");
        assertThat(p.other().get("RMK")).isEqualTo("PATIENT ON BOARD");
        assertThat(p.icaoAddress()).isEqualTo(0x3C6589);
        assertThat(p.other().get("XYZ")).isEqualTo("KEPT"); // unknown indicators are kept
        assertThat(p.other().entries()).hasSize(10);
        assertThat(p.squawk()).isEqualTo(2341);
        assertThat(p.supplementary()).isNull();
        assertThat(parser.parsedCount()).isEqualTo(1);
    }

    @ParameterizedTest(name = "item {0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1|DLH1234|DLH1234",
                "1|A1|A1",
                "2|V|V",
                "2|YM|YM",
                "3|2F16/M|2F16/M",
                "3|B77W/H|B77W/H",
                "3|A388/J|A388/J",
                "4|N/N|N/N",
                "4|SDFGY/S|SDFGY/S",
                "5|LROP2359|LROP2359",
                "6|M082F370 DCT|M082F370 DCT",
                "6|K0830S1130 DCT|K0830S1130 DCT",
                "6|N0110VFR DCT SOF DCT|N0110VFR DCT SOF DCT",
                "6|N0120A045 DCT|N0120A045 DCT",
                "6|N0450M0840 DCT|N0450M0840 DCT",
                "6|N0450F350 SOF090040 DCT 45N028E DCT C/4530N02830E/M082F350PLUS|N0450F350 SOF090040 DCT 45N028E DCT C/4530N02830E/M082F350PLUS",
                "6|N0450F350 LOMOS1A UL851 T|N0450F350 LOMOS1A UL851 T",
                "7|LTFM9959|LTFM9959",
                "8|0|0",
                "8|STS/STATE ATFMX RMK/DIP CLNC 114/2022|STS/STATE ATFMX RMK/DIP CLNC 114/2022",
                "8|DOF/240229|DOF/240229"
            })
    void validItems(int field, String text, String expectedText) {
        FlightPlan p = plan(with(field, text));
        assertThat(FplWriter.write(p)).contains(expectedText);
    }

    @ParameterizedTest(name = "item {1}: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1|7|DLH12345",
                "1|7|DLH 1",
                "1|7|DLH1/A2391",
                "1|7|DLH1/2341",
                "1|7|/A2341",
                "2|8|Q",
                "2|8|IQ",
                "2|8|ISX",
                "3|9|A320",
                "3|9|A320/Q",
                "3|9|0A320/M",
                "3|9|320/M",
                "4|10|SDFGY",
                "4|10|/S",
                "4|10|SDFGY/",
                "4|10|S9/S",
                "4|10|SD!/S",
                "5|13|LBSF2561",
                "5|13|LBSF1260",
                "5|13|LBS1200",
                "5|13|LBSF",
                "6|15|N0450 DCT",
                "6|15|X0450F350 DCT",
                "6|15|N0450F350",
                "6|15|N0450F35 DCT",
                "6|15|N0450F350 DCT BA.LKA",
                "6|15|N0450F350 BALKA/N04F350",
                "6|15|N0450F350 DCT 4560N02830E/N0450F350/X",
                "6|15||",
                "7|16|LTFM",
                "7|16|LTFM0175",
                "7|16|LTFM0130 LTBA LTBJ LTAI",
                "7|16|LTFM0130 LTB",
                "8|18|DOF/220231",
                "8|18|DOF/22041",
                "8|18|CODE/3C658",
                "8|18|CODE/3C658G",
                "8|18|STS/VIP",
                "8|18|RMK/",
                "8|18|JUST TEXT",
                "8|18|REG/D_AIPX",
                "8|18|EET/LTBB0075",
                "8|18|SEL/ACFZ"
            })
    void malformedItemsAreRejectedWithTheirItem(int field, String item, String text) {
        Rejected r = rejected(with(field, text == null ? "" : text));
        assertThat(r.item()).as(r.describe()).isEqualTo(item);
        assertThat(r.reason()).isNotBlank();
    }

    @Test
    void reasonsReadLikeAnOperatorWouldSayThem() {
        assertThat(rejected(with(5, "LBSF2561")).describe()).isEqualTo("item 13: departure time 25:61 out of range");
        assertThat(rejected(with(7, "LTFM0175")).describe()).isEqualTo("item 16: total EET 01:75 out of range");
        assertThat(rejected(with(8, "DOF/220231")).describe()).isEqualTo("item 18: DOF/220231 is not a date");
        assertThat(rejected(with(1, "DLH1/A2391")).describe())
                .contains("item 7")
                .contains("octal");
        assertThat(parser.rejectedCount()).isEqualTo(4);
    }

    @Test
    void missingItemsAndFraming() {
        assertThat(rejected("(FPL-DLH1-IS-A320/M-SDFGY/S-LBSF1200)").item()).isEqualTo("15");
        assertThat(rejected("(FPL-DLH1-IS-A320/M-SDFGY/S-LBSF1200-N0450F350 DCT-LTFM0100)")
                        .item())
                .isEqualTo("18");
        assertThat(rejected("(XYZ-DLH1-IS)").item()).isEqualTo("3");
        assertThat(rejected("()").item()).isEqualTo("3");
        assertThat(rejected(with(0, "FPL").replace(")", "-E/0100-EXTRA)")).item())
                .isEqualTo("19");
    }

    @Test
    void item19AndLowerCaseAndLineBreaks() {
        FlightPlan p = plan(
                "(fpl-dlh1-is\n-a320/m-sdfgy/s\r\n-lbsf1200\n-n0450f350 dct\n   balka dct\n-ltfm0100\n-0\n-E/0300 P/TBN R/VE)");
        assertThat(p.route().elements()).containsExactly("DCT", "BALKA", "DCT");
        assertThat(p.other().entries()).isEmpty();
        assertThat(p.supplementary().text()).isEqualTo("E/0300 P/TBN R/VE");
    }

    @Test
    void changeDelayCancelDepartureArrival() {
        FlightKey key = new FlightKey("THY4LC", "LTFM", "LROP", LocalDate.of(2022, 4, 15));
        AtsMessage chg = ((Parsed)
                        parser.parse("(CHG-THY4LC/A2303-LTFM0630-LROP-DOF/220415-8/IN-9/B739/M-16/LROP0140 LRCK)"))
                .message();
        assertThat(chg)
                .isEqualTo(new AtsMessage.Chg(
                        key,
                        390,
                        List.of(
                                new FplItem.Rules('I', 'N'),
                                new FplItem.Aircraft(1, "B739", 'M'),
                                new FplItem.Destination("LROP", 100, List.of("LRCK")))));
        assertThat(((Parsed) parser.parse("DLA-THY4LC-LTFM0715-LROP-DOF/220415")).message())
                .isEqualTo(new AtsMessage.Dla(key, 435));
        assertThat(((Parsed) parser.parse("(CNL-THY4LC-LTFM0630-LROP-0)")).message())
                .isEqualTo(new AtsMessage.Cnl(new FlightKey("THY4LC", "LTFM", "LROP", null), 390));
        assertThat(((Parsed) parser.parse("(DEP-THY4LC-LTFM0641-LROP-DOF/220415)")).message())
                .isEqualTo(new AtsMessage.Dep(key, 401));
        assertThat(((Parsed) parser.parse("(CNL-THY4LC-LTFM0630-LROP)")).message())
                .isEqualTo(new AtsMessage.Cnl(new FlightKey("THY4LC", "LTFM", "LROP", null), 390));
        assertThat(((Parsed) parser.parse("(ARR-THY4LC-LTFM-LROP0812)")).message())
                .isEqualTo(new AtsMessage.Arr(new FlightKey("THY4LC", "LTFM", "LROP", null), "LROP", 492));
        assertThat(((Parsed) parser.parse("(ARR-THY4LC-LTFM0630-LROP-LRCK0812)")).message())
                .isEqualTo(new AtsMessage.Arr(new FlightKey("THY4LC", "LTFM", "LROP", null), "LRCK", 492));
    }

    @ParameterizedTest(name = "{0} -> item {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "(CHG-THY4LC-LTFM0630-LROP-DOF/220415)|22",
                "(CHG-THY4LC-LTFM0630-LROP-DOF/220415-14/ABC)|22",
                "(CHG-THY4LC-LTFM0630-LROP-DOF/220415-8/QQ)|8",
                "(CHG-THY4LC-LTFM0630-LROP-DOF/220415-15/N0450F350)|15",
                "(CHG-THY4LC-LTFM2630-LROP-0-8/IS)|13",
                "(DLA-THY4LC-LTFM0760-LROP-DOF/220415)|13",
                "(DLA-THY4LC-LTFM-LROP-DOF/220415)|13",
                "(CNL-THY4LC-LTFM0630)|16",
                "(CNL-THY4LC-LTFM0630-LR1P-0)|16",
                "(CNL-THY4LC-LTFM0630-LROP-DOF/221315)|18",
                "(DEP-THY#LC-LTFM0630-LROP-0)|7",
                "(DEP-THY4LC-LTFM0630-LROP-0-8/IS)|18",
                "(ARR-THY4LC-LTFM-LROP2412)|17",
                "(ARR-THY4LC-LTFM)|17",
                "(ARR-THY4LC-LT-LROP0812)|13"
            })
    void malformedKeyedMessages(String text, String item) {
        Rejected r = rejected(text);
        assertThat(r.item()).as(r.describe()).isEqualTo(item);
    }

    @Test
    void severalMessagesWithAndWithoutParentheses() {
        String text =
                "(CNL-A1-LBSF1200-LTFM-0)\n\nDLA-A2-LBSF1300-LTFM-0\nCNL-A3-LBSF1200-\nLTFM-0\n(DEP-A4-LBSF1210-LTFM-0)(garbage";
        List<FplParseResult> rs = parser.parseAll(text);
        assertThat(rs).hasSize(5);
        assertThat(rs.subList(0, 4)).allMatch(r -> r instanceof Parsed);
        assertThat(((Parsed) rs.get(2)).message().key().aircraftId()).isEqualTo("A3");
        assertThat(rs.get(4))
                .isInstanceOfSatisfying(
                        Rejected.class, r -> assertThat(r.reason()).contains("parenthesis"));
        assertThat(parser.parseAll("hello\n(CNL-A1-LBSF1200-LTFM-0)")).first().isInstanceOf(Rejected.class);
    }
}
