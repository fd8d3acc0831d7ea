package org.vigil.core.ident;

import java.util.Locale;

/**
 * The identification rules, by cause. What each rule looks at is code (here and in
 * {@link IdentificationEngine}); whether it is on, the identity it proposes, its alert priority,
 * whether it waits for the pending period and its thresholds are data ({@link IdentRules}, from
 * {@code ident/default-rules.yaml}). The {@link #id} is the rule name in YAML, events and the console.
 *
 * <p>Each rule records up to three numbers as evidence; {@link #valueNames} names them (in events
 * and in {@link Evidence#text()}).
 */
public enum Cause {
    FLIGHT_PLAN_CORRELATED(
            "flight-plan-correlated",
            "correlated with a filed flight plan and squawking the expected code",
            Identity.NEUTRAL,
            0,
            false,
            new String[] {"score", "crossTrackNm", "squawk"}),
    SQUAWK_NOT_AS_FILED(
            "squawk-not-as-filed",
            "squawk differs from the code assigned in the flight plan",
            null,
            0,
            true,
            new String[] {"squawk", "filedSquawk"}),
    KNOWN_FRIENDLY(
            "known-friendly",
            "own or Allied military aircraft on the friendly list (address or callsign)",
            Identity.ASSUMED_FRIEND,
            0,
            false,
            new String[] {"icaoAddress"}),
    QRA_UNIT(
            "qra-unit",
            "own QRA fighter (address or callsign of a linked QRA unit)",
            Identity.FRIEND,
            0,
            false,
            new String[] {"icaoAddress"}),
    NO_FLIGHT_PLAN(
            "no-flight-plan",
            "transponder identifiers heard but no flight plan correlates",
            Identity.UNKNOWN,
            4,
            true,
            new String[] {"bestScore"}),
    NO_TRANSPONDER(
            "no-transponder",
            "primary radar only: no code, no pressure altitude, no address",
            Identity.UNKNOWN,
            3,
            true,
            new String[0]),
    SQUAWK_7500(
            "squawk-7500",
            "squawk 7500 or ADS-B unlawful interference: hijack",
            Identity.SUSPECT,
            1,
            false,
            new String[] {"squawk", "emergencyState"}),
    SQUAWK_7600(
            "squawk-7600",
            "squawk 7600 or ADS-B no-communications status: radio failure",
            null,
            3,
            false,
            new String[] {"squawk", "emergencyState"}),
    SQUAWK_7700(
            "squawk-7700", "squawk 7700 or ADS-B emergency status: general emergency", null, 2, false, new String[] {
                "squawk", "emergencyState"
            }),
    RADIO_CONTACT_LOST(
            "radio-contact-lost", "an operator reports radio contact lost (COMLOSS)", null, 3, false, new String[0]),
    NO_REPLY_TO_CONTROLLER(
            "no-reply-to-controller",
            "no reply to the controller for longer than the limit",
            null,
            3,
            false,
            new String[] {"minutesWithoutReply"},
            "minutes",
            5),
    ROUTE_DEVIATION(
            "route-deviation",
            "off the planned route by more than the threshold",
            null,
            3,
            false,
            new String[] {"crossTrackNm"},
            "threshold-nm",
            10),
    APPROACHING_NATIONAL_AIRSPACE(
            "approaching-national-airspace",
            "heading for the national airspace of a NATO state without flight plan or clearance",
            Identity.UNKNOWN,
            2,
            true,
            new String[] {"secondsToEntry", "entryLatDeg", "entryLonDeg"},
            "threshold-s",
            600),
    INSIDE_NATIONAL_AIRSPACE(
            "inside-national-airspace",
            "entered the national airspace of a NATO state without flight plan or clearance",
            Identity.UNKNOWN,
            1,
            true,
            new String[] {"latDeg", "lonDeg"}),
    MILITARY_WITHOUT_CLEARANCE(
            "military-without-clearance",
            "military or presumed military aircraft heading for or inside NATO national airspace without a valid diplomatic clearance",
            Identity.SUSPECT,
            2,
            true,
            new String[] {"secondsToEntry", "entryLatDeg", "entryLonDeg"},
            "threshold-s",
            900),
    ADSB_RADAR_MISMATCH(
            "adsb-radar-mismatch",
            "ADS-B position inconsistent with radar: possible spoofing",
            null,
            3,
            false,
            new String[] {"distanceNm", "chiSquare"},
            "min-distance-nm",
            1),
    IMPLAUSIBLE_KINEMATICS(
            "implausible-kinematics",
            "physically implausible motion reported",
            null,
            4,
            false,
            new String[] {"groundSpeedKt", "verticalRateFpm"},
            "max-ground-speed-kt",
            1500,
            "max-vertical-rate-fpm",
            40000),
    ROUTE_UNKNOWN(
            "route-unknown",
            "the correlated flight plan's route could not be expanded: route monitoring is partial or off",
            null,
            0,
            false,
            new String[] {"routePoints"}),
    GNSS_INTERFERENCE(
            "gnss-interference",
            "a QRA fighter or a track of interest is inside a GNSS interference area: its ADS-B position and its own navigation cannot be trusted",
            null,
            3,
            false,
            new String[] {"area", "affectedShare", "gnssStatus"});

    /** Rule name in YAML and events, lower-case and hyphenated. */
    public final String id;
    /** What the rule means, for the operator. */
    public final String title;

    final Identity defaultIdentity;
    final int defaultPriority;
    final boolean defaultAfterPending;

    @SuppressWarnings("ImmutableEnumChecker") // filled in the constructor, package-private, never written afterwards
    final String[] valueNames;
    /** Names (YAML keys) and defaults of the rule's thresholds. */
    @SuppressWarnings("ImmutableEnumChecker") // filled in the constructor, package-private, never written afterwards
    final String[] thresholdKeys;

    @SuppressWarnings("ImmutableEnumChecker") // filled in the constructor, package-private, never written afterwards
    final double[] thresholdDefaults;

    static final Cause[] VALUES = values();
    public static final int COUNT = VALUES.length;

    Cause(
            String id,
            String title,
            Identity identity,
            int priority,
            boolean afterPending,
            String[] valueNames,
            Object... thresholds) {
        this.id = id;
        this.title = title;
        this.defaultIdentity = identity;
        this.defaultPriority = priority;
        this.defaultAfterPending = afterPending;
        this.valueNames = valueNames;
        int n = thresholds.length / 2;
        this.thresholdKeys = new String[n];
        this.thresholdDefaults = new double[n];
        for (int i = 0; i < n; i++) {
            thresholdKeys[i] = (String) thresholds[2 * i];
            thresholdDefaults[i] = ((Number) thresholds[2 * i + 1]).doubleValue();
        }
    }

    /**
     * Persistence when the rules file says nothing: alert rules on measured conditions never fire on
     * one sample (the figures are in docs/IDENTIFICATION.md "Persistence"); identity rules and
     * operator inputs take effect at once.
     */
    public Persistence defaultPersistence() {
        return switch (this) {
            // absence rules: the pending period (from the first detection) is their duration; no-flight-plan also
            // needs two correlations in a row; primary-only is the tracker's verdict over every plot since the first
            // detection, so one sample after the pending period already stands for all of them
            case NO_FLIGHT_PLAN -> Persistence.of(2, 2, 0, 3, 10);
            case NO_TRANSPONDER -> Persistence.of(1, 1, 0, 3, 10);
            case SQUAWK_7500, SQUAWK_7600, SQUAWK_7700 -> Persistence.of(2, 3, 0, 3, 10);
            case ROUTE_DEVIATION -> Persistence.of(3, 4, 10, 3, 20);
            case APPROACHING_NATIONAL_AIRSPACE, MILITARY_WITHOUT_CLEARANCE -> Persistence.of(3, 4, 10, 3, 15);
            case INSIDE_NATIONAL_AIRSPACE -> Persistence.of(3, 4, 5, 3, 15);
            case ADSB_RADAR_MISMATCH -> Persistence.of(3, 4, 10, 3, 15);
            case IMPLAUSIBLE_KINEMATICS -> Persistence.of(3, 4, 30, 3, 10);
            // areas are judged once a second of data; a cell that opens and closes within seconds is not one
            case GNSS_INTERFERENCE -> Persistence.of(3, 4, 5, 3, 30);
            default -> Persistence.IMMEDIATE;
        };
    }

    /** The cause named {@code id} (YAML spelling, or the enum name in any case), or null. */
    public static Cause ofId(String id) {
        if (id == null) return null;
        for (Cause c : VALUES) if (c.id.equals(id) || c.name().equalsIgnoreCase(id.replace('-', '_'))) return c;
        return null;
    }

    public int valueCount() {
        return valueNames.length;
    }

    public String valueName(int i) {
        return valueNames[i];
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
