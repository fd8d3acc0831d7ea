package org.vigil.core.qra;

import org.vigil.core.geo.GeodesicDirect;
import org.vigil.core.geo.GeodesicInverse;
import org.vigil.core.geo.Units;

/**
 * Earliest intercept of a target by one QRA unit.
 *
 * <p><b>Model.</b> The unit gets airborne {@code tA} after the order (readiness), climbs to the
 * target's level in {@code Tc} seconds covering {@code Dc} metres of ground, then flies a geodesic
 * at its intercept speed {@code v}. At time {@code t} it can therefore be at the target's level
 * anywhere within ground distance {@code R(t) = Dc + v (t - tA - Tc)} of its start point (base, or
 * CAP station for an airborne CAP), and nowhere before {@code T0 = tA + Tc}. The aim point
 * {@code P(t)} is {@code trail} metres behind the target along the target's predicted path. The
 * unit intercepts at the earliest {@code t >= T0} with
 * <pre>  h(t) = t - need(t) >= 0   and   fuel(P(t)) <= radius</pre>
 * where {@code need(t)} is the time to arrive at {@code P(t)} ({@code T0 + max(0, D - Dc) / v},
 * {@code D} the geodesic distance to {@code P(t)}) and {@code fuel} the radius-equivalent distance
 * to it. This is the distance form "reachable distance(t) - distance(start, P(t)) >= 0" written in
 * time so that mixed subsonic/supersonic legs fit.
 *
 * <p><b>Why the earliest root is found (correct by construction).</b> {@code P(t)} moves along the
 * path at most at the target's top ground speed {@code vT}, and a geodesic distance changes at most
 * as fast as its end point moves, so {@code |need'| <= vT / vMin} and
 * {@code 1 - vT/vMin <= h' <= 1 + vT/vMin =: L}. Then:
 * <ul>
 *   <li>if {@code vT < vMin}, h is strictly increasing: from {@code h(T0) < 0} the single root lies
 *   in {@code [T0 - h/L, T0 - h/(1 - vT/vMin)]}, a bracket known without search; regula falsi
 *   (Illinois) narrows it to the tolerance, keeping the feasible end;</li>
 *   <li>otherwise (target as fast as or faster than the interceptor) no root can lie within
 *   {@code -h(t)/L} of a point t with {@code h(t) < 0}: stepping by that amount (never less than the
 *   tolerance) cannot jump over the first root by more than the tolerance, however many roots
 *   there are. A target that is faster and opening makes h fall, so the steps grow and the
 *   horizon is reached in a few dozen evaluations;</li>
 *   <li>the fuel limit: if the first reachable point is beyond it, the same Lipschitz stepping runs
 *   on {@code min(h, (radius - fuel) / (vT * fuelRate))} from there.</li>
 * </ul>
 * With the land rule the split of the geodesic into land and sea is sampled (every ~10 km, at most
 * 64 samples), so near coastlines the bound holds only to that sampling.
 *
 * <p>Options flown: subsonic (full radius) and, if allowed and the type is supersonic at the
 * target's level, supersonic (its radius scaled by the profile's supersonic factor, and subsonic
 * over land under the land rule); the earlier feasible one wins. Supersonic is solved first: its
 * need is never longer, so {@code h_sub <= h_sup} everywhere; if its first reachable point is
 * within its fuel limit no subsonic plan can be earlier and subsonic is skipped; if it never
 * reaches, neither does subsonic; otherwise subsonic starts from the supersonic root, and the
 * supersonic fuel search runs only up to the subsonic answer.
 *
 * <p>The dash ({@link InterceptOptions#dashAtEnd}, how the scramble workflow flies): one option
 * instead of the two, subsonic then supersonic over the last part of the way after the climb, as
 * much of it as the fuel allows. Its need is Lipschitz in the distance with the bound
 * {@link #paceBound} (a metre further also shortens the dash), so the same two root searches hold
 * with that bound in place of {@code 1 / vMin}; its fuel is feasible exactly where subsonic is.
 *
 * <p>CAP simplification: an airborne CAP starts at its station and level with no launch delay, and
 * its fuel limit is the smaller of the combat radius and half the distance its remaining endurance
 * covers at subsonic speed (out and back to the station, where a tanker or the reserve is assumed
 * to bring it home).
 *
 * <p>Allocation-free per solve; one instance per thread.
 */
public final class InterceptSolver {
    private static final double LAND_SAMPLE_M = 10_000;
    private static final int MAX_LAND_SAMPLES = 64;

    private final GeodesicDirect direct = new GeodesicDirect();
    private final GeodesicDirect sampler = new GeodesicDirect();
    private final GeodesicInverse inverse = new GeodesicInverse();
    private final UnitPlan plan = new UnitPlan();

    // state of the current solve (primitive fields so the inner functions allocate nothing)
    private TargetPath path;
    private LandMask land;
    private boolean mixed;
    // the dash option: subsonic, then supersonic over the last {@code dash} metres the fuel allows
    private boolean dash;
    private double dashPerFuelM, lastDash;
    private double startLat, startLon, trailM, t0, dc, vSea, vLand, fuelSea, fuelLand, radiusM;
    private double startSinU, startCosU;
    private double lastD, lastFuel, lastLat, lastLon, lastAzimuth;
    /** Evaluations of h in the last solve (for tests and benchmarks). */
    public int evaluations;

    /**
     * Solves for one unit. {@code epochMs} is the current time from the data (not the wall clock),
     * used for the rotation check only.
     */
    public InterceptSolution solve(
            Detachment unit,
            AircraftProfile profile,
            TargetPath target,
            InterceptOptions options,
            long epochMs,
            InterceptSolution out) {
        evaluations = 0;
        double alt = target.altitudeFt();
        plan.prepare(unit, profile, alt, epochMs);
        if (plan.unavailable != null) {
            out.clear(plan.unavailable);
            return out;
        }
        path = target;
        land = options.land();
        trailM = options.trailNm() * Units.NM;
        startLat = plan.startLat;
        startLon = plan.startLon;
        double u1 = GeodesicInverse.reducedLatitude(startLat);
        startSinU = Math.sin(u1);
        startCosU = Math.cos(u1);
        dc = plan.climbDistanceM;
        t0 = plan.t0;
        radiusM = plan.radiusM;
        double tA = plan.timeToAirborneS;
        double tc = plan.climbTimeS;

        double horizon = options.horizonS();
        double tol = options.toleranceS();
        dash = false;
        if (options.dashAtEnd()
                && !options.subsonicOnly()
                && !Double.isNaN(plan.supersonicMps)
                && !(options.noSupersonicOverLand() && land != LandMask.NONE)) {
            // one option that covers both pure ones (no dash, or a dash all the way after the climb)
            return fill(solveDash(horizon, tol), false, options, alt, tA, tc, out);
        }
        // Supersonic first: if its first reachable point is within its fuel limit, no subsonic plan
        // can be earlier (a faster reach gives an earlier first root) and the subsonic solve is skipped.
        double bestT = Double.NaN;
        boolean bestSupersonic = false;
        double supersonicReach = Double.NaN;
        double subsonicFrom = t0;
        boolean supersonicUnreachable = false;
        if (!options.subsonicOnly() && !Double.isNaN(plan.supersonicMps)) {
            useSupersonic(options);
            double t1 = firstReach(t0, horizon, tol);
            if (Double.isNaN(t1)) {
                // subsonic need is never shorter, so h_sub <= h_sup everywhere: no subsonic reach either
                // (relied on for the pure supersonic option only; under the land rule subsonic is solved too)
                supersonicUnreachable = !mixed;
            } else {
                // and no subsonic root before the supersonic one (exact for the pure option; under the
                // land rule the mixed root rests on the sampled land share, so start from t0 there)
                if (!mixed) subsonicFrom = t1;
                if (reachFuel <= radiusM) {
                    bestT = t1;
                    bestSupersonic = true;
                } else {
                    supersonicReach = t1;
                }
            }
        }
        boolean reachable = !Double.isNaN(bestT) || !Double.isNaN(supersonicReach);
        NoInterceptReason why = null;
        if (supersonicUnreachable) {
            why = failure;
        } else if (Double.isNaN(bestT)) {
            useSubsonic();
            double t1 = firstReach(subsonicFrom, horizon, tol);
            if (Double.isNaN(t1)) {
                why = failure;
            } else {
                reachable = true;
                bestT = reachFuel <= radiusM ? t1 : fuelSearch(t1, horizon, tol);
            }
            if (!Double.isNaN(supersonicReach)) {
                // supersonic reached first beyond its (smaller) fuel limit: is there a supersonic plan
                // within it before the subsonic answer?
                useSupersonic(options);
                double t2 = fuelSearch(supersonicReach, Double.isNaN(bestT) ? horizon : bestT, tol);
                if (!Double.isNaN(t2) && (Double.isNaN(bestT) || t2 < bestT)) {
                    bestT = t2;
                    bestSupersonic = true;
                }
            }
            if (reachable) why = NoInterceptReason.BEYOND_FUEL_LIMIT;
        }
        failure = why;
        return fill(bestT, bestSupersonic, options, alt, tA, tc, out);
    }

    /** The dash option's earliest time (NaN with {@link #failure} set when none). */
    private double solveDash(double horizon, double tol) {
        // the dash's need is never shorter than all-supersonic's, so it cannot reach before that
        // option's first reach: found by the bracket (a few evaluations) when the target is slower,
        // it saves the Lipschitz steps up to there
        double from = t0;
        if (path.maxSpeedMps() < plan.supersonicMps) {
            dash = false;
            mixed = false;
            vSea = vLand = plan.supersonicMps;
            fuelSea = fuelLand = plan.supersonicFuelRate;
            from = firstReach(t0, horizon, tol);
            if (Double.isNaN(from)) return from; // nor does the dash
        }
        useDash();
        double t1 = firstReach(from, horizon, tol);
        if (Double.isNaN(t1)) return t1;
        if (reachFuel <= radiusM) return t1;
        double t = fuelSearch(t1, horizon, tol);
        return Double.isNaN(t) ? fail(NoInterceptReason.BEYOND_FUEL_LIMIT) : t;
    }

    /** Writes the answer {@code bestT} (NaN: none, why in {@link #failure}) under the option it was found with. */
    private InterceptSolution fill(
            double bestT,
            boolean bestSupersonic,
            InterceptOptions options,
            double alt,
            double tA,
            double tc,
            InterceptSolution out) {
        NoInterceptReason why = failure;
        if (Double.isNaN(bestT)) {
            out.clear(why);
            out.timeToAirborneS = tA;
            out.climbTimeS = tc;
            return out;
        }
        // re-evaluate at the answer under the winning option to fill in the geometry
        if (dash) useDash();
        else if (bestSupersonic) useSupersonic(options);
        else useSubsonic();
        h(bestT);
        double beyondClimb = Math.max(0, lastD - dc);
        if (dash) {
            bestSupersonic = lastDash > 0;
            out.dashM = lastDash;
        } else {
            out.dashM = mixed ? Double.NaN : bestSupersonic ? beyondClimb : 0;
        }
        out.subsonicLegM = Double.isNaN(out.dashM) ? Double.NaN : beyondClimb - out.dashM;
        out.subsonicMps = plan.subsonicMps;
        out.feasible = true;
        out.reason = null;
        out.timeS = bestT;
        out.latDeg = lastLat;
        out.lonDeg = lastLon;
        out.altitudeFt = alt;
        double hd = Math.toDegrees(lastAzimuth) % 360;
        out.headingDeg = hd < 0 ? hd + 360 : hd;
        out.distanceM = lastD;
        out.timeToAirborneS = tA;
        out.climbTimeS = tc;
        out.supersonic = bestSupersonic;
        out.speedMps = bestSupersonic ? vSea : plan.subsonicMps;
        out.fuelFraction = lastFuel / radiusM;
        out.timeSpreadS = Double.NaN;
        out.pointSpreadM = Double.NaN;
        out.levelAssumed = false;
        path = null;
        land = null;
        return out;
    }

    private void useSupersonic(InterceptOptions options) {
        dash = false;
        mixed = options.noSupersonicOverLand() && land != LandMask.NONE;
        vSea = plan.supersonicMps;
        vLand = mixed ? plan.subsonicMps : plan.supersonicMps;
        fuelSea = plan.supersonicFuelRate;
        fuelLand = mixed ? 1 : fuelSea;
    }

    /**
     * Subsonic, then supersonic over the last {@code x} metres after the climb: x as long as the fuel
     * left at the subsonic rate allows ({@code d + x (rate - 1) <= radius}, so
     * {@code x = (radius - d) / (rate - 1)}), at most the whole way after the climb. Feasible on fuel
     * exactly when subsonic is ({@code d <= radius}).
     */
    private void useDash() {
        dash = true;
        mixed = false;
        vSea = plan.supersonicMps;
        vLand = plan.subsonicMps;
        fuelSea = plan.supersonicFuelRate;
        fuelLand = 1;
        dashPerFuelM = fuelSea > 1 ? 1 / (fuelSea - 1) : Double.POSITIVE_INFINITY;
    }

    /**
     * Bound on d need / d distance for the current option (seconds per metre): 1 / the slower speed;
     * with the dash, where the fuel limits it, each metre further shortens the dash by
     * {@code dashPerFuelM}, which is flown subsonic instead.
     */
    private double paceBound() {
        if (!dash) return 1 / Math.min(vSea, vLand);
        double slower = 1 / vLand - 1 / vSea;
        return 1 / vLand + (Double.isInfinite(dashPerFuelM) ? 0 : dashPerFuelM * slower);
    }

    private void useSubsonic() {
        dash = false;
        mixed = false;
        vSea = vLand = plan.subsonicMps;
        fuelSea = fuelLand = 1;
    }

    private NoInterceptReason failure;
    /** Fuel use (radius-equivalent metres) at the time {@link #firstReach} returned. */
    private double reachFuel;

    /**
     * Earliest time for the current option at which the aim point is reachable, fuel aside; NaN
     * with {@link #failure} set if none within the horizon. Leaves the fuel use there in
     * {@link #reachFuel}.
     */
    private double firstReach(double from, double horizon, double tol) {
        double rate = dash
                ? path.maxSpeedMps() * paceBound()
                : path.maxSpeedMps() / Math.min(vSea, vLand); // bound on |need'|
        double bigL = 1 + rate;
        if (rate < 1) {
            double h0 = h(from);
            if (h0 >= 0) {
                reachFuel = lastFuel;
                return from;
            }
            // h increasing with slope in [1 - rate, 1 + rate]: the root lies in [from - h0/L, from - h0/(1 - rate)]
            if (from - h0 / bigL > horizon) return fail(NoInterceptReason.NOT_WITHIN_HORIZON);
            // (+ tol: for a target running straight away h is exactly linear with the lower slope and
            // b is the root itself, which rounding may put a hair on the wrong side)
            double b = Math.min(horizon, from - h0 / (1 - rate) + tol);
            double hb = h(b);
            if (hb < 0) return fail(NoInterceptReason.NOT_WITHIN_HORIZON); // only when clipped to the horizon
            return illinois(from, h0, b, hb, lastFuel, tol);
        }
        double t = lipschitzFirstRoot(from, horizon, bigL, tol, false);
        if (Double.isNaN(t)) return fail(NoInterceptReason.TARGET_FASTER_AND_OPENING);
        reachFuel = lastFuel;
        return t;
    }

    /**
     * The first reachable point ({@code from}) is beyond the fuel limit: later ones may come closer
     * to the start point. Earliest time in [from, until] meeting both conditions, or NaN.
     */
    private double fuelSearch(double from, double until, double tol) {
        if (path.maxSpeedMps() == 0) return Double.NaN; // a holding target never comes closer
        double bigL = 1 + (dash ? path.maxSpeedMps() * paceBound() : path.maxSpeedMps() / Math.min(vSea, vLand));
        return lipschitzFirstRoot(from, until, bigL, tol, true);
    }

    private double fail(NoInterceptReason why) {
        failure = why;
        return Double.NaN;
    }

    /**
     * First t in [from, horizon] with g(t) >= 0, where g = h, or min(h, fuel margin in seconds)
     * when {@code withFuel}; g is L-Lipschitz. NaN if none.
     */
    private double lipschitzFirstRoot(double from, double horizon, double bigL, double tol, boolean withFuel) {
        double fuelRate = path.maxSpeedMps() * Math.max(fuelSea, fuelLand);
        double t = from;
        // every step is at least tol long, so this ends after at most (horizon - from) / tol + 1 steps;
        // that worst case (a target exactly as fast, hanging just out of reach) costs about
        // 0.1 s of CPU per unit at the default 4 h / 0.1 s, but never gives a wrong answer
        while (t <= horizon) {
            double g = h(t);
            if (withFuel) g = Math.min(g, (radiusM - lastFuel) / fuelRate);
            if (g >= 0) return t;
            t += Math.max(-g / bigL, tol);
        }
        return Double.NaN;
    }

    /**
     * Illinois regula falsi on a bracket with h(a) < 0 <= h(b) where h is increasing; returns a
     * reachable time within tol of the root and leaves the fuel use there in {@link #reachFuel}.
     */
    private double illinois(double a, double ha, double b, double hb, double fuelAtB, double tol) {
        int side = 0;
        for (int i = 0; i < 200 && b - a > tol; i++) {
            double c = (a * hb - b * ha) / (hb - ha);
            // h is nearly linear, so c is nearly the root: nudging it by 0.4 tol towards the end that
            // did not move last puts it on the far side of the root and closes the bracket to
            // within tol in about two evaluations instead of creeping in from one side
            c += side <= 0 ? 0.4 * tol : -0.4 * tol;
            if (!(c > a && c < b)) c = 0.5 * (a + b);
            double hc = h(c);
            if (hc >= 0) {
                b = c;
                hb = hc;
                fuelAtB = lastFuel;
                if (side == 1) ha *= 0.5;
                side = 1;
            } else {
                a = c;
                ha = hc;
                if (side == -1) hb *= 0.5;
                side = -1;
            }
        }
        reachFuel = fuelAtB;
        return b;
    }

    /** h(t) = t - need(t); also leaves the aim point, distance, azimuth and fuel use in the last* fields. */
    private double h(double t) {
        evaluations++;
        path.pointAtArc(path.arcAt(t) - trailM, direct);
        lastLat = direct.latDeg;
        lastLon = direct.lonDeg;
        double u2 = GeodesicInverse.reducedLatitude(lastLat);
        inverse.solveReduced(startSinU, startCosU, Math.sin(u2), Math.cos(u2), Math.toRadians(lastLon - startLon));
        double d = inverse.distanceM;
        lastD = d;
        lastAzimuth = inverse.azimuth1Rad;
        double beyondClimb = Math.max(0, d - dc);
        double need;
        if (dash) {
            double x = Math.min(beyondClimb, Math.max(0, dashPerFuelM * (radiusM - d)));
            need = t0 + (beyondClimb - x) / vLand + x / vSea;
            lastFuel = d + x * (fuelSea - 1);
            lastDash = x;
        } else if (!mixed) {
            need = t0 + beyondClimb / vSea;
            lastFuel = d * fuelSea;
        } else {
            double landShare = landShare(d);
            need = t0 + beyondClimb * (landShare / vLand + (1 - landShare) / vSea);
            lastFuel = d * (landShare * fuelLand + (1 - landShare) * fuelSea);
        }
        return t - need;
    }

    /** Share of the geodesic from the start point (along lastAzimuth, length d) that lies over land, by midpoint sampling. */
    private double landShare(double d) {
        if (d <= 0) return land.isLand(startLat, startLon) ? 1 : 0;
        int n = (int) Math.min(MAX_LAND_SAMPLES, Math.max(4, Math.ceil(d / LAND_SAMPLE_M)));
        int overLand = 0;
        for (int i = 0; i < n; i++) {
            sampler.solve(startLat, startLon, lastAzimuth, d * (i + 0.5) / n);
            if (land.isLand(sampler.latDeg, sampler.lonDeg)) overLand++;
        }
        return (double) overLand / n;
    }
}
