package org.vigil.core.ident;

/**
 * One entry of the known-military list: an ICAO address block and/or a callsign pattern, with the
 * identity it earns. A null identity marks aircraft known to be military but not friendly (for
 * example another state's air force callsigns): they count as military for the diplomatic clearance
 * rule and earn nothing.
 *
 * @param name        what the entry is, shown as evidence ("USAF AMC (Reach)")
 * @param addressFrom first address of the block, or -1 when the entry matches by callsign only
 * @param addressTo   last address of the block (inclusive)
 * @param callsign    callsign pattern, or null when the entry matches by address only
 * @param identity    FRIEND (own forces), ASSUMED_FRIEND (Allied), or null (military, not friendly)
 */
public record KnownAircraft(String name, int addressFrom, int addressTo, CallsignPattern callsign, Identity identity) {
    public KnownAircraft {
        if (addressFrom < 0 && callsign == null)
            throw new IllegalArgumentException(name + ": needs an address block or a callsign pattern");
        if (addressFrom >= 0 && addressTo < addressFrom)
            throw new IllegalArgumentException(name + ": address block ends before it starts");
    }

    /** Matches by address block or by callsign, either being enough (allocation-free). */
    public boolean matches(int icaoAddress, long packedCallsign) {
        return (addressFrom >= 0 && icaoAddress >= addressFrom && icaoAddress <= addressTo)
                || (callsign != null && callsign.matches(packedCallsign));
    }
}
