package org.vigil.core.ident;

/**
 * A QRA unit whose fighters Vigil must recognise as own aircraft: its address block (first address
 * and number of aircraft) and its callsign stem ("BGF" matches BGF, BGF01, BGF12 ...).
 *
 * @param name         unit name, shown as evidence
 * @param firstAddress first ICAO address of its aircraft, or -1
 * @param count        aircraft in the unit (addresses firstAddress .. firstAddress + count - 1)
 * @param callsignStem callsign stem, or null
 */
public record QraLink(String name, int firstAddress, int count, String callsignStem) {
    /** The same thing as a list entry (identity FRIEND). */
    KnownAircraft asEntry() {
        return new KnownAircraft(
                name,
                firstAddress,
                firstAddress < 0 ? -1 : firstAddress + Math.max(count, 1) - 1,
                callsignStem == null || callsignStem.isBlank() ? null : CallsignPattern.of(callsignStem + "*"),
                Identity.FRIEND);
    }
}
