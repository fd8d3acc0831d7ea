package org.vigil.core.qra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigil.core.geo.GeodesicDirect;
import org.vigil.core.geo.GeodesicInverse;
import org.vigil.core.geo.Units;

/**
 * The solver against a brute-force scan of a fine time grid, on random geometries: straight and
 * multi-leg targets, slower and faster than the interceptor, with and without supersonic, with
 * trail and fuel limits. The scan evaluates the feasibility conditions directly at every step
 * (it shares only the geodesic routines, which have their own tests against GeographicLib).
 */
class InterceptBruteForceTest {
    private static final double STEP_S = 1.0;
    private static final double HORIZON_S = 3 * 3600;

    @Test
    void agreesWithBruteForceOn200RandomGeometries() {
        agreesWithBruteForce(false);
    }

    /**
     * The same 200 geometries planned with the dash at the end (how the scramble workflow flies):
     * against the scan of that model, and never later than the two pure options, earlier in some.
     */
    @Test
    void withTheDashAtTheEndAgreesWithBruteForceOn200RandomGeometries() {
        agreesWithBruteForce(true);
    }

    private static void agreesWithBruteForce(boolean dash) {
        Random rnd = new Random(20220406);
        InterceptSolution pure = new InterceptSolution();
        int dashEarlier = 0;
        InterceptSolver solver = new InterceptSolver();
        InterceptSolution sol = new InterceptSolution();
        GeodesicDirect gd = new GeodesicDirect();
        GeodesicInverse inv = new GeodesicInverse();
        int feasible = 0, infeasible = 0, faster = 0, routes = 0, fuelBound = 0;
        for (int i = 0; i < 200; i++) {
            double baseLat = 41 + 5 * rnd.nextDouble(), baseLon = 25 + 12 * rnd.nextDouble();
            boolean sup = rnd.nextBoolean();
            double radiusNm = 150 + 400 * rnd.nextDouble();
            AircraftProfile p = new AircraftProfile(
                    "T",
                    "T",
                    55000,
                    new double[] {0, 10000, 30000, 50000},
                    new double[] {0, 40 + 40 * rnd.nextDouble(), 150 + 100 * rnd.nextDouble(), 500},
                    new double[] {0, 4, 17, 55},
                    new double[] {10000, 60000},
                    new double[] {0.8, 0.9},
                    new double[] {Double.NaN, sup ? 1.2 + 0.6 * rnd.nextDouble() : Double.NaN},
                    radiusNm,
                    0.3 + 0.6 * rnd.nextDouble(),
                    "t");
            Readiness r = rnd.nextBoolean() ? Readiness.QRA_5 : Readiness.QRA_15;
            Detachment unit =
                    Detachment.of("U", "XX", new Base("B", "B", baseLat, baseLon, 500 * rnd.nextDouble()), "T", 2, r);
            double alt = 1000 + 44000 * rnd.nextDouble();
            // target 30..500 km away in any direction
            gd.solve(baseLat, baseLon, 2 * Math.PI * rnd.nextDouble(), 30_000 + 470_000 * rnd.nextDouble());
            double tLat = gd.latDeg, tLon = gd.lonDeg;
            double speed = 900 * rnd.nextDouble();
            TargetPath path = new TargetPath(4);
            if (rnd.nextInt(3) == 0) {
                routes++;
                int n = 2 + rnd.nextInt(3);
                double[] lat = new double[n], lon = new double[n], spd = new double[n];
                double la = tLat, lo = tLon;
                for (int k = 0; k < n; k++) {
                    gd.solve(la, lo, 2 * Math.PI * rnd.nextDouble(), 50_000 + 200_000 * rnd.nextDouble());
                    lat[k] = la = gd.latDeg;
                    lon[k] = lo = gd.lonDeg;
                    spd[k] = 150 + 700 * rnd.nextDouble();
                }
                path.route(tLat, tLon, alt, lat, lon, spd, n);
            } else {
                path.straight(tLat, tLon, alt, speed, 360 * rnd.nextDouble());
            }
            InterceptOptions o = InterceptOptions.defaults()
                    .withTrailNm(2 * rnd.nextDouble())
                    .withHorizonS(HORIZON_S)
                    .withSubsonicOnly(rnd.nextInt(4) == 0)
                    .withDashAtEnd(dash);

            solver.solve(unit, p, path, o, 0, sol);
            if (dash) {
                solver.solve(unit, p, path, o.withDashAtEnd(false), 0, pure);
                if (pure.feasible) {
                    assertThat(sol.feasible)
                            .as("case %d: the dash never loses an intercept", i)
                            .isTrue();
                    assertThat(sol.timeS)
                            .as("case %d: the dash is never later", i)
                            .isLessThanOrEqualTo(pure.timeS + 0.2);
                    if (sol.timeS < pure.timeS - 10) dashEarlier++;
                }
                if (sol.feasible) {
                    assertThat(sol.dashM + sol.subsonicLegM)
                            .as("case %d: subsonic leg and dash make the way after the climb", i)
                            .isGreaterThanOrEqualTo(0);
                    assertThat(sol.supersonic).isEqualTo(sol.dashM > 0);
                }
            }
            double brute = bruteForce(unit, p, path, o, gd, inv);

            if (Double.isNaN(brute)) {
                infeasible++;
                assertThat(sol.feasible)
                        .as("case %d: brute force found none, solver %s", i, sol)
                        .isFalse();
                if (sol.reason == NoInterceptReason.TARGET_FASTER_AND_OPENING) faster++;
                if (sol.reason == NoInterceptReason.BEYOND_FUEL_LIMIT) fuelBound++;
            } else {
                feasible++;
                assertThat(sol.feasible)
                        .as("case %d: brute force %.1f s, solver %s", i, brute, sol)
                        .isTrue();
                // brute force is late by < STEP_S; the solver within its tolerance
                assertThat(Math.abs(sol.timeS - brute))
                        .as("case %d time", i)
                        .isLessThanOrEqualTo(Math.max(0.01 * brute, STEP_S + 0.2));
                assertThat(sol.timeS)
                        .as("case %d: solver never later than the grid", i)
                        .isLessThanOrEqualTo(brute + 0.2);
            }
        }
        assertThat(feasible).isGreaterThan(80);
        assertThat(infeasible).isGreaterThan(20);
        assertThat(faster).isGreaterThan(3);
        assertThat(fuelBound).isGreaterThan(3);
        assertThat(routes).isGreaterThan(40);
        if (dash) assertThat(dashEarlier).as("plans the dash makes earlier").isPositive();
    }

    @Test
    void fasterCrossingTargetsWithABriefWindowAreFoundAtTheFirstRoot() {
        // a 950 kt target crossing past the base: reachable only for a short window around closest
        // approach (several roots of f); the Lipschitz stepping must stop at the first one
        InterceptSolver solver = new InterceptSolver();
        InterceptSolution sol = new InterceptSolution();
        GeodesicDirect gd = new GeodesicDirect();
        GeodesicInverse inv = new GeodesicInverse();
        AircraftProfile p = QraTestData.flat("T", 0.9, Double.NaN, 600);
        Detachment unit =
                new Detachment("U", "XX", QraTestData.base("B", 43, 30), "T", 2, Readiness.QRA_5, null, null, 120);
        int windows = 0;
        for (int k = 0; k < 40; k++) {
            double offsetKm = 5 + 6 * k;
            gd.solve(43, 30, 0, offsetKm * 1000); // closest approach point north of the base
            double cLat = gd.latDeg, cLon = gd.lonDeg;
            gd.solve(cLat, cLon, Math.toRadians(270), 300_000); // start 300 km west of it, flying east
            TargetPath path = new TargetPath(1).straight(gd.latDeg, gd.lonDeg, 36000, 950, 90);
            InterceptOptions o = new InterceptOptions(0, true, false, LandMask.NONE, 3600, 0.05);
            solver.solve(unit, p, path, o, 0, sol);
            double brute = Double.NaN;
            for (double t = 120; t <= 3600; t += 0.05) {
                path.pointAtArc(path.arcAt(t), gd);
                double d = inv.distance(43, 30, gd.latDeg, gd.lonDeg);
                if (t >= 120 + d / p.subsonicTasMps(36000)) {
                    brute = t;
                    break;
                }
            }
            if (Double.isNaN(brute)) {
                assertThat(sol.feasible).as("offset %s km: %s", offsetKm, sol).isFalse();
            } else {
                windows++;
                assertThat(sol.feasible).as("offset %s km", offsetKm).isTrue();
                assertThat(sol.timeS).as("offset %s km", offsetKm).isBetween(brute - 0.1, brute + 0.1);
            }
        }
        assertThat(windows).isBetween(5, 39);
    }

    /** Earliest grid time at which the unit can be at the aim point, flying subsonic or supersonic (or with the dash). */
    static double bruteForce(
            Detachment unit,
            AircraftProfile p,
            TargetPath path,
            InterceptOptions o,
            GeodesicDirect gd,
            GeodesicInverse inv) {
        double alt = path.altitudeFt();
        double tA = unit.timeToAirborneS();
        double startAlt = unit.base().elevationFt();
        double t0 = tA + p.climbTimeS(startAlt, alt);
        double dc = p.climbDistanceM(startAlt, alt);
        double vSub = p.subsonicTasMps(alt), vSup = p.supersonicTasMps(alt);
        boolean sup = !o.subsonicOnly() && !Double.isNaN(vSup);
        double radius = p.combatRadiusNm() * Units.NM;
        for (double t = 0; t <= o.horizonS(); t += STEP_S) {
            if (t < t0) continue;
            path.pointAtArc(path.arcAt(t) - o.trailNm() * Units.NM, gd);
            double d = inv.distance(unit.base().latDeg(), unit.base().lonDeg(), gd.latDeg, gd.lonDeg);
            double beyond = Math.max(0, d - dc);
            if (t >= t0 + beyond / vSub && d <= radius) return t;
            if (!sup) continue;
            if (o.dashAtEnd()) {
                // subsonic, then supersonic over the last x metres the fuel allows (d + x (1/f - 1) <= radius)
                double f = p.supersonicRadiusFactor();
                double x = f >= 1 ? beyond : Math.min(beyond, Math.max(0, (radius - d) * f / (1 - f)));
                if (d <= radius && t >= t0 + (beyond - x) / vSub + x / vSup) return t;
            } else if (t >= t0 + beyond / vSup && d / p.supersonicRadiusFactor() <= radius) return t;
        }
        return Double.NaN;
    }
}
