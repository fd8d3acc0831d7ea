package org.vigil.core.qra.scramble;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigil.core.event.EventCodec;
import org.vigil.core.geo.GeodesicDirect;
import org.vigil.core.geo.GeodesicInverse;
import org.vigil.core.geo.Sphere;
import org.vigil.core.geo.Units;
import org.vigil.core.qra.AircraftProfile;
import org.vigil.core.qra.Detachment;
import org.vigil.core.qra.InterceptOptions;
import org.vigil.core.qra.Posture;
import org.vigil.core.qra.TargetPath;
import org.vigil.core.qra.TestPostures;

/**
 * Airborne re-tasking and Tango (issue #19 item 4): an airborne pair is ranked against the ground
 * units for a second target exactly as a 1 s brute-force scan of every candidate ranks them (the
 * pair from its lead's position and level with the fuel it has left); a Tango scramble says so in
 * every scramble event and its view.
 */
class ScrambleDivertTest {
    static final long T0 = Instant.parse("2022-04-20T09:05:00Z").toEpochMilli() * 1_000_000L;
    static final long S = 1_000_000_000L;
    static final ScrambleService.Gate OPEN = ScrambleService.Gate.OPEN;

    final List<String> events = new ArrayList<>();
    final KinematicFighters fighters = new KinematicFighters();
    final Posture posture = TestPostures.blackSea2022();
    final ScrambleService service =
            new ScrambleService(posture, ScrambleConfig.defaults(), fighters, e -> events.add(EventCodec.encode(e)));

    /** Orders {@code unit} against a target coming at the coast and flies until the pair is en route. */
    Scramble airborne(String category, long[] clock) {
        double lat = 43.9, lon = 32.6;
        service.onTrackUpdate(20, T0, lat, lon, 24_000, 300, 280, -1, 0);
        String id =
                service.propose(0, 20, "DE-EUFI-LRCK", category, "olga", OPEN).scrambleId();
        assertThat(service.order(id, "sam", OPEN).ok()).isTrue();
        Scramble s = service.scrambleForTest(id);
        double[] p = new double[2];
        long t = T0;
        while (s.phase != ScramblePhase.EN_ROUTE && t < T0 + 3600 * S) {
            t += 2 * S;
            Sphere.destination(lat, lon, 280, 300 * Units.KT * 2, p);
            lat = p[0];
            lon = p[1];
            service.onTrackUpdate(20, t, lat, lon, 24_000, 300, 280, -1, 0);
            fighters.advance(t);
            service.tick(t);
        }
        assertThat(s.phase).isEqualTo(ScramblePhase.EN_ROUTE);
        clock[0] = t;
        return s;
    }

    @Test
    void anAirbornePairIsRankedAgainstGroundUnitsLikeABruteForceScan() {
        long[] clock = new long[1];
        Scramble s = airborne(null, clock);
        Random rnd = new Random(4);
        int airborneFirst = 0;
        for (int k = 0; k < 12; k++) {
            int track = 30 + k;
            double lat = 42.6 + 2.2 * rnd.nextDouble(), lon = 28.8 + 3.5 * rnd.nextDouble();
            double course = 360 * rnd.nextDouble(), gs = 150 + 350 * rnd.nextDouble();
            service.onTrackUpdate(track, clock[0], lat, lon, 24_000, gs, course, -1, 0);
            List<ScrambleService.Recommendation> ranked = service.divertOptions(track);
            assertThat(ranked).isNotNull();
            TargetPath path = new TargetPath(1).straight(lat, lon, 24_000, gs, course);
            // the oracle: every ground unit from its base, the pair from its lead with its fuel left
            List<Object[]> oracle = new ArrayList<>();
            for (Detachment d : posture.detachments()) {
                if (d.id().equals(s.unitId)) continue;
                oracle.add(new Object[] {d.id(), brute(d, posture.profileOf(d), path, false, null)});
            }
            Detachment own = posture.detachment(s.unitId);
            oracle.add(new Object[] {s.unitId, brute(own, posture.profileOf(own), path, true, s)});
            oracle.sort(Comparator.comparingDouble((Object[] o) -> {
                        double t = (double) o[1];
                        return Double.isNaN(t) ? Double.MAX_VALUE : t;
                    })
                    .thenComparing(o -> (String) o[0]));
            List<String> feasible = new ArrayList<>();
            for (ScrambleService.Recommendation r : ranked) {
                if (!r.solution().feasible) continue;
                feasible.add(r.unit().id());
                double bruteT = (double) oracle.stream()
                        .filter(o -> o[0].equals(r.unit().id()))
                        .findFirst()
                        .orElseThrow()[1];
                assertThat(r.solution().timeS)
                        .as("target %d, %s", k, r.unit().id())
                        .isCloseTo(bruteT, org.assertj.core.data.Offset.offset(Math.max(2.0, 0.01 * bruteT)));
            }
            List<String> oracleFeasible = new ArrayList<>();
            for (Object[] o : oracle) if (!Double.isNaN((double) o[1])) oracleFeasible.add((String) o[0]);
            assertThat(feasible).as("target %d ranking", k).isEqualTo(oracleFeasible);
            if (!feasible.isEmpty() && feasible.get(0).equals(s.unitId)) airborneFirst++;
            assertThat(ranked.stream()
                            .filter(r -> r.unit().id().equals(s.unitId))
                            .findFirst()
                            .orElseThrow()
                            .unit()
                            .readiness())
                    .as("the pair is marked airborne")
                    .isEqualTo(org.vigil.core.qra.Readiness.AIRBORNE_CAP);
        }
        assertThat(airborneFirst)
                .as("the airborne pair is best for some targets, not all")
                .isBetween(1, 11);
    }

    /** Earliest 1 s grid time a candidate is at the aim point (subsonic, or with the workflow's supersonic dash where the type has it). */
    double brute(Detachment d, AircraftProfile p, TargetPath path, boolean air, Scramble s) {
        InterceptOptions o = ScrambleConfig.defaults().options();
        GeodesicDirect gd = new GeodesicDirect();
        GeodesicInverse inv = new GeodesicInverse();
        double alt = path.altitudeFt();
        double startLat = air ? s.lead.latDeg : d.base().latDeg(),
                startLon = air ? s.lead.lonDeg : d.base().lonDeg();
        double startAlt = air ? s.lead.altitudeFt : d.base().elevationFt();
        double tA = air ? 0 : d.timeToAirborneS();
        if (!air && d.unavailability(service.now() / 1_000_000L) != null) return Double.NaN;
        double t0 = tA + p.climbTimeS(startAlt, alt), dc = p.climbDistanceM(startAlt, alt);
        double vSub = p.subsonicTasMps(alt), vSup = p.supersonicTasMps(alt);
        double radius = p.combatRadiusNm() * Units.NM;
        if (air) {
            double home = inv.distance(
                    s.lead.latDeg, s.lead.lonDeg, d.base().latDeg(), d.base().lonDeg());
            radius = Math.min(radius, Math.max(0, (s.fuelBudgetM - s.fuelUsedM - home) / 2));
        }
        for (double t = Math.ceil(t0); t <= o.horizonS(); t += 1) {
            path.pointAtArc(path.arcAt(t) - o.trailNm() * Units.NM, gd);
            double dist = inv.distance(startLat, startLon, gd.latDeg, gd.lonDeg);
            double beyond = Math.max(0, dist - dc);
            if (t >= t0 + beyond / vSub && dist <= radius) return t;
            if (Double.isNaN(vSup)) continue;
            if (o.dashAtEnd()) {
                // subsonic, then supersonic over the last x metres the fuel allows (d + x (1/f - 1) <= radius)
                double f = p.supersonicRadiusFactor();
                double x = f >= 1 ? beyond : Math.min(beyond, Math.max(0, (radius - dist) * f / (1 - f)));
                if (dist <= radius && t >= t0 + (beyond - x) / vSub + x / vSup) return t;
            } else if (t >= t0 + beyond / vSup && dist / p.supersonicRadiusFactor() <= radius) return t;
        }
        return Double.NaN;
    }

    @Test
    void aTangoScrambleIsMarkedInEveryEventAndItsView() {
        long[] clock = new long[1];
        Scramble s = airborne("tango", clock);
        assertThat(s.category).isEqualTo(Scramble.TANGO);
        assertThat(service.view(s.id).get("category")).isEqualTo("TANGO");
        List<String> lines = events.stream()
                .filter(e -> e.contains("\"scramble\":\"" + s.id + "\""))
                .toList();
        assertThat(lines)
                .hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(e -> assertThat(e).contains("\"category\":\"TANGO\""));
        assertThat(service.propose(0, 20, "NL-F35-LBPG", "bravo", "olga", OPEN).refusal())
                .isEqualTo(ScrambleService.Refusal.INVALID);
        // and every audited action on it (the audit trail is an output too)
        List<String> audit = new ArrayList<>();
        ScrambleService.Gate recording = (target, detail) -> audit.add(detail);
        assertThat(service.visualId(s.id, "civil", "olga", recording).ok()).isFalse(); // not at the target yet
        assertThat(service.outcome(s.id, "civil", null, "sam", recording).ok()).isTrue();
        assertThat(service.returnToBase(s.id, "sam", recording).ok()).isTrue();
        String other = service.propose(0, 20, "NL-F35-LBPG", "tango", "olga", recording)
                .scrambleId();
        assertThat(service.cancel(other, "sam", "exercise over", recording).ok())
                .isTrue();
        assertThat(audit).hasSize(4).allSatisfy(d -> assertThat(d).startsWith("Tango (exercise)"));
    }
}
