package org.vigil.core.sim;

/**
 * Receives what happens to flights during {@link Simulation#step}: appearances, endings and
 * every scenario event, in time order within a step. {@code what} is one of the constants below
 * or an {@link EventKind#text}; {@code event} is the scenario event or null.
 */
public interface SimListener {
    String APPEARED = "appeared",
            LANDED = "landed",
            LEFT_AREA = "left-area",
            ROUTE_END = "route-end",
            COMMANDED = "commanded";

    void onFlightEvent(Flight flight, double timeSeconds, String what, FlightEvent event);

    SimListener NONE = (f, t, w, e) -> {};
}
