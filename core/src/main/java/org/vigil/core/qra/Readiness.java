package org.vigil.core.qra;

/**
 * Readiness state of a QRA detachment and the time from the scramble order to airborne that it
 * stands for (domain brief 1.3: RS-15 / QRA15 = take-off within 15 minutes, crew in the lounge;
 * QRA5 = crew in the aircraft). A detachment may override the time (e.g. a measured 12 minutes).
 */
public enum Readiness {
    /** Crew in the aircraft: airborne within 5 minutes. */
    QRA_5("QRA-5", 300),
    /** Standard NATO readiness (RS-15): airborne within 15 minutes. */
    QRA_15("QRA-15", 900),
    /** Already airborne on a combat air patrol: no launch delay, starts from the CAP position. */
    AIRBORNE_CAP("AIRBORNE-CAP", 0),
    /** Not available for tasking (maintenance, stood down, outside rotation). */
    UNAVAILABLE("UNAVAILABLE", Double.NaN);

    private final String label;
    private final double timeToAirborneS;

    Readiness(String label, double timeToAirborneS) {
        this.label = label;
        this.timeToAirborneS = timeToAirborneS;
    }

    /** How operators write it and how the YAML spells it ("QRA-15"). */
    public String label() {
        return label;
    }

    /** Default time from order to airborne, seconds; NaN when unavailable. */
    public double timeToAirborneS() {
        return timeToAirborneS;
    }

    /** Parses "QRA-15", "QRA15", "RS-15", "qra_5", "AIRBORNE_CAP", "CAP", "UNAVAILABLE". */
    public static Readiness parse(String text) {
        String s = text.strip().toUpperCase(java.util.Locale.ROOT).replace('_', '-');
        return switch (s) {
            case "QRA-5", "QRA5", "RS-5" -> QRA_5;
            case "QRA-15", "QRA15", "RS-15" -> QRA_15;
            case "AIRBORNE-CAP", "CAP", "AIRBORNE" -> AIRBORNE_CAP;
            case "UNAVAILABLE", "NONE", "OFF" -> UNAVAILABLE;
            default ->
                throw new IllegalArgumentException(
                        "unknown readiness '" + text + "' (expected QRA-5, QRA-15, AIRBORNE-CAP or UNAVAILABLE)");
        };
    }
}
