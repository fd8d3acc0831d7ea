package org.vigil.core.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One realistic event of every type of the family (times on the millisecond, as the stream keeps them). */
final class EventSamples {
    static final long T = EventTime.parse("2022-04-20T09:00:20.000Z");

    private EventSamples() { }

    static ObjectNode values() {
        ObjectNode v = EventCodec.values();
        EventCodec.put(v, "secondsToEntry", "410.8", false);
        EventCodec.put(v, "entryLatDeg", "43.00000", false);
        EventCodec.put(v, "entryLonDeg", "28.00000", false);
        EventCodec.put(v, "squawk", "7700", true);
        return v;
    }

    static List<VigilEvent> all() {
        List<String> sensors = List.of("ADS-B", "Varna");
        IdentEvent.Evidence ev = new IdentEvent.Evidence("military-without-clearance", "military aircraft heading for NATO airspace",
                values(), "BG", "primary only, no flight plan");
        QraEvent.Plan plan = new QraEvent.Plan(true, null, 2375.9, T + 2_375_900_000_000L, 43.49875, 29.05547, 25000L, 68L, 204.7,
                900.0, 144.0, 512L, false, 0.386);
        return List.of(
                new TrackEvent.Initiated(T, 5, "tentative", 43.123456, 28.654321, 35000L, 452.3, 87.5, -500L, 120.4,
                        "4B1812", "THY4TR", "7700", sensors, false),
                new TrackEvent.Confirmed(T + 4_000_000_000L, 5, "confirmed", 43.123456, 28.654321, null, 452.3, 87.5, null, 80.2,
                        null, null, null, List.of("Varna"), true),
                new TrackEvent.Updated(T + 9_000_000_000L, 5, 43.2, 28.7, 35000L, 451.0, 88.0, 0L, 60.0, sensors),
                new TrackEvent.Identifiers(T, 5, "4B1812", "THY4TR", null),
                new TrackEvent.Sensors(T, 5, sensors),
                new TrackEvent.Disagreement(T, 5, true, 43.2, 28.7, "4B1812", "THY4TR", "2000", 31.25, sensors),
                new TrackEvent.Deleted(T + 600_000_000_000L, 5, 43.9, 30.1, "4B1812", null, "2000", 600.0, 12.5, 512, true),
                new IdentEvent.Started(T, 5, "pending"),
                new IdentEvent.Ended(T + 600_000_000_000L, 5, "suspect"),
                new IdentEvent.RuleFired(T, 5, "military-without-clearance", "military aircraft heading for NATO airspace",
                        values(), "BG", "primary only, no flight plan"),
                new IdentEvent.RuleCleared(T + 60_000_000_000L, 5, "no-transponder", T),
                new IdentEvent.IdentityChanged(T, 5, "pending", "suspect", "military-without-clearance", null, null,
                        List.of("military-without-clearance"), List.of(ev)),
                new IdentEvent.AlertChanged(T, IdentEvent.AlertChange.RAISED, 5, 3, "military-without-clearance", 2, "raised",
                        true, T, "suspect", null, null, null, "military aircraft heading for NATO airspace", values(), "BG",
                        "primary only, no flight plan"),
                new IdentEvent.AlertChanged(T + 60_000_000_000L, IdentEvent.AlertChange.UPDATED, 5, 3,
                        "military-without-clearance", 2, "raised", false, T, "suspect", null, null, null,
                        "military aircraft heading for NATO airspace", values(), null, null),
                new IdentEvent.AlertChanged(T + 140_000_000_000L, IdentEvent.AlertChange.ASSIGNED, 5, 3,
                        "military-without-clearance", 2, "assigned", true, T, "suspect", "sdo-anna", "NL-F35-LBPG", null,
                        "military aircraft heading for NATO airspace", values(), null, null),
                new IdentEvent.AlertChanged(T + 600_000_000_000L, IdentEvent.AlertChange.RESOLVED, 5, 3,
                        "military-without-clearance", 2, "resolved", false, T, "suspect", "vigil", null, "track deleted",
                        "military aircraft heading for NATO airspace", values(), null, null),
                new IdentEvent.AlertChanged(T + 130_500_000_000L, IdentEvent.AlertChange.ACKNOWLEDGED, 5, 3,
                        "military-without-clearance", 2, "acknowledged", true, T, "suspect", "sdo-anna", null, null,
                        "military aircraft heading for NATO airspace", values(), "BG", null),
                new OperatorEvent.OverrideSet(T, 5, "hostile", "sdo-anna", "visual identification by QRA"),
                new OperatorEvent.OverrideCleared(T, 5, "sdo-anna", null),
                new OperatorEvent.Input(T, 5, "no-reply-since", true, T - 120_000_000_000L, "sim-controller"),
                new QraEvent.Recommended(T, 5, 3, new QraEvent.Target(43.2, 28.7, 35000L, 450L, 88L), List.of(
                        new QraEvent.RankedUnit(1, "NL-F35-LBPG", "NL", "LBPG", "F-35A", "QRA15", true, 39.6, 43.49875, 29.05547,
                                68L, 204.7, false, null, null),
                        new QraEvent.RankedUnit(2, "RO-F16-LRCV", "RO", "LRCV", "F-16AM", "QRA15", false, null, null, null, null,
                                null, null, "out-of-range", "beyond the combat radius"))),
                new QraEvent.Proposed(T + 10_000_000_000L, 5, "S-1", "ALPHA", "NL-F35-LBPG", 3L, "proposed", "olga", plan),
                new QraEvent.Ordered(T + 21_500_000_000L, 5, "S-1", "ALPHA", "NL-F35-LBPG", 3L, "ordered", "sam", "olga", plan),
                new QraEvent.PhaseChanged(T + 2_358_000_000_000L, 5, "S-1", "ALPHA", "NL-F35-LBPG", 3L, "intercept", "en-route",
                        43.18852, 29.03891, 25000L, 2336.5, null, T + 2_375_900_000_000L, 2375.9, -39.4, null),
                new QraEvent.Retasked(T, 7, "S-1", "ALPHA", "NL-F35-LBPG", null, "en-route", 5, "sam"),
                new QraEvent.Outcome(T, 7, "S-1", "ALPHA", "NL-F35-LBPG", 3L, "shadow", "hostile", "shadowed", "sam"),
                new QraEvent.Cancelled(T, 7, "S-2", "ALPHA", "RO-F16-LRCV", null, "cancelled", "sam", "target left", "rtb"),
                new QraEvent.ReadinessChanged(T, "NL-F35-LBPG", 0, 2, "S-1"),
                new QraEvent.PostureChanged(T, "move", "NL-F35-LBPG", "base LBPG", "sam", 4));
    }
}
