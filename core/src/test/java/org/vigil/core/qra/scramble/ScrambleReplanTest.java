package org.vigil.core.qra.scramble;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.core.event.QraEvent;
import org.vigil.core.event.VigilEvent;
import org.vigil.core.geo.Angles;
import org.vigil.core.geo.Sphere;
import org.vigil.core.geo.Units;
import org.vigil.core.qra.TestPostures;

/**
 * Continuous re-planning (issue #19 item 1): a target reversing course before and after take-off
 * re-plans the scramble and the alert's recommendation within 60 s of the turn showing in the track,
 * and when the intercept becomes impossible the workflow advises abort / return.
 */
class ScrambleReplanTest {
    static final long T0 = Instant.parse("2022-04-20T09:05:00Z").toEpochMilli() * 1_000_000L;
    static final long S = 1_000_000_000L;
    static final int TRACK = 20;

    final List<VigilEvent> events = new ArrayList<>();
    final KinematicFighters fighters = new KinematicFighters();
    final ScrambleService service =
            new ScrambleService(TestPostures.blackSea2022(), ScrambleConfig.defaults(), fighters, events::add);

    /** A target flying at {@code gsKt}, turning at 3 deg/s towards {@code wanted}. */
    static final class Target {
        double lat, lon, course, wanted, gsKt;

        void step(double dt) {
            double d = Angles.norm180(wanted - course);
            course = Angles.norm360(course + Math.signum(d) * Math.min(Math.abs(d), 3 * dt));
            double[] p = new double[2];
            Sphere.destination(lat, lon, course, gsKt * Units.KT * dt, p);
            lat = p[0];
            lon = p[1];
        }
    }

    final Target target = new Target();

    /** Flies the target and the fighters to {@code until}, a track update and a tick every 4 s. */
    long run(long from, long until) {
        long t = from;
        while (t < until) {
            t += 4 * S;
            target.step(4);
            service.onTrackUpdate(TRACK, t, target.lat, target.lon, 24_000, target.gsKt, target.course, -1, 0);
            fighters.advance(t);
            service.tick(t);
        }
        return t;
    }

    String order() {
        target.lat = 43.9; // over the Black Sea, 170 NM east of Mihail Kogalniceanu, flying at the coast
        target.lon = 32.6;
        target.course = target.wanted = 280;
        target.gsKt = 300;
        service.onTrackUpdate(TRACK, T0, target.lat, target.lon, 24_000, target.gsKt, target.course, -1, 0);
        service.onAlert(7, TRACK, "no-transponder", 3, T0);
        assertThat(service.recommendationFor(7)).isNotNull();
        String id = service.propose(7, TRACK, "DE-EUFI-LRCK", "olga", ScrambleService.Gate.OPEN)
                .scrambleId();
        ScrambleService.Result ordered = service.order(id, "sam", ScrambleService.Gate.OPEN);
        assertThat(ordered.ok()).as(String.valueOf(ordered.reason())).isTrue();
        return id;
    }

    List<QraEvent.Replanned> replans(String scramble, long after) {
        List<QraEvent.Replanned> out = new ArrayList<>();
        for (VigilEvent e : events)
            if (e instanceof QraEvent.Replanned r
                    && r.time() > after
                    && java.util.Objects.equals(r.scramble(), scramble)) out.add(r);
        return out;
    }

    List<QraEvent.Advised> advice(String scramble) {
        List<QraEvent.Advised> out = new ArrayList<>();
        for (VigilEvent e : events)
            if (e instanceof QraEvent.Advised a && a.scramble().equals(scramble)) out.add(a);
        return out;
    }

    @Test
    void aTargetReversingBeforeTakeOffReplansTheScrambleAndTheRecommendationAndTheScrambleIsAdvisedToAbort() {
        String id = order();
        long t = run(T0, T0 + 300 * S);
        Scramble s = service.scrambleForTest(id);
        assertThat(s.phase).as("still on the ground").isEqualTo(ScramblePhase.ORDERED);
        assertThat(replans(id, T0)).as("a straight target: nothing moved").isEmpty();
        long turn = t;
        target.wanted = 100; // reverses, then runs away faster than the Typhoon flies subsonic
        target.gsKt = 520;
        t = run(t, turn + 60 * S);
        List<QraEvent.Replanned> r = replans(id, turn);
        assertThat(r).as("scramble re-planned within 60 s of the turn").isNotEmpty();
        assertThat(r.get(0).phase()).isEqualTo("ordered");
        assertThat(r.get(0).trigger()).isIn("course", "speed");
        assertThat(r.get(0).from().interceptAt()).isNotNull();
        assertThat(replans(null, turn))
                .as("the alert's recommendation re-planned too")
                .isNotEmpty()
                .allSatisfy(x -> assertThat(x.alert()).isEqualTo(7L));
        run(t, turn + 600 * S);
        assertThat(advice(id)).as("intercept impossible: abort advised").isNotEmpty();
        assertThat(advice(id).get(0).advice()).isEqualTo("abort");
        assertThat(service.view(id)).containsKey("advice");
        // the operator's stored recommendation follows the target
        assertThat(service.recommendationFor(7).get(0).solution().feasible).isFalse();
    }

    @Test
    void aTargetReversingAfterTakeOffReplansTheFlyingScrambleAndReturnIsAdvised() {
        String id = order();
        long t = run(T0, T0 + 960 * S);
        Scramble s = service.scrambleForTest(id);
        assertThat(s.phase).as("airborne").isIn(ScramblePhase.AIRBORNE, ScramblePhase.EN_ROUTE);
        long turn = t;
        target.wanted = 100;
        target.gsKt = 520;
        t = run(t, turn + 60 * S);
        List<QraEvent.Replanned> r = replans(id, turn);
        assertThat(r).as("flying scramble re-planned within 60 s of the turn").isNotEmpty();
        assertThat(r.get(0).phase()).isIn("airborne", "en-route");
        run(t, turn + 900 * S);
        assertThat(advice(id)).as("intercept impossible: return advised").isNotEmpty();
        assertThat(advice(id).get(0).advice()).isEqualTo("return");
        assertThat(s.phase).as("the supervisor decides").isNotEqualTo(ScramblePhase.LANDED);
    }
}
