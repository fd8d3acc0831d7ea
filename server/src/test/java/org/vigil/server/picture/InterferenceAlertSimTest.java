package org.vigil.server.picture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.core.event.EventSink;
import org.vigil.core.event.InterferenceEvent;
import org.vigil.core.event.VigilEvent;
import org.vigil.core.geo.Sphere;
import org.vigil.core.geo.Units;
import org.vigil.core.gnss.GnssRules;
import org.vigil.core.gnss.InterferenceAlerts;
import org.vigil.core.qra.scramble.Fighters;
import org.vigil.core.qra.scramble.ScrambleService;
import org.vigil.core.sim.GnssArea;
import org.vigil.core.sim.Scenario;
import org.vigil.server.pipeline.ModeSPipeline;
import org.vigil.server.sim.SimFeed;
import org.vigil.server.theatre.TheatreLoader;

/**
 * The operator alert on an interference area itself (issue 21; docs/GNSS.md "Operator alert"), with
 * the black-sea-2022 theatre's national airspace (BG, RO policed) and QRA posture: a jammer on the
 * Romanian coast alerts with its evidence whether or not a track is in it, a jammer over open sea away
 * from the QRA routes does not, and the alert closes with its area, saying so. Simulator bytes,
 * decoder, CPR, estimator and alert as live.
 */
class InterferenceAlertSimTest {
    static final long S = 1_000_000_000L;

    @Test
    void anAreaOverNationalAirspaceAlertsOneOverOpenSeaDoesNotAndTheAlertClosesWithTheArea() throws Exception {
        Theatre theatre = TheatreLoader.load("black-sea-2022");
        Scenario sc = GnssInterferenceSimTest.scenario("jamming-alerts.yaml");
        GnssArea coast = sc.gnssAreas().get(0), sea = sc.gnssAreas().get(1);
        // as a theatre's gnss: mapping would: the alert stays while its area is open (the jammer's
        // edge cells without aircraft hold for 120 s), so it closes with the area
        GnssRules rules = GnssRules.fromMap(Map.of("alertClearSeconds", 300));
        List<VigilEvent> events = new ArrayList<>();
        GnssPicture gnss = new GnssPicture(rules, events::add, 0);
        ScrambleService scrambles =
                new ScrambleService(theatre.posture(), theatre.scrambles(), Fighters.NONE, EventSink.NONE);
        gnss.alertOn(
                InterferenceAlerts.ProtectedAirspace.of(theatre.airspace(), theatre.policed()),
                () -> GnssPicture.qraRoutes(scrambles, rules));
        ModeSPipeline modeS = new ModeSPipeline();
        modeS.setDecodedListener(gnss::onDecoded);
        SimFeed feed = new SimFeed(sc);
        long start = sc.startEpochSeconds() * S;
        double off = coast.toSeconds();
        Map<String, Object> whileRaised = null;
        for (double t = 1; t <= off + 300; t += 1) {
            feed.advanceTo(t, (buf, o, len, nanos, mlat, signal) -> modeS.accept(buf, o, len, nanos, signal));
            gnss.tick(start + (long) (t * S));
            if (t == off - 1) {
                gnss.publish();
                whileRaised = gnss.alertsJson();
            }
        }

        // which area is which: by the jammer its centre is nearest to
        List<InterferenceEvent.Opened> opened = new ArrayList<>();
        for (VigilEvent e : events) if (e instanceof InterferenceEvent.Opened o) opened.add(o);
        List<Integer> coastAreas = new ArrayList<>(), seaAreas = new ArrayList<>();
        for (InterferenceEvent.Opened o : opened) {
            double dCoast = Sphere.distanceM(o.lat(), o.lon(), coast.lat(), coast.lon()) / Units.NM;
            double dSea = Sphere.distanceM(o.lat(), o.lon(), sea.lat(), sea.lon()) / Units.NM;
            if (dCoast < coast.radiusNm()) coastAreas.add(o.area());
            else if (dSea < sea.radiusNm()) seaAreas.add(o.area());
        }
        List<InterferenceEvent.AlertRaised> raised = new ArrayList<>();
        List<InterferenceEvent.AlertClosed> closed = new ArrayList<>();
        for (VigilEvent e : events) {
            if (e instanceof InterferenceEvent.AlertRaised r) raised.add(r);
            if (e instanceof InterferenceEvent.AlertClosed c) closed.add(c);
        }
        System.out.printf(
                "alerts: opened %s; coast areas %s, sea areas %s; raised %s; closed %s%n",
                opened, coastAreas, seaAreas, raised, closed);

        // the open-sea jammer opened an area, and no alert was raised on it
        assertThat(seaAreas).as("the open-sea jammer is found").isNotEmpty();
        assertThat(raised).noneMatch(r -> seaAreas.contains(r.area()));

        // the coastal jammer: alerted, with its evidence, within a minute of its area opening
        assertThat(coastAreas).as("the coastal jammer is found").isNotEmpty();
        InterferenceEvent.AlertRaised r = raised.stream()
                .filter(a -> coastAreas.contains(a.area()))
                .findFirst()
                .orElseThrow();
        InterferenceEvent.Opened o =
                opened.stream().filter(x -> x.area() == r.area()).findFirst().orElseThrow();
        assertThat(r.time() - o.time()).isBetween(20 * S, 60 * S);
        assertThat(r.kind()).isEqualTo("jamming");
        assertThat(r.states()).contains("RO");
        assertThat(r.nationalKm2()).isGreaterThanOrEqualTo(rules.alertOverlapKm2());
        assertThat(r.routes())
                .as("the climb-out of the unit at Mihail Kogalniceanu")
                .contains("DE-EUFI-LRCK climb-out");
        assertThat(r.routeKm2()).isGreaterThanOrEqualTo(rules.alertOverlapKm2());
        assertThat(r.cells()).isPositive();
        assertThat(r.affected()).isGreaterThanOrEqualTo(2);
        assertThat(r.aircraft()).isGreaterThanOrEqualTo(r.affected());

        // the API while it was raised
        assertThat(whileRaised).isNotNull();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listed = (List<Map<String, Object>>) whileRaised.get("alerts");
        assertThat(listed).anySatisfy(a -> {
            assertThat(a.get("area")).isEqualTo(r.area());
            assertThat(a.get("states")).isEqualTo(r.states());
            assertThat((Double) a.get("national_km2")).isPositive();
        });

        // the jammer stopped: the area closed within 5 minutes, and its alert with it, saying why
        InterferenceEvent.AlertClosed c =
                closed.stream().filter(x -> x.area() == r.area()).findFirst().orElseThrow();
        assertThat(c.reason()).isEqualTo("area closed");
        assertThat(c.raisedAt()).isEqualTo(r.time());
        assertThat(c.time()).isBetween(start + (long) (off * S), start + (long) ((off + 300) * S));
        assertThat(events)
                .anyMatch(e -> e instanceof InterferenceEvent.Closed x && x.area() == r.area() && x.time() == c.time());
        gnss.publish();
        assertThat((List<?>) gnss.alertsJson().get("alerts")).isEmpty();
    }
}
