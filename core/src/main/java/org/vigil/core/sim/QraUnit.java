package org.vigil.core.sim;

/**
 * A Quick Reaction Alert unit on the ground, ready to be launched (the QRA issue drives it).
 *
 * @param name       unit name ("NL F-35 detachment")
 * @param base       ICAO location of the base
 * @param type       aircraft type
 * @param nation     ISO country code of the operating nation
 * @param count      aircraft on alert
 * @param readiness  readiness state as written ("QRA15", "QRA5", "RS-15")
 * @param callsign   callsign stem for launched aircraft
 * @param icaoBase   first 24-bit address used for its aircraft
 */
public record QraUnit(
        String name,
        Airport base,
        AircraftType type,
        String nation,
        int count,
        String readiness,
        String callsign,
        int icaoBase) {}
