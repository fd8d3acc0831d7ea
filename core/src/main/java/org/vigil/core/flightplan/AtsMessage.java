package org.vigil.core.flightplan;

import java.util.List;

/**
 * The ICAO ATS messages Vigil reads (PANS-ATM Doc 4444 appendix 2): filed flight plan, and the
 * messages that modify, delay, cancel or progress it. Each names its plan by a {@link FlightKey}.
 */
public sealed interface AtsMessage {

    /** Three-letter message type (FPL, CHG, DLA, CNL, DEP, ARR). */
    String type();

    FlightKey key();

    /** FPL: a new filed flight plan. */
    record Fpl(FlightPlan plan) implements AtsMessage {
        @Override
        public String type() {
            return "FPL";
        }

        @Override
        public FlightKey key() {
            return plan.key();
        }
    }

    /**
     * CHG: amend the plan named by key. {@code eobtMinutes} is the EOBT written in field 13
     * (identification only); {@code amendments} are the field-22 items that replace the plan's.
     */
    record Chg(FlightKey key, int eobtMinutes, List<FplItem> amendments) implements AtsMessage {
        public Chg {
            amendments = List.copyOf(amendments);
        }

        @Override
        public String type() {
            return "CHG";
        }
    }

    /**
     * DLA: the flight is delayed; {@code newEobtMinutes} is the revised EOBT from field 13. When the
     * delay crosses midnight the message's DOF/ is the new date of flight.
     */
    record Dla(FlightKey key, int newEobtMinutes) implements AtsMessage {
        @Override
        public String type() {
            return "DLA";
        }
    }

    /** CNL: the plan is cancelled. */
    record Cnl(FlightKey key, int eobtMinutes) implements AtsMessage {
        @Override
        public String type() {
            return "CNL";
        }
    }

    /** DEP: the flight departed at {@code actualMinutes} (ATD, field 13). */
    record Dep(FlightKey key, int actualMinutes) implements AtsMessage {
        @Override
        public String type() {
            return "DEP";
        }
    }

    /**
     * ARR: the flight landed at {@code arrivalAerodrome} at {@code arrivalMinutes} (field 17).
     * The key's destination is the filed one when given (field 16), else the arrival aerodrome.
     */
    record Arr(FlightKey key, String arrivalAerodrome, int arrivalMinutes) implements AtsMessage {
        @Override
        public String type() {
            return "ARR";
        }
    }
}
