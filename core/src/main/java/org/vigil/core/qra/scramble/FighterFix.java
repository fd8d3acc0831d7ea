package org.vigil.core.qra.scramble;

/**
 * The latest known state of one aircraft (fighter or target) as the scramble workflow sees it.
 * Mutable and reused: written in place on every update so following a track allocates nothing.
 * {@code timeNanos == Long.MIN_VALUE} means nothing is known yet.
 */
public final class FighterFix {
    public long timeNanos = Long.MIN_VALUE;
    public double latDeg = Double.NaN, lonDeg = Double.NaN, altitudeFt = Double.NaN;
    public double groundSpeedKt = Double.NaN, trackDeg = Double.NaN;
    /**
     * The track's uncertainty (NaN when unknown): one-sigma horizontal position error, metres, and
     * the velocity covariance east/north (true north), m^2/s^2.
     */
    public double positionSigmaM = Double.NaN,
            velocityVarE = Double.NaN,
            velocityCovEN = Double.NaN,
            velocityVarN = Double.NaN;

    public boolean known() {
        return timeNanos != Long.MIN_VALUE && !Double.isNaN(latDeg) && !Double.isNaN(lonDeg);
    }

    public FighterFix set(long t, double lat, double lon, double altFt, double gsKt, double trackDeg) {
        this.timeNanos = t;
        this.latDeg = lat;
        this.lonDeg = lon;
        this.altitudeFt = altFt;
        this.groundSpeedKt = gsKt;
        this.trackDeg = trackDeg;
        return this;
    }

    /** Sets the uncertainty of the last {@link #set} (NaN: unknown). */
    public FighterFix uncertainty(double positionSigmaM, double varE, double covEN, double varN) {
        this.positionSigmaM = positionSigmaM;
        this.velocityVarE = varE;
        this.velocityCovEN = covEN;
        this.velocityVarN = varN;
        return this;
    }

    /** True when a velocity covariance is known. */
    public boolean hasUncertainty() {
        return !Double.isNaN(velocityVarE) && !Double.isNaN(velocityVarN) && !Double.isNaN(velocityCovEN);
    }
}
