package org.vigil.core.ident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.core.ident.IdentFixture.at;
import static org.vigil.core.ident.IdentFixture.civil;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.core.flightplan.AtsMessage;
import org.vigil.core.flightplan.FlightPlan;
import org.vigil.core.flightplan.FlightPlanCorrelator;
import org.vigil.core.flightplan.FlightPlanStore;
import org.vigil.core.flightplan.FplItem;
import org.vigil.core.flightplan.RouteExpander;
import org.vigil.core.flightplan.RoutePoints;

/** A flight whose plan names an unknown aerodrome: identified by its plan, with "route unknown" in its evidence, counted. */
class RouteUnknownEvidenceTest {

    private static FlightPlan plan(String id, String dep, String dest) {
        return new FlightPlan(
                new FplItem.Identification(id, 'A', 4521),
                new FplItem.Rules('I', 'S'),
                new FplItem.Aircraft(1, "A320", 'M'),
                new FplItem.Equipment("SDFGY", "S"),
                new FplItem.Departure(dep, 0),
                new FplItem.Route(new FplItem.Speed('N', 450), new FplItem.Level('F', 350), List.of("DCT")),
                new FplItem.Destination(dest, 240, List.of()),
                new FplItem.Other(List.of()),
                null);
    }

    private static IdentificationEngine engine(FlightPlanStore store, IdentEventListener listener) {
        return new IdentificationEngine(
                IdentRules.defaults(),
                new CorrelatorPlanLookup(new FlightPlanCorrelator(store)),
                AirspaceLookup.NONE,
                listener);
    }

    @Test
    void aPlanWithAnUnknownAerodromeShowsRouteUnknownInTheEvidenceAndIsCounted() {
        FlightPlanStore store = new FlightPlanStore(
                new RouteExpander(RoutePoints.bundled().withWaypoints("/flightplan/waypoints.csv")));
        // LBSF is known; XXZZ is no aerodrome of the table
        store.apply(new AtsMessage.Fpl(plan("ROT263", "LBSF", "XXZZ")));
        assertThat(store.routeUnknownCount()).isEqualTo(1);
        IdentFixture.Recorder rec = new IdentFixture.Recorder();
        IdentificationEngine engine = engine(store, rec);
        TrackFacts f = civil(1, "ROT263", 0x4A8263, 4521, 0);
        f.timeNanos = at(0);
        TrackIdentity t = engine.update(f);
        assertThat(t.identity()).isEqualTo(Identity.NEUTRAL); // the plan still identifies the flight
        Evidence e = t.evidence(Cause.ROUTE_UNKNOWN);
        assertThat(e.active()).isTrue();
        assertThat(e.detail()).isEqualTo("ROT263");
        assertThat(e.detail2()).isEqualTo("XXZZ");
        assertThat(e.value(0)).isEqualTo(1); // only LBSF: no route to measure a deviation against
        assertThat(e.text()).startsWith("route-unknown: ").endsWith("(routePoints=1; ROT263; XXZZ)");
        assertThat(rec.events).contains("rule-fired 1 route-unknown");
        assertThat(rec.json.toString()).contains("\"rule\":\"route-unknown\"");
        assertThat(rec.alertsRaised()).isEmpty();
    }

    @Test
    void aPlanWhoseRouteExpandsHasNoSuchEvidence() {
        FlightPlanStore store = new FlightPlanStore(
                new RouteExpander(RoutePoints.bundled().withWaypoints("/flightplan/waypoints.csv")));
        store.apply(new AtsMessage.Fpl(plan("ROT263", "LBSF", "EVRA")));
        IdentificationEngine engine = engine(store, null);
        TrackFacts f = civil(1, "ROT263", 0x4A8263, 4521, 0);
        f.latDeg = 42.7; // just north of Sofia, on the route to Riga
        f.lonDeg = 23.42;
        TrackIdentity t = engine.update(f);
        assertThat(t.evidence(Cause.ROUTE_UNKNOWN).active()).isFalse();
        assertThat(t.firingIds()).containsExactly("flight-plan-correlated");
        assertThat(store.routeUnknownCount()).isZero();
    }
}
