package org.vigil.core.qra.scramble;

/**
 * Which nation's area a point lies in, for handing an intercept over at an area boundary (the
 * theatre's national airspace: land and territorial sea). Null over international waters or
 * outside every known area. Called on the workflow's thread; must not allocate per call.
 */
@FunctionalInterface
public interface NationAreas {
    /** ISO 3166 alpha-2 code of the area at the point, or null. */
    String nationAt(double latDeg, double lonDeg);

    /** No areas: no hand-over is ever proposed. */
    NationAreas NONE = (lat, lon) -> null;
}
