package org.vigil.core.sim;

/** An aerodrome the scenario can fly from or to (OurAirports data, loaded by the server). */
public record Airport(String icao, String name, double lat, double lon, double elevationFt) {}
