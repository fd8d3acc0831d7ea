package org.vigil.core.sim;

/** What a timed scenario event does to its flight. Names as written in scenario files. */
public enum EventKind {
    /** Transponder switched off: no Mode A/C/S replies, no ADS-B; primary radar still sees it. */
    TRANSPONDER_OFF("transponder-off"),
    TRANSPONDER_ON("transponder-on"),
    /** ADS-B out switched off or on (the transponder keeps replying). */
    ADSB_OFF("adsb-off"),
    ADSB_ON("adsb-on"),
    /** New Mode A code ({@link FlightEvent#value} = code as four octal digits, e.g. 7600). */
    SQUAWK("squawk"),
    /** Crew no longer answers ATC: only the truth and later squawks show it. */
    RADIO_LOST("radio-lost"),
    RADIO_RESTORED("radio-restored"),
    /** Leaves the route and flies {@link FlightEvent#value} (true heading, degrees) from now on. */
    LEAVE_ROUTE("leave-route"),
    /** New target true airspeed, {@link FlightEvent#value} knots. */
    SPEED("speed"),
    /** New target altitude, {@link FlightEvent#value} feet. */
    LEVEL("level"),
    /** ADS-B position reported {@link FlightEvent#value} NM away along {@link FlightEvent#value2} degrees. */
    ADSB_SPOOF("adsb-spoof"),
    ADSB_SPOOF_END("adsb-spoof-end"),
    /** Flies to and then formates on the flight called {@link FlightEvent#target}. */
    JOIN("join");

    public final String text;

    EventKind(String text) {
        this.text = text;
    }

    /** The kind written {@code text} in a scenario file, or null. */
    public static EventKind ofText(String text) {
        for (EventKind k : values()) if (k.text.equals(text)) return k;
        return null;
    }
}
