package org.vigil.codec.fpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vigil.codec.fpl.FplParseResult.Parsed;
import org.vigil.core.flightplan.AtsMessage;
import org.vigil.core.flightplan.Correlation;
import org.vigil.core.flightplan.CorrelationReason;
import org.vigil.core.flightplan.FiledPlan;
import org.vigil.core.flightplan.FlightKey;
import org.vigil.core.flightplan.FlightPlan;
import org.vigil.core.flightplan.FlightPlanCorrelator;
import org.vigil.core.flightplan.FlightPlanStore;
import org.vigil.core.flightplan.FlightPlanStore.Outcome;
import org.vigil.core.flightplan.PlanStatus;
import org.vigil.core.flightplan.RouteExpander;
import org.vigil.core.flightplan.RoutePoints;

/** The whole file of hand-written Black Sea messages (src/test/resources/fpl/black-sea-day.txt). */
class FplFileTest {
    static String file() throws IOException {
        try (InputStream in = FplFileTest.class.getResourceAsStream("/fpl/black-sea-day.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<AtsMessage> messages() throws IOException {
        FplParser parser = new FplParser();
        List<FplParseResult> results = parser.parseAll(file());
        assertThat(results).as("%s", results).allMatch(r -> r instanceof Parsed);
        return results.stream().map(r -> ((Parsed) r).message()).toList();
    }

    private static FlightPlan fpl(List<AtsMessage> ms, String id) {
        return ms.stream()
                .filter(m ->
                        m instanceof AtsMessage.Fpl f && f.plan().aircraftId().equals(id))
                .map(m -> ((AtsMessage.Fpl) m).plan())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void everyMessageOfTheFileParses() throws IOException {
        List<AtsMessage> ms = messages();
        assertThat(ms).hasSize(20);
        Map<String, Long> byType = ms.stream().collect(Collectors.groupingBy(AtsMessage::type, Collectors.counting()));
        assertThat(byType)
                .containsEntry("FPL", 14L)
                .containsEntry("CHG", 1L)
                .containsEntry("DLA", 1L)
                .containsEntry("CNL", 1L)
                .containsEntry("DEP", 2L)
                .containsEntry("ARR", 1L);
    }

    @Test
    void theNotableFlightsReadRight() throws IOException {
        List<AtsMessage> ms = messages();
        FlightPlan military = fpl(ms, "UAF2201");
        assertThat(military.isStateFlight()).isTrue();
        assertThat(military.rules().flightType()).isEqualTo('M');
        assertThat(military.other().get("RMK")).isEqualTo("DIPLOMATIC CLEARANCE RO DIP 114 2022 VALID 14 TO 16 APR");
        assertThat(military.route().elements()).contains("4300N02930E", "4330N03000E");

        FlightPlan vfr = fpl(ms, "LZMKV"); // written without parentheses
        assertThat(vfr.rules().flightRules()).isEqualTo('V');
        assertThat(vfr.route().level().unit()).isEqualTo('V');
        assertThat(vfr.aircraft().wake()).isEqualTo('L');

        FlightPlan bgh = fpl(ms, "BGH101");
        assertThat(bgh.squawk()).isEqualTo(2301);
        assertThat(bgh.icaoAddress()).isEqualTo(0x450A01);
        assertThat(bgh.dateOfFlight()).isEqualTo(LocalDate.of(2022, 4, 15));
        assertThat(bgh.other().get("OPR")).isEqualTo("BULGARIA AIR");

        FlightPlan sar = fpl(ms, "SAR12");
        assertThat(sar.other().specialHandling()).containsExactly("SAR", "HOSP");
        assertThat(sar.route().level().feet()).isEqualTo(1500);

        assertThat(fpl(ms, "FALCO1").aircraft().count()).isEqualTo(2);
        assertThat(fpl(ms, "QTR259").route().speed().unit()).isEqualTo('M');
        assertThat(fpl(ms, "DLH1734").route().elements()).contains("UL617", "SINOP/N0450F380");
    }

    @Test
    void theFileAppliedToTheStoreLeavesTheRightPlans() throws IOException {
        FlightPlanStore store = new FlightPlanStore(
                new RouteExpander(RoutePoints.bundled().withWaypoints("/flightplan/waypoints.csv")));
        for (AtsMessage m : messages()) {
            assertThat(store.apply(m)).as("%s", m).isNotIn(Outcome.NO_PLAN, Outcome.AMBIGUOUS);
        }
        LocalDate day = LocalDate.of(2022, 4, 15);
        assertThat(store.size()).isEqualTo(14 - 2); // QTR259 cancelled, BGH101 arrived
        assertThat(store.find(new FlightKey("QTR259", "LTFM", "LROP", day))).isNull();
        assertThat(store.find(new FlightKey("BGH101", "LBSF", "LTFM", day))).isNull();
        assertThat(store.find(new FlightKey("THY4LC", "LTFM", "LROP", day))
                        .plan()
                        .route()
                        .level()
                        .value())
                .isEqualTo(390);
        FiledPlan rot = store.find(new FlightKey("ROT201", "LROP", "LBWN", day));
        assertThat(rot.status()).isEqualTo(PlanStatus.DELAYED);
        assertThat(rot.plan().departure().eobtMinutes()).isEqualTo(7 * 60);
        FiledPlan wzz = store.find(new FlightKey("WZZ3201", "LRCK", "LUKK", day));
        assertThat(wzz.status()).isEqualTo(PlanStatus.DEPARTED);
        assertThat(wzz.atdMinutes()).isEqualTo(7 * 60 + 41);
        // every named point of the file is in the points database
        for (FiledPlan p : store.active()) {
            if (!p.plan().departure().aerodrome().equals("EDDM")
                    && !p.plan().departure().aerodrome().equals("UUEE")
                    && !p.plan().departure().aerodrome().equals("EPWA")
                    && !p.plan().departure().aerodrome().equals("DTTA")) {
                assertThat(p.route().unresolved()).as("%s", p).isEmpty();
            }
        }
        // the GA flight from a field given by coordinates in DEP/
        assertThat(store.find(new FlightKey("PVT7", "ZZZZ", "ZZZZ", day))
                        .route()
                        .name(0))
                .isEqualTo("4430N02640E");
    }

    @Test
    void aTrackOnTheMilitaryRouteCorrelatesWithItsPlan() throws IOException {
        FlightPlanStore store = new FlightPlanStore(
                new RouteExpander(RoutePoints.bundled().withWaypoints("/flightplan/waypoints.csv")));
        messages().forEach(store::apply);
        FlightPlanCorrelator correlator = new FlightPlanCorrelator(store);
        Correlation c = new Correlation();
        long t = LocalDate.of(2022, 4, 15).toEpochDay() * 86_400 + 7 * 3600 + 50 * 60;
        // between 4300N02930E and 4330N03000E, squawk unknown, callsign heard
        assertThat(correlator.correlate("UAF2201", -1, -1, 43.25, 29.75, t, c)).isTrue();
        assertThat(c.plan.plan().isStateFlight()).isTrue();
        assertThat(c.reasons())
                .contains(
                        CorrelationReason.CALLSIGN_MATCH, CorrelationReason.ON_ROUTE, CorrelationReason.TIME_IN_WINDOW);
        assertThat(c.crossTrackNm).isCloseTo(0, within(1.0));
    }
}
