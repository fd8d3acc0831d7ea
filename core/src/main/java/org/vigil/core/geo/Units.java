package org.vigil.core.geo;

/**
 * Aviation units as SI factors, in one place. Internally Vigil works in metres, seconds and
 * radians or degrees; these convert at the edges (data files, codecs, displays). Multiply a value
 * in the named unit by the factor to get SI ({@code ft * FT} is metres); {@link #FEET_PER_METRE}
 * goes the other way for callers that have always multiplied rather than divided (keeping their
 * numbers bit for bit).
 */
public final class Units {
    /** International foot, metres. */
    public static final double FT = 0.3048;
    /** Feet per metre (1 / {@link #FT}). */
    public static final double FEET_PER_METRE = 1.0 / 0.3048;
    /** International nautical mile, metres. */
    public static final double NM = 1852.0;
    /** Knot, metres per second. */
    public static final double KT = 1852.0 / 3600.0;
    /** Foot per minute, metres per second (vertical rates). */
    public static final double FT_PER_MIN = 0.3048 / 60.0;
    /** Standard gravity, m/s². */
    public static final double G = 9.80665;

    private Units() {}
}
