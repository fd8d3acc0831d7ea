package org.vigil.core.sim;

import java.util.List;

/**
 * One scenario flight as written (or generated): identity, equipment and route.
 *
 * <p>Route: {@code route} holds the points to fly in order (lat, lon pairs), the first being where
 * the flight appears and the last where it ends. When {@code departure} is an airport the flight
 * appears at its runway at {@code startSeconds} and climbs; otherwise it appears at the first point
 * at {@code startAltitudeFt}. When {@code destination} is an airport the flight descends to land
 * there; otherwise it leaves the simulation at the last point.
 *
 * @param callsign      flight identity (up to 7 characters), may be empty for none
 * @param icao          24-bit address
 * @param type          performance
 * @param squawk        initial Mode A code, four octal digits as a decimal number (e.g. 2341)
 * @param transponder   Mode A/C/S transponder on at start
 * @param adsb          ADS-B out fitted and on at start (needs the transponder)
 * @param filesPlan     an ICAO flight plan is filed
 * @param departure     departure airport or null
 * @param destination   destination airport or null
 * @param route         at least two points: double[]{lat, lon}
 * @param startSeconds  when it appears, seconds after the scenario start
 * @param startAltitudeFt altitude when it appears in the air (ignored when departing an airport)
 * @param cruiseFt      cruise altitude
 * @param cruiseKt      cruise true airspeed
 * @param rules         'I' IFR or 'V' VFR (flight plan item 8)
 * @param events        timed events, in time order
 */
public record FlightSpec(
        String callsign,
        int icao,
        AircraftType type,
        int squawk,
        boolean transponder,
        boolean adsb,
        boolean filesPlan,
        Airport departure,
        Airport destination,
        List<double[]> route,
        double startSeconds,
        double startAltitudeFt,
        double cruiseFt,
        double cruiseKt,
        char rules,
        List<FlightEvent> events) {
    public FlightSpec {
        route = List.copyOf(route);
        events = List.copyOf(events);
        if (route.size() < 2) throw new IllegalArgumentException(callsign + ": a route needs at least two points");
    }
}
