package org.vigil.core.airspace;

/** What a configured zone is for, in ICAO / NATO terms. */
public enum ZoneKind {
    /** Restricted area (R): flight restricted in accordance with specified conditions. */
    RESTRICTED,
    /** Danger area (D): activities dangerous to flight may exist at specified times. */
    DANGER,
    /** Prohibited area (P). */
    PROHIBITED,
    /** Area of responsibility of a CAOC or CRC: whose picture and whose fighters. */
    AREA_OF_RESPONSIBILITY,
    /** Air defence identification zone: aircraft inside are to be identified. */
    IDENTIFICATION_ZONE;

    /** Accepts the enum name or the usual short forms: R, D, P, AOR, CRC, CAOC, ADIZ, IZ. */
    public static ZoneKind parse(String text) {
        String t = text.strip()
                .toUpperCase(java.util.Locale.ROOT)
                .replace(' ', '_')
                .replace('-', '_');
        return switch (t) {
            case "R", "RESTRICTED" -> RESTRICTED;
            case "D", "DANGER" -> DANGER;
            case "P", "PROHIBITED" -> PROHIBITED;
            case "AOR", "CRC", "CAOC", "AREA_OF_RESPONSIBILITY" -> AREA_OF_RESPONSIBILITY;
            case "ADIZ", "IZ", "IDENTIFICATION_ZONE" -> IDENTIFICATION_ZONE;
            default -> throw new AirspaceDataException("unknown zone kind '" + text + "'");
        };
    }
}
