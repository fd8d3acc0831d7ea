package org.vigil.core.gnss;

import java.util.Map;

/**
 * The thresholds of the GNSS interference picture (docs/GNSS.md), as data: a theatre may give its
 * own ({@link #fromMap}, keys as the component names); {@link #defaults()} otherwise.
 *
 * @param cellKm               side of a grid cell (rows of equal height, columns of equal width
 *                             along the row: cells of nearly equal area)
 * @param windowSeconds        an aircraft counts as affected when it was degraded within this window
 * @param nicBelow             integrity dropped: NIC below this (7: containment worse than 0.2 NM)
 * @param nacpBelow            accuracy dropped: NACp below this (8: worse than 93 m)
 * @param positionLossSeconds  position lost: no position for this long while velocity continues
 * @param minAircraft          a cell needs this many aircraft in the window to be judged at all
 * @param minAffected          and this many affected aircraft to open
 * @param openShare            a cell opens at this share of affected aircraft
 * @param closeShare           an open cell stays open down to this share (hysteresis)
 * @param holdSeconds          an open cell without evidence (no aircraft) stays open this long
 * @param jumpNm               a position further than this from where its own velocity predicts is implausible
 * @param spoofPointNm         positions of several aircraft within this distance are "one point"
 * @param spoofMinAircraft     this many aircraft at one point, or jumped by one common offset, is area spoofing
 * @param alertOverlapKm2      an open area alerts the operator when it covers at least this much of the
 *                             policed states' national airspace or of a QRA route ({@link InterferenceAlerts})
 * @param alertAfterSeconds    ... for this long without a break (persistence: one update's edge cell is no alert)
 * @param alertClearSeconds    a raised alert closes when the overlap has been gone this long (or the area closes)
 * @param qraBaseKm            a QRA route: the climb-out of each available QRA unit, this far around its base
 * @param qraCorridorKm        a QRA route: an active scramble's planned route from its base to the intercept
 *                             point, this far either side
 */
public record GnssRules(
        double cellKm,
        double windowSeconds,
        int nicBelow,
        int nacpBelow,
        double positionLossSeconds,
        int minAircraft,
        int minAffected,
        double openShare,
        double closeShare,
        double holdSeconds,
        double jumpNm,
        double spoofPointNm,
        int spoofMinAircraft,
        double alertOverlapKm2,
        double alertAfterSeconds,
        double alertClearSeconds,
        double qraBaseKm,
        double qraCorridorKm) {

    public GnssRules {
        if (!(cellKm >= 5 && cellKm <= 500)) throw new IllegalArgumentException("cellKm must be 5..500: " + cellKm);
        if (!(windowSeconds > 0)) throw new IllegalArgumentException("windowSeconds must be > 0");
        if (!(positionLossSeconds > 0)) throw new IllegalArgumentException("positionLossSeconds must be > 0");
        if (minAircraft < 1 || minAffected < 1) throw new IllegalArgumentException("minAircraft/minAffected >= 1");
        if (!(openShare > 0 && openShare <= 1 && closeShare >= 0 && closeShare <= openShare))
            throw new IllegalArgumentException("need 0 <= closeShare <= openShare <= 1");
        if (!(holdSeconds >= 0)) throw new IllegalArgumentException("holdSeconds must be >= 0");
        if (!(jumpNm > 0 && spoofPointNm > 0)) throw new IllegalArgumentException("jumpNm and spoofPointNm > 0");
        if (spoofMinAircraft < 2) throw new IllegalArgumentException("spoofMinAircraft >= 2");
        if (!(alertOverlapKm2 > 0)) throw new IllegalArgumentException("alertOverlapKm2 must be > 0");
        if (!(alertAfterSeconds >= 0 && alertClearSeconds >= 0))
            throw new IllegalArgumentException("alertAfterSeconds and alertClearSeconds must be >= 0");
        if (!(qraBaseKm >= 0 && qraCorridorKm >= 0))
            throw new IllegalArgumentException("qraBaseKm and qraCorridorKm must be >= 0");
    }

    public static GnssRules defaults() {
        return new GnssRules(40, 60, 7, 8, 8, 2, 2, 0.4, 0.2, 120, 3, 1, 4, 400, 20, 60, 100, 20);
    }

    /** The defaults with the keys of {@code m} (a theatre's {@code gnss:} section) taken over; unknown keys refused. */
    public static GnssRules fromMap(Map<String, ?> m) {
        GnssRules d = defaults();
        for (String k : m.keySet()) {
            if (!KEYS.contains(k))
                throw new IllegalArgumentException("unknown gnss key: " + k + " (known: " + KEYS + ")");
        }
        return new GnssRules(
                num(m, "cellKm", d.cellKm),
                num(m, "windowSeconds", d.windowSeconds),
                (int) num(m, "nicBelow", d.nicBelow),
                (int) num(m, "nacpBelow", d.nacpBelow),
                num(m, "positionLossSeconds", d.positionLossSeconds),
                (int) num(m, "minAircraft", d.minAircraft),
                (int) num(m, "minAffected", d.minAffected),
                num(m, "openShare", d.openShare),
                num(m, "closeShare", d.closeShare),
                num(m, "holdSeconds", d.holdSeconds),
                num(m, "jumpNm", d.jumpNm),
                num(m, "spoofPointNm", d.spoofPointNm),
                (int) num(m, "spoofMinAircraft", d.spoofMinAircraft),
                num(m, "alertOverlapKm2", d.alertOverlapKm2),
                num(m, "alertAfterSeconds", d.alertAfterSeconds),
                num(m, "alertClearSeconds", d.alertClearSeconds),
                num(m, "qraBaseKm", d.qraBaseKm),
                num(m, "qraCorridorKm", d.qraCorridorKm));
    }

    private static final java.util.List<String> KEYS = java.util.List.of(
            "cellKm",
            "windowSeconds",
            "nicBelow",
            "nacpBelow",
            "positionLossSeconds",
            "minAircraft",
            "minAffected",
            "openShare",
            "closeShare",
            "holdSeconds",
            "jumpNm",
            "spoofPointNm",
            "spoofMinAircraft",
            "alertOverlapKm2",
            "alertAfterSeconds",
            "alertClearSeconds",
            "qraBaseKm",
            "qraCorridorKm");

    private static double num(Map<String, ?> m, String key, double dflt) {
        Object v = m.get(key);
        if (v == null) return dflt;
        if (v instanceof Number n) return n.doubleValue();
        throw new IllegalArgumentException("gnss." + key + " must be a number: " + v);
    }
}
