package org.vigil.core.sim;

import java.util.Map;
import java.util.TreeMap;

/**
 * Performance of an aircraft type as the simulator flies it: typical, not certified, figures.
 * Cruise Mach/ceiling of airliners follow the domain brief (BADA-style values, section 4.3);
 * climb and descent rates are type-typical planning values (our guidance, see docs/SCENARIOS.md).
 *
 * @param designator    ICAO type designator ("A320", "F35")
 * @param wake          ICAO wake category letter for the flight plan (L, M, H)
 * @param category      ADS-B emitter category in set A (1 light .. 7 rotorcraft; 5 heavy, 7 high performance)
 * @param cruiseKt      true airspeed in cruise
 * @param climbKt       true airspeed in climb below FL100 is limited to 250 kt; this is the climb TAS above it
 * @param climbFpm      initial climb rate; it falls linearly to 30 % at the ceiling
 * @param descentFpm    normal descent rate (positive number)
 * @param ceilingFt     service ceiling
 * @param cruiseFt      default cruise altitude
 * @param maxBankDeg    bank limit of a coordinated turn (25 deg airliners, 60+ fighters)
 * @param accelKtPerS   speed change rate
 * @param military      true for state aircraft (no airline callsign logic, may fly without a plan)
 */
public record AircraftType(
        String designator,
        char wake,
        int category,
        double cruiseKt,
        double climbKt,
        double climbFpm,
        double descentFpm,
        double ceilingFt,
        double cruiseFt,
        double maxBankDeg,
        double accelKtPerS,
        boolean military) {

    private static final Map<String, AircraftType> TYPES = new TreeMap<>();

    static {
        // designator, wake, cat, cruise, climb TAS, climb fpm, descent fpm, ceiling, cruise alt, bank, accel, mil
        add(new AircraftType("A320", 'M', 3, 447, 300, 2500, 2200, 41000, 36000, 25, 1.0, false));
        add(new AircraftType("A321", 'M', 3, 447, 300, 2200, 2200, 39100, 35000, 25, 1.0, false));
        add(new AircraftType("A319", 'M', 3, 447, 300, 2700, 2200, 41000, 37000, 25, 1.0, false));
        add(new AircraftType("B738", 'M', 3, 450, 300, 2500, 2300, 41000, 37000, 25, 1.0, false));
        add(new AircraftType("B38M", 'M', 3, 453, 300, 2600, 2300, 41000, 37000, 25, 1.0, false));
        add(new AircraftType("E190", 'M', 3, 430, 290, 2400, 2200, 41000, 35000, 25, 1.0, false));
        add(new AircraftType("A333", 'H', 5, 470, 310, 2000, 2200, 41450, 38000, 25, 0.8, false));
        add(new AircraftType("B77W", 'H', 5, 482, 310, 2000, 2200, 43100, 39000, 25, 0.8, false));
        add(new AircraftType("B789", 'H', 5, 482, 310, 2200, 2200, 43100, 40000, 25, 0.8, false));
        add(new AircraftType("AT76", 'M', 2, 270, 200, 1500, 1500, 25000, 23000, 25, 0.7, false));
        add(new AircraftType("DH8D", 'M', 2, 340, 240, 2000, 1800, 27000, 25000, 25, 0.8, false));
        add(new AircraftType("C172", 'L', 1, 120, 80, 700, 500, 14000, 4500, 30, 0.5, false));
        add(new AircraftType("PC12", 'L', 1, 270, 170, 1500, 1500, 30000, 24000, 30, 0.7, false));
        add(new AircraftType("F35", 'M', 7, 520, 450, 30000, 10000, 50000, 30000, 70, 8.0, true));
        add(new AircraftType("F16", 'M', 7, 520, 450, 40000, 10000, 50000, 30000, 75, 9.0, true));
        add(new AircraftType("MG29", 'M', 7, 520, 450, 40000, 10000, 59000, 30000, 75, 9.0, true));
        add(new AircraftType("EUFI", 'M', 7, 520, 450, 40000, 10000, 55000, 30000, 75, 9.0, true));
        add(new AircraftType("SU30", 'M', 7, 500, 450, 30000, 10000, 57000, 28000, 70, 8.0, true));
        add(new AircraftType("IL20", 'M', 4, 330, 250, 1200, 1500, 30000, 24000, 25, 0.6, true));
        add(new AircraftType("IL38", 'M', 4, 330, 250, 1200, 1500, 30000, 22000, 25, 0.6, true));
        add(new AircraftType("BE12", 'M', 2, 250, 180, 900, 1200, 25000, 10000, 25, 0.5, true));
        add(new AircraftType("AN26", 'M', 2, 240, 180, 1000, 1200, 24600, 18000, 25, 0.5, true));
        add(new AircraftType("K35R", 'H', 5, 460, 300, 2000, 2000, 45000, 28000, 25, 0.8, true));
    }

    private static void add(AircraftType t) {
        TYPES.put(t.designator, t);
    }

    /** The type with this designator, or null. Common aliases (F-35A, MiG-29, B737) are accepted. */
    public static AircraftType of(String designator) {
        if (designator == null) return null;
        String d = designator.toUpperCase(java.util.Locale.ROOT);
        AircraftType t = TYPES.get(d);
        if (t != null) return t;
        return switch (d) {
            case "F-35A", "F-35", "F35A" -> TYPES.get("F35");
            case "F-16", "F-16AM", "F16A" -> TYPES.get("F16");
            case "MIG-29", "MIG29" -> TYPES.get("MG29");
            case "TYPHOON", "EF2000" -> TYPES.get("EUFI");
            case "SU-30", "SU-30SM" -> TYPES.get("SU30");
            case "IL-20", "IL-20M" -> TYPES.get("IL20");
            case "B737", "B737-800" -> TYPES.get("B738");
            default -> null;
        };
    }

    /** Known designators, sorted (for error messages). */
    public static java.util.Set<String> designators() {
        return java.util.Collections.unmodifiableSet(TYPES.keySet());
    }
}
