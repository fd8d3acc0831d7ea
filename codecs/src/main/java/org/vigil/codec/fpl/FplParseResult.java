package org.vigil.codec.fpl;

import org.vigil.core.flightplan.AtsMessage;

/** What parsing one ATS message gave: the message, or a rejection naming the item and the reason. */
public sealed interface FplParseResult {

    /** A message that passed every check. */
    record Parsed(AtsMessage message) implements FplParseResult {}

    /**
     * A message that was rejected.
     * @param item   the Doc 4444 field at fault ("7", "13", "18", "22" for a CHG amendment, "3" for
     *               the message type and framing)
     * @param reason what is wrong, in the words an operator would use
     * @param text   the message text as received (whitespace normalised)
     */
    record Rejected(String item, String reason, String text) implements FplParseResult {
        /** "item 13: departure time 25:61 out of range". */
        public String describe() {
            return "item " + item + ": " + reason;
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}
