package org.vigil.core.flightplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.vigil.core.flightplan.Plans.epoch;
import static org.vigil.core.flightplan.Plans.plan;

import org.junit.jupiter.api.Test;
import org.vigil.core.geo.Sphere;
import org.vigil.core.geo.Units;

/** Routes between aerodromes all over Europe expand and correlate; a route that cannot is counted, not lost. */
class EuropeRoutesTest {
    private final RouteExpander expander =
            new RouteExpander(RoutePoints.bundled().withWaypoints("/flightplan/waypoints.csv"));
    private final Aerodromes aerodromes = Aerodromes.builtIn();

    @Test
    void routesBetweenAerodromesOfSeveralRegionsExpandAndCorrelate() {
        String[][] pairs = {{"EVRA", "EFHK"}, {"ENGM", "LIRF"}, {"BIKF", "EGLL"}, {"UGTB", "LTFM"}, {"GCLP", "EDDF"}};
        FlightPlanStore store = new FlightPlanStore(expander);
        FlightPlanCorrelator correlator = new FlightPlanCorrelator(store);
        Correlation c = new Correlation();
        int n = 0;
        for (String[] pair : pairs) {
            String callsign = "EUR" + (++n);
            store.apply(new AtsMessage.Fpl(plan(callsign, -1, pair[0], 600, "DCT", pair[1], 240, "240601", null)));
            FiledPlan filed = store.find(new FlightKey(callsign, pair[0], pair[1], null));
            ExpandedRoute r = filed.route();
            assertThat(r.unknown()).as(pair[0] + "-" + pair[1]).isFalse();
            assertThat(r.unresolved()).isEmpty();
            assertThat(r.size()).isEqualTo(2);
            Aerodrome from = aerodromes.find(pair[0]), to = aerodromes.find(pair[1]);
            double nm = Sphere.distanceM(from.lat(), from.lon(), to.lat(), to.lon()) / Units.NM;
            assertThat(r.lengthNm()).isCloseTo(nm, within(0.01));
            // a track halfway along the great circle, in the window: correlated, on the route
            double[] mid = new double[2];
            Sphere.destination(
                    from.lat(),
                    from.lon(),
                    Sphere.bearingDeg(from.lat(), from.lon(), to.lat(), to.lon()),
                    nm / 2 * Units.NM,
                    mid);
            assertThat(correlator.correlate(callsign, -1, -1, mid[0], mid[1], epoch("240601", 1200), c))
                    .isTrue();
            assertThat(c.plan).isSameAs(filed);
            assertThat(c.has(CorrelationReason.ON_ROUTE)).isTrue();
            assertThat(c.crossTrackNm).isLessThan(0.1);
        }
        assertThat(store.routeUnknownCount()).isZero();
    }

    @Test
    void anUnknownAerodromeMakesTheRouteUnknownAndIsCounted() {
        FlightPlanStore store = new FlightPlanStore(expander);
        store.apply(new AtsMessage.Fpl(plan("EUR1", -1, "EVRA", 600, "DCT", "EFHK", 40, "240601", null)));
        assertThat(store.routeUnknownCount()).isZero();
        // XXZZ is no aerodrome: the plan is stored (it still identifies the flight) and counted
        store.apply(new AtsMessage.Fpl(plan("EUR2", -1, "XXZZ", 600, "DCT BALKA DCT", "EFHK", 40, "240601", null)));
        ExpandedRoute r =
                store.find(new FlightKey("EUR2", "XXZZ", "EFHK", null)).route();
        assertThat(r.unknown()).isTrue();
        assertThat(r.unresolved()).containsExactly("XXZZ");
        assertThat(r.unknownText()).isEqualTo("XXZZ");
        assertThat(store.routeUnknownCount()).isEqualTo(1);
        assertThat(store.routeUnknownActive()).isEqualTo(1);
        // a CHG expands the route again: still unknown (the departure is XXZZ), counted again
        store.apply(new AtsMessage.Chg(
                new FlightKey("EUR2", "XXZZ", "EFHK", null),
                600,
                java.util.List.of(new FplItem.Route(
                        new FplItem.Speed('N', 450), new FplItem.Level('F', 350), java.util.List.of("DCT")))));
        assertThat(store.routeUnknownActive()).isEqualTo(1);
        assertThat(store.routeUnknownCount()).isEqualTo(2);
    }

    @Test
    void malformedElementsAndAZzzzWithoutAPlaceAreListedNotDropped() {
        ExpandedRoute r = expander.expand(
                plan("X1", -1, "LBSF", 360, "DCT 4560N02830E UL851 BALKA lomos N0450F370 DCT", "LTFM", 70, null, null));
        // 60 minutes, lower case, a speed/level without its point: malformed; UL851 is an airway
        assertThat(r.unresolved()).containsExactly("4560N02830E", "lomos", "N0450F370");
        assertThat(r.unknown()).isTrue();
        assertThat(r.size()).isEqualTo(3); // LBSF BALKA LTFM: monitored on what did expand
        assertThat(RouteExpander.isMalformed("UL851")).isFalse();
        assertThat(RouteExpander.isMalformed("LOMOS1A")).isFalse();
        assertThat(RouteExpander.isMalformed("DCT")).isFalse();
        assertThat(RouteExpander.isMalformed("BALKA/N0440F370")).isFalse();
        assertThat(RouteExpander.isMalformed("12ABC")).isTrue();

        ExpandedRoute zzzz = expander.expand(plan("PVT7", -1, "ZZZZ", 630, "DCT", "LBSF", 90, null, null));
        assertThat(zzzz.unresolved()).containsExactly("ZZZZ");
        assertThat(zzzz.unknown()).isTrue();
        ExpandedRoute circuit = expander.expand(plan("PVT8", -1, "LBSF", 630, "DCT", "LBSF", 30, null, null));
        assertThat(circuit.unknown()).isFalse(); // one point, both ends known: a local flight's route
    }
}
