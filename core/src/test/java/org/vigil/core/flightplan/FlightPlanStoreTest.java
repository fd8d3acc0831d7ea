package org.vigil.core.flightplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.core.flightplan.Plans.epoch;
import static org.vigil.core.flightplan.Plans.plan;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.core.flightplan.FlightPlanStore.Outcome;

class FlightPlanStoreTest {
    private static final LocalDate DAY = LocalDate.of(2022, 4, 15);
    private FlightPlanStore store;
    private final FlightPlan sofiaIstanbul =
            plan("BGH101", 2301, "LBSF", 6 * 60, "DCT BALKA DCT TRAKI DCT", "LTFM", 70, "220415", "450A01");
    private final FlightPlan bucharestVarna =
            plan("ROT201", 2302, "LROP", 6 * 60 + 15, "DCT RUSEX DCT", "LBWN", 55, "220415", "4A8111");

    @BeforeEach
    void setUp() {
        store = new FlightPlanStore(
                new RouteExpander(RoutePoints.bundled().withWaypoints("/flightplan/waypoints.csv")));
        assertThat(store.apply(new AtsMessage.Fpl(sofiaIstanbul))).isEqualTo(Outcome.FILED);
        assertThat(store.apply(new AtsMessage.Fpl(bucharestVarna))).isEqualTo(Outcome.FILED);
    }

    private static FlightKey key(String id, String dep, String dest, LocalDate dof) {
        return new FlightKey(id, dep, dest, dof);
    }

    @Test
    void chgReplacesTheAmendedItemsOnly() {
        FplItem.Route newRoute = new FplItem.Route(
                new FplItem.Speed('N', 440), new FplItem.Level('F', 390), List.of("DCT", "SOZOP", "DCT"));
        Outcome o = store.apply(new AtsMessage.Chg(
                key("BGH101", "LBSF", "LTFM", DAY), 360, List.of(new FplItem.Rules('I', 'N'), newRoute)));
        assertThat(o).isEqualTo(Outcome.AMENDED);
        FiledPlan p = store.find(key("BGH101", "LBSF", "LTFM", DAY));
        assertThat(p.plan().route()).isEqualTo(newRoute);
        assertThat(p.plan().rules().flightType()).isEqualTo('N');
        assertThat(p.plan().aircraft()).isEqualTo(sofiaIstanbul.aircraft());
        assertThat(p.route().name(1)).isEqualTo("SOZOP"); // the route was expanded again
        assertThat(store.count(Outcome.AMENDED)).isEqualTo(1);
    }

    @Test
    void cnlRemovesThePlan() {
        assertThat(store.apply(new AtsMessage.Cnl(key("ROT201", "LROP", "LBWN", DAY), 375)))
                .isEqualTo(Outcome.CANCELLED);
        assertThat(store.find(key("ROT201", "LROP", "LBWN", null))).isNull();
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.apply(new AtsMessage.Cnl(key("ROT201", "LROP", "LBWN", DAY), 375)))
                .isEqualTo(Outcome.NO_PLAN);
        assertThat(store.count(Outcome.NO_PLAN)).isEqualTo(1);
    }

    @Test
    void dlaMovesTheEobtAndTheDepartureWindow() {
        long sixTen = epoch("220415", 610);
        assertThat(store.byCallsign("ROT201", sixTen, sixTen + 600)).hasSize(1);
        assertThat(store.apply(new AtsMessage.Dla(key("ROT201", "LROP", "LBWN", DAY), 7 * 60 + 30)))
                .isEqualTo(Outcome.DELAYED);
        FiledPlan p = store.find(key("ROT201", "LROP", "LBWN", DAY));
        assertThat(p.status()).isEqualTo(PlanStatus.DELAYED);
        assertThat(p.plan().departure().eobtMinutes()).isEqualTo(450);
        assertThat(p.departureEpochSeconds(0)).isEqualTo(epoch("220415", 730));
        assertThat(store.byCallsign("ROT201", sixTen, sixTen + 600)).isEmpty();
        assertThat(store.byCallsign("ROT201", epoch("220415", 700), epoch("220415", 800)))
                .containsExactly(p);
    }

    @Test
    void dlaPastMidnightMovesTheDateOfFlight() {
        store.apply(new AtsMessage.Fpl(plan("BGH999", -1, "LBSF", 23 * 60 + 30, "DCT", "LTFM", 70, "220415", null)));
        Outcome o = store.apply(new AtsMessage.Dla(key("BGH999", "LBSF", "LTFM", DAY.plusDays(1)), 30));
        assertThat(o).isEqualTo(Outcome.DELAYED);
        FiledPlan p = store.find(key("BGH999", "LBSF", "LTFM", DAY.plusDays(1)));
        assertThat(p.plan().dateOfFlight()).isEqualTo(DAY.plusDays(1));
        assertThat(p.departureEpochSeconds(0)).isEqualTo(epoch("220416", 30));
    }

    @Test
    void depRecordsTheActualTimeAndArrRemoves() {
        assertThat(store.apply(new AtsMessage.Dep(key("BGH101", "LBSF", "LTFM", DAY), 6 * 60 + 12)))
                .isEqualTo(Outcome.DEPARTED);
        FiledPlan p = store.find(key("BGH101", "LBSF", "LTFM", null));
        assertThat(p.status()).isEqualTo(PlanStatus.DEPARTED);
        assertThat(p.departureEpochSeconds(0)).isEqualTo(epoch("220415", 612));
        assertThat(store.apply(new AtsMessage.Arr(key("BGH101", "LBSF", "LTFM", null), "LTFM", 7 * 60 + 18)))
                .isEqualTo(Outcome.ARRIVED);
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void fplWithTheSameKeyReplacesAndADifferentDateIsAnotherFlight() {
        assertThat(store.apply(new AtsMessage.Fpl(sofiaIstanbul))).isEqualTo(Outcome.REPLACED);
        FlightPlan tomorrow = plan("BGH101", 2301, "LBSF", 360, "DCT", "LTFM", 70, "220416", "450A01");
        assertThat(store.apply(new AtsMessage.Fpl(tomorrow))).isEqualTo(Outcome.FILED);
        assertThat(store.size()).isEqualTo(3);
        // a message without a date cannot tell the two apart
        assertThat(store.apply(new AtsMessage.Cnl(key("BGH101", "LBSF", "LTFM", null), 360)))
                .isEqualTo(Outcome.AMBIGUOUS);
        // a dated one can
        assertThat(store.apply(new AtsMessage.Cnl(key("BGH101", "LBSF", "LTFM", DAY.plusDays(1)), 360)))
                .isEqualTo(Outcome.CANCELLED);
        assertThat(store.find(key("BGH101", "LBSF", "LTFM", null)).plan()).isEqualTo(sofiaIstanbul);
    }

    @Test
    void lookupsByCallsignAddressAndSquawkRespectTheWindow() {
        long from = epoch("220415", 500), to = epoch("220415", 700);
        assertThat(store.byCallsign("BGH101", from, to))
                .extracting(FiledPlan::plan)
                .containsExactly(sofiaIstanbul);
        assertThat(store.byIcaoAddress(0x4A8111, from, to))
                .extracting(FiledPlan::plan)
                .containsExactly(bucharestVarna);
        assertThat(store.bySquawk(2301, from, to)).extracting(FiledPlan::plan).containsExactly(sofiaIstanbul);
        assertThat(store.bySquawk(2301, epoch("220415", 1000), epoch("220415", 1200)))
                .isEmpty();
        assertThat(store.byCallsign("XXX1", from, to)).isEmpty();
        assertThat(store.byCallsign("bad callsign!", from, to)).isEmpty();
    }

    @Test
    void planWithoutDateTakesTheDayNearestTheQuestion() {
        store.apply(new AtsMessage.Fpl(plan("NODATE1", -1, "LBSF", 23 * 60 + 50, "DCT", "LTFM", 60, null, null)));
        long justAfterMidnight = epoch("220416", 10);
        FiledPlan p = store.find(key("NODATE1", "LBSF", "LTFM", null));
        assertThat(p.departureEpochSeconds(justAfterMidnight)).isEqualTo(epoch("220415", 2350));
        assertThat(store.byCallsign("NODATE1", epoch("220415", 2300), epoch("220416", 100)))
                .hasSize(1);
    }
}
