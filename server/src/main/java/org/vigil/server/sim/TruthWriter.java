package org.vigil.server.sim;

import java.util.List;
import org.vigil.core.sim.Flight;
import org.vigil.core.sim.FlightEvent;
import org.vigil.core.sim.SimListener;
import org.vigil.core.sim.Simulation;

/**
 * Writes the ground truth as JSON Lines (schema in docs/SCENARIOS.md): a "state" line per
 * airborne flight at every truth interval, and an "event" line for every appearance, ending and
 * scenario event. Field order and number formats are fixed, so files compare byte for byte.
 * State lines are written without allocation.
 */
final class TruthWriter implements SimListener {
    private final ByteOut out;
    private final long startMs;
    private long states, events;

    TruthWriter(ByteOut out, long startEpochSeconds) {
        this.out = out;
        this.startMs = startEpochSeconds * 1000;
    }

    long states() {
        return states;
    }

    long events() {
        return events;
    }

    void states(Simulation sim) {
        List<Flight> flights = sim.flights();
        double t = sim.time();
        for (int i = 0, n = flights.size(); i < n; i++) {
            Flight f = flights.get(i);
            if (!f.airborne) continue;
            head(t, "state", f);
            out.ascii(",\"lat\":")
                    .fixed(f.lat, 6)
                    .ascii(",\"lon\":")
                    .fixed(f.lon, 6)
                    .ascii(",\"altFt\":")
                    .fixed(f.altitudeFt, 0)
                    .ascii(",\"gsKt\":")
                    .fixed(f.groundspeedKt, 1)
                    .ascii(",\"trackDeg\":")
                    .fixed(f.trackDeg, 1)
                    .ascii(",\"vsFpm\":")
                    .fixed(f.verticalRateFpm, 0)
                    .ascii(",\"tasKt\":")
                    .fixed(f.trueAirspeedKt, 1)
                    .ascii(",\"headingDeg\":")
                    .fixed(f.headingDeg, 1)
                    .ascii(",\"squawk\":\"")
                    .digits(f.squawk, 4)
                    .ascii("\",\"transponder\":")
                    .ascii(f.transponderOn ? "true" : "false")
                    .ascii(",\"adsb\":")
                    .ascii(f.transponderOn && f.adsbOn ? "true" : "false")
                    .ascii(",\"radioLost\":")
                    .ascii(f.radioLost ? "true" : "false")
                    .ascii(",\"spoofed\":")
                    .ascii(f.spoofing ? "true" : "false")
                    .ascii("}\n");
            states++;
        }
    }

    @Override
    public void onFlightEvent(Flight f, double t, String what, FlightEvent e) {
        head(t, "event", f);
        out.ascii(",\"event\":\"").ascii(what).ch('"');
        if (e != null) {
            switch (e.kind()) {
                case SQUAWK ->
                    out.ascii(",\"code\":\"").digits((int) e.value(), 4).ch('"');
                case LEAVE_ROUTE -> out.ascii(",\"headingDeg\":").fixed(e.value(), 1);
                case SPEED -> out.ascii(",\"speedKt\":").fixed(e.value(), 1);
                case LEVEL -> out.ascii(",\"altFt\":").fixed(e.value(), 0);
                case ADSB_SPOOF ->
                    out.ascii(",\"offsetNm\":")
                            .fixed(e.value(), 2)
                            .ascii(",\"bearingDeg\":")
                            .fixed(e.value2(), 1);
                case JOIN -> out.ascii(",\"target\":\"").ascii(e.target()).ch('"');
                default -> {}
            }
        }
        out.ascii(",\"lat\":")
                .fixed(f.lat, 6)
                .ascii(",\"lon\":")
                .fixed(f.lon, 6)
                .ascii(",\"altFt\":")
                .fixed(f.altitudeFt, 0)
                .ascii("}\n");
        events++;
    }

    private void head(double t, String type, Flight f) {
        out.ascii("{\"t\":")
                .fixed(t, 3)
                .ascii(",\"epochMs\":")
                .integer(startMs + Math.round(t * 1000))
                .ascii(",\"type\":\"")
                .ascii(type)
                .ascii("\",\"flight\":\"")
                .ascii(f.spec.callsign())
                .ascii("\",\"icao\":\"")
                .hex24(f.spec.icao())
                .ch('"');
    }
}
