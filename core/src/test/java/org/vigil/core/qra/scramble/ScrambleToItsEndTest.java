package org.vigil.core.qra.scramble;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.core.event.EventCodec;
import org.vigil.core.geo.Sphere;
import org.vigil.core.geo.Units;
import org.vigil.core.qra.TestPostures;
import org.vigil.core.qra.scramble.ScrambleService.Refusal;

/** The scramble to its end (issue #19 item 3): pending launches, the pilot's visual identification, fuel shown. */
class ScrambleToItsEndTest {
    static final long T0 = Instant.parse("2022-04-20T09:05:00Z").toEpochMilli() * 1_000_000L;
    static final long S = 1_000_000_000L;
    static final ScrambleService.Gate OPEN = ScrambleService.Gate.OPEN;

    final List<String> events = new ArrayList<>();
    final KinematicFighters fighters = new KinematicFighters();
    final ScrambleService service = new ScrambleService(
            TestPostures.blackSea2022(), ScrambleConfig.defaults(), fighters, e -> events.add(EventCodec.encode(e)));
    double lat = 43.9, lon = 31.2;

    String order() {
        service.onTrackUpdate(20, T0, lat, lon, 24_000, 250, 280, -1, 0);
        String id = service.propose(0, 20, "DE-EUFI-LRCK", "olga", OPEN).scrambleId();
        assertThat(service.order(id, "sam", OPEN).ok()).isTrue();
        return id;
    }

    long fly(long from, long until, Scramble s, ScramblePhase stop) {
        double[] p = new double[2];
        long t = from;
        while (t < until && s.phase != stop) {
            t += 2 * S;
            Sphere.destination(lat, lon, 280, 250 * Units.KT * 2, p);
            lat = p[0];
            lon = p[1];
            service.onTrackUpdate(20, t, lat, lon, 24_000, 250, 280, -1, 0);
            fighters.advance(t);
            service.tick(t);
        }
        return t;
    }

    @Test
    void aLaunchWithNothingAttachedStaysPendingUntilFightersAreThere() {
        fighters.attached = false;
        String id = order();
        for (int i = 1; i <= 3; i++) {
            fighters.advance(T0 + i * S);
            service.tick(T0 + i * S);
        }
        Scramble s = service.scrambleForTest(id);
        assertThat(fighters.launchCalls).as("asked again at every tick").isEqualTo(3);
        assertThat(s.callsigns).isEmpty();
        fighters.attached = true;
        fighters.advance(T0 + 4 * S);
        service.tick(T0 + 4 * S);
        assertThat(s.callsigns).containsExactly("TEST01", "TEST02");
        assertThat(fighters.leads.get(id).airborneAt)
                .as("the launch delay counts from the order")
                .isEqualTo(T0 + Math.round(s.timeToAirborneS * 1e9));
        fighters.advance(T0 + 5 * S);
        service.tick(T0 + 5 * S);
        assertThat(fighters.launchCalls).as("launched once").isEqualTo(4);
    }

    @Test
    void thePilotsVisualIdentificationIsAPhaseThenShadowAndFuelIsShown() {
        String id = order();
        Scramble s = service.scrambleForTest(id);
        long t = fly(T0, T0 + 3600 * S, s, ScramblePhase.EN_ROUTE);
        assertThat(service.visualId(id, "Su-24MR", "olga", OPEN).refusal())
                .as("not at the target yet")
                .isEqualTo(Refusal.WRONG_STATE);
        @SuppressWarnings("unchecked")
        Map<String, Object> fuel = (Map<String, Object>) service.view(id).get("fuel");
        assertThat(fuel).containsKeys("used", "home", "bingo");
        assertThat((Double) fuel.get("used")).isBetween(0.0, 1.0);
        t = fly(t, T0 + 3600 * S, s, ScramblePhase.INTERCEPT);
        assertThat(s.phase).isEqualTo(ScramblePhase.INTERCEPT);
        assertThat(service.visualId(id, " ", "olga", OPEN).refusal()).isEqualTo(Refusal.INVALID);
        assertThat(service.visualId(id, "Su-24MR", "olga", OPEN).ok()).isTrue();
        assertThat(s.phase).isEqualTo(ScramblePhase.IDENTIFICATION);
        assertThat(events)
                .anySatisfy(e -> assertThat(e)
                        .contains(
                                "\"type\":\"scramble.outcome\"",
                                "\"identifiedAs\":\"Su-24MR\"",
                                "visual identification"));
        fly(t, t + 120 * S, s, ScramblePhase.SHADOW);
        assertThat(s.phase).as("holding after the identification").isEqualTo(ScramblePhase.SHADOW);
        assertThat(s.phaseTimes).containsKeys(ScramblePhase.INTERCEPT, ScramblePhase.IDENTIFICATION);
    }
}
