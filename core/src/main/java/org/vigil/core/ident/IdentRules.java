package org.vigil.core.ident;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.core.yaml.SafeYaml;

/**
 * The identification rules as data: one {@link RuleSetting} per {@link Cause}, the timing of the
 * engine, the known-military list, the QRA units and the diplomatic clearances. Read once at start-up
 * from three YAML documents (format in docs/IDENTIFICATION.md); the defaults are the classpath
 * resources {@code /ident/default-rules.yaml}, {@code /ident/known-military.yaml} and
 * {@code /ident/diplomatic-clearances.yaml}. Immutable.
 *
 * <p>The reader is strict: an unknown rule or key, a bad identity, number, address or date is an
 * {@link IllegalArgumentException} naming the document, the entry and the key, because a typo in a
 * threshold must not silently fall back to a default.
 */
public final class IdentRules {
    public static final String RULES_RESOURCE = "/ident/default-rules.yaml";
    public static final String KNOWN_RESOURCE = "/ident/known-military.yaml";
    public static final String CLEARANCES_RESOURCE = "/ident/diplomatic-clearances.yaml";

    private final RuleSetting[] settings;
    /** A new track stays PENDING this long unless a rule that does not wait proposes an identity. */
    public final long pendingNanos;
    /** Flight-plan correlation runs when identifiers change, else at most this often per track. */
    public final long correlationIntervalNanos;
    /** Time to entry runs when identifiers change, else at most this often per track. */
    public final long airspaceIntervalNanos;
    /**
     * Longest gap between two look-aheads of a track far from any entry (not entering within the
     * horizon, or entering much later than the interval): the gap is a tenth of the time to entry,
     * between {@link #airspaceIntervalNanos} and this. A turn of more than 10 degrees or a speed change
     * of more than 20 % since the last look-ahead forces a new one at the next airspace interval.
     */
    public final long airspaceMaxIntervalNanos;
    /** After an alert is resolved, the same track and cause raise again only this long later, and only after the cause cleared. */
    public final long reRaiseHoldOffNanos;
    /** A primary-only track without a flight plan counts as military for the clearance rule. */
    public final boolean primaryOnlyIsMilitary;

    private final List<KnownAircraft> known;
    private final List<QraLink> qraUnits;
    private final List<DiplomaticClearance> clearances;

    public IdentRules(
            RuleSetting[] settings,
            long pendingNanos,
            long correlationIntervalNanos,
            long airspaceIntervalNanos,
            long airspaceMaxIntervalNanos,
            long reRaiseHoldOffNanos,
            boolean primaryOnlyIsMilitary,
            List<KnownAircraft> known,
            List<QraLink> qraUnits,
            List<DiplomaticClearance> clearances) {
        if (settings.length != Cause.COUNT) throw new IllegalArgumentException("one setting per cause");
        this.settings = settings.clone();
        for (int i = 0; i < settings.length; i++) {
            if (settings[i] == null || settings[i].cause().ordinal() != i)
                throw new IllegalArgumentException("settings out of order at " + i);
        }
        if (pendingNanos < 0 || correlationIntervalNanos < 0 || airspaceIntervalNanos < 0 || reRaiseHoldOffNanos < 0) {
            throw new IllegalArgumentException("negative interval");
        }
        if (airspaceMaxIntervalNanos < airspaceIntervalNanos)
            throw new IllegalArgumentException("airspace-max-interval-s below airspace-interval-s");
        this.airspaceMaxIntervalNanos = airspaceMaxIntervalNanos;
        this.pendingNanos = pendingNanos;
        this.correlationIntervalNanos = correlationIntervalNanos;
        this.airspaceIntervalNanos = airspaceIntervalNanos;
        this.reRaiseHoldOffNanos = reRaiseHoldOffNanos;
        this.primaryOnlyIsMilitary = primaryOnlyIsMilitary;
        this.known = List.copyOf(known);
        this.qraUnits = List.copyOf(qraUnits);
        this.clearances = List.copyOf(clearances);
    }

    private static final class DefaultHolder {
        static final IdentRules INSTANCE = load();

        private static IdentRules load() {
            try (InputStream r = open(RULES_RESOURCE);
                    InputStream k = open(KNOWN_RESOURCE);
                    InputStream c = open(CLEARANCES_RESOURCE)) {
                return fromYaml(r, k, c);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static InputStream open(String name) {
            InputStream in = IdentRules.class.getResourceAsStream(name);
            if (in == null) throw new IllegalStateException("missing classpath resource " + name);
            return in;
        }
    }

    /** The built-in rules and lists (classpath resources). */
    public static IdentRules defaults() {
        return DefaultHolder.INSTANCE;
    }

    public RuleSetting setting(Cause c) {
        return settings[c.ordinal()];
    }

    public List<KnownAircraft> known() {
        return known;
    }

    public List<QraLink> qraUnits() {
        return qraUnits;
    }

    public List<DiplomaticClearance> clearances() {
        return clearances;
    }

    /** These rules with one rule replaced (tests, operator tuning). */
    public IdentRules with(RuleSetting s) {
        RuleSetting[] copy = settings.clone();
        copy[s.cause().ordinal()] = s;
        return new IdentRules(
                copy,
                pendingNanos,
                correlationIntervalNanos,
                airspaceIntervalNanos,
                airspaceMaxIntervalNanos,
                reRaiseHoldOffNanos,
                primaryOnlyIsMilitary,
                known,
                qraUnits,
                clearances);
    }

    /** These rules with other lists. */
    public IdentRules withLists(
            List<KnownAircraft> known, List<QraLink> qraUnits, List<DiplomaticClearance> clearances) {
        return new IdentRules(
                settings,
                pendingNanos,
                correlationIntervalNanos,
                airspaceIntervalNanos,
                airspaceMaxIntervalNanos,
                reRaiseHoldOffNanos,
                primaryOnlyIsMilitary,
                known,
                qraUnits,
                clearances);
    }

    /** Longest look-ahead any airspace rule needs, seconds. */
    double airspaceHorizonSeconds() {
        double h = 0;
        for (Cause c : new Cause[] {Cause.APPROACHING_NATIONAL_AIRSPACE, Cause.MILITARY_WITHOUT_CLEARANCE}) {
            if (setting(c).enabled()) h = Math.max(h, setting(c).threshold(0));
        }
        return h;
    }

    // ------------------------------------------------------------------ YAML

    /**
     * Reads the three documents; any may be null (then: all defaults from {@link Cause}, empty lists).
     * YAML syntax is read by {@link SafeYaml} (so {@code NO} in a list of states stays Norway).
     * @throws IllegalArgumentException naming the document, entry and key of the first error
     * @throws org.vigil.core.yaml.YamlException naming the document, line and column of a YAML error
     */
    public static IdentRules fromYaml(InputStream rules, InputStream knownMilitary, InputStream clearances)
            throws IOException {
        RuleSetting[] s = new RuleSetting[Cause.COUNT];
        for (Cause c : Cause.VALUES) s[c.ordinal()] = RuleSetting.defaults(c);
        double pending = 30, corr = 10, air = 5, airMax = 60, hold = 300;
        boolean primaryMil = true;
        if (rules != null) {
            JsonNode root = SafeYaml.readTree(rules, "rules");
            String doc = "rules";
            checkKeys(
                    root,
                    doc,
                    Set.of(
                            "pending-seconds",
                            "correlation-interval-s",
                            "airspace-interval-s",
                            "airspace-max-interval-s",
                            "re-raise-hold-off-s",
                            "primary-only-is-military",
                            "rules"));
            pending = number(root, "pending-seconds", pending, doc);
            corr = number(root, "correlation-interval-s", corr, doc);
            air = number(root, "airspace-interval-s", air, doc);
            airMax = number(root, "airspace-max-interval-s", airMax, doc);
            hold = number(root, "re-raise-hold-off-s", hold, doc);
            if (root.has("primary-only-is-military"))
                primaryMil = bool(root.get("primary-only-is-military"), doc + ": primary-only-is-military");
            JsonNode rs = root.path("rules");
            for (Iterator<Map.Entry<String, JsonNode>> it = rs.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Cause c = Cause.ofId(e.getKey());
                if (c == null) throw new IllegalArgumentException(doc + ": unknown rule '" + e.getKey() + "'");
                s[c.ordinal()] = setting(c, e.getValue(), s[c.ordinal()]);
            }
        }
        List<KnownAircraft> known = new ArrayList<>();
        List<QraLink> qra = new ArrayList<>();
        if (knownMilitary != null) {
            JsonNode root = SafeYaml.readTree(knownMilitary, "known-military");
            checkKeys(root, "known-military", Set.of("known", "qra-units"));
            for (JsonNode n : root.path("known")) known.add(knownEntry(n));
            for (JsonNode n : root.path("qra-units")) qra.add(qraEntry(n));
        }
        List<DiplomaticClearance> cl = new ArrayList<>();
        if (clearances != null) {
            JsonNode root = SafeYaml.readTree(clearances, "clearances");
            checkKeys(root, "clearances", Set.of("clearances"));
            for (JsonNode n : root.path("clearances")) cl.add(clearance(n));
        }
        if (airMax < air)
            throw new IllegalArgumentException("rules: airspace-max-interval-s below airspace-interval-s");
        return new IdentRules(
                s,
                seconds(pending),
                seconds(corr),
                seconds(air),
                seconds(airMax),
                seconds(hold),
                primaryMil,
                known,
                qra,
                cl);
    }

    private static RuleSetting setting(Cause c, JsonNode n, RuleSetting d) {
        String where = "rule " + c.id;
        if (n == null || !n.isObject()) throw new IllegalArgumentException(where + ": expected a mapping");
        Set<String> allowed = new java.util.HashSet<>(Set.of("enabled", "identity", "alert-priority", "after-pending"));
        allowed.addAll(PERSISTENCE_KEYS);
        allowed.addAll(List.of(c.thresholdKeys));
        checkKeys(n, where, allowed);
        boolean enabled = n.has("enabled") ? bool(n.get("enabled"), where + ": enabled") : d.enabled();
        Identity identity = d.identity();
        if (n.has("identity")) {
            String t = n.get("identity").asText();
            identity = t.equals("none") || n.get("identity").isNull() ? null : Identity.parse(t);
            if (identity == null && !t.equals("none") && !n.get("identity").isNull()) {
                throw new IllegalArgumentException(
                        where + ": identity '" + t + "' is not a standard identity (or none)");
            }
        }
        int priority = (int) number(n, "alert-priority", d.alertPriority(), where);
        boolean after =
                n.has("after-pending") ? bool(n.get("after-pending"), where + ": after-pending") : d.afterPending();
        double[] th = new double[c.thresholdKeys.length];
        for (int i = 0; i < th.length; i++) {
            th[i] = number(n, c.thresholdKeys[i], d.threshold(i), where);
            if (!(th[i] >= 0)) throw new IllegalArgumentException(where + ": " + c.thresholdKeys[i] + " must be >= 0");
        }
        Persistence dp = d.persistence();
        int fireUpdates = (int) integer(n, "fire-updates", dp.fireUpdates(), where);
        int fireWindow = (int) integer(n, "fire-window", Math.max(dp.fireWindow(), fireUpdates), where);
        double fireS = number(n, "fire-s", dp.fireNanos() / 1e9, where);
        int clearUpdates = (int) integer(n, "clear-updates", dp.clearUpdates(), where);
        double clearS = number(n, "clear-s", dp.clearNanos() / 1e9, where);
        Persistence p;
        try {
            p = Persistence.of(fireUpdates, fireWindow, fireS, clearUpdates, clearS);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        return new RuleSetting(c, enabled, identity, priority, after, th, p);
    }

    /** Keys every rule accepts: its persistence ({@link Persistence}). */
    static final List<String> PERSISTENCE_KEYS =
            List.of("fire-updates", "fire-window", "fire-s", "clear-updates", "clear-s");

    private static double integer(JsonNode n, String key, double dflt, String where) {
        double v = number(n, key, dflt, where);
        if (v != Math.rint(v) || v > Integer.MAX_VALUE)
            throw new IllegalArgumentException(where + ": " + key + " must be a whole number");
        return v;
    }

    private static KnownAircraft knownEntry(JsonNode n) {
        String name = text(n, "name", "known-military entry");
        String where = "known-military '" + name + "'";
        checkKeys(n, where, Set.of("name", "addresses", "address", "callsign", "identity"));
        int[] block = addresses(n, where);
        CallsignPattern cs = n.has("callsign") ? pattern(n.get("callsign").asText(), where) : null;
        Identity id = null;
        if (n.has("identity") && !n.get("identity").asText().equals("none")) {
            id = Identity.parse(n.get("identity").asText());
            if (id != Identity.FRIEND && id != Identity.ASSUMED_FRIEND) {
                throw new IllegalArgumentException(where + ": identity must be friend, assumed-friend or none");
            }
        }
        try {
            return new KnownAircraft(name, block[0], block[1], cs, id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("known-military: " + e.getMessage(), e);
        }
    }

    private static QraLink qraEntry(JsonNode n) {
        String name = text(n, "name", "qra unit");
        String where = "qra unit '" + name + "'";
        checkKeys(n, where, Set.of("name", "first-address", "count", "callsign"));
        int first = n.has("first-address") ? hex(n.get("first-address"), where + ": first-address") : -1;
        int count = (int) number(n, "count", 2, where);
        String stem = n.has("callsign") ? n.get("callsign").asText() : null;
        if (stem != null) pattern(stem + "*", where);
        if (first < 0 && stem == null) throw new IllegalArgumentException(where + ": needs first-address or callsign");
        return new QraLink(name, first, count, stem);
    }

    private static DiplomaticClearance clearance(JsonNode n) {
        String id = text(n, "id", "clearance");
        String where = "clearance '" + id + "'";
        checkKeys(n, where, Set.of("id", "callsign", "addresses", "address", "states", "from", "to"));
        int[] block = addresses(n, where);
        CallsignPattern cs = n.has("callsign") ? pattern(n.get("callsign").asText(), where) : null;
        List<String> states = new ArrayList<>();
        for (JsonNode s : n.path("states")) {
            String iso = s.asText();
            if (!iso.matches("[A-Z]{2}"))
                throw new IllegalArgumentException(where + ": state '" + iso + "' is not ISO alpha-2");
            states.add(iso);
        }
        long from = instant(n, "from", where), to = instant(n, "to", where);
        try {
            return new DiplomaticClearance(id, cs, block[0], block[1], states, from, to);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("clearances: " + e.getMessage(), e);
        }
    }

    /** {@code address: "4B1234"} or {@code addresses: ["AE0000", "AFFFFF"]}; {-1, -1} when neither. */
    private static int[] addresses(JsonNode n, String where) {
        if (n.has("address")) {
            int a = hex(n.get("address"), where + ": address");
            return new int[] {a, a};
        }
        if (n.has("addresses")) {
            JsonNode r = n.get("addresses");
            if (!r.isArray() || r.size() != 2)
                throw new IllegalArgumentException(where + ": addresses must be [first, last]");
            return new int[] {hex(r.get(0), where + ": addresses"), hex(r.get(1), where + ": addresses")};
        }
        return new int[] {-1, -1};
    }

    private static int hex(JsonNode n, String where) {
        String t = n.asText().strip();
        if (!t.matches("[0-9A-Fa-f]{6}"))
            throw new IllegalArgumentException(where + ": '" + t + "' is not six hex digits (quote it)");
        return Integer.parseInt(t, 16);
    }

    private static CallsignPattern pattern(String t, String where) {
        try {
            return CallsignPattern.of(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static long instant(JsonNode n, String key, String where) {
        if (!n.has(key)) throw new IllegalArgumentException(where + ": missing " + key);
        String t = n.get(key).asText();
        try {
            Instant i = Instant.parse(t);
            return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException(
                    where + ": " + key + " '" + t + "' is not an ISO-8601 UTC instant (2022-04-20T00:00:00Z)", e);
        }
    }

    private static String text(JsonNode n, String key, String where) {
        if (!n.isObject() || !n.hasNonNull(key) || n.get(key).asText().isBlank())
            throw new IllegalArgumentException(where + ": missing " + key);
        return n.get(key).asText();
    }

    private static double number(JsonNode n, String key, double dflt, String where) {
        if (!n.has(key)) return dflt;
        JsonNode v = n.get(key);
        if (!v.isNumber())
            throw new IllegalArgumentException(where + ": " + key + " '" + v.asText() + "' is not a number");
        double d = v.asDouble();
        if (!(d >= 0) || Double.isInfinite(d))
            throw new IllegalArgumentException(where + ": " + key + " must be a finite number >= 0");
        return d;
    }

    private static boolean bool(JsonNode v, String where) {
        if (!v.isBoolean()) throw new IllegalArgumentException(where + ": '" + v.asText() + "' is not true/false");
        return v.asBoolean();
    }

    private static void checkKeys(JsonNode n, String where, Set<String> allowed) {
        if (n == null || n.isMissingNode() || n.isNull()) return;
        if (!n.isObject()) throw new IllegalArgumentException(where + ": expected a mapping");
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) throw new IllegalArgumentException(where + ": unknown key '" + k + "'");
        }
    }

    private static long seconds(double s) {
        return Math.round(s * 1e9);
    }
}
