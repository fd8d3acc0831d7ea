package org.vigil.core.gnss;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.core.event.InterferenceEvent;
import org.vigil.core.event.VigilEvent;

/**
 * The operator alert on an interference area itself (docs/GNSS.md "Operator alert"): over a
 * policed state's national airspace or a QRA route it is raised with its evidence, over open sea
 * away from the routes it is not, and it closes with its reason.
 */
class InterferenceAlertsTest {
    static final long S = 1_000_000_000L;
    static final long T0 = 1_650_000_000L * S;

    /** 40 aircraft on a 0.5° lattice flying east at 450 kt; those within {@code jammedDeg} of (45, 30) report NIC 2. */
    static void second(InterferenceEstimator e, InterferenceAlerts alerts, int s, double jammedDeg) {
        long t = T0 + s * S;
        for (int a = 0; a < 40; a++) {
            double lat = 44 + Math.floorDiv(a, 8) * 0.5,
                    lon = 28 + (a % 8) * 0.5 + s * 450.0 / 3600 / 60 / Math.cos(Math.toRadians(lat));
            boolean jammed = Math.hypot(lat - 45, (lon - 30) * Math.cos(Math.toRadians(45))) < jammedDeg;
            int addr = 0x400000 + a;
            e.velocity(addr, t, 450, 90);
            e.position(addr, t + 1000, lat, lon, jammed ? 2 : 8);
            e.accuracy(addr, t + 2000, jammed ? 3 : 9);
        }
        e.update(t);
        alerts.evaluate(e, t);
    }

    /** A state "RO" west of 30° E (the jammed circle's western half), nothing east of it. */
    static final InterferenceAlerts.ProtectedAirspace WEST_OF_30 = (lat, lon) -> lon < 30 ? "RO" : null;

    static <T> List<T> of(List<VigilEvent> events, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (VigilEvent v : events) if (type.isInstance(v)) out.add(type.cast(v));
        return out;
    }

    @Test
    void anAreaOverNationalAirspaceAlertsWithItsEvidenceAndClosesWithTheArea() {
        List<VigilEvent> events = new ArrayList<>();
        GnssRules rules = GnssRules.defaults();
        InterferenceEstimator e = new InterferenceEstimator(rules, events::add);
        InterferenceAlerts alerts = new InterferenceAlerts(rules, WEST_OF_30, List::of, events::add);
        int s = 0;
        for (; s <= 120; s++) second(e, alerts, s, 0.6);
        List<InterferenceEvent.AlertRaised> raised = of(events, InterferenceEvent.AlertRaised.class);
        assertThat(raised).isNotEmpty();
        for (InterferenceEvent.AlertRaised r : raised) {
            InterferenceEvent.Opened opened = of(events, InterferenceEvent.Opened.class).stream()
                    .filter(o -> o.area() == r.area())
                    .findFirst()
                    .orElseThrow();
            assertThat(r.kind()).isEqualTo("jamming");
            // persistence: raised at least the rules' 20 s after the area (and so its overlap) began
            assertThat(r.time() - opened.time()).isGreaterThanOrEqualTo(20 * S);
            assertThat(r.states()).containsExactly("RO");
            assertThat(r.nationalKm2()).isGreaterThanOrEqualTo(rules.alertOverlapKm2());
            assertThat(r.routes()).isEmpty();
            assertThat(r.routeKm2()).isZero();
            assertThat(r.cells()).isPositive();
            assertThat(r.aircraft()).isGreaterThanOrEqualTo(r.affected());
            assertThat(r.affected()).isPositive();
            assertThat(r.confidence()).isBetween(0.0, 1.0);
        }
        // the jammed circle's core (several cells, all aircraft affected) is among them
        assertThat(raised.stream()
                        .mapToInt(InterferenceEvent.AlertRaised::affected)
                        .max()
                        .orElseThrow())
                .isGreaterThanOrEqualTo(4);
        // while raised, the API's list says so (one per raised area still open)
        List<InterferenceAlerts.Active> active = alerts.active();
        assertThat(active).isNotEmpty().allSatisfy(a -> assertThat(a.states()).containsExactly("RO"));
        for (InterferenceAlerts.Active a : active)
            assertThat(raised).anySatisfy(r -> {
                assertThat(r.area()).isEqualTo(a.area());
                assertThat(r.time()).isEqualTo(a.raisedAt());
            });
        // the jammer stops: each area closes, and its alert with it, at the same update, right after
        for (; s <= 900 && !alerts.active().isEmpty(); s++) second(e, alerts, s, 0.0);
        assertThat(alerts.active()).isEmpty();
        List<InterferenceEvent.AlertClosed> alertClosed = of(events, InterferenceEvent.AlertClosed.class);
        assertThat(alertClosed).hasSameSizeAs(raised);
        for (InterferenceEvent.AlertClosed c : alertClosed) {
            InterferenceEvent.Closed closed = of(events, InterferenceEvent.Closed.class).stream()
                    .filter(x -> x.area() == c.area())
                    .findFirst()
                    .orElseThrow();
            assertThat(c.reason()).isEqualTo("area closed");
            assertThat(c.time()).isEqualTo(closed.time());
            assertThat(raised).anySatisfy(r -> {
                assertThat(r.area()).isEqualTo(c.area());
                assertThat(r.time()).isEqualTo(c.raisedAt());
            });
            assertThat(events.indexOf(c)).isGreaterThan(events.indexOf(closed));
        }
    }

    @Test
    void anAreaOverOpenSeaAwayFromTheRoutesAlertsNothing() {
        List<VigilEvent> events = new ArrayList<>();
        GnssRules rules = GnssRules.defaults();
        InterferenceEstimator e = new InterferenceEstimator(rules, events::add);
        // national airspace and a QRA base, both far from the jammed circle at (45, 30)
        InterferenceAlerts.ProtectedAirspace farState = (lat, lon) -> lat > 48 ? "UA" : null;
        List<InterferenceAlerts.QraRoute> routes =
                List.of(new InterferenceAlerts.QraRoute("RO-F16-LRCK climb-out", 44.36, 28.49, 44.36, 28.49, 100));
        InterferenceAlerts alerts = new InterferenceAlerts(rules, farState, () -> routes, events::add);
        for (int s = 0; s <= 180; s++) second(e, alerts, s, 0.4);
        assertThat(of(events, InterferenceEvent.Opened.class)).isNotEmpty();
        assertThat(of(events, InterferenceEvent.AlertRaised.class)).isEmpty();
        assertThat(alerts.active()).isEmpty();
    }

    @Test
    void anAreaOverAQraRouteAlertsAndClosesWhenTheRouteIsGone() {
        List<VigilEvent> events = new ArrayList<>();
        GnssRules rules = GnssRules.fromMap(Map.of("alertAfterSeconds", 5, "alertClearSeconds", 30));
        InterferenceEstimator e = new InterferenceEstimator(rules, events::add);
        // an active scramble's route across the jammed circle; the scramble ends at 90 s
        List<List<InterferenceAlerts.QraRoute>> now = new ArrayList<>(List.of(List.of(
                new InterferenceAlerts.QraRoute("S-1 RO-F16-LRCK", 44.36, 28.49, 46.0, 31.5, rules.qraCorridorKm()))));
        InterferenceAlerts alerts =
                new InterferenceAlerts(rules, InterferenceAlerts.ProtectedAirspace.NONE, () -> now.get(0), events::add);
        int s = 0;
        for (; s <= 90; s++) second(e, alerts, s, 0.6);
        InterferenceEvent.AlertRaised r =
                of(events, InterferenceEvent.AlertRaised.class).get(0);
        assertThat(r.routes()).containsExactly("S-1 RO-F16-LRCK");
        assertThat(r.routeKm2()).isGreaterThanOrEqualTo(rules.alertOverlapKm2());
        assertThat(r.states()).isEmpty();
        now.set(0, List.of());
        for (; s <= 200; s++) second(e, alerts, s, 0.6);
        assertThat(of(events, InterferenceEvent.Closed.class)).isEmpty(); // the area is still open
        InterferenceEvent.AlertClosed c =
                of(events, InterferenceEvent.AlertClosed.class).get(0);
        assertThat(c.reason()).isEqualTo("no longer over national airspace or a QRA route");
        // closed after the clear time: the last overlap at 90 s, closed once 30 s had passed without
        assertThat(c.time()).isEqualTo(T0 + 121 * S);
        assertThat(of(events, InterferenceEvent.AlertRaised.class)).hasSize(1);
    }

    @Test
    void theSameMessagesGiveTheSameAlerts() {
        List<List<VigilEvent>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            List<VigilEvent> events = new ArrayList<>();
            InterferenceEstimator e = new InterferenceEstimator(GnssRules.defaults(), events::add);
            InterferenceAlerts alerts = new InterferenceAlerts(GnssRules.defaults(), WEST_OF_30, List::of, events::add);
            for (int s = 0; s <= 200; s++) second(e, alerts, s, s < 120 ? 0.6 : 0.0);
            runs.add(events);
        }
        assertThat(runs.get(0)).isNotEmpty().isEqualTo(runs.get(1));
    }
}
