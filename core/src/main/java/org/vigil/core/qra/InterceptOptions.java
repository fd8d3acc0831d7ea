package org.vigil.core.qra;

/**
 * How an intercept is planned.
 *
 * @param trailNm              the interceptor aims at the point this far behind the target along the
 *                             target's path (stern conversion; 1 NM in trail by default); 0 aims at the target
 * @param subsonicOnly         never plan a supersonic dash
 * @param noSupersonicOverLand plan supersonic only over the sea: the part of the interceptor's geodesic
 *                             over land (sampled with {@code land}) is flown at subsonic speed
 * @param land                 land predicate for that rule ({@link LandMask#NONE} if not known)
 * @param horizonS             look-ahead, at most 48 h: intercepts later than this (from now) are not searched
 * @param toleranceS           accuracy of the intercept time
 * @param dashAtEnd            plan the way a scramble is flown (docs/QRA.md "Intercept solver", the dash): subsonic,
 *                             then a supersonic dash over the last part of the way, as long as the fuel
 *                             allows; without it a plan is all subsonic or all supersonic. Not combined with
 *                             the land rule (with it, the two pure options are planned)
 */
public record InterceptOptions(
        double trailNm,
        boolean subsonicOnly,
        boolean noSupersonicOverLand,
        LandMask land,
        double horizonS,
        double toleranceS,
        boolean dashAtEnd) {
    public InterceptOptions {
        if (!(trailNm >= 0)) throw new IllegalArgumentException("trail must be >= 0 NM");
        if (!(horizonS > 0 && horizonS <= 48 * 3600))
            throw new IllegalArgumentException("horizon must be in (0, 48 h]");
        if (!(toleranceS > 0)) throw new IllegalArgumentException("tolerance must be > 0 s");
        if (land == null) land = LandMask.NONE;
    }

    /** Options with the two pure speed profiles only (no dash at the end). */
    public InterceptOptions(
            double trailNm,
            boolean subsonicOnly,
            boolean noSupersonicOverLand,
            LandMask land,
            double horizonS,
            double toleranceS) {
        this(trailNm, subsonicOnly, noSupersonicOverLand, land, horizonS, toleranceS, false);
    }

    /** 1 NM in trail, supersonic allowed everywhere, 4 h horizon, 0.1 s accuracy, no dash at the end. */
    public static InterceptOptions defaults() {
        return new InterceptOptions(1.0, false, false, LandMask.NONE, 4 * 3600, 0.1);
    }

    public InterceptOptions withTrailNm(double nm) {
        return new InterceptOptions(nm, subsonicOnly, noSupersonicOverLand, land, horizonS, toleranceS, dashAtEnd);
    }

    public InterceptOptions withSubsonicOnly(boolean only) {
        return new InterceptOptions(trailNm, only, noSupersonicOverLand, land, horizonS, toleranceS, dashAtEnd);
    }

    public InterceptOptions withNoSupersonicOverLand(LandMask mask) {
        return new InterceptOptions(trailNm, subsonicOnly, true, mask, horizonS, toleranceS, dashAtEnd);
    }

    public InterceptOptions withHorizonS(double s) {
        return new InterceptOptions(trailNm, subsonicOnly, noSupersonicOverLand, land, s, toleranceS, dashAtEnd);
    }

    public InterceptOptions withDashAtEnd(boolean dash) {
        return new InterceptOptions(trailNm, subsonicOnly, noSupersonicOverLand, land, horizonS, toleranceS, dash);
    }
}
