package org.vigil.core.sim;

import java.util.Locale;
import java.util.Objects;

/**
 * A sensor made worse for a period of a scenario (docs/SCENARIOS.md "Degradations"), to test how the
 * tracker and the health model react: a receiver or radar that stops ({@code drop}), or, for an
 * ADS-B receiver, frames that arrive late ({@code latency}), out of order ({@code reorder}) or again
 * later as if new ({@code stale}).
 *
 * @param sensor       the receiver's or radar's name in the scenario
 * @param kind         what happens
 * @param fromSeconds  scenario time it starts
 * @param toSeconds    scenario time it ends (exclusive)
 * @param delaySeconds latency: how late frames arrive; reorder: the window whose frames arrive in
 *                     reverse order; stale: how old the repeated frames are; 0 for drop
 */
public record Degradation(String sensor, Kind kind, double fromSeconds, double toSeconds, double delaySeconds) {
    public enum Kind {
        /** The sensor sends nothing. */
        DROP,
        /** Frames arrive {@code delay} late (with their own time). */
        LATENCY,
        /** The frames of each {@code delay} window arrive in reverse order at its end. */
        REORDER,
        /** An extra feed repeats the receiver's frames {@code delay} later, stamped as new. */
        STALE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Degradation {
        Objects.requireNonNull(sensor, "sensor");
        Objects.requireNonNull(kind, "kind");
        if (!(toSeconds > fromSeconds)) throw new IllegalArgumentException("a degradation must end after it starts");
        if (kind != Kind.DROP && !(delaySeconds > 0))
            throw new IllegalArgumentException(kind.label() + " needs a delay > 0");
    }

    /** Whether it is in force at scenario time {@code t}. */
    public boolean activeAt(double t) {
        return t >= fromSeconds && t < toSeconds;
    }
}
