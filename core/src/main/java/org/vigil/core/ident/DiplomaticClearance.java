package org.vigil.core.ident;

import java.util.List;

/**
 * A diplomatic clearance: permission for a state aircraft to overfly or land (Chicago Convention
 * art. 3(c)), for the aircraft it names, over the states it names, in its validity period.
 *
 * @param id          clearance number, shown as evidence ("BG-DC-2022-0412")
 * @param callsign    aircraft callsign pattern, or null
 * @param addressFrom ICAO address block it covers, or -1 (with a callsign pattern, either matches)
 * @param addressTo   last address (inclusive)
 * @param states      ISO alpha-2 codes of the states that granted it; empty = every state
 * @param fromNanos   valid from (Unix epoch ns, inclusive)
 * @param toNanos     valid until (exclusive)
 */
public record DiplomaticClearance(
        String id,
        CallsignPattern callsign,
        int addressFrom,
        int addressTo,
        List<String> states,
        long fromNanos,
        long toNanos) {
    public DiplomaticClearance {
        states = List.copyOf(states);
        if (callsign == null && addressFrom < 0)
            throw new IllegalArgumentException(id + ": needs a callsign pattern or an address");
        if (toNanos <= fromNanos) throw new IllegalArgumentException(id + ": validity ends before it starts");
    }

    /**
     * Whether it covers this aircraft over {@code iso} at {@code timeNanos}. A null {@code iso} (state
     * not known yet) needs a clearance valid for every state. Allocation-free.
     */
    public boolean covers(int icaoAddress, long packedCallsign, String iso, long timeNanos) {
        if (timeNanos < fromNanos || timeNanos >= toNanos) return false;
        boolean aircraft = (addressFrom >= 0 && icaoAddress >= addressFrom && icaoAddress <= addressTo)
                || (callsign != null && callsign.matches(packedCallsign));
        if (!aircraft) return false;
        if (states.isEmpty()) return true;
        if (iso == null) return false;
        for (int i = 0, n = states.size(); i < n; i++) if (states.get(i).equals(iso)) return true;
        return false;
    }

    /** Whether it names this aircraft and is valid at {@code timeNanos}, over whichever state. Allocation-free. */
    public boolean namesAircraft(int icaoAddress, long packedCallsign, long timeNanos) {
        if (timeNanos < fromNanos || timeNanos >= toNanos) return false;
        return (addressFrom >= 0 && icaoAddress >= addressFrom && icaoAddress <= addressTo)
                || (callsign != null && callsign.matches(packedCallsign));
    }
}
