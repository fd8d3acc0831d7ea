package org.vigil.server.sim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vigil.core.sim.AircraftType;
import org.vigil.core.sim.Airport;
import org.vigil.core.sim.BackgroundSpec;
import org.vigil.core.sim.Degradation;
import org.vigil.core.sim.EventKind;
import org.vigil.core.sim.FlightEvent;
import org.vigil.core.sim.FlightSpec;
import org.vigil.core.sim.QraUnit;
import org.vigil.core.sim.RadarSpec;
import org.vigil.core.sim.ReceiverSpec;
import org.vigil.core.sim.Scenario;

/**
 * Reads a scenario YAML file (format in docs/SCENARIOS.md) into a {@link Scenario}. Every
 * problem is reported as {@code file:line: field: expected ..., got ...}; unknown fields are
 * errors too, so a misspelt key cannot silently fall back to a default.
 */
public final class ScenarioLoader {
    /** Index of the built-in scenarios, resources {@code /scenarios/NAME.yaml}. */
    private static final String INDEX = "/scenarios/index.txt";

    private final String file;
    private final Map<String, Airport> airports;

    private ScenarioLoader(String file, Map<String, Airport> airports) {
        this.file = file;
        this.airports = new LinkedHashMap<>(airports);
    }

    /** Names of the built-in scenarios (listed in {@code /scenarios/index.txt}). */
    public static List<String> builtIns() {
        return ResourceIndex.names(INDEX);
    }

    /** A built-in name or a path to a YAML file. */
    public static Scenario load(String nameOrPath) throws ScenarioException {
        Source src = read(nameOrPath);
        return parse(src.text(), src.file());
    }

    /**
     * The text of a scenario file before parsing.
     *
     * @param text the YAML text
     * @param file the name used in error messages
     * @param dir  the directory of a file on disk (a relative {@code theatre:} path is resolved from it), null for
     *             a built-in
     */
    public record Source(String text, String file, Path dir) {}

    /** Reads a built-in name or a YAML file, without parsing it. */
    public static Source read(String nameOrPath) throws ScenarioException {
        if (builtIns().contains(nameOrPath)) {
            try (InputStream in = ScenarioLoader.class.getResourceAsStream("/scenarios/" + nameOrPath + ".yaml")) {
                if (in == null) throw new ScenarioException(nameOrPath + ": built-in scenario missing from the build");
                return new Source(new String(in.readAllBytes(), StandardCharsets.UTF_8), nameOrPath + ".yaml", null);
            } catch (IOException e) {
                throw new ScenarioException(nameOrPath + ": cannot read the built-in scenario: " + e.getMessage());
            }
        }
        Path p = Path.of(nameOrPath);
        if (!Files.isRegularFile(p)) {
            throw new ScenarioException(
                    nameOrPath + ": no such scenario file (built-in scenarios: " + String.join(", ", builtIns()) + ")");
        }
        try {
            Path dir = p.toAbsolutePath().getParent();
            return new Source(Files.readString(p), p.toString(), dir);
        } catch (IOException e) {
            throw new ScenarioException(nameOrPath + ": cannot read: " + e.getMessage());
        }
    }

    /** Parses YAML text; {@code file} is used in error messages. */
    public static Scenario parse(String yaml, String file) throws ScenarioException {
        return parse(yaml, file, Map.of());
    }

    /**
     * Parses YAML text whose airport codes may also name {@code theatreAirports} (a theatre's table; the
     * scenario's own {@code airports:} section still wins).
     */
    public static Scenario parse(String yaml, String file, Map<String, Airport> theatreAirports)
            throws ScenarioException {
        Map<String, Airport> known = new LinkedHashMap<>(Airports.builtIn());
        known.putAll(theatreAirports);
        return new ScenarioLoader(file, known).scenario(YamlNode.parse(yaml, file));
    }

    /** The {@code theatre:} key of a scenario (a built-in theatre name or a directory), null without one. */
    public static String theatreOf(String yaml, String file) throws ScenarioException {
        YamlNode root = YamlNode.parse(yaml, file);
        if (root.map == null || !root.map.containsKey("theatre")) return null;
        ScenarioLoader l = new ScenarioLoader(file, Map.of());
        return l.text(root.map.get("theatre"));
    }

    /** Radar and ADS-B receiver sites, as in a scenario's {@code radars:} and {@code receivers:} sections. */
    public record Sensors(List<RadarSpec> radars, List<ReceiverSpec> receivers) {
        public Sensors {
            radars = List.copyOf(radars);
            receivers = List.copyOf(receivers);
        }
    }

    /**
     * Reads a sensors file (a theatre's {@code sensors.yaml}): {@code radars:} and {@code receivers:} in the
     * scenario format, with the same checks; positions may name {@code airports}.
     */
    public static Sensors parseSensors(String yaml, String file, Map<String, Airport> airports)
            throws ScenarioException {
        Map<String, Airport> known = new LinkedHashMap<>(Airports.builtIn());
        known.putAll(airports);
        ScenarioLoader l = new ScenarioLoader(file, known);
        YamlNode root = YamlNode.parse(yaml, file);
        l.requireMap(root, "the sensors {radars, receivers}");
        l.allow(root, "radars", "receivers");
        return new Sensors(l.radars(root), l.receivers(root));
    }

    // ------------------------------------------------------------------ sections

    private Scenario scenario(YamlNode root) throws ScenarioException {
        requireMap(root, "the scenario");
        allow(
                root,
                "name",
                "start",
                "duration",
                "seed",
                "area",
                "wind",
                "truth-interval",
                "airports",
                "radars",
                "receivers",
                "flights",
                "qra",
                "background",
                "theatre",
                "degradations",
                "gnss");
        if (root.map.containsKey("theatre")) text(root.map.get("theatre")); // resolved by the theatre loader
        String name = text(req(root, "name"));
        long start = instant(req(root, "start"));
        double duration = duration(req(root, "duration"));
        long seed =
                root.map.containsKey("seed") ? (long) number(root.map.get("seed"), Long.MIN_VALUE, Long.MAX_VALUE) : 0;
        YamlNode area = req(root, "area");
        requireMap(area, "the area {south, north, west, east}");
        allow(area, "south", "north", "west", "east");
        double south = number(req(area, "south"), -90, 90), north = number(req(area, "north"), -90, 90);
        double west = number(req(area, "west"), -180, 180), east = number(req(area, "east"), -180, 180);
        if (north <= south) fail(area, "north must be above south");
        if (east <= west) fail(area, "east must be east of west");
        double windFrom = Double.NaN, windKt = 0;
        if (root.map.containsKey("wind")) {
            YamlNode w = root.map.get("wind");
            requireMap(w, "wind {from: degrees, speed: knots}");
            allow(w, "from", "speed");
            windFrom = number(req(w, "from"), 0, 360);
            windKt = number(req(w, "speed"), 0, 250);
        }
        double truth = root.map.containsKey("truth-interval") ? duration(root.map.get("truth-interval")) : 1.0;
        if (truth < 0.5) fail(root.map.get("truth-interval"), "at least 0.5s (the simulation step)");
        for (YamlNode a : list(root, "airports")) airport(a);
        List<RadarSpec> radars = radars(root);
        List<ReceiverSpec> receivers = receivers(root);
        List<FlightSpec> flights = new ArrayList<>();
        Set<String> callsigns = new HashSet<>();
        Set<Integer> addresses = new HashSet<>();
        for (YamlNode f : list(root, "flights")) {
            FlightSpec spec = flight(f);
            if (!spec.callsign().isEmpty() && !callsigns.add(spec.callsign()))
                fail(f, "callsign " + spec.callsign() + " is used twice");
            if (!addresses.add(spec.icao())) fail(f, "ICAO address " + hex(spec.icao()) + " is used twice");
            flights.add(spec);
        }
        for (int i = 0; i < flights.size(); i++) {
            for (FlightEvent e : flights.get(i).events()) {
                if (e.kind() == EventKind.JOIN && !callsigns.contains(e.target())) {
                    fail(root.map.get("flights").list.get(i), "join: no flight called " + e.target());
                }
            }
        }
        List<QraUnit> qra = new ArrayList<>();
        for (YamlNode q : list(root, "qra")) qra.add(qra(q));
        BackgroundSpec background = root.map.containsKey("background") ? background(root.map.get("background")) : null;
        List<Degradation> degradations = new ArrayList<>();
        for (YamlNode d : list(root, "degradations")) degradations.add(degradation(d, radars, receivers));
        return new Scenario(
                name,
                start,
                duration,
                seed,
                south,
                north,
                west,
                east,
                windFrom,
                windKt,
                truth,
                radars,
                receivers,
                flights,
                qra,
                background,
                degradations,
                gnssAreas(root));
    }

    /**
     * {name, kind: jamming|spoofing, lat, lon, radius (NM), power (dB at 1 NM, jamming), from, to,
     * to-lat/to-lon (spoofing to one point) or offset (NM)/bearing (spoofing by a shift)}.
     */
    private List<org.vigil.core.sim.GnssArea> gnssAreas(YamlNode root) throws ScenarioException {
        List<org.vigil.core.sim.GnssArea> out = new ArrayList<>();
        for (YamlNode g : list(root, "gnss")) {
            requireMap(g, "a GNSS interference {name, kind, lat, lon, radius, power, from, to, ...}");
            allow(
                    g, "name", "kind", "lat", "lon", "radius", "power", "from", "to", "to-lat", "to-lon", "offset",
                    "bearing");
            String name = g.map.containsKey("name") ? text(g.map.get("name")) : "gnss-" + (out.size() + 1);
            String k = text(req(g, "kind"));
            org.vigil.core.sim.GnssArea.Kind kind = null;
            for (org.vigil.core.sim.GnssArea.Kind c : org.vigil.core.sim.GnssArea.Kind.values())
                if (c.label().equals(k)) kind = c;
            if (kind == null) fail(g.map.get("kind"), "jamming or spoofing");
            double lat = number(req(g, "lat"), -90, 90), lon = number(req(g, "lon"), -180, 180);
            double radius = number(req(g, "radius"), 0.1, 1000);
            double power = opt(g, "power", org.vigil.core.sim.GnssArea.defaultPowerDb(radius), 0, 200);
            double from = g.map.containsKey("from") ? duration(g.map.get("from")) : 0;
            double to = g.map.containsKey("to") ? duration(g.map.get("to")) : Double.MAX_VALUE;
            if (!(to > from)) fail(g, "to after from");
            double toLat = Double.NaN, toLon = Double.NaN, offset = 0, bearing = 0;
            if (kind == org.vigil.core.sim.GnssArea.Kind.SPOOFING) {
                boolean point = g.map.containsKey("to-lat") || g.map.containsKey("to-lon");
                if (point == g.map.containsKey("offset")) fail(g, "either to-lat/to-lon or offset/bearing");
                if (point) {
                    toLat = number(req(g, "to-lat"), -90, 90);
                    toLon = number(req(g, "to-lon"), -180, 180);
                } else {
                    offset = number(req(g, "offset"), 0.1, 1000);
                    bearing = opt(g, "bearing", 0, 0, 360);
                }
            } else if (g.map.containsKey("to-lat") || g.map.containsKey("offset")) {
                fail(g, "no to-lat/offset for jamming");
            }
            out.add(new org.vigil.core.sim.GnssArea(
                    name, kind, lat, lon, radius, power, from, to, toLat, toLon, offset, bearing));
        }
        return out;
    }

    /** {sensor: NAME, kind: drop|latency|reorder|stale, from: 10m, to: 15m, delay: 2s}; latency/reorder/stale for receivers. */
    private Degradation degradation(YamlNode d, List<RadarSpec> radars, List<ReceiverSpec> receivers)
            throws ScenarioException {
        requireMap(d, "a degradation {sensor, kind, from, to, delay}");
        allow(d, "sensor", "kind", "from", "to", "delay");
        String sensor = text(req(d, "sensor"));
        boolean radar = radars.stream().anyMatch(r -> r.name().equals(sensor));
        boolean receiver = receivers.stream().anyMatch(r -> r.name().equals(sensor));
        if (!radar && !receiver) fail(d.map.get("sensor"), "the name of a radar or receiver of the scenario");
        String k = text(req(d, "kind"));
        Degradation.Kind kind = null;
        for (Degradation.Kind c : Degradation.Kind.values()) if (c.label().equals(k)) kind = c;
        if (kind == null) fail(d.map.get("kind"), "drop, latency, reorder or stale");
        if (radar && !receiver && kind != Degradation.Kind.DROP)
            fail(d.map.get("kind"), "drop (radars can only be dropped)");
        double from = d.map.containsKey("from") ? duration(d.map.get("from")) : 0;
        double to = d.map.containsKey("to") ? duration(d.map.get("to")) : Double.MAX_VALUE;
        if (!(to > from)) fail(d, "to after from");
        double delay = 0;
        if (kind != Degradation.Kind.DROP) {
            delay = duration(req(d, "delay"));
            if (!(delay > 0)) fail(d.map.get("delay"), "a delay > 0");
        }
        return new Degradation(sensor, kind, from, to, delay);
    }

    private List<RadarSpec> radars(YamlNode root) throws ScenarioException {
        List<RadarSpec> radars = new ArrayList<>();
        Set<Integer> sensorIds = new HashSet<>();
        for (YamlNode r : list(root, "radars")) {
            RadarSpec spec = radar(r);
            if (!sensorIds.add(spec.sac() << 8 | spec.sic()))
                fail(r, "SAC/SIC " + spec.sac() + "/" + spec.sic() + " is used twice");
            radars.add(spec);
        }
        return radars;
    }

    private List<ReceiverSpec> receivers(YamlNode root) throws ScenarioException {
        List<ReceiverSpec> receivers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode r : list(root, "receivers")) {
            ReceiverSpec spec = receiver(r);
            if (!names.add(spec.name())) fail(r, "receiver name '" + spec.name() + "' is used twice");
            receivers.add(spec);
        }
        return receivers;
    }

    private void airport(YamlNode a) throws ScenarioException {
        requireMap(a, "an airport {icao, name, position, elevation}");
        allow(a, "icao", "name", "position", "elevation");
        String icao = text(req(a, "icao")).toUpperCase(Locale.ROOT);
        double[] p = point(req(a, "position"));
        double elev = a.map.containsKey("elevation") ? number(a.map.get("elevation"), -1500, 15000) : 0;
        String name = a.map.containsKey("name") ? text(a.map.get("name")) : icao;
        airports.put(icao, new Airport(icao, name, p[0], p[1], elev));
    }

    private RadarSpec radar(YamlNode r) throws ScenarioException {
        requireMap(r, "a radar");
        allow(
                r,
                "name",
                "sac",
                "sic",
                "position",
                "height",
                "range",
                "rotation",
                "pd",
                "range-noise",
                "azimuth-noise",
                "primary",
                "secondary",
                "clutter");
        String secondary = r.map.containsKey("secondary") ? text(r.map.get("secondary")) : "mode-s";
        RadarSpec.Secondary sec = switch (secondary) {
            case "none" -> RadarSpec.Secondary.NONE;
            case "ssr" -> RadarSpec.Secondary.SSR;
            case "mode-s" -> RadarSpec.Secondary.MODE_S;
            default -> throw error(r.map.get("secondary"), "one of none, ssr, mode-s");
        };
        boolean primary = !r.map.containsKey("primary") || bool(r.map.get("primary"));
        if (!primary && sec == RadarSpec.Secondary.NONE) fail(r, "a radar needs a primary or a secondary part");
        double[] p = point(req(r, "position"));
        double rotation = duration(req(r, "rotation"));
        if (rotation < 1 || rotation > 60) fail(r.map.get("rotation"), "a rotation period between 1s and 60s");
        return new RadarSpec(
                text(req(r, "name")),
                (int) number(req(r, "sac"), 0, 255),
                (int) number(req(r, "sic"), 0, 255),
                p[0],
                p[1],
                opt(r, "height", 0, -100, 5000),
                number(req(r, "range"), 1, 300),
                rotation,
                opt(r, "pd", 0.95, 0, 1),
                opt(r, "range-noise", 50, 0, 2000),
                opt(r, "azimuth-noise", 0.07, 0, 2),
                primary,
                sec,
                opt(r, "clutter", 0, 0, 1000));
    }

    private ReceiverSpec receiver(YamlNode r) throws ScenarioException {
        requireMap(r, "an ADS-B receiver");
        allow(r, "name", "position", "height", "range", "loss");
        String name = text(req(r, "name"));
        if (!name.matches("[A-Za-z0-9_-]+")) fail(r.map.get("name"), "letters, digits, - and _ only (it names a file)");
        double[] p = point(req(r, "position"));
        return new ReceiverSpec(
                name,
                p[0],
                p[1],
                opt(r, "height", 30, -100, 5000),
                number(req(r, "range"), 1, 400),
                opt(r, "loss", 0.05, 0, 1));
    }

    private FlightSpec flight(YamlNode f) throws ScenarioException {
        requireMap(f, "a flight");
        allow(
                f,
                "callsign",
                "icao",
                "type",
                "squawk",
                "transponder",
                "adsb",
                "flight-plan",
                "from",
                "to",
                "route",
                "start",
                "altitude",
                "cruise",
                "speed",
                "rules",
                "events");
        String callsign =
                f.map.containsKey("callsign") ? text(f.map.get("callsign")).toUpperCase(Locale.ROOT) : "";
        if (!callsign.matches("[A-Z0-9]{0,7}")) fail(f.map.get("callsign"), "up to 7 letters and digits");
        YamlNode icaoNode = req(f, "icao");
        int icao;
        try {
            icao = Integer.parseInt(text(icaoNode), 16);
        } catch (NumberFormatException e) {
            throw error(icaoNode, "a 24-bit address in hex, e.g. 4A8123");
        }
        if (icao < 0 || icao > 0xFFFFFF || text(icaoNode).length() != 6)
            throw error(icaoNode, "six hex digits, e.g. 4A8123");
        YamlNode typeNode = req(f, "type");
        AircraftType type = AircraftType.of(text(typeNode));
        if (type == null) throw error(typeNode, "an aircraft type, one of " + AircraftType.designators());
        boolean transponder = !f.map.containsKey("transponder") || bool(f.map.get("transponder"));
        boolean adsb = f.map.containsKey("adsb") ? bool(f.map.get("adsb")) : transponder;
        if (adsb && !transponder && f.map.containsKey("adsb"))
            fail(f.map.get("adsb"), "ADS-B needs the transponder on");
        int squawk = f.map.containsKey("squawk") ? squawk(f.map.get("squawk")) : 2000;
        boolean plan = !f.map.containsKey("flight-plan") || bool(f.map.get("flight-plan"));
        Airport from = f.map.containsKey("from") ? airportRef(f.map.get("from")) : null;
        Airport to = f.map.containsKey("to") ? airportRef(f.map.get("to")) : null;
        List<double[]> route = new ArrayList<>();
        if (from != null) route.add(new double[] {from.lat(), from.lon()});
        for (YamlNode p : list(f, "route")) route.add(point(p));
        if (to != null) route.add(new double[] {to.lat(), to.lon()});
        if (route.size() < 2) fail(f, "a route: 'from'/'to' airports and/or 'route' points, at least two in all");
        double start = f.map.containsKey("start") ? duration(f.map.get("start")) : 0;
        double startAlt = f.map.containsKey("altitude") ? altitude(f.map.get("altitude")) : Double.NaN;
        if (from == null && Double.isNaN(startAlt))
            fail(f, "'altitude' (a flight not departing from an airport starts in the air)");
        double cruise = f.map.containsKey("cruise")
                ? altitude(f.map.get("cruise"))
                : !Double.isNaN(startAlt) ? startAlt : type.cruiseFt();
        if (cruise > type.ceilingFt())
            fail(
                    f.map.get("cruise"),
                    "at most the " + type.designator() + " ceiling of " + (int) type.ceilingFt() + " ft");
        double speed = f.map.containsKey("speed") ? number(f.map.get("speed"), 40, 1500) : type.cruiseKt();
        char rules = 'I';
        if (f.map.containsKey("rules")) {
            String r = text(f.map.get("rules"));
            if (!r.equals("IFR") && !r.equals("VFR")) fail(f.map.get("rules"), "IFR or VFR");
            rules = r.charAt(0);
        }
        List<FlightEvent> events = new ArrayList<>();
        for (YamlNode e : list(f, "events")) events.add(event(e));
        events.sort((a, b) -> Double.compare(a.atSeconds(), b.atSeconds()));
        return new FlightSpec(
                callsign,
                icao,
                type,
                squawk,
                transponder,
                adsb && transponder,
                plan,
                from,
                to,
                route,
                start,
                startAlt,
                cruise,
                speed,
                rules,
                events);
    }

    private FlightEvent event(YamlNode e) throws ScenarioException {
        requireMap(e, "an event {at, event, ...}");
        double at = duration(req(e, "at"));
        YamlNode kindNode = req(e, "event");
        EventKind kind = EventKind.ofText(text(kindNode));
        if (kind == null) {
            List<String> all = new ArrayList<>();
            for (EventKind k : EventKind.values()) all.add(k.text);
            throw error(kindNode, "one of " + all);
        }
        switch (kind) {
            case SQUAWK -> {
                allow(e, "at", "event", "code");
                return FlightEvent.of(at, kind, squawk(req(e, "code")));
            }
            case LEAVE_ROUTE -> {
                allow(e, "at", "event", "heading");
                return FlightEvent.of(at, kind, number(req(e, "heading"), 0, 360));
            }
            case SPEED -> {
                allow(e, "at", "event", "speed");
                return FlightEvent.of(at, kind, number(req(e, "speed"), 40, 1500));
            }
            case LEVEL -> {
                allow(e, "at", "event", "altitude");
                return FlightEvent.of(at, kind, altitude(req(e, "altitude")));
            }
            case ADSB_SPOOF -> {
                allow(e, "at", "event", "offset", "bearing");
                return new FlightEvent(
                        at, kind, number(req(e, "offset"), 0, 500), number(req(e, "bearing"), 0, 360), null);
            }
            case JOIN -> {
                allow(e, "at", "event", "target");
                return new FlightEvent(
                        at, kind, Double.NaN, Double.NaN, text(req(e, "target")).toUpperCase(Locale.ROOT));
            }
            default -> {
                allow(e, "at", "event");
                return FlightEvent.of(at, kind);
            }
        }
    }

    private QraUnit qra(YamlNode q) throws ScenarioException {
        requireMap(q, "a QRA unit");
        allow(q, "name", "base", "type", "nation", "count", "readiness", "callsign", "icao");
        YamlNode typeNode = req(q, "type");
        AircraftType type = AircraftType.of(text(typeNode));
        if (type == null) throw error(typeNode, "an aircraft type, one of " + AircraftType.designators());
        String nation = text(req(q, "nation"));
        if (!nation.matches("[A-Z]{2}")) fail(q.map.get("nation"), "a two-letter country code, e.g. NL");
        int icao = 0;
        if (q.map.containsKey("icao")) {
            try {
                icao = Integer.parseInt(text(q.map.get("icao")), 16);
            } catch (NumberFormatException ex) {
                throw error(q.map.get("icao"), "a 24-bit address in hex");
            }
        }
        return new QraUnit(
                text(req(q, "name")),
                airportRef(req(q, "base")),
                type,
                nation,
                (int) number(req(q, "count"), 1, 24),
                q.map.containsKey("readiness") ? text(q.map.get("readiness")) : "QRA15",
                q.map.containsKey("callsign") ? text(q.map.get("callsign")) : nation + "QRA",
                icao);
    }

    private BackgroundSpec background(YamlNode b) throws ScenarioException {
        requireMap(b, "background {per-hour, airborne, airports, types}");
        allow(b, "per-hour", "airborne", "airports", "types", "adsb-share");
        List<Airport> aps = new ArrayList<>();
        for (YamlNode a : list(b, "airports")) aps.add(airportRef(a));
        if (aps.size() < 2) fail(b, "at least two airports");
        List<AircraftType> types = new ArrayList<>();
        for (YamlNode t : list(b, "types")) {
            AircraftType type = AircraftType.of(text(t));
            if (type == null) throw error(t, "an aircraft type, one of " + AircraftType.designators());
            types.add(type);
        }
        if (types.isEmpty()) types.add(AircraftType.of("A320"));
        return new BackgroundSpec(
                // up to a worldwide aggregator's load (issue 20: 100,000 flights at once)
                opt(b, "per-hour", 0, 0, 1_000_000),
                (int) opt(b, "airborne", 0, 0, 200_000),
                aps,
                types,
                opt(b, "adsb-share", 0.9, 0, 1));
    }

    // ------------------------------------------------------------------ values

    private Airport airportRef(YamlNode n) throws ScenarioException {
        String icao = text(n).toUpperCase(Locale.ROOT);
        Airport a = airports.get(icao);
        if (a == null) throw error(n, "an airport ICAO code known from airports.csv or the 'airports' section");
        return a;
    }

    /** [lat, lon] or an airport code. */
    private double[] point(YamlNode n) throws ScenarioException {
        if (n.list != null) {
            if (n.list.size() != 2) throw error(n, "[latitude, longitude]");
            return new double[] {number(n.list.get(0), -90, 90), number(n.list.get(1), -180, 180)};
        }
        if (n.text != null && !n.isNull) {
            Airport a = airportRef(n);
            return new double[] {a.lat(), a.lon()};
        }
        throw error(n, "[latitude, longitude] or an airport code");
    }

    private int squawk(YamlNode n) throws ScenarioException {
        String s = text(n);
        if (!s.matches("[0-7]{4}")) throw error(n, "a Mode A code of four octal digits, e.g. 7600");
        return Integer.parseInt(s);
    }

    /** "FL350", or feet as a number. */
    private double altitude(YamlNode n) throws ScenarioException {
        String s = text(n).trim();
        if (s.startsWith("FL")) {
            try {
                double fl = Double.parseDouble(s.substring(2));
                if (fl >= 0 && fl <= 700) return fl * 100;
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw error(n, "a flight level FL000..FL700 or feet");
        }
        return number(n, -1500, 70_000);
    }

    /** "90", "90s", "10m", "1h", "1h30m". */
    double duration(YamlNode n) throws ScenarioException {
        double v = seconds(text(n).trim());
        if (Double.isNaN(v)) throw error(n, "a duration such as 90s, 10m, 1h or 1h30m");
        return v;
    }

    private static final java.util.regex.Pattern DURATION_PART =
            java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)([hms])");

    /** Seconds in a duration text, NaN when it is not one. */
    static double seconds(String s) {
        if (s.matches("\\d+(\\.\\d+)?")) return Double.parseDouble(s);
        if (!s.matches("(\\d+(\\.\\d+)?[hms])+")) return Double.NaN;
        double total = 0;
        java.util.regex.Matcher m = DURATION_PART.matcher(s);
        while (m.find()) {
            double v = Double.parseDouble(m.group(1));
            total += switch (m.group(2)) {
                case "h" -> v * 3600;
                case "m" -> v * 60;
                default -> v;
            };
        }
        return total;
    }

    /** Parses a duration given outside a file (command-line options); {@code what} names the option. */
    public static double parseDuration(String text, String what) throws ScenarioException {
        double v = seconds(text.trim());
        if (Double.isNaN(v) || v <= 0) {
            throw new ScenarioException(what + ": expected a duration such as 90s, 10m or 1h, got '" + text + "'");
        }
        return v;
    }

    private long instant(YamlNode n) throws ScenarioException {
        try {
            return Instant.parse(text(n)).getEpochSecond();
        } catch (DateTimeParseException e) {
            throw error(n, "a UTC time such as 2022-04-20T09:00:00Z");
        }
    }

    private double number(YamlNode n, double min, double max) throws ScenarioException {
        if (n.text == null || n.isNull) throw error(n, "a number between " + fmt(min) + " and " + fmt(max));
        double v;
        try {
            v = Double.parseDouble(n.text);
        } catch (NumberFormatException e) {
            throw error(n, "a number between " + fmt(min) + " and " + fmt(max));
        }
        if (!(v >= min && v <= max)) throw error(n, "a number between " + fmt(min) + " and " + fmt(max));
        return v;
    }

    private double opt(YamlNode parent, String key, double dflt, double min, double max) throws ScenarioException {
        YamlNode n = parent.map.get(key);
        return n == null ? dflt : number(n, min, max);
    }

    private boolean bool(YamlNode n) throws ScenarioException {
        if ("true".equals(n.text) || "on".equals(n.text) || "yes".equals(n.text)) return true;
        if ("false".equals(n.text) || "off".equals(n.text) || "no".equals(n.text)) return false;
        throw error(n, "true or false");
    }

    private String text(YamlNode n) throws ScenarioException {
        if (n.text == null || n.isNull) throw error(n, "a value");
        return n.text;
    }

    private List<YamlNode> list(YamlNode parent, String key) throws ScenarioException {
        YamlNode n = parent.map.get(key);
        if (n == null || n.isNull) return List.of();
        if (n.list == null) throw error(n, "a list");
        return n.list;
    }

    private YamlNode req(YamlNode parent, String key) throws ScenarioException {
        YamlNode n = parent.map.get(key);
        if (n == null) {
            String where = parent.path.isEmpty() ? key : parent.path + "." + key;
            throw new ScenarioException(file + ":" + parent.line + ": " + where + ": missing (required)");
        }
        return n;
    }

    private void requireMap(YamlNode n, String what) throws ScenarioException {
        if (n.map == null) throw error(n, what + " as a mapping");
    }

    private void allow(YamlNode n, String... keys) throws ScenarioException {
        List<String> ok = List.of(keys);
        for (Map.Entry<String, YamlNode> e : n.map.entrySet()) {
            if (!ok.contains(e.getKey())) {
                throw new ScenarioException(file + ":" + e.getValue().line + ": " + e.getValue().path
                        + ": unknown field (expected one of " + String.join(", ", ok) + ")");
            }
        }
    }

    private ScenarioException error(YamlNode n, String expected) {
        return new ScenarioException(file + ":" + n.line + ": " + (n.path.isEmpty() ? "(top)" : n.path) + ": expected "
                + expected + ", got " + n.kind());
    }

    private void fail(YamlNode n, String expected) throws ScenarioException {
        throw new ScenarioException(
                file + ":" + n.line + ": " + (n.path.isEmpty() ? "(top)" : n.path) + ": expected " + expected);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String hex(int v) {
        return String.format("%06X", v);
    }
}
