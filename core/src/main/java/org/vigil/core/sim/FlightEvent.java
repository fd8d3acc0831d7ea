package org.vigil.core.sim;

/**
 * A timed change to one flight.
 *
 * @param atSeconds seconds after the scenario start
 * @param kind      what happens
 * @param value     the kind's number (squawk, heading, knots, feet, NM); NaN when unused
 * @param value2    second number (spoof bearing); NaN when unused
 * @param target    callsign of the other flight for {@link EventKind#JOIN}; null otherwise
 */
public record FlightEvent(double atSeconds, EventKind kind, double value, double value2, String target) {
    public static FlightEvent of(double at, EventKind kind) {
        return new FlightEvent(at, kind, Double.NaN, Double.NaN, null);
    }

    public static FlightEvent of(double at, EventKind kind, double value) {
        return new FlightEvent(at, kind, value, Double.NaN, null);
    }
}
