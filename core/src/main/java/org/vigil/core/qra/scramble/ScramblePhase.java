package org.vigil.core.qra.scramble;

import java.util.Locale;

/**
 * Where a scramble stands, in the order it normally goes through (domain brief 1.2: decide,
 * launch, intercept, identify and act, recover). PROPOSED and ORDERED are the two human steps
 * (operator, supervisor); AIRBORNE to LANDED are followed automatically from the fighter and
 * target tracks; CANCELLED ends a scramble at any point before LANDED.
 */
public enum ScramblePhase {
    PROPOSED,
    ORDERED,
    AIRBORNE,
    EN_ROUTE,
    INTERCEPT,
    /** The pilot reported a visual identification (an operator input); holding then makes SHADOW or ESCORT. */
    IDENTIFICATION,
    SHADOW,
    ESCORT,
    /** The supervisor handed the intercept over to another nation's unit at an area boundary; RTB follows. */
    HAND_OVER,
    RTB,
    LANDED,
    CANCELLED;

    /** Lower-case hyphenated name used in events and the API ("en-route"). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** True once the scramble can no longer change phase. */
    public boolean ended() {
        return this == LANDED || this == CANCELLED;
    }

    /** True while the fighters are in the air under this scramble. */
    public boolean flying() {
        return ordinal() >= AIRBORNE.ordinal() && ordinal() <= RTB.ordinal();
    }
}
