package org.vigil.codec.modes;

import org.vigil.core.aircraft.AircraftState;
import org.vigil.core.aircraft.AircraftTable;
import org.vigil.core.aircraft.PositionOutcome;

/**
 * Glue from one decoded {@link ModeSMessage} to the {@link AircraftTable}: copies every field the
 * message carries into the aircraft's state, at the message's own time. Pure: no I/O, no clock,
 * no allocation. Keeps a count per {@link Outcome}. Not thread-safe (one owner, like the table).
 *
 * <p><b>Which messages may create an aircraft.</b> Only messages whose address is proven by the
 * CRC: DF11 with a zero syndrome, DF17/18 with a zero syndrome, and decoded SBS lines (the
 * receiver only writes checked messages, so the SBS parser sets {@code crcOk}). The address of
 * DF0/4/5/16/20/21 is not transmitted; it is the CRC syndrome (address/parity), so every
 * corrupted or noise frame of those formats yields <i>some</i> address. If those could create
 * aircraft the picture would fill with phantoms, one per garbled frame. They therefore only
 * update an aircraft already known from a CRC-proven message, and are otherwise counted as
 * {@link Outcome#IGNORED_UNKNOWN_AP_ADDRESS}. A DF11 whose syndrome is a non-zero interrogator
 * code is treated the same way: any frame with a syndrome below 128 would pass that check, so
 * it is weaker evidence than a zero syndrome.
 *
 * <p>DF18 with CF 1 or 5 carries a non-ICAO (anonymous, TIS-B or ADS-R track file) address; it
 * is keyed with {@link AircraftTable#NON_ICAO} so it never merges with the aircraft that owns the
 * same 24 bits as an ICAO address.
 *
 * <p>Order: the non-position fields are applied first, so the trail point of a position carries
 * the altitude of the same message.
 */
public final class AircraftUpdater {

    /** What happened to a message. Every value is counted. */
    public enum Outcome {
        /** Applied; any position it carried was accepted (or re-placed the aircraft). */
        UPDATED,
        /** Applied, but its position implied an impossible speed and was kept out. */
        POSITION_REJECTED,
        /** Applied, but its position was older than the held one (reordered feeds). */
        POSITION_LATE,
        /** Applied, but its position was outside ±90/±180 or not a number. */
        POSITION_INVALID,
        /** Address recovered from parity (or DF11 with an interrogator code) and no such aircraft known. */
        IGNORED_UNKNOWN_AP_ADDRESS,
        /** Neither CRC-proven nor address/parity (a failed checksum): not evidence of anything. */
        IGNORED_CRC_FAILED,
        /** No address at all (Mode A/C reply, or the decoder reported an error). */
        IGNORED_NO_ADDRESS,
        /** A new aircraft, but the table is at its limit. */
        IGNORED_TABLE_FULL;

        static final Outcome[] ALL = values();
    }

    private final long[] counts = new long[Outcome.ALL.length];

    /** Applies a message with no signal level (SBS, files). */
    public Outcome apply(ModeSMessage m, AircraftTable table) {
        return apply(m, table, -1);
    }

    /**
     * Applies one decoded message.
     * @param signal signal level 0..255 from the feed, negative when it has none
     */
    public Outcome apply(ModeSMessage m, AircraftTable table, int signal) {
        Outcome o = update(m, table, signal);
        counts[o.ordinal()]++;
        return o;
    }

    /** Messages that ended with this outcome since construction. */
    public long count(Outcome o) {
        return counts[o.ordinal()];
    }

    /**
     * The aircraft table's key for a decoded message's address (a DF18 non-ICAO address is marked
     * {@link AircraftTable#NON_ICAO}); -1 for a message without one.
     */
    public static int tableAddress(ModeSMessage m) {
        if (m.error != null || m.modeAC || m.icao == ModeSMessage.ABSENT || m.icao < 0 || m.icao > 0xFFFFFF) return -1;
        int address = m.icao;
        if (m.df == 18 && (m.cf == 1 || m.cf == 5)) address |= AircraftTable.NON_ICAO;
        return address;
    }

    private static Outcome update(ModeSMessage m, AircraftTable table, int signal) {
        if (m.error != null || m.modeAC || m.icao == ModeSMessage.ABSENT || m.icao < 0 || m.icao > 0xFFFFFF) {
            return Outcome.IGNORED_NO_ADDRESS;
        }
        int address = tableAddress(m);

        AircraftState s;
        if (m.crcOk && !m.icaoFromParity && !isDf11WithInterrogatorCode(m)) {
            s = table.findOrAdd(address);
            if (s == null) return Outcome.IGNORED_TABLE_FULL;
        } else if (m.icaoFromParity || (m.crcOk && isDf11WithInterrogatorCode(m))) {
            s = table.find(address);
            if (s == null) return Outcome.IGNORED_UNKNOWN_AP_ADDRESS;
        } else {
            return Outcome.IGNORED_CRC_FAILED;
        }
        long t = m.timeNanos;
        s.heard(t, m.df == ModeSMessage.ABSENT ? -1 : m.df, signal);
        applyFields(m, s, t);
        if (!m.hasPosition()) return Outcome.UPDATED;

        int alt = m.altitudeFt != ModeSMessage.ABSENT ? m.altitudeFt : m.gnssAltitudeFt;
        PositionOutcome p = table.offerPosition(s, m.lat, m.lon, alt, m.surface, t);
        switch (p) {
            case ACCEPTED:
            case RELOCATED:
                return Outcome.UPDATED;
            case REJECTED_IMPLAUSIBLE:
                return Outcome.POSITION_REJECTED;
            case IGNORED_LATE:
                return Outcome.POSITION_LATE;
            default:
                return Outcome.POSITION_INVALID;
        }
    }

    private static boolean isDf11WithInterrogatorCode(ModeSMessage m) {
        return m.df == 11
                && (m.crcRemainder != 0 || (m.interrogatorCode != ModeSMessage.ABSENT && m.interrogatorCode != 0));
    }

    private static void applyFields(ModeSMessage m, AircraftState s, long t) {
        final int absent = ModeSMessage.ABSENT;
        if (m.altitudeFt != absent) s.updateBaroAltitude(m.altitudeFt, t);
        if (m.gnssAltitudeFt != absent) {
            s.updateGnssAltitude(m.gnssAltitudeFt, t);
        } else if (m.geoMinusBaroFt != absent
                && s.baroAltitudeFt() != AircraftState.ABSENT
                && s.isFresh(org.vigil.core.aircraft.FieldGroup.BARO_ALTITUDE, t)) {
            // TC 19 gives geometric minus barometric: with a fresh baro altitude that is a GNSS altitude
            s.updateGnssAltitude(s.baroAltitudeFt() + m.geoMinusBaroFt, t);
        }
        if (!Double.isNaN(m.groundspeedKt) || !Double.isNaN(m.trackDeg)) {
            s.updateGroundVelocity(m.groundspeedKt, m.trackDeg, t);
        }
        if (m.verticalRateFpm != absent) {
            int src = m.vrSource == 0
                    ? AircraftState.VR_SOURCE_GNSS
                    : m.vrSource == 1 ? AircraftState.VR_SOURCE_BARO : AircraftState.ABSENT;
            s.updateVerticalRate(m.verticalRateFpm, src, t);
        }
        double ias = Double.NaN, tas = Double.NaN;
        if (!Double.isNaN(m.airspeedKt)) {
            if (m.airspeedType == 0) ias = m.airspeedKt;
            else if (m.airspeedType == 1) tas = m.airspeedKt;
        }
        double mach = Double.NaN, heading = m.headingDeg;
        int selectedAlt = m.selectedAltitudeFt;
        // Comm-B registers are inferred, not labelled: use them only when the inference was unique.
        if (m.bds != absent && !m.bdsAmbiguous) {
            if (Double.isNaN(ias)) ias = m.indicatedAirspeedKt;
            if (Double.isNaN(tas)) tas = m.trueAirspeedKt;
            mach = m.mach;
            if (Double.isNaN(heading)) heading = m.magneticHeadingDeg;
            if (selectedAlt == absent)
                selectedAlt = m.mcpSelectedAltitudeFt != absent ? m.mcpSelectedAltitudeFt : m.fmsSelectedAltitudeFt;
        }
        if (!Double.isNaN(ias) || !Double.isNaN(tas) || !Double.isNaN(mach) || !Double.isNaN(heading)) {
            s.updateAirData(ias, tas, mach, heading, t);
        }
        if (m.callsign != 0) s.updateCallsign(m.callsign, t);
        if (m.squawk != absent) s.updateSquawk(m.squawk, t);
        if (m.emergency != null) s.updateEmergency(m.emergency, t);
        if (m.category != absent && m.tc >= 1 && m.tc <= 4) {
            // the type code names the set (4 = A .. 1 = D): 0xA3 is "A3"
            s.updateCategory(((0xE - m.tc) << 4) | (m.category & 0xF), t);
        }
        if (m.version != absent
                || m.nacP != absent
                || m.nic != absent
                || m.sil != absent
                || m.gva != absent
                || m.nicBaro != absent) {
            s.updateQuality(m.version, m.nacP, m.nic, m.sil, m.gva, m.nicBaro, t);
        }
        if (selectedAlt != absent || !Double.isNaN(m.selectedHeadingDeg) || !Double.isNaN(m.baroSettingHpa)) {
            s.updateSelectedState(selectedAlt, m.selectedHeadingDeg, m.baroSettingHpa, t);
        }
        int ag = airGround(m);
        if (ag != AircraftState.AIR_GROUND_UNKNOWN) s.updateAirGround(ag, t);
    }

    /** Air/ground from whichever field of this message states it; unknown when none does. */
    private static int airGround(ModeSMessage m) {
        if (m.airGround == 0) return AircraftState.AIRBORNE; // set by the decoder from CA/FS/VS/TC
        if (m.airGround == 1) return AircraftState.ON_GROUND;
        if (m.surface && m.hasPosition()) return AircraftState.ON_GROUND;
        if (m.tc != ModeSMessage.ABSENT) {
            if (m.tc >= 5 && m.tc <= 8) return AircraftState.ON_GROUND;
            if ((m.tc >= 9 && m.tc <= 18) || (m.tc >= 20 && m.tc <= 22)) return AircraftState.AIRBORNE;
        }
        if (m.verticalStatus == 1) return AircraftState.ON_GROUND;
        if (m.verticalStatus == 0) return AircraftState.AIRBORNE;
        switch (m.flightStatus) {
            case 0:
            case 2:
                return AircraftState.AIRBORNE;
            case 1:
            case 3:
                return AircraftState.ON_GROUND;
            default:
                break;
        }
        // CA 4/5 state ground/airborne on DF11 and DF17 (CA is 0..7; other values say "either")
        if ((m.df == 11 || m.df == 17) && m.ca == 4) return AircraftState.ON_GROUND;
        if ((m.df == 11 || m.df == 17) && m.ca == 5) return AircraftState.AIRBORNE;
        return AircraftState.AIR_GROUND_UNKNOWN;
    }
}
