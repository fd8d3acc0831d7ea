package org.vigil.codec.fpl;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.codec.fpl.FplParseResult.Parsed;
import org.vigil.codec.fpl.FplParseResult.Rejected;
import org.vigil.core.flightplan.AtsMessage;
import org.vigil.core.flightplan.Coordinates;
import org.vigil.core.flightplan.FlightKey;
import org.vigil.core.flightplan.FlightPlan;
import org.vigil.core.flightplan.FplItem;
import org.vigil.core.flightplan.FplItem.Aircraft;
import org.vigil.core.flightplan.FplItem.Departure;
import org.vigil.core.flightplan.FplItem.Destination;
import org.vigil.core.flightplan.FplItem.Entry;
import org.vigil.core.flightplan.FplItem.Equipment;
import org.vigil.core.flightplan.FplItem.Identification;
import org.vigil.core.flightplan.FplItem.Level;
import org.vigil.core.flightplan.FplItem.Other;
import org.vigil.core.flightplan.FplItem.Route;
import org.vigil.core.flightplan.FplItem.Rules;
import org.vigil.core.flightplan.FplItem.Speed;
import org.vigil.core.flightplan.FplItem.Supplementary;

/**
 * Reads ICAO ATS messages in the PANS-ATM (Doc 4444) appendix 2/3 format: FPL, CHG, DLA, CNL,
 * DEP and ARR. Fields are separated by hyphens; a message may or may not be enclosed in
 * parentheses; line breaks may fall anywhere between elements; a text may hold several messages.
 *
 * <p>Every message gives a {@link FplParseResult}: the parsed message or a rejection naming the
 * item and the reason. Nothing is thrown to the caller: the item parsers report failures through
 * {@link #fail} and return null (no exceptions for control flow); a last-resort guard turns any
 * unexpected runtime exception into a rejection of item "3" counted as {@link #internalErrors()},
 * which the fuzz test requires to stay zero.
 *
 * <p>Flight plans arrive at human rates, so this parser favours clarity (regular expressions,
 * Strings) over zero allocation. Not thread-safe: one instance per reader (it counts).
 */
public final class FplParser {

    private static final Pattern MESSAGE_START =
            Pattern.compile("(?m)^[ \\t]*(FPL|CHG|DLA|CNL|DEP|ARR)[A-Z0-9/]*[ \\t]*-");
    private static final Pattern TYPE_FIELD = Pattern.compile("([A-Z]{3})[A-Z0-9/]*");
    private static final Pattern AIRCRAFT_ID = Pattern.compile("[A-Z0-9]{1,7}");
    private static final Pattern AIRCRAFT = Pattern.compile("(\\d{1,2})?([A-Z][A-Z0-9]{1,3})/([A-Z])");
    private static final Pattern AERODROME = Pattern.compile("[A-Z]{4}");
    private static final Pattern AERODROME_TIME = Pattern.compile("([A-Z]{4})(\\d{4})");
    private static final Pattern AERODROME_OPT_TIME = Pattern.compile("([A-Z]{4})(\\d{4})?");
    private static final Pattern POINT_NAME = Pattern.compile("[A-Z]{2,5}");
    private static final Pattern BEARING_DISTANCE = Pattern.compile("[A-Z]{2,5}\\d{6}");
    private static final Pattern DESIGNATOR = Pattern.compile("[A-Z][A-Z0-9]{1,6}");
    private static final Pattern INDICATOR = Pattern.compile("([A-Z]{3,4})/(.*)");
    private static final Pattern AMENDMENT = Pattern.compile("(\\d{1,2})/(.*)");
    private static final Pattern ITEM18_TEXT = Pattern.compile("[A-Z0-9 /.,?:'=+]*");
    private static final Pattern EET_ENTRY = Pattern.compile("[A-Z0-9]{2,11}(\\d{4})");
    private static final Set<String> STS = Set.of(
            "ALTRV", "ATFMX", "FFR", "FLTCK", "HAZMAT", "HEAD", "HOSP", "HUM", "MARSA", "MEDEVAC", "NONRVSM", "SAR",
            "STATE");
    private static final Set<String> ROUTE_WORDS =
            Set.of("DCT", "VFR", "IFR", "OAT", "GAT", "T", "IFPSTOP", "IFPSTART");

    private long parsed, rejected, internalErrors;

    // the failure of the message being parsed; set by fail(), read by parse()
    private String failItem, failReason;

    /** Messages parsed so far. */
    public long parsedCount() {
        return parsed;
    }
    /** Messages rejected so far (including internal errors). */
    public long rejectedCount() {
        return rejected;
    }
    /** Rejections caused by an unexpected exception in this parser (a bug: must stay 0). */
    public long internalErrors() {
        return internalErrors;
    }

    /**
     * Splits a text into messages and parses each. Messages in parentheses are taken between them;
     * outside parentheses a message starts at a line beginning with its type (FPL-, CHG- ...).
     * Text that is neither is rejected as item 3.
     */
    public List<FplParseResult> parseAll(CharSequence text) {
        List<FplParseResult> out = new ArrayList<>();
        String s = text.toString();
        int i = 0, n = s.length();
        StringBuilder outside = new StringBuilder();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '(') {
                unbracketed(outside, out);
                outside.setLength(0);
                int close = s.indexOf(')', i + 1);
                int nextOpen = s.indexOf('(', i + 1);
                if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                    int end = nextOpen >= 0 ? nextOpen : n;
                    out.add(reject("3", "closing parenthesis missing", s.substring(i, end)));
                    i = end;
                } else {
                    out.add(parse(s.substring(i + 1, close)));
                    i = close + 1;
                }
            } else if (c == ')') {
                outside.append(' ');
                i++;
                out.add(reject("3", "closing parenthesis without an opening one", ")"));
            } else {
                outside.append(c);
                i++;
            }
        }
        unbracketed(outside, out);
        return out;
    }

    private void unbracketed(CharSequence text, List<FplParseResult> out) {
        String s = text.toString();
        if (s.isBlank()) return;
        Matcher m = MESSAGE_START.matcher(s.toUpperCase(Locale.ROOT));
        List<Integer> starts = new ArrayList<>();
        while (m.find()) starts.add(m.start());
        int firstStart = starts.isEmpty() ? s.length() : starts.get(0);
        if (!s.substring(0, firstStart).isBlank()) {
            out.add(reject(
                    "3",
                    "text outside any message (a message starts with FPL-, CHG-, DLA-, CNL-, DEP- or ARR-)",
                    normalise(s.substring(0, firstStart))));
        }
        for (int k = 0; k < starts.size(); k++) {
            int end = k + 1 < starts.size() ? starts.get(k + 1) : s.length();
            out.add(parse(s.substring(starts.get(k), end)));
        }
    }

    /** Parses one message, with or without its parentheses. */
    public FplParseResult parse(CharSequence message) {
        String text = "";
        try {
            text = normalise(message);
            if (text.startsWith("(")) text = text.substring(1).strip();
            if (text.endsWith(")")) text = text.substring(0, text.length() - 1).strip();
            failItem = null;
            failReason = null;
            AtsMessage m = message(text);
            if (m == null)
                return reject(failItem == null ? "3" : failItem, failReason == null ? "not valid" : failReason, text);
            parsed++;
            return new Parsed(m);
        } catch (RuntimeException e) {
            internalErrors++;
            return reject("3", "internal error " + e.getClass().getSimpleName() + " (please report)", text);
        }
    }

    private Rejected reject(String item, String reason, String text) {
        rejected++;
        return new Rejected(item, reason, text);
    }

    /** Upper case, every run of white space (line breaks included) one space, trimmed. */
    static String normalise(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space && !b.isEmpty()) b.append(' ');
            space = false;
            b.append(Character.toUpperCase(c));
        }
        return b.toString();
    }

    /** Records the failure of the current message; always returns null so callers can {@code return fail(..)}. */
    @SuppressWarnings(
            "TypeParameterUnusedInFormals") // always returns null; T only lets any parse method `return fail(..)`
    private <T> T fail(String item, String reason) {
        if (failItem == null) {
            failItem = item;
            failReason = reason;
        }
        return null;
    }

    private AtsMessage message(String text) {
        if (text.isEmpty()) return fail("3", "empty message");
        String[] raw = text.split("-", -1);
        String[] f = new String[raw.length];
        for (int i = 0; i < raw.length; i++) f[i] = raw[i].strip();
        Matcher t = TYPE_FIELD.matcher(f[0]);
        if (!t.matches()) return fail("3", "message type '" + clip(f[0]) + "' not recognised");
        return switch (t.group(1)) {
            case "FPL" -> fpl(f);
            case "CHG", "DLA", "CNL", "DEP" -> keyed(t.group(1), f);
            case "ARR" -> arr(f);
            default -> fail("3", "message type " + t.group(1) + " not supported (FPL, CHG, DLA, CNL, DEP, ARR)");
        };
    }

    // ---------------------------------------------------------------- FPL

    private static final String[] FPL_ITEMS = {"3", "7", "8", "9", "10", "13", "15", "16", "18", "19"};

    private AtsMessage fpl(String[] f) {
        if (f.length < 9) {
            String missing = FPL_ITEMS[Math.min(f.length, FPL_ITEMS.length - 1)];
            return fail(missing, "missing (an FPL has items 7, 8, 9, 10, 13, 15, 16 and 18)");
        }
        if (f.length > 10)
            return fail(
                    "19", "too many fields: " + (f.length - 1) + " after the message type (a hyphen inside an item?)");
        Identification id = identification(f[1]);
        Rules rules = rules(f[2]);
        Aircraft aircraft = aircraft(f[3]);
        Equipment equipment = equipment(f[4]);
        Departure departure = departure(f[5], "13");
        Route route = route(f[6], "15");
        Destination destination = destination(f[7], "16");
        Other other = other(f[8], "18");
        Supplementary sup = f.length == 10 ? supplementary(f[9]) : null;
        if (failItem != null) return null;
        return new AtsMessage.Fpl(
                new FlightPlan(id, rules, aircraft, equipment, departure, route, destination, other, sup));
    }

    private Identification identification(String f) {
        int slash = f.indexOf('/');
        String id = slash < 0 ? f : f.substring(0, slash);
        if (id.isEmpty()) return fail("7", "aircraft identification missing");
        if (!AIRCRAFT_ID.matcher(id).matches()) {
            return fail("7", "aircraft identification '" + clip(id) + "' must be 1 to 7 letters or digits");
        }
        if (slash < 0) return new Identification(id, (char) 0, FplItem.NO_SQUAWK);
        String code = f.substring(slash + 1);
        if (code.length() != 5 || code.charAt(0) != 'A') {
            return fail("7", "SSR mode and code '" + clip(code) + "' must be A and four octal digits (A2341)");
        }
        int v = 0;
        for (int i = 1; i < 5; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '7')
                return fail("7", "SSR code " + code.substring(1) + " has a digit that is not octal (0-7)");
            v = v * 10 + (c - '0');
        }
        return new Identification(id, 'A', v);
    }

    private Rules rules(String f) {
        if (f.isEmpty() || f.length() > 2)
            return fail("8", "flight rules and type '" + clip(f) + "' must be one or two letters (IS, VG)");
        char r = f.charAt(0);
        if ("IVYZ".indexOf(r) < 0) return fail("8", "flight rules " + r + " not one of I, V, Y, Z");
        char t = f.length() == 2 ? f.charAt(1) : 0;
        if (t != 0 && "SNGMX".indexOf(t) < 0) return fail("8", "type of flight " + t + " not one of S, N, G, M, X");
        return new Rules(r, t);
    }

    private Aircraft aircraft(String f) {
        Matcher m = AIRCRAFT.matcher(f);
        if (!m.matches()) return fail("9", "'" + clip(f) + "' is not number, type and wake category (A320/M, 2F16/M)");
        int count = m.group(1) == null ? 1 : Integer.parseInt(m.group(1));
        if (count == 0) return fail("9", "number of aircraft 0");
        char wake = m.group(3).charAt(0);
        if ("LMHJ".indexOf(wake) < 0) return fail("9", "wake turbulence category " + wake + " not one of L, M, H, J");
        return new Aircraft(count, m.group(2), wake);
    }

    private Equipment equipment(String f) {
        int slash = f.indexOf('/');
        if (slash < 0) return fail("10", "'" + clip(f) + "' has no '/' between equipment and surveillance (SDFGY/S)");
        String com = f.substring(0, slash), sur = f.substring(slash + 1);
        if (com.isEmpty()) return fail("10", "communication and navigation equipment missing (N if none)");
        String bad = codes(com, "ABCDEFGHIJKLMNOPRSTUVWXYZ", "EJMP");
        if (bad != null) return fail("10", "equipment " + bad);
        if (sur.isEmpty()) return fail("10", "surveillance equipment missing after '/' (N if none)");
        bad = codes(sur, "ABCDEGHILNPSUVX", "BUVDG");
        if (bad != null) return fail("10", "surveillance " + bad);
        return new Equipment(com, sur);
    }

    /** Checks a run of one-letter codes where letters in {@code digitLetters} take a digit; null if good. */
    private static String codes(String s, String letters, String digitLetters) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (i == 0 || digitLetters.indexOf(s.charAt(i - 1)) < 0)
                    return "code '" + s + "': digit " + c + " does not follow E, J, M, P (or B, U, V, D, G)";
                continue;
            }
            if (letters.indexOf(c) < 0) return "code '" + clip(s) + "': " + c + " is not a code";
        }
        return null;
    }

    private Departure departure(String f, String item) {
        Matcher m = AERODROME_TIME.matcher(f);
        if (!m.matches()) return fail(item, "'" + clip(f) + "' is not aerodrome and time (LBSF1230)");
        int t = timeOfDay(m.group(2), item, "departure time");
        return t < 0 ? null : new Departure(m.group(1), t);
    }

    /** HHMM as minutes of day, or -1 (failed) when out of range. */
    private int timeOfDay(String hhmm, String item, String what) {
        int h = Integer.parseInt(hhmm, 0, 2, 10), m = Integer.parseInt(hhmm, 2, 4, 10);
        if (h > 23 || m > 59) {
            fail(item, what + " " + hhmm.substring(0, 2) + ":" + hhmm.substring(2) + " out of range");
            return -1;
        }
        return h * 60 + m;
    }

    /** HHMM duration (hours up to 99) as minutes, or -1 (failed). */
    private int duration(String hhmm, String item, String what) {
        int h = Integer.parseInt(hhmm, 0, 2, 10), m = Integer.parseInt(hhmm, 2, 4, 10);
        if (m > 59) {
            fail(item, what + " " + hhmm.substring(0, 2) + ":" + hhmm.substring(2) + " out of range");
            return -1;
        }
        return h * 60 + m;
    }

    private Route route(String f, String item) {
        if (f.isEmpty()) return fail(item, "cruising speed, level and route missing");
        String[] tokens = f.split(" ");
        Speed[] speed = new Speed[1];
        Level[] level = new Level[1];
        if (!speedLevel(tokens[0], speed, level)) {
            return fail(
                    item,
                    "cruising speed and level '" + clip(tokens[0])
                            + "' not valid (N0450F350, M082F370, K0830S1130, N0110VFR)");
        }
        if (tokens.length == 1) return fail(item, "route missing after " + tokens[0] + " (DCT if direct)");
        List<String> elements = new ArrayList<>(tokens.length - 1);
        for (int i = 1; i < tokens.length; i++) {
            String bad = routeElement(tokens[i]);
            if (bad != null) return fail(item, bad);
            elements.add(tokens[i]);
        }
        return new Route(speed[0], level[0], elements);
    }

    /** Null when the element is valid, else why not. */
    private static String routeElement(String e) {
        if (ROUTE_WORDS.contains(e)) return null;
        String[] parts = e.split("/", -1);
        if (parts[0].equals("C")) {
            // cruise climb: C/point/speed level (level PLUS, or two levels)
            if (parts.length != 3 || !isPoint(parts[1]))
                return "cruise climb '" + clip(e) + "' must be C/point/speed and levels";
            return cruiseClimb(parts[2]) ? null : "cruise climb '" + clip(e) + "' has invalid speed and levels";
        }
        if (parts.length > 2) return "route element '" + clip(e) + "' has more than one '/'";
        if (!isPoint(parts[0]) && !DESIGNATOR.matcher(parts[0]).matches()) {
            return "route element '" + clip(e) + "' is not a point, ATS route, DCT or coordinate";
        }
        if (parts.length == 2) {
            if (!isPoint(parts[0])) return "speed/level change '" + clip(e) + "' must follow a point";
            if (!speedLevel(parts[1], new Speed[1], new Level[1]))
                return "speed/level '" + clip(parts[1]) + "' after " + parts[0] + " not valid";
        }
        return null;
    }

    private static boolean isPoint(String s) {
        return POINT_NAME.matcher(s).matches()
                || Coordinates.isCoordinate(s)
                || BEARING_DISTANCE.matcher(s).matches();
    }

    private static boolean cruiseClimb(String s) {
        Speed[] sp = new Speed[1];
        int n = speed(s, sp);
        if (n < 0) return false;
        String levels = s.substring(n);
        int first = level(levels, new Level[1]);
        if (first < 0) return false;
        String rest = levels.substring(first);
        return rest.equals("PLUS") || level(rest, new Level[1]) == rest.length();
    }

    /** Parses a whole "N0450F350" into out arrays; false when not valid. */
    private static boolean speedLevel(String s, Speed[] speed, Level[] level) {
        int n = speed(s, speed);
        if (n < 0) return false;
        String rest = s.substring(n);
        return level(rest, level) == rest.length() && !rest.isEmpty();
    }

    /** Length of a speed at the start of s, into out[0]; -1 if none. */
    private static int speed(String s, Speed[] out) {
        if (s.isEmpty()) return -1;
        char u = s.charAt(0);
        int digits = u == 'N' || u == 'K' ? 4 : u == 'M' ? 3 : -1;
        if (digits < 0 || s.length() < 1 + digits) return -1;
        int v = digitsAt(s, 1, digits);
        if (v < 0) return -1;
        out[0] = new Speed(u, v);
        return 1 + digits;
    }

    /** Length of a level at the start of s, into out[0]; -1 if none. */
    private static int level(String s, Level[] out) {
        if (s.startsWith("VFR")) {
            out[0] = Level.VFR;
            return 3;
        }
        if (s.isEmpty()) return -1;
        char u = s.charAt(0);
        int digits = u == 'F' || u == 'A' ? 3 : u == 'S' || u == 'M' ? 4 : -1;
        if (digits < 0 || s.length() < 1 + digits) return -1;
        int v = digitsAt(s, 1, digits);
        if (v < 0) return -1;
        out[0] = new Level(u, v);
        return 1 + digits;
    }

    private static int digitsAt(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private Destination destination(String f, String item) {
        String[] t = f.isEmpty() ? new String[0] : f.split(" ");
        if (t.length == 0) return fail(item, "destination aerodrome and total EET missing");
        Matcher m = AERODROME_TIME.matcher(t[0]);
        if (!m.matches())
            return fail(item, "'" + clip(t[0]) + "' is not destination aerodrome and total EET (LTFM0130)");
        int eet = duration(m.group(2), item, "total EET");
        if (eet < 0) return null;
        if (t.length > 3) return fail(item, "more than two alternate aerodromes");
        List<String> alternates = new ArrayList<>(2);
        for (int i = 1; i < t.length; i++) {
            if (!AERODROME.matcher(t[i]).matches())
                return fail(item, "alternate aerodrome '" + clip(t[i]) + "' is not four letters");
            alternates.add(t[i]);
        }
        return new Destination(m.group(1), eet, alternates);
    }

    private Other other(String f, String item) {
        if (f.isEmpty()) return fail(item, "other information missing (0 if none)");
        if (f.equals("0")) return new Other(List.of());
        if (!ITEM18_TEXT.matcher(f).matches()) {
            for (int i = 0; i < f.length(); i++) {
                if (!ITEM18_TEXT.matcher(f.substring(i, i + 1)).matches())
                    return fail(item, "character '" + f.charAt(i) + "' not allowed");
            }
        }
        String[] t = f.split(" ");
        List<Entry> entries = new ArrayList<>();
        String indicator = null;
        StringBuilder value = new StringBuilder();
        for (String token : t) {
            Matcher m = INDICATOR.matcher(token);
            if (m.matches()) {
                if (indicator != null && !entry(indicator, value.toString(), entries, item)) return null;
                indicator = m.group(1);
                value.setLength(0);
                value.append(m.group(2));
            } else {
                if (indicator == null)
                    return fail(item, "'" + clip(token) + "' is not an indicator (DOF/, REG/, RMK/ ...)");
                if (!value.isEmpty()) value.append(' ');
                value.append(token);
            }
        }
        if (!entry(indicator, value.toString(), entries, item)) return null;
        return new Other(entries);
    }

    /** Validates one item 18 entry and adds it; false (failed) when it is not valid. */
    private boolean entry(String indicator, String value, List<Entry> entries, String item) {
        if (value.isEmpty()) {
            fail(item, indicator + "/ has no text");
            return false;
        }
        String bad = switch (indicator) {
            case "DOF" -> dateOfFlight(value);
            case "CODE" ->
                value.matches("[0-9A-F]{6}") ? null : "CODE/" + clip(value) + " is not six hexadecimal digits";
            case "REG" ->
                value.matches("[A-Z0-9]{1,7}( [A-Z0-9]{1,7})*")
                        ? null
                        : "REG/" + clip(value) + " is not a registration (letters and digits, no hyphen)";
            case "SEL" ->
                value.matches("[A-S]{4}") ? null : "SEL/" + clip(value) + " is not a SELCAL code (four letters A-S)";
            case "STS" -> sts(value);
            case "EET" -> eet(value);
            case "PBN" ->
                value.matches("[A-Z0-9]{2,16}") ? null : "PBN/" + clip(value) + " is not PBN codes (at most eight)";
            default -> null;
        };
        if (bad != null) {
            fail(item, bad);
            return false;
        }
        entries.add(new Entry(indicator, value));
        return true;
    }

    private static String dateOfFlight(String v) {
        if (!v.matches("\\d{6}")) return "DOF/" + clip(v) + " is not YYMMDD";
        int y = Integer.parseInt(v, 0, 2, 10), m = Integer.parseInt(v, 2, 4, 10), d = Integer.parseInt(v, 4, 6, 10);
        if (m < 1 || m > 12 || d < 1 || d > LocalDate.of(2000 + y, m, 1).lengthOfMonth())
            return "DOF/" + v + " is not a date";
        return null;
    }

    private static String sts(String v) {
        for (String s : v.split(" "))
            if (!STS.contains(s))
                return "STS/" + clip(s) + " is not a special handling reason ("
                        + String.join(", ", new java.util.TreeSet<>(STS)) + ")";
        return null;
    }

    private static String eet(String v) {
        for (String s : v.split(" ")) {
            Matcher m = EET_ENTRY.matcher(s);
            if (!m.matches() || Integer.parseInt(m.group(1), 2, 4, 10) > 59)
                return "EET/ entry '" + clip(s) + "' is not a point or FIR with HHMM";
        }
        return null;
    }

    private Supplementary supplementary(String f) {
        if (f.isEmpty()) return fail("19", "supplementary information empty");
        return new Supplementary(f);
    }

    // ---------------------------------------------------------------- CHG, DLA, CNL, DEP

    private AtsMessage keyed(String type, String[] f) {
        if (f.length < 4)
            return fail(
                    f.length < 2 ? "7" : f.length < 3 ? "13" : "16",
                    "missing (" + type + " has items 7, 13, 16 and 18)");
        Identification id = identification(f[1]);
        Departure dep = departure(f[2], "13");
        Matcher d = AERODROME_OPT_TIME.matcher(f[3].split(" ")[0]);
        if (!d.matches()) fail("16", "'" + clip(f[3]) + "' is not a destination aerodrome");
        int next = 4;
        LocalDate dof = null;
        if (f.length > 4 && !AMENDMENT.matcher(f[4]).matches()) {
            Other other = other(f[4], "18");
            if (other != null) dof = other.dateOfFlight();
            next = 5;
        }
        List<FplItem> amendments = new ArrayList<>();
        for (int i = next; i < f.length; i++) {
            if (!type.equals("CHG")) return fail("18", type + " has nothing after item 18: '" + clip(f[i]) + "'");
            Matcher a = AMENDMENT.matcher(f[i]);
            if (!a.matches())
                return fail("22", "amendment '" + clip(f[i]) + "' must be item number, '/', new text (8/IS)");
            FplItem item = amendment(a.group(1), a.group(2));
            if (item == null) return fail("22", "amendment of item " + a.group(1) + " not supported");
            amendments.add(item);
        }
        if (failItem != null) return null;
        FlightKey key = new FlightKey(id.aircraftId(), dep.aerodrome(), d.group(1), dof);
        return switch (type) {
            case "CHG" ->
                amendments.isEmpty()
                        ? fail("22", "CHG without amendments")
                        : new AtsMessage.Chg(key, dep.eobtMinutes(), amendments);
            case "DLA" -> new AtsMessage.Dla(key, dep.eobtMinutes());
            case "CNL" -> new AtsMessage.Cnl(key, dep.eobtMinutes());
            default -> new AtsMessage.Dep(key, dep.eobtMinutes());
        };
    }

    private FplItem amendment(String number, String text) {
        String n = number.length() == 2 && number.charAt(0) == '0' ? number.substring(1) : number;
        return switch (n) {
            case "7" -> identification(text);
            case "8" -> rules(text);
            case "9" -> aircraft(text);
            case "10" -> equipment(text);
            case "13" -> departure(text, "13");
            case "15" -> route(text, "15");
            case "16" -> destination(text, "16");
            case "18" -> other(text, "18");
            case "19" -> supplementary(text);
            default -> null;
        };
    }

    // ---------------------------------------------------------------- ARR

    private AtsMessage arr(String[] f) {
        if (f.length < 4)
            return fail(f.length < 2 ? "7" : f.length < 3 ? "13" : "17", "missing (ARR has items 7, 13, [16,] 17)");
        if (f.length > 5) return fail("17", "too many fields for ARR");
        Identification id = identification(f[1]);
        Matcher dep = AERODROME_OPT_TIME.matcher(f[2]);
        if (!dep.matches()) fail("13", "'" + clip(f[2]) + "' is not a departure aerodrome");
        String filedDest = null;
        if (f.length == 5) {
            Matcher d = AERODROME_OPT_TIME.matcher(f[3].split(" ")[0]);
            if (!d.matches()) fail("16", "'" + clip(f[3]) + "' is not a destination aerodrome");
            else filedDest = d.group(1);
        }
        String arrival = f[f.length - 1];
        Matcher a = AERODROME_TIME.matcher(arrival.split(" ")[0]);
        if (!a.matches()) return fail("17", "'" + clip(arrival) + "' is not arrival aerodrome and time (LTFM1342)");
        int t = timeOfDay(a.group(2), "17", "arrival time");
        if (failItem != null) return null;
        FlightKey key = new FlightKey(id.aircraftId(), dep.group(1), filedDest != null ? filedDest : a.group(1), null);
        return new AtsMessage.Arr(key, a.group(1), t);
    }

    /** Quotes at most 24 characters of bad input in a reason. */
    private static String clip(String s) {
        return s.length() <= 24 ? s : s.substring(0, 24) + "...";
    }
}
