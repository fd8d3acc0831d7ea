package org.vigil.core.qra.scramble;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.core.Callsigns;
import org.vigil.core.geo.Sphere;
import org.vigil.core.geo.Units;
import org.vigil.core.qra.Base;
import org.vigil.core.qra.Detachment;
import org.vigil.core.qra.Readiness;
import org.vigil.core.qra.TestPostures;
import org.vigil.core.qra.scramble.ScrambleService.Refusal;

/** The workflow's rules without the web layer: what warrants a recommendation, the phase rules, re-task, cancel, outcome, refusals. */
class ScrambleWorkflowTest {
    static final long T0 = Instant.parse("2022-04-20T09:05:00Z").toEpochMilli() * 1_000_000L;
    static final long S = 1_000_000_000L;
    static final ScrambleService.Gate OPEN = ScrambleService.Gate.OPEN;

    final List<String> events = new ArrayList<>();
    final ScrambleService service = new ScrambleService(
            TestPostures.blackSea2022(),
            ScrambleConfig.defaults(),
            Fighters.NONE,
            e -> events.add(org.vigil.core.event.EventCodec.encode(e)));

    void target(int track, long t, double lat, double lon) {
        service.onTrackUpdate(track, t, lat, lon, 24_000, 300, 245, -1, 0);
    }

    @Test
    void onlyAlertsThatWarrantItGetARecommendationOnTheTracksNextUpdate() {
        service.onAlert(1, 10, "squawk-7700", 2, T0); // an emergency is not a scramble case by default
        service.onAlert(2, 11, "no-transponder", 3, T0);
        service.onAlert(3, 12, "squawk-7500", 1, T0);
        assertThat(service.recommendationFor(2)).as("no position yet").isNull();
        target(10, T0 + S, 43.4, 30.0);
        target(11, T0 + S, 43.4, 30.0);
        target(12, T0 + S, 43.0, 29.0);
        assertThat(service.recommendationFor(1)).isNull();
        assertThat(service.recommendationFor(2)).hasSize(4);
        assertThat(service.recommendationFor(3)).isNotNull();
        assertThat(events).filteredOn(e -> e.contains("scramble.recommended")).hasSize(2);
        List<ScrambleService.Recommendation> r = service.recommendationFor(2);
        for (int i = 1; i < r.size(); i++) {
            if (r.get(i).solution().feasible)
                assertThat(r.get(i).solution().timeS)
                        .isGreaterThanOrEqualTo(r.get(i - 1).solution().timeS);
        }
        service.onAlert(2, 11, "no-transponder", 3, T0 + 2 * S); // the same alert again: no second recommendation
        target(11, T0 + 3 * S, 43.4, 30.0);
        assertThat(events).filteredOn(e -> e.contains("scramble.recommended")).hasSize(2);
    }

    @Test
    void refusalsNameTheReasonAndChangeNothing() {
        assertThat(service.propose(0, 5, "NL-F35-LBPG", "olga", OPEN).refusal())
                .as("no data yet")
                .isEqualTo(Refusal.WRONG_STATE);
        target(5, T0, 43.4, 30.0);
        assertThat(service.propose(0, 5, "XX", "olga", OPEN).refusal()).isEqualTo(Refusal.NOT_FOUND);
        assertThat(service.propose(0, 99, "NL-F35-LBPG", "olga", OPEN).reason()).contains("no position");
        assertThat(service.order("S-9", "sam", OPEN).refusal()).isEqualTo(Refusal.NOT_FOUND);
        String id = service.propose(0, 5, "NL-F35-LBPG", "olga", OPEN).scrambleId();
        assertThat(service.propose(0, 5, "NL-F35-LBPG", "olga", OPEN).reason()).contains("already tasked");
        assertThat(service.outcome(id, null, null, "sam", OPEN).refusal())
                .as("outcome before the order")
                .isEqualTo(Refusal.WRONG_STATE);
        assertThat(service.order(id, "sam", (t, d) -> false).refusal())
                .as("audit refused: not carried out")
                .isEqualTo(Refusal.NOT_AUDITED);
        assertThat(service.view(id).get("phase")).isEqualTo("proposed");
        assertThat(service.returnToBase(id, "sam", OPEN).refusal()).isEqualTo(Refusal.WRONG_STATE);
        service.onTrackUpdate(5, T0 + S, Double.NaN, 30, 0, 0, 0, -1, 0);
        assertThat(service.rejectedUpdates()).isEqualTo(1);
        // cancelled before the order: the unit is free again
        assertThat(service.cancel(id, "sam", "target identified by ATC", OPEN).ok())
                .isTrue();
        assertThat(service.view(id).get("phase")).isEqualTo("cancelled");
        assertThat(service.propose(0, 5, "NL-F35-LBPG", "olga", OPEN).ok()).isTrue();
    }

    @Test
    void realDataPhasesFollowTheFighterTrackLinkedByAddressAndTheUnitIsGivenBack() {
        service.setUnitIdentity("RO-F16-LRFT", new int[] {0x4A0F01, 0x4A0F02}, null);
        long t = T0;
        target(20, t, 44.0, 29.5);
        String id = service.propose(0, 20, "RO-F16-LRFT", "olga", OPEN).scrambleId();
        assertThat(service.order(id, "sam", OPEN).ok()).isTrue();
        assertThat(service.postureCopy().detachment("RO-F16-LRFT").count()).isZero();
        Scramble s = service.scrambleForTest(id);
        double level = s.levelFt;
        // an unrelated track never links; the fighter's address does
        service.onTrackUpdate(30, t + 600 * S, 44.39, 27.73, 500, 250, 90, 0x123456, 0);
        service.tick(t + 600 * S);
        assertThat(s.phase).isEqualTo(ScramblePhase.ORDERED);
        service.onTrackUpdate(31, t + 900 * S, 44.39, 27.73, 500, 250, 90, 0x4A0F01, 0);
        service.tick(t + 900 * S);
        assertThat(s.phase).isEqualTo(ScramblePhase.AIRBORNE);
        assertThat(s.fighterTrack).isEqualTo(31);
        service.onTrackUpdate(31, t + 1000 * S, 44.3, 28.2, level, 500, 100, 0x4A0F01, 0);
        service.tick(t + 1000 * S);
        assertThat(s.phase).isEqualTo(ScramblePhase.EN_ROUTE);
        // the target flies 245 deg; a fighter 0.8 NM behind it (towards 065 deg) is in trail
        double[] p = new double[2];
        Sphere.destination(44.0, 29.5, 65, 0.8 * Units.NM, p);
        target(20, t + 1500 * S, 44.0, 29.5);
        service.onTrackUpdate(31, t + 1500 * S, p[0], p[1], level, 320, 245, 0x4A0F01, 0);
        service.tick(t + 1500 * S);
        assertThat(s.phase).isEqualTo(ScramblePhase.INTERCEPT);
        service.outcome(id, "Il-20M", "escort out of the area", "sam", OPEN);
        service.onTrackUpdate(31, t + 1570 * S, p[0], p[1], level, 320, 245, 0x4A0F01, 0);
        service.tick(t + 1570 * S);
        assertThat(s.phase).as("holding with an escort outcome").isEqualTo(ScramblePhase.ESCORT);
        assertThat(service.returnToBase(id, "sam", OPEN).ok()).isTrue();
        service.onTrackUpdate(31, t + 3000 * S, 44.395, 27.73, 900, 150, 270, 0x4A0F01, 0);
        service.tick(t + 3000 * S);
        assertThat(s.phase).isEqualTo(ScramblePhase.LANDED);
        assertThat(service.postureCopy().detachment("RO-F16-LRFT").count())
                .as("given back on landing")
                .isEqualTo(2);
        assertThat(s.phaseTimes)
                .containsKeys(
                        ScramblePhase.values()[0],
                        ScramblePhase.ORDERED,
                        ScramblePhase.AIRBORNE,
                        ScramblePhase.EN_ROUTE,
                        ScramblePhase.INTERCEPT,
                        ScramblePhase.ESCORT,
                        ScramblePhase.RTB,
                        ScramblePhase.LANDED);
        assertThat(s.phaseTimes.get(ScramblePhase.AIRBORNE)).isEqualTo(t + 900 * S);
        assertThat(events)
                .filteredOn(e -> e.contains("\"type\":\"scramble.phase\""))
                .hasSize(6);
    }

    @Test
    void linksByCallsignStem() {
        service.setUnitIdentity("DE-EUFI-LRCK", null, "GAF");
        target(20, T0, 44.0, 29.5);
        String id = service.propose(0, 20, "DE-EUFI-LRCK", "olga", OPEN).scrambleId();
        service.order(id, "sam", OPEN);
        service.onTrackUpdate(40, T0 + 800 * S, 44.36, 28.49, 800, 250, 90, 0x3F0F09, Callsigns.pack("GAM01"));
        service.onTrackUpdate(41, T0 + 800 * S, 44.36, 28.49, 800, 250, 90, 0x3F0F09, Callsigns.pack("GAF12"));
        service.tick(T0 + 800 * S);
        assertThat(service.scrambleForTest(id).fighterTrack).isEqualTo(41);
    }

    @Test
    void retaskAndCancelInTheAir() {
        target(20, T0, 44.0, 29.5);
        target(21, T0, 43.0, 31.0);
        String id = service.propose(0, 20, "DE-EUFI-LRCK", "olga", OPEN).scrambleId();
        service.order(id, "sam", OPEN);
        assertThat(service.retask(id, 21, "sam", OPEN).ok()).isTrue();
        assertThat(service.scrambleForTest(id).targetTrack).isEqualTo(21);
        assertThat(events)
                .anySatisfy(
                        e -> assertThat(e).contains("\"type\":\"scramble.retasked\"", "\"track\":21", "\"from\":20"));
        assertThat(service.cancel(id, "sam", "stood down by CAOC", OPEN).ok()).isTrue();
        assertThat(service.view(id).get("phase")).isEqualTo("cancelled");
        assertThat(service.postureCopy().detachment("DE-EUFI-LRCK").count()).isEqualTo(2);
    }

    @Test
    void postureChangesAreEventsAndChangeTheRanking() {
        target(20, T0, 43.0, 28.5);
        assertThat(service.addDetachment(
                                Detachment.of(
                                        "TR-F16-LTBG",
                                        "TR",
                                        new Base("LTBG", "Bandirma", 40.318, 27.9777, 170),
                                        "F16",
                                        2,
                                        Readiness.QRA_5),
                                "sam",
                                OPEN)
                        .ok())
                .isTrue();
        assertThat(service.setReadiness("DE-EUFI-LRCK", Readiness.UNAVAILABLE, null, "sam", OPEN)
                        .ok())
                .isTrue();
        assertThat(service.moveDetachment(
                                "BG-MG29-LBPG", new Base("LBIA", "Bezmer", 42.4549, 26.3522, 509), "sam", OPEN)
                        .ok())
                .isTrue();
        assertThat(service.removeDetachment("RO-F16-LRFT", "sam", OPEN).ok()).isTrue();
        assertThat(service.setReadiness("NL-F35-LBPG", Readiness.AIRBORNE_CAP, null, "sam", OPEN)
                        .refusal())
                .isEqualTo(Refusal.INVALID);
        List<ScrambleService.Recommendation> r = service.recommend(20);
        assertThat(r)
                .extracting(x -> x.unit().id())
                .containsExactlyInAnyOrder("TR-F16-LTBG", "DE-EUFI-LRCK", "BG-MG29-LBPG", "NL-F35-LBPG");
        assertThat(r.get(r.size() - 1).unit().id()).as("unavailable last").isEqualTo("DE-EUFI-LRCK");
        assertThat(events)
                .filteredOn(e -> e.contains("\"type\":\"qra.posture\""))
                .extracting(e -> e.replaceAll(".*\"change\":\"(\\w+)\".*", "$1"))
                .containsExactly("add", "readiness", "move", "remove");
    }

    @Test
    void followingTracksAllocatesNothing() {
        service.onAlert(1, 11, "no-transponder", 3, T0);
        target(11, T0, 43.4, 30.0);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++)
            service.onTrackUpdate(100 + (i & 63), T0 + i * 1000L, 43, 30, 20_000, 400, 90, 0x400000 + i, 0);
        long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int i = 0; i < 100_000; i++) {
            service.onTrackUpdate(100 + (i & 63), T0 + S + i * 1000L, 43, 30, 20_000, 400, 90, 0x400000 + i, 0);
            service.onTrackUpdate(11, T0 + S + i * 1000L, 43.4, 30.0, 24_000, 300, 245, -1, 0);
        }
        long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertThat(allocated).isLessThan(10_000);
    }
}
