package org.vigil.core.qra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vigil.core.geo.GeodesicInverse;
import org.vigil.core.geo.Units;

/**
 * Hand-computed cases on the equator, where the geodesic is the equator itself and distances are
 * exactly a * dLon (a = WGS-84 semi-major axis), so the intercept time has a closed form.
 */
class InterceptSolverTest {
    private static final double A = 6_378_137.0;
    private static final double ALT = 36_089; // tropopause: speed of sound 573.6 kt
    private final InterceptSolver solver = new InterceptSolver();
    private final InterceptSolution out = new InterceptSolution();
    private final AircraftProfile fighter = QraTestData.flat("FTR", 0.9, Double.NaN, 600);
    private final Detachment unit =
            Detachment.of("U", "XX", QraTestData.base("BASE", 0, 0), "FTR", 2, Readiness.QRA_15);
    private final double v = fighter.subsonicTasMps(ALT);

    private static double eq(double dLonDeg) {
        return A * Math.toRadians(dLonDeg);
    }

    @Test
    void headOn() {
        double vT = 400 * Units.KT;
        TargetPath target = new TargetPath(1).straight(0, 5, ALT, 400, 270); // westbound towards the base
        solver.solve(unit, fighter, target, InterceptOptions.defaults(), 0, out);
        // aim point 1 NM behind (east of) the target: D(t) = D0 + trail - vT t; reach v (t - 900)
        double expected = (eq(5) + Units.NM + v * 900) / (v + vT);
        assertThat(out.feasible).isTrue();
        assertThat(out.timeS).isCloseTo(expected, within(0.2));
        assertThat(out.headingDeg).isCloseTo(90, within(1e-6));
        assertThat(out.latDeg).isCloseTo(0, within(1e-9));
        assertThat(out.distanceM).isCloseTo(v * (expected - 900), within(100.0));
        assertThat(out.supersonic).isFalse();
        assertThat(out.timeToAirborneS).isEqualTo(900);
    }

    @Test
    void tailChase() {
        double vT = 300 * Units.KT;
        TargetPath target = new TargetPath(1).straight(0, 1, ALT, 300, 90); // eastbound, away from the base
        solver.solve(unit, fighter, target, InterceptOptions.defaults(), 0, out);
        double expected = (eq(1) - Units.NM + v * 900) / (v - vT);
        assertThat(out.feasible).isTrue();
        assertThat(out.timeS).isCloseTo(expected, within(0.2));
        assertThat(out.headingDeg).isCloseTo(90, within(1e-6));
    }

    @Test
    void targetFasterAndOpeningHasNoSolution() {
        TargetPath target = new TargetPath(1).straight(0, 1, ALT, 700, 90);
        solver.solve(unit, fighter, target, InterceptOptions.defaults(), 0, out);
        assertThat(out.feasible).isFalse();
        assertThat(out.reason).isEqualTo(NoInterceptReason.TARGET_FASTER_AND_OPENING);
        assertThat(solver.evaluations).as("steps grow when opening").isLessThan(200);
    }

    @Test
    void targetExactlyAsFastAndOpeningIsNeverCaughtAndTheSearchEnds() {
        double vtKt = v / Units.KT;
        TargetPath target = new TargetPath(1).straight(0, 0.5, ALT, vtKt, 90);
        solver.solve(unit, fighter, target, InterceptOptions.defaults(), 0, out);
        assertThat(out.reason).isEqualTo(NoInterceptReason.TARGET_FASTER_AND_OPENING);
        assertThat(solver.evaluations).isLessThan(500);
    }

    @Test
    void targetFasterButClosingIsCaught() {
        double vT = 700 * Units.KT;
        TargetPath target = new TargetPath(1).straight(0, 4, ALT, 700, 270);
        solver.solve(unit, fighter, target, InterceptOptions.defaults(), 0, out);
        double expected = (eq(4) + Units.NM + v * 900) / (v + vT);
        assertThat(out.feasible).isTrue();
        assertThat(out.timeS).isCloseTo(expected, within(0.2));
    }

    @Test
    void beyondFuelLimit() {
        AircraftProfile shortLegs = QraTestData.flat("FTR", 0.9, Double.NaN, 100);
        TargetPath target = new TargetPath(1).straight(0, 1, ALT, 300, 90);
        solver.solve(unit, shortLegs, target, InterceptOptions.defaults(), 0, out);
        // caught only at about 180 NM out, radius is 100 NM
        assertThat(out.feasible).isFalse();
        assertThat(out.reason).isEqualTo(NoInterceptReason.BEYOND_FUEL_LIMIT);
    }

    @Test
    void approachingTargetIsMetAtTheFuelLimitWhenFirstReachIsBeyondIt() {
        // 300 NM out, inbound at 300 kt; radius 100 NM; the unit is airborne at once (QRA override 0)
        AircraftProfile shortLegs = QraTestData.flat("FTR", 0.9, Double.NaN, 100);
        Detachment quick =
                new Detachment("Q", "XX", QraTestData.base("B", 0, 0), "FTR", 2, Readiness.QRA_5, null, null, 0);
        double d0 = 300 * Units.NM;
        TargetPath target = new TargetPath(1).straight(0, Math.toDegrees(d0 / A), ALT, 300, 270);
        solver.solve(quick, shortLegs, target, InterceptOptions.defaults().withTrailNm(0), 0, out);
        double firstReach = d0 / (v + 300 * Units.KT);
        double atLimit = (d0 - 100 * Units.NM) / (300 * Units.KT);
        assertThat(firstReach).isLessThan(atLimit);
        assertThat(out.feasible).isTrue();
        assertThat(out.timeS).isCloseTo(atLimit, within(0.2));
        assertThat(out.fuelFraction).isCloseTo(1.0, within(1e-3));
    }

    @Test
    void climbIsCountedFromBaseElevation() {
        AircraftProfile f16 = QraTestData.climbing("F16X");
        Base high = new Base("HI", "hi", 0, 0, 10000);
        Detachment d = Detachment.of("C", "XX", high, "F16X", 2, Readiness.QRA_5);
        TargetPath hold = new TargetPath(1).straight(0, 2, 30000, 0, 0);
        solver.solve(d, f16, hold, InterceptOptions.defaults().withTrailNm(0).withSubsonicOnly(true), 0, out);
        double tc = 150 - 45, dc = (17 - 4) * Units.NM;
        double vs = f16.subsonicTasMps(30000);
        assertThat(out.climbTimeS).isEqualTo(tc);
        assertThat(out.timeS).isCloseTo(300 + tc + (eq(2) - dc) / vs, within(0.2));
    }

    @Test
    void supersonicIsUsedOverTheSeaOnlyWhenTheLandRuleApplies() {
        AircraftProfile fast = QraTestData.flat("FTR", 0.9, 1.5, 600);
        TargetPath hold = new TargetPath(1).straight(0, 2, ALT, 0, 0);
        InterceptOptions o = InterceptOptions.defaults().withTrailNm(0);
        solver.solve(unit, fast, hold, o, 0, out);
        double vSup = fast.supersonicTasMps(ALT);
        assertThat(out.supersonic).isTrue();
        assertThat(out.timeS).isCloseTo(900 + eq(2) / vSup, within(0.2));
        assertThat(out.fuelFraction).isCloseTo(eq(2) * 2 / (600 * Units.NM), within(1e-6));

        solver.solve(unit, fast, hold, o.withNoSupersonicOverLand((lat, lon) -> true), 0, out);
        assertThat(out.timeS).as("all land: subsonic").isCloseTo(900 + eq(2) / v, within(0.2));

        // land west of 1 E: half the way subsonic, half supersonic
        solver.solve(unit, fast, hold, o.withNoSupersonicOverLand((lat, lon) -> lon < 1), 0, out);
        // the land share is sampled every ~10 km (23 samples here): one sample either way is 9.7 km, 7 s
        assertThat(out.timeS).isCloseTo(900 + eq(1) / v + eq(1) / vSup, within(8.0));
        assertThat(out.supersonic).isTrue();

        solver.solve(unit, fast, hold, o.withSubsonicOnly(true), 0, out);
        assertThat(out.supersonic).isFalse();
        assertThat(out.timeS).isCloseTo(900 + eq(2) / v, within(0.2));
    }

    @Test
    void routeWithLegsAndSpeeds() {
        // target at 0/3 E flies west to 0/2 E at 300 kt then turns north at 450 kt; interceptor QRA-15 from 0/0
        TargetPath route = new TargetPath(4)
                .route(0, 3, ALT, new double[] {0, 10}, new double[] {2, 2}, new double[] {300, 450}, 2);
        solver.solve(unit, fighter, route, InterceptOptions.defaults().withTrailNm(0), 0, out);
        assertThat(out.feasible).isTrue();
        // first leg lasts eq(1)/300 kt = 721 s < 900 s launch: the intercept is on the northbound leg
        double leg1 = eq(1) / (300 * Units.KT);
        double t = out.timeS;
        org.vigil.core.geo.GeodesicDirect gd = new org.vigil.core.geo.GeodesicDirect();
        route.positionAt(t, gd);
        GeodesicInverse inv = new GeodesicInverse();
        inv.solve(0, 0, gd.latDeg, gd.lonDeg);
        assertThat(t).isGreaterThan(leg1);
        assertThat(inv.distanceM).isCloseTo(v * (t - 900), within(50.0));
        assertThat(out.lonDeg).isCloseTo(2, within(1e-6));
    }

    @Test
    void capUnitStartsAtItsStationWithoutLaunchDelay() {
        Detachment cap = Detachment.of("CAP", "XX", QraTestData.base("B", 0, 0), "FTR", 2, Readiness.QRA_15)
                .withReadiness(Readiness.AIRBORNE_CAP, new CapStation(0, 1, ALT, 3600));
        TargetPath hold = new TargetPath(1).straight(0, 2, ALT, 0, 0);
        solver.solve(cap, fighter, hold, InterceptOptions.defaults().withTrailNm(0), 0, out);
        assertThat(out.timeS).isCloseTo(eq(1) / v, within(0.2));
        Detachment dry = cap.withReadiness(Readiness.AIRBORNE_CAP, new CapStation(0, 1, ALT, 60));
        solver.solve(dry, fighter, hold, InterceptOptions.defaults().withTrailNm(0), 0, out);
        assertThat(out.reason).isEqualTo(NoInterceptReason.BEYOND_FUEL_LIMIT);
    }

    @Test
    void unavailableRotationAndCeilingReasons() {
        TargetPath t = new TargetPath(1).straight(0, 2, ALT, 400, 0);
        solver.solve(unit.withReadiness(Readiness.UNAVAILABLE, null), fighter, t, InterceptOptions.defaults(), 0, out);
        assertThat(out.reason).isEqualTo(NoInterceptReason.UNIT_UNAVAILABLE);
        Detachment nl = TestPostures.blackSea2022().detachment("NL-F35-LBPG");
        solver.solve(
                nl,
                fighter,
                t,
                InterceptOptions.defaults(),
                java.time.Instant.parse("2022-06-02T00:00:00Z").toEpochMilli(),
                out);
        assertThat(out.reason).isEqualTo(NoInterceptReason.OUTSIDE_ROTATION);
        TargetPath high = new TargetPath(1).straight(0, 2, 65000, 400, 0);
        solver.solve(unit, fighter, high, InterceptOptions.defaults(), 0, out);
        assertThat(out.reason).isEqualTo(NoInterceptReason.ABOVE_CEILING);
        solver.solve(unit, null, t, InterceptOptions.defaults(), 0, out);
        assertThat(out.reason).isEqualTo(NoInterceptReason.NO_PROFILE);
    }

    @Test
    void badTargetGeometryIsRejectedAtTheBoundary() {
        TargetPath p = new TargetPath(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.straight(Double.NaN, 2, ALT, 400, 0))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.straight(0, 2, ALT, -5, 0))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.straight(0, 2, ALT, 400, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> p.route(0, 2, ALT, new double[] {95}, new double[] {2}, new double[] {300}, 1))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.route(
                        0, 2, ALT, new double[] {1, 2, 3}, new double[] {2, 2, 2}, new double[] {300, 300, 300}, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("waypoints");
    }

    @Test
    void everyFailureCarriesAReason() {
        java.util.Random rnd = new java.util.Random(1);
        TargetPath t = new TargetPath(1);
        for (int i = 0; i < 500; i++) {
            t.straight(
                    -1 + 2 * rnd.nextDouble(),
                    -8 + 16 * rnd.nextDouble(),
                    70000 * rnd.nextDouble(),
                    2000 * rnd.nextDouble(),
                    360 * rnd.nextDouble());
            AircraftProfile p = QraTestData.flat(
                    "FTR",
                    0.5 + 0.45 * rnd.nextDouble(),
                    rnd.nextBoolean() ? 1.2 : Double.NaN,
                    20 + 500 * rnd.nextDouble());
            solver.solve(unit, p, t, InterceptOptions.defaults().withHorizonS(600 + 10000 * rnd.nextDouble()), 0, out);
            if (out.feasible) {
                assertThat(out.reason).isNull();
                assertThat(out.timeS).isFinite();
                assertThat(out.fuelFraction).isBetween(0.0, 1.0 + 1e-9);
            } else {
                assertThat(out.reason).as("case %d", i).isNotNull();
                assertThat(out.timeS).isNaN();
            }
        }
    }
}
