package org.vigil.core.aircraft;

/**
 * ADS-B emergency/priority status (TC 28 subtype 1, ME bits 9-11; DO-260B 2.2.3.2.7.8.1.1), the
 * 3-bit code on the wire. Each carries its code, the name in the aircraft API ({@link #label}) and
 * the text of the {@code decode} command ({@link #text}), both as they were when this was an int.
 */
public enum Emergency {
    NONE(0, "none", "none"),
    GENERAL(1, "general", "general"),
    LIFEGUARD(2, "lifeguard", "lifeguard/medical"),
    MINIMUM_FUEL(3, "minimum_fuel", "minimum fuel"),
    NO_COMMUNICATIONS(4, "no_communications", "no communications"),
    UNLAWFUL_INTERFERENCE(5, "unlawful_interference", "unlawful interference"),
    DOWNED(6, "downed", "downed aircraft"),
    RESERVED(7, "reserved", "reserved");

    private static final Emergency[] BY_CODE = values();

    private final int code;
    private final String label;
    private final String text;

    Emergency(int code, String label, String text) {
        this.code = code;
        this.label = label;
        this.text = text;
    }

    /** The status of 3-bit code {@code code}; null outside 0..7. Allocation-free. */
    public static Emergency of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** The code on the wire, 0..7. */
    public int code() {
        return code;
    }

    /** Name in the aircraft API ("minimum_fuel"). */
    public String label() {
        return label;
    }

    /** Text of the decoder's JSON ("minimum fuel"). */
    public String text() {
        return text;
    }
}
