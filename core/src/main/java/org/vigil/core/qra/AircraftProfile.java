package org.vigil.core.qra;

import java.util.Arrays;
import org.vigil.core.geo.Units;

/**
 * Planning performance of an interceptor type: how long it takes to climb, how fast it flies an
 * intercept, how far out it can go.
 *
 * <p>Model (deliberately simple, every figure is per type in {@code qra/aircraft-profiles.yaml}):
 * <ul>
 *   <li><b>Climb</b>: a table of altitude (ft, ascending, first row 0) against time (s) and ground
 *   distance (NM) from brake release at maximum climb. Climbing from a base at elevation E to level
 *   H takes {@code time(H) - time(E)} and covers {@code dist(H) - dist(E)}, linear in between.</li>
 *   <li><b>Speeds</b>: altitude bands (upper bound in ft, ascending; the last band is open) with an
 *   intercept Mach subsonic and, if the type is supersonic in that band, one supersonic. True
 *   airspeed follows from the ISA speed of sound at the target's level.</li>
 *   <li><b>Fuel limit</b>: the combat radius (NM) is the furthest intercept point from base at
 *   subsonic speed that still leaves fuel for the return leg and the reserve (that is what a combat
 *   radius means). A supersonic dash burns more: each supersonic NM uses {@code 1 /
 *   supersonicRadiusFactor} NM of radius.</li>
 * </ul>
 * Invariants: the three climb arrays have the same length >= 2, altitudes strictly ascending from
 * 0, times and distances non-decreasing; band tops strictly ascending; speeds positive.
 */
public final class AircraftProfile {
    private final String type;
    private final String name;
    private final double ceilingFt;
    private final double[] climbAltFt;
    private final double[] climbTimeS;
    private final double[] climbDistNm;
    private final double[] bandTopFt;
    private final double[] subsonicMach;
    private final double[] supersonicMach;
    private final double combatRadiusNm;
    private final double supersonicRadiusFactor;
    private final String sources;

    public AircraftProfile(
            String type,
            String name,
            double ceilingFt,
            double[] climbAltFt,
            double[] climbTimeS,
            double[] climbDistNm,
            double[] bandTopFt,
            double[] subsonicMach,
            double[] supersonicMach,
            double combatRadiusNm,
            double supersonicRadiusFactor,
            String sources) {
        String who = "aircraft profile " + type;
        if (type == null || type.isBlank()) throw new IllegalArgumentException("aircraft profile needs a type");
        if (!(ceilingFt > 0)) throw new IllegalArgumentException(who + ": ceiling must be > 0 ft");
        int n = climbAltFt.length;
        if (n < 2 || climbTimeS.length != n || climbDistNm.length != n) {
            throw new IllegalArgumentException(
                    who + ": climb table needs >= 2 rows of [altitude ft, time s, distance NM]");
        }
        if (climbAltFt[0] != 0 || climbTimeS[0] != 0 || climbDistNm[0] != 0) {
            throw new IllegalArgumentException(who + ": climb table must start at [0, 0, 0]");
        }
        for (int i = 1; i < n; i++) {
            if (!(climbAltFt[i] > climbAltFt[i - 1])
                    || !(climbTimeS[i] >= climbTimeS[i - 1])
                    || !(climbDistNm[i] >= climbDistNm[i - 1])) {
                throw new IllegalArgumentException(who + ": climb table row " + (i + 1)
                        + " must have a higher altitude and no smaller time or distance than the row before");
            }
        }
        int b = bandTopFt.length;
        if (b < 1 || subsonicMach.length != b || supersonicMach.length != b) {
            throw new IllegalArgumentException(
                    who + ": speed bands need [top ft, subsonic Mach, supersonic Mach or null]");
        }
        for (int i = 0; i < b; i++) {
            if (i > 0 && !(bandTopFt[i] > bandTopFt[i - 1]))
                throw new IllegalArgumentException(who + ": band tops must ascend");
            if (!(subsonicMach[i] > 0 && subsonicMach[i] < 1))
                throw new IllegalArgumentException(who + ": subsonic Mach must be in (0, 1)");
            if (!Double.isNaN(supersonicMach[i]) && !(supersonicMach[i] >= 1)) {
                throw new IllegalArgumentException(who + ": supersonic Mach must be >= 1 (or null for none)");
            }
        }
        if (!(combatRadiusNm > 0)) throw new IllegalArgumentException(who + ": combat radius must be > 0 NM");
        if (!(supersonicRadiusFactor > 0 && supersonicRadiusFactor <= 1)) {
            throw new IllegalArgumentException(who + ": supersonic radius factor must be in (0, 1]");
        }
        this.type = type;
        this.name = name == null ? type : name;
        this.ceilingFt = ceilingFt;
        this.climbAltFt = climbAltFt.clone();
        this.climbTimeS = climbTimeS.clone();
        this.climbDistNm = climbDistNm.clone();
        this.bandTopFt = bandTopFt.clone();
        this.subsonicMach = subsonicMach.clone();
        this.supersonicMach = supersonicMach.clone();
        this.combatRadiusNm = combatRadiusNm;
        this.supersonicRadiusFactor = supersonicRadiusFactor;
        this.sources = sources == null ? "" : sources;
    }

    public String type() {
        return type;
    }

    public String name() {
        return name;
    }

    public double ceilingFt() {
        return ceilingFt;
    }

    public double combatRadiusNm() {
        return combatRadiusNm;
    }

    public double supersonicRadiusFactor() {
        return supersonicRadiusFactor;
    }

    public String sources() {
        return sources;
    }

    /** Seconds at maximum climb from {@code fromFt} up to {@code toFt}; 0 if not climbing (descents are fast and ignored). */
    public double climbTimeS(double fromFt, double toFt) {
        return toFt <= fromFt ? 0 : interpolate(climbTimeS, toFt) - interpolate(climbTimeS, fromFt);
    }

    /** Ground distance, metres, covered in that climb. */
    public double climbDistanceM(double fromFt, double toFt) {
        return toFt <= fromFt ? 0 : (interpolate(climbDistNm, toFt) - interpolate(climbDistNm, fromFt)) * Units.NM;
    }

    /** Subsonic intercept true airspeed at a level, m/s. */
    public double subsonicTasMps(double altitudeFt) {
        return subsonicMach[band(altitudeFt)] * speedOfSoundKt(altitudeFt) * Units.KT;
    }

    /** Supersonic intercept true airspeed at a level, m/s; NaN if the type does not go supersonic there. */
    public double supersonicTasMps(double altitudeFt) {
        return supersonicMach[band(altitudeFt)] * speedOfSoundKt(altitudeFt) * Units.KT;
    }

    private int band(double altitudeFt) {
        for (int i = 0; i < bandTopFt.length - 1; i++) {
            if (altitudeFt <= bandTopFt[i]) return i;
        }
        return bandTopFt.length - 1;
    }

    /** Linear in the climb table; above the last row extrapolated with the last row's slope. */
    private double interpolate(double[] values, double altFt) {
        if (altFt <= 0) return 0;
        int n = climbAltFt.length;
        int i = 1;
        while (i < n - 1 && altFt > climbAltFt[i]) i++;
        double a0 = climbAltFt[i - 1], a1 = climbAltFt[i];
        return values[i - 1] + (values[i] - values[i - 1]) * (altFt - a0) / (a1 - a0);
    }

    @Override
    public String toString() {
        return "AircraftProfile[" + type + " " + name + ", ceiling " + ceilingFt + " ft, radius " + combatRadiusNm
                + " NM, bands " + Arrays.toString(bandTopFt) + "]";
    }

    /**
     * ISA speed of sound at a pressure altitude, knots: 661.47 kt at sea level, falling with
     * temperature (-1.98 K per 1,000 ft) to the tropopause at 36,089 ft, constant above (ICAO
     * standard atmosphere). Used to turn the profiles' intercept Mach numbers into true airspeed.
     */
    static double speedOfSoundKt(double altitudeFt) {
        double t = 288.15 - 0.0019812 * Math.min(Math.max(altitudeFt, 0), 36_089);
        return 661.47 * Math.sqrt(t / 288.15);
    }
}
