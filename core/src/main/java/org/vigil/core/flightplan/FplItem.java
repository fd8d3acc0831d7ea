package org.vigil.core.flightplan;

import java.time.LocalDate;
import java.util.List;
import org.vigil.core.geo.Units;

/**
 * One item (field) of an ICAO flight plan, PANS-ATM (Doc 4444) appendix 2. A {@link FlightPlan} is
 * made of one of each; a CHG message carries the items it replaces, so an amendment is simply the
 * new item ({@link FlightPlan#amend}).
 *
 * <p>Every record is immutable and validated by the parser, not here: the model accepts what the
 * parser has checked, and the writer writes it back unchanged (parse(write(p)) equals p).
 * Times are minutes: time of day 0..1439, durations 0..5999 (HHMM with HH up to 99).
 */
public sealed interface FplItem {

    /** The item number in Doc 4444 (7, 8, 9, 10, 13, 15, 16, 18, 19). */
    int number();

    /** No SSR code assigned in item 7. */
    int NO_SQUAWK = -1;

    /**
     * Item 7: aircraft identification, and the SSR mode and code when one was assigned.
     * @param aircraftId 1-7 letters or digits, the callsign the flight uses (e.g. DLH1234)
     * @param ssrMode    'A' when a code is given, otherwise 0
     * @param squawk     the four octal digits read as a decimal number (2341), or {@link #NO_SQUAWK}
     */
    record Identification(String aircraftId, char ssrMode, int squawk) implements FplItem {
        @Override
        public int number() {
            return 7;
        }
    }

    /**
     * Item 8: flight rules (I, V, Y, Z) and type of flight (S scheduled, N non-scheduled,
     * G general aviation, M military, X other; 0 when not given).
     */
    record Rules(char flightRules, char flightType) implements FplItem {
        @Override
        public int number() {
            return 8;
        }
    }

    /**
     * Item 9: number of aircraft (1 when not written), type designator (ZZZZ when none, then TYP/
     * in item 18) and wake turbulence category (L, M, H, J).
     */
    record Aircraft(int count, String type, char wake) implements FplItem {
        @Override
        public int number() {
            return 9;
        }
    }

    /** Item 10: radio communication, navigation and approach aid equipment (10a) and surveillance (10b). */
    record Equipment(String comNav, String surveillance) implements FplItem {
        @Override
        public int number() {
            return 10;
        }
    }

    /** Item 13: departure aerodrome (ZZZZ: see DEP/ in item 18) and estimated off-block time. */
    record Departure(String aerodrome, int eobtMinutes) implements FplItem {
        @Override
        public int number() {
            return 13;
        }
    }

    /**
     * Item 15: cruising speed, cruising level and the route as its elements (points, ATS routes,
     * DCT, coordinates, "POINT/N0450F370" speed and level changes, procedures), in order.
     */
    record Route(Speed speed, Level level, List<String> elements) implements FplItem {
        public Route {
            elements = List.copyOf(elements);
        }

        @Override
        public int number() {
            return 15;
        }
    }

    /** Item 16: destination aerodrome (ZZZZ: see DEST/), total EET and up to two alternates. */
    record Destination(String aerodrome, int totalEetMinutes, List<String> alternates) implements FplItem {
        public Destination {
            alternates = List.copyOf(alternates);
        }

        @Override
        public int number() {
            return 16;
        }
    }

    /**
     * Item 18: other information, the indicator/value pairs in the order written. Unknown
     * indicators are kept. An empty list is written as "0".
     */
    record Other(List<Entry> entries) implements FplItem {
        public Other {
            entries = List.copyOf(entries);
        }

        @Override
        public int number() {
            return 18;
        }

        /** The value of the first entry with this indicator (e.g. "DOF"), or null. */
        public String get(String indicator) {
            for (Entry e : entries) if (e.indicator().equals(indicator)) return e.value();
            return null;
        }

        /** DOF/ as a date, or null when absent (the parser has checked it is a valid YYMMDD). */
        public LocalDate dateOfFlight() {
            String v = get("DOF");
            if (v == null || v.length() != 6) return null;
            return LocalDate.of(
                    2000 + Integer.parseInt(v, 0, 2, 10), Integer.parseInt(v, 2, 4, 10), Integer.parseInt(v, 4, 6, 10));
        }

        /** CODE/ (24-bit ICAO aircraft address, six hex digits), or -1 when absent. */
        public int icaoAddress() {
            String v = get("CODE");
            return v == null || v.length() != 6 ? -1 : Integer.parseInt(v, 16);
        }

        /** STS/ reasons for special handling, e.g. [STATE, HOSP]; empty when absent. */
        public List<String> specialHandling() {
            String v = get("STS");
            return v == null ? List.of() : List.of(v.split(" "));
        }
    }

    /** One item 18 element: indicator without the solidus ("RMK") and its text. */
    record Entry(String indicator, String value) {}

    /** Item 19: supplementary information (E/, P/, R/ ...), kept as written. */
    record Supplementary(String text) implements FplItem {
        @Override
        public int number() {
            return 19;
        }
    }

    /**
     * A cruising speed: unit 'N' knots, 'M' Mach in hundredths, 'K' km/h, with the written value.
     */
    record Speed(char unit, int value) {
        /** True airspeed in knots (Mach taken at 573 kt per Mach 1, the tropopause figure). */
        public double knots() {
            return switch (unit) {
                case 'N' -> value;
                case 'K' -> value / 1.852;
                default -> value / 100.0 * 573.0;
            };
        }
    }

    /**
     * A cruising level: 'F' flight level (hundreds of feet), 'A' altitude in hundreds of feet,
     * 'S' standard metric level in tens of metres, 'M' altitude in tens of metres, 'V' for VFR
     * (value 0).
     */
    record Level(char unit, int value) {
        public static final Level VFR = new Level('V', 0);

        /** Level in feet, NaN for VFR. */
        public double feet() {
            return switch (unit) {
                case 'F', 'A' -> value * 100.0;
                case 'S', 'M' -> value * 10.0 / Units.FT;
                default -> Double.NaN;
            };
        }
    }
}
