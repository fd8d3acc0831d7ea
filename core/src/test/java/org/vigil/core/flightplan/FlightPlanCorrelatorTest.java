package org.vigil.core.flightplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.vigil.core.flightplan.CorrelationReason.*;
import static org.vigil.core.flightplan.Plans.epoch;
import static org.vigil.core.flightplan.Plans.plan;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.core.Callsigns;

class FlightPlanCorrelatorTest {
    private FlightPlanStore store;
    private FlightPlanCorrelator correlator;
    private final Correlation c = new Correlation();
    /** Sofia 06:00 to Istanbul, 70 min, via BALKA and TRAKI; squawk 2301, address 450A01. */
    private final FlightPlan bgh =
            plan("BGH101", 2301, "LBSF", 360, "DCT BALKA DCT TRAKI DCT", "LTFM", 70, "220415", "450A01");
    /** Bucharest to Varna; squawk 2302. */
    private final FlightPlan rot = plan("ROT201", 2302, "LROP", 375, "DCT RUSEX DCT", "LBWN", 55, "220415", "4A8111");

    private final long t0630 = epoch("220415", 630);

    @BeforeEach
    void setUp() {
        store = new FlightPlanStore(
                new RouteExpander(RoutePoints.bundled().withWaypoints("/flightplan/waypoints.csv")));
        store.apply(new AtsMessage.Fpl(bgh));
        store.apply(new AtsMessage.Fpl(rot));
        correlator = new FlightPlanCorrelator(store);
    }

    @Test
    void everythingAgreesGivesTheFullScore() {
        // on the BALKA-TRAKI leg (midpoint)
        assertThat(correlator.correlate("BGH101", 0x450A01, 2301, 42.05, 26.15, t0630, c))
                .isTrue();
        assertThat(c.plan.plan()).isEqualTo(bgh);
        assertThat(c.reasons())
                .containsExactlyInAnyOrder(CALLSIGN_MATCH, ADDRESS_MATCH, SQUAWK_MATCH, TIME_IN_WINDOW, ON_ROUTE);
        assertThat(c.score).isEqualTo(40 + 40 + 20 + 10 + 15);
        assertThat(c.crossTrackNm).isLessThan(1);
        assertThat(c.progress).isBetween(0.3, 0.8);
    }

    @Test
    void squawkAloneIsNotEnoughButSquawkInWindowOnRouteIs() {
        assertThat(correlator.correlate((String) null, -1, 2301, Double.NaN, Double.NaN, epoch("220415", 1500), c))
                .isFalse();
        assertThat(c.plan).isNull();
        assertThat(c.score).isEqualTo(20 - 10);
        assertThat(correlator.correlate((String) null, -1, 2301, 42.05, 26.15, t0630, c))
                .isTrue();
        assertThat(c.score).isEqualTo(20 + 10 + 15);
        assertThat(c.reasons()).containsExactlyInAnyOrder(SQUAWK_MATCH, TIME_IN_WINDOW, ON_ROUTE);
    }

    @Test
    void emergencyAndConspicuityCodesDoNotCorrelate() {
        store.apply(new AtsMessage.Fpl(plan("ODD1", 7000, "LBSF", 360, "DCT", "LTFM", 70, "220415", null)));
        assertThat(correlator.correlate((String) null, -1, 7000, 42.05, 26.15, t0630, c))
                .isFalse();
        assertThat(c.reasons).isZero();
    }

    @Test
    void routeDeviationIsMeasuredAndCosts() {
        // 1 degree of latitude south of the BALKA-TRAKI leg: about 55 NM off route
        assertThat(correlator.correlate("BGH101", 0x450A01, 2301, 41.05, 26.15, t0630, c))
                .isTrue();
        assertThat(c.has(OFF_ROUTE)).isTrue();
        assertThat(c.crossTrackNm).isGreaterThan(40).isLessThan(70);
        assertThat(c.score).isEqualTo(40 + 40 + 20 + 10 - 10);
    }

    @Test
    void anotherAirframeOnTheCallsignLosesTheAddressPoints() {
        assertThat(correlator.correlate("BGH101", 0x123456, -1, 42.05, 26.15, t0630, c))
                .isTrue();
        assertThat(c.reasons()).contains(CALLSIGN_MATCH, ADDRESS_MISMATCH);
        assertThat(c.score).isEqualTo(40 - 20 + 10 + 15);
        // outside the window and off the route as well: no longer correlated
        assertThat(correlator.correlate("BGH101", 0x123456, -1, 40.0, 26.15, epoch("220415", 1400), c))
                .isFalse();
        assertThat(c.plan).isNull();
    }

    @Test
    void bestPlanWinsAmongCandidates() {
        // callsign says BGH101, squawk says ROT201: the callsign plan scores higher
        assertThat(correlator.correlate("BGH101", -1, 2302, 42.05, 26.15, t0630, c))
                .isTrue();
        assertThat(c.plan.plan()).isEqualTo(bgh);
        // the same with the address of ROT201 as well: ROT201 wins (address + squawk)
        assertThat(correlator.correlate("BGH101", 0x4A8111, 2302, 44.2, 26.5, t0630, c))
                .isTrue();
        assertThat(c.plan.plan()).isEqualTo(rot);
        assertThat(c.reasons()).contains(ADDRESS_MATCH, SQUAWK_MATCH, CALLSIGN_MISMATCH);
    }

    @Test
    void nothingInCommonCorrelatesNothing() {
        assertThat(correlator.correlate("UNK1", 0xABCDEF, 4321, 43, 30, t0630, c))
                .isFalse();
        assertThat(c.plan).isNull();
        assertThat(c.reasons).isZero();
        assertThat(c.crossTrackNm).isNaN();
    }

    @Test
    void windowFollowsTheActualDeparture() {
        // departed an hour late: at 07:50 the filed window (06:00-07:10 + 45 min) would still hold,
        // at 08:30 only the actual one (07:00-08:10 + 45 min) does
        store.apply(new AtsMessage.Dep(new FlightKey("BGH101", "LBSF", "LTFM", null), 420));
        assertThat(correlator.correlate("BGH101", -1, -1, Double.NaN, Double.NaN, epoch("220415", 830), c))
                .isTrue();
        assertThat(c.has(TIME_IN_WINDOW)).isTrue();
    }

    @Test
    void correlatingAllocatesNothing() {
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long cs = Callsigns.packOrNone("BGH101");
        for (int i = 0; i < 20_000; i++) correlator.correlate(cs, 0x450A01, 2301, 42.05, 26.15, t0630 + i, c);
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++) correlator.correlate(cs, 0x450A01, 2301, 42.05, 26.15, t0630 + i, c);
        assertThat(mx.getCurrentThreadAllocatedBytes() - before).isLessThan(1024);
        assertThat(c.crossTrackNm).isCloseTo(c.crossTrackNm, within(0.0));
    }
}
