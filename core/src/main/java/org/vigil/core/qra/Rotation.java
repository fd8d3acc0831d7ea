package org.vigil.core.qra;

import java.time.LocalDate;

/**
 * The period a detachment is deployed (e.g. NL F-35A at Graf Ignatievo, 2022-04-06 to
 * 2022-05-31). Both dates are inclusive and read as UTC days. Outside it the detachment is
 * unavailable whatever its readiness says.
 */
public record Rotation(LocalDate from, LocalDate to) {
    private static final long DAY_MS = 86_400_000L;

    public Rotation {
        if (from == null || to == null) throw new IllegalArgumentException("rotation needs from and to dates");
        if (to.isBefore(from))
            throw new IllegalArgumentException("rotation ends (" + to + ") before it starts (" + from + ")");
    }

    /** True if the instant (epoch milliseconds, taken from message time, never the wall clock) falls in the rotation. */
    public boolean covers(long epochMs) {
        long start = from.toEpochDay() * DAY_MS;
        long endExclusive = (to.toEpochDay() + 1) * DAY_MS;
        return epochMs >= start && epochMs < endExclusive;
    }
}
