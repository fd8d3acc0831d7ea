package org.vigil.core.track;

/**
 * NACp (Navigation Accuracy Category for position, DO-260B §2.2.3.2.7.2.6) to a one-sigma horizontal
 * position error per axis, for the Kalman update of ADS-B positions.
 *
 * <p>NACp states an Estimated Position Uncertainty (EPU): a radius that contains the true position
 * with 95 % probability. For a circular Gaussian with per-axis sigma s, the radius r95 satisfies
 * {@code 1 - exp(-r²/2s²) = 0.95}, so {@code s = EPU / sqrt(-2 ln 0.05) = EPU / 2.4477}. The EPU
 * is an upper bound, so using it as the value is conservative.
 *
 * <pre>
 * NACp  EPU bound        sigma (m)
 *  11   &lt;   3 m            1.2  (floored, see below)
 *  10   &lt;  10 m            4.1
 *   9   &lt;  30 m           12.3
 *   8   &lt;  92.6 m (0.05 NM) 37.8
 *   7   &lt; 185.2 m (0.1 NM)  75.7
 *   6   &lt; 555.6 m (0.3 NM) 227
 *   5   &lt; 926 m   (0.5 NM) 378
 *   4   &lt; 1852 m  (1 NM)   757
 *   3   &lt; 3704 m  (2 NM)  1513
 *   2   &lt; 7408 m  (4 NM)  3026
 *   1   &lt; 18520 m (10 NM) 7566
 *   0   unknown            NaN  (not usable for position)
 * </pre>
 *
 * <p>{@link #sigmaMetres} additionally floors the sigma at {@link #FLOOR_SIGMA_METRES}: the report's
 * time of applicability is known only to the receiver's timestamp (tens of milliseconds, at
 * 250 m/s that is metres to over ten metres), so a 1 m sigma would be a lie about the report.
 */
public final class NacpAccuracy {
    /** sqrt(-2 ln 0.05): the 95 % radius of a circular Gaussian in units of its per-axis sigma. */
    public static final double R95_PER_SIGMA = Math.sqrt(-2 * Math.log(0.05));
    /** Lowest sigma handed to the filter (timestamp jitter dominates below this). */
    public static final double FLOOR_SIGMA_METRES = 10.0;

    private static final double[] EPU_METRES = {
        Double.NaN, 18_520, 7_408, 3_704, 1_852, 926, 555.6, 185.2, 92.6, 30, 10, 3
    };

    private NacpAccuracy() {}

    /** The 95 % EPU bound in metres for {@code nacp}, NaN for 0 or out of range. */
    public static double epuMetres(int nacp) {
        return nacp >= 1 && nacp <= 11 ? EPU_METRES[nacp] : Double.NaN;
    }

    /** One-sigma per-axis horizontal error in metres (floored), NaN when NACp is 0 or not a NACp. */
    public static double sigmaMetres(int nacp) {
        double epu = epuMetres(nacp);
        if (Double.isNaN(epu)) return Double.NaN;
        return Math.max(FLOOR_SIGMA_METRES, epu / R95_PER_SIGMA);
    }
}
