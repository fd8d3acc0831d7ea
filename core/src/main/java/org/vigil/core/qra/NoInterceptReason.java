package org.vigil.core.qra;

/** Why a unit has no intercept solution, in operator language. */
public enum NoInterceptReason {
    /** Readiness state UNAVAILABLE. */
    UNIT_UNAVAILABLE("unit unavailable"),
    /** No aircraft on alert. */
    NO_AIRCRAFT("no aircraft on alert"),
    /** The rotation has not started or is over at the time asked. */
    OUTSIDE_ROTATION("outside its rotation"),
    /** The detachment's aircraft type has no performance profile. */
    NO_PROFILE("no performance profile for the aircraft type"),
    /** The target flies above the type's service ceiling. */
    ABOVE_CEILING("target above service ceiling"),
    /** The target is at least as fast as the interceptor and never comes within reach. */
    TARGET_FASTER_AND_OPENING("target faster and opening"),
    /** The interceptor could catch the target, but only beyond its fuel limit. */
    BEYOND_FUEL_LIMIT("beyond fuel limit"),
    /** Not reachable within the look-ahead horizon (slow closure over a long route). */
    NOT_WITHIN_HORIZON("not reachable within the look-ahead horizon");

    private final String text;

    NoInterceptReason(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
