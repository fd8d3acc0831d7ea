package org.vigil.core.qra;

/**
 * Whether a point is over land, for the "no supersonic over land" rule. Implementations must be
 * allocation-free and thread-confined or immutable (the solver calls it in its inner loop); the
 * airspace model's national polygons can back it.
 */
@FunctionalInterface
public interface LandMask {
    boolean isLand(double latDeg, double lonDeg);

    /** Everything is sea: supersonic is allowed everywhere. */
    LandMask NONE = (lat, lon) -> false;
}
