package org.vigil.core.metrics;

/**
 * How the distance between a track and a truth is measured. Both start from the straight line
 * (chord) between the two positions placed on the WGS-84 ellipsoid surface (height 0) in
 * earth-centred earth-fixed coordinates. Within the 10 km cut-offs used for scoring, the chord is
 * shorter than the geodesic by d³/(24R²), under 1 mm, and evaluating it at the surface instead of
 * at flight level understates it by h/R (0.2 % at 12 km), both far below tracker errors.
 */
public enum DistanceMode {
    /**
     * Horizontal separation only. The default, because primary-only tracks carry no altitude and
     * a metric must treat every pair alike; a true metric (Euclidean in ℝ³).
     */
    HORIZONTAL,
    /**
     * √(horizontal² + Δaltitude²), the separation in a local tangent plane. A pair where either
     * altitude is unknown (NaN) counts its vertical part as zero, which makes this a metric only
     * on sets where all altitudes are known.
     */
    SLANT
}
