package org.vigil.core.qra.scramble;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.core.event.EventCodec;
import org.vigil.core.geo.Sphere;
import org.vigil.core.geo.Units;
import org.vigil.core.qra.TestPostures;
import org.vigil.core.qra.scramble.ScrambleService.Refusal;

/**
 * Hand-over at an area boundary (issue #19 item 4): a target shadowed by a unit based in one
 * nation's area crosses into another's; the hand-over to the best unit based there is proposed,
 * the supervisor hands over, it is recorded and the fighters return.
 */
class ScrambleHandOverTest {
    static final long T0 = Instant.parse("2022-04-20T09:05:00Z").toEpochMilli() * 1_000_000L;
    static final long S = 1_000_000_000L;

    /** Two areas split along 43.75 N: Romania north of it, Bulgaria south (a test geometry, not the real border). */
    static final NationAreas AREAS = (lat, lon) -> lat >= 43.75 ? "RO" : "BG";

    @Test
    void aTargetCrossingIntoAnotherNationsAreaIsProposedForHandOverAndRecorded() {
        List<String> events = new ArrayList<>();
        KinematicFighters fighters = new KinematicFighters();
        ScrambleService service = new ScrambleService(
                TestPostures.blackSea2022(),
                ScrambleConfig.defaults(),
                fighters,
                e -> events.add(EventCodec.encode(e)));
        service.setAreas(AREAS);
        double lat = 45.6, lon = 30.0; // crosses 43.75 N about 22 min after the order: the pair is airborne
        service.onTrackUpdate(20, T0, lat, lon, 24_000, 300, 200, -1, 0);
        String id = service.propose(0, 20, "DE-EUFI-LRCK", "olga", ScrambleService.Gate.OPEN)
                .scrambleId();
        assertThat(service.order(id, "sam", ScrambleService.Gate.OPEN).ok()).isTrue();
        assertThat(service.handOver(id, "sam", ScrambleService.Gate.OPEN).refusal())
                .as("nothing proposed yet")
                .isEqualTo(Refusal.WRONG_STATE);
        Scramble s = service.scrambleForTest(id);
        double[] p = new double[2];
        long t = T0;
        while (s.handOverNation == null && t < T0 + 3 * 3600 * S) {
            t += 2 * S;
            Sphere.destination(lat, lon, 200, 300 * Units.KT * 2, p);
            lat = p[0];
            lon = p[1];
            service.onTrackUpdate(20, t, lat, lon, 24_000, 300, 200, -1, 0);
            fighters.advance(t);
            service.tick(t);
        }
        assertThat(lat).as("proposed as the target crossed").isBetween(43.70, 43.75);
        assertThat(s.handOverNation).isEqualTo("BG");
        assertThat(s.handOverUnit).as("the best unit based in Bulgaria").isIn("NL-F35-LBPG", "BG-MG29-LBPG");
        assertThat(events)
                .filteredOn(e -> e.contains("scramble.handover"))
                .singleElement()
                .satisfies(e -> assertThat(e)
                        .contains("\"state\":\"proposed\"", "\"fromNation\":\"RO\"", "\"toNation\":\"BG\""));
        int before = events.size();
        assertThat(service.handOver(id, "sam", ScrambleService.Gate.OPEN).ok()).isTrue();
        assertThat(s.phase).isEqualTo(ScramblePhase.HAND_OVER);
        List<String> after = events.subList(before, events.size());
        assertThat(after)
                .filteredOn(e -> e.contains("scramble.handover"))
                .singleElement()
                .satisfies(e -> assertThat(e).contains("\"state\":\"done\"", "\"user\":\"sam\""));
        // the receiving nation's scramble is proposed against the same track, for the supervisor to order
        assertThat(s.handOverScramble).as("the receiving unit's scramble").isNotNull();
        Scramble taken = service.scrambleForTest(s.handOverScramble);
        assertThat(taken.unitId).isEqualTo(s.handOverUnit);
        assertThat(taken.targetTrack).isEqualTo(20);
        assertThat(taken.category).isEqualTo(s.category);
        assertThat(taken.phase).isEqualTo(ScramblePhase.PROPOSED);
        assertThat(after.get(after.size() - 1))
                .as("proposed after the hand-over")
                .contains("scramble.proposed");
        assertThat(after)
                .filteredOn(e -> e.contains("scramble.proposed"))
                .singleElement()
                .satisfies(e -> assertThat(e)
                        .contains("scramble.proposed", "\"unit\":\"" + s.handOverUnit + "\"", "\"user\":\"sam\""));
        assertThat(service.view(id).toString()).contains("scramble=" + s.handOverScramble);
        assertThat(service.order(s.handOverScramble, "sam", ScrambleService.Gate.OPEN)
                        .ok())
                .isTrue();
        fighters.advance(t + 2 * S);
        service.tick(t + 2 * S);
        assertThat(s.phase).as("the fighters come home").isEqualTo(ScramblePhase.RTB);
        assertThat(s.phaseTimes).containsKey(ScramblePhase.HAND_OVER);
    }
}
