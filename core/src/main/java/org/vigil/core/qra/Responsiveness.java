package org.vigil.core.qra;

import java.util.ArrayList;
import java.util.List;
import org.vigil.core.geo.GeodesicDirect;
import org.vigil.core.geo.GeodesicInverse;
import org.vigil.core.geo.Units;
import org.vigil.core.geo.Wgs84;

/**
 * Computes responsiveness maps: for a target at a chosen level and speed (and {@link TargetMotion}),
 * the time to intercept from every unit of a posture at every grid cell inside the area of
 * responsibility, keeping the best unit per cell.
 *
 * <p>Per cell and unit this is the closed form of {@link InterceptSolver} for the two motions
 * (tests check it against the solver): with {@code d} the geodesic distance from the start point
 * to the cell, {@code T0} launch + climb, {@code Dc} climb distance and pace {@code p = 1/v}:
 * <ul>
 *   <li>STATIONARY: {@code t = T0 + max(0, d - Dc) p}, feasible if the fuel use is within the
 *   limit. The aim point is the cell itself (a holding target has no "behind").</li>
 *   <li>OPENING: the aim point runs away along the same geodesic, {@code D(t) = d + vT t - trail},
 *   so {@code t = (T0 + (d - trail - Dc) p) / (1 - vT p)} when the unit is faster, else no
 *   intercept (unless it is already within the climb distance at {@code T0}).</li>
 * </ul>
 * Options per unit as in the solver: subsonic, and supersonic if allowed; with the land rule the
 * land share of the geodesic to the cell is sampled every ~10 km and flown subsonic (for OPENING
 * that share is kept for the run-away part too: an approximation).
 *
 * <p>Cost: one inverse geodesic per unit and cell (plus land samples under the land rule). Not
 * thread-safe; one instance per thread.
 */
public final class Responsiveness {
    private static final double LAND_SAMPLE_M = 10_000;
    private static final int MAX_LAND_SAMPLES = 64;

    private final GeodesicInverse inverse = new GeodesicInverse();
    private final GeodesicDirect sampler = new GeodesicDirect();
    private final UnitPlan plan = new UnitPlan();

    /** The map for all units of the posture. Cells outside {@code area} are NaN. */
    public ResponsivenessMap compute(
            Posture posture,
            MapGrid grid,
            GeoPredicate area,
            double levelFt,
            double targetSpeedKt,
            TargetMotion motion,
            InterceptOptions options,
            long epochMs) {
        List<Detachment> units = posture.detachments();
        int n = grid.cells();
        float[] best = new float[n];
        short[] who = new short[n];
        boolean[] inside = insideMask(grid, area);
        for (int i = 0; i < n; i++) {
            best[i] = inside[i] ? Float.POSITIVE_INFINITY : Float.NaN;
            who[i] = -1;
        }
        float[] scratch = new float[n];
        List<String> ids = new ArrayList<>(units.size());
        for (int u = 0; u < units.size(); u++) {
            Detachment d = units.get(u);
            ids.add(d.id());
            if (!unitMinutes(
                    d,
                    posture.profileOf(d),
                    grid,
                    inside,
                    levelFt,
                    targetSpeedKt,
                    motion,
                    options,
                    epochMs,
                    scratch,
                    best)) continue;
            for (int i = 0; i < n; i++) {
                if (scratch[i] < best[i]) {
                    best[i] = scratch[i];
                    who[i] = (short) u;
                }
            }
        }
        return new ResponsivenessMap(grid, best, who, ids, levelFt, targetSpeedKt, motion);
    }

    /** Which cells of the grid are in the area. */
    public static boolean[] insideMask(MapGrid grid, GeoPredicate area) {
        boolean[] inside = new boolean[grid.cells()];
        for (int r = 0; r < grid.rows(); r++) {
            double lat = grid.lat(r);
            for (int c = 0; c < grid.columns(); c++) inside[grid.index(r, c)] = area.contains(lat, grid.lon(c));
        }
        return inside;
    }

    /**
     * One unit's minutes to every cell with {@code inside[i]} into {@code out} (+Infinity where it
     * cannot intercept, NaN outside). Returns false (and leaves {@code out} untouched) if the unit is
     * unavailable altogether. Allocation-free once the grid's tables are built.
     *
     * <p>If {@code bound} is given, cells where this unit cannot beat {@code bound[i]} may get
     * +Infinity instead of their time. Why that is safe and fast: the straight chord between two
     * points (cheap in Earth-centred coordinates from per-row and per-column tables) is never longer
     * than the geodesic, and the time is non-decreasing in distance, so the time at the chord length
     * with the fastest pace and the lowest fuel rate is a lower bound; only cells whose bound beats
     * {@code bound[i]} need the exact geodesic.
     */
    public boolean unitMinutes(
            Detachment unit,
            AircraftProfile profile,
            MapGrid grid,
            boolean[] inside,
            double levelFt,
            double targetSpeedKt,
            TargetMotion motion,
            InterceptOptions options,
            long epochMs,
            float[] out,
            float[] bound) {
        plan.prepare(unit, profile, levelFt, epochMs);
        if (plan.unavailable != null) return false;
        tables(grid);
        boolean supersonic = !options.subsonicOnly() && !Double.isNaN(plan.supersonicMps);
        boolean landRule = supersonic && options.noSupersonicOverLand() && options.land() != LandMask.NONE;
        double vT = motion == TargetMotion.OPENING ? targetSpeedKt * Units.KT : 0;
        double trail = motion == TargetMotion.OPENING ? options.trailNm() * Units.NM : 0;
        double subPace = 1 / plan.subsonicMps;
        double fastestPace = supersonic ? Math.min(subPace, 1 / plan.supersonicMps) : subPace;
        double u1 = GeodesicInverse.reducedLatitude(plan.startLat);
        double sinU1 = Math.sin(u1), cosU1 = Math.cos(u1);
        double sx, sy, sz;
        {
            double phi = Math.toRadians(plan.startLat), lam = Math.toRadians(plan.startLon);
            double n = ecefN(phi);
            sx = n * Math.cos(phi) * Math.cos(lam);
            sy = n * Math.cos(phi) * Math.sin(lam);
            sz = n * (1 - Wgs84.E2) * Math.sin(phi);
        }
        double startLonRad = Math.toRadians(plan.startLon);
        int cols = grid.columns();
        for (int r = 0; r < grid.rows(); r++) {
            double rowN = rowNCos[r], dz = rowZ[r] - sz, sinU2 = rowSinU[r], cosU2 = rowCosU[r];
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                if (!inside[i]) {
                    out[i] = Float.NaN;
                    continue;
                }
                if (bound != null) {
                    double dx = rowN * colCos[c] - sx, dy = rowN * colSin[c] - sy;
                    double chord = Math.sqrt(dx * dx + dy * dy + dz * dz);
                    if (time(chord, fastestPace, 1, vT, trail) / 60 >= bound[i]) {
                        out[i] = Float.POSITIVE_INFINITY;
                        continue;
                    }
                }
                inverse.solveReduced(sinU1, cosU1, sinU2, cosU2, colLonRad[c] - startLonRad);
                double d = inverse.distanceM;
                double t = time(d, subPace, 1, vT, trail);
                if (supersonic) {
                    double landShare = landRule ? landShare(d, inverse.azimuth1Rad, options.land()) : 0;
                    double pace = landShare / plan.subsonicMps + (1 - landShare) / plan.supersonicMps;
                    double fuelRate = landShare + (1 - landShare) * plan.supersonicFuelRate;
                    t = Math.min(t, time(d, pace, fuelRate, vT, trail));
                }
                out[i] = (float) (t / 60);
            }
        }
        return true;
    }

    // per-grid tables: reduced latitude and Earth-centred coordinates by row, longitude by column
    private MapGrid tablesFor;
    private double[] rowSinU, rowCosU, rowNCos, rowZ, colCos, colSin, colLonRad;

    private void tables(MapGrid grid) {
        if (grid.equals(tablesFor)) return;
        int rows = grid.rows(), cols = grid.columns();
        rowSinU = new double[rows];
        rowCosU = new double[rows];
        rowNCos = new double[rows];
        rowZ = new double[rows];
        for (int r = 0; r < rows; r++) {
            double u = GeodesicInverse.reducedLatitude(grid.lat(r));
            rowSinU[r] = Math.sin(u);
            rowCosU[r] = Math.cos(u);
            double phi = Math.toRadians(grid.lat(r));
            double n = ecefN(phi);
            rowNCos[r] = n * Math.cos(phi);
            rowZ[r] = n * (1 - Wgs84.E2) * Math.sin(phi);
        }
        colCos = new double[cols];
        colSin = new double[cols];
        colLonRad = new double[cols];
        for (int c = 0; c < cols; c++) {
            double lam = Math.toRadians(grid.lon(c));
            colLonRad[c] = lam;
            colCos[c] = Math.cos(lam);
            colSin[c] = Math.sin(lam);
        }
        tablesFor = grid;
    }

    /** Prime-vertical radius of curvature at geodetic latitude phi (radians). */
    private static double ecefN(double phi) {
        double s = Math.sin(phi);
        return Wgs84.A / Math.sqrt(1 - Wgs84.E2 * s * s);
    }

    /** Seconds to intercept with the given pace (s/m) and fuel rate; +Infinity if impossible. */
    private double time(double d, double pace, double fuelRate, double vT, double trail) {
        double t0 = plan.t0, dc = plan.climbDistanceM;
        double aimAtT0 = d + vT * t0 - trail;
        double t;
        if (aimAtT0 <= dc) {
            t = t0;
        } else {
            double closing = 1 - vT * pace;
            if (closing <= 0) return Double.POSITIVE_INFINITY;
            t = (t0 + (d - trail - dc) * pace) / closing;
        }
        double aim = d + vT * t - trail;
        return Math.abs(aim) * fuelRate <= plan.radiusM ? t : Double.POSITIVE_INFINITY;
    }

    private double landShare(double d, double azimuthRad, LandMask land) {
        if (d <= 0) return land.isLand(plan.startLat, plan.startLon) ? 1 : 0;
        int n = (int) Math.min(MAX_LAND_SAMPLES, Math.max(4, Math.ceil(d / LAND_SAMPLE_M)));
        int overLand = 0;
        for (int k = 0; k < n; k++) {
            sampler.solve(plan.startLat, plan.startLon, azimuthRad, d * (k + 0.5) / n);
            if (land.isLand(sampler.latDeg, sampler.lonDeg)) overLand++;
        }
        return (double) overLand / n;
    }
}
