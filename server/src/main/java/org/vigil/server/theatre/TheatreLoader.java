package org.vigil.server.theatre;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Envelope;
import org.vigil.core.airspace.NationalAirspace;
import org.vigil.core.airspace.NatoMembership;
import org.vigil.core.airspace.ZoneLoader;
import org.vigil.core.airspace.Zones;
import org.vigil.core.flightplan.RoutePoints;
import org.vigil.core.ident.IdentRules;
import org.vigil.core.qra.AircraftProfile;
import org.vigil.core.qra.Posture;
import org.vigil.core.qra.QraYaml;
import org.vigil.core.qra.scramble.ScrambleConfig;
import org.vigil.core.sim.Airport;
import org.vigil.core.sim.RadarSpec;
import org.vigil.core.sim.ReceiverSpec;
import org.vigil.server.picture.Theatre;
import org.vigil.server.sim.ResourceIndex;
import org.vigil.server.sim.ScenarioException;
import org.vigil.server.sim.ScenarioLoader;
import org.vigil.server.sim.YamlNode;

/**
 * Reads a theatre — a directory, or a built-in one by name — into a {@link Theatre} (format and
 * schema in docs/THEATRES.md). Each part is read by the loader that owns its format (QRA posture:
 * {@link QraYaml}; zones: {@link ZoneLoader}; identification rules and lists: {@link IdentRules};
 * NATO table: {@link NatoMembership}; sensors and the default scenario: {@link ScenarioLoader}),
 * and every problem found is collected with its file, line and field, so that {@code vigil theatre
 * check} reports them all at once. Runs at start-up only.
 */
public final class TheatreLoader {
    /** The file every theatre has. */
    public static final String THEATRE_FILE = "theatre.yaml";
    /** Lists the built-in theatres, one name a line; the first is the default. */
    private static final String INDEX = "/theatres/index.txt";
    /** A value meaning "the data bundled with Vigil" for {@code airspace} and {@code route-points}. */
    static final String DEFAULT = "default";

    /** National airspace built from one source: building takes seconds, so built once per source. */
    private static final Map<String, NationalAirspace> AIRSPACES = new ConcurrentHashMap<>();

    private TheatreLoader() {}

    // ------------------------------------------------------------------ what Vigil bundles

    /**
     * National airspace when a theatre does not bring its own ({@code airspace: default}): every
     * state of Europe and its neighbours (docs/AIRSPACE.md).
     */
    public static NationalAirspace defaultNationalAirspace() {
        return NationalAirspace.europe();
    }

    /** The route points table every theatre's own airports and waypoints are added to: Europe's aerodromes. */
    static RoutePoints defaultRoutePoints() {
        return RoutePoints.bundled();
    }

    /** Names of the built-in theatres, the default first. */
    public static List<String> builtIns() {
        return ResourceIndex.names(INDEX);
    }

    /** The theatre used when none is named: the first built-in. */
    public static String defaultName() {
        return builtIns().get(0);
    }

    // ------------------------------------------------------------------ loading

    /** A built-in name or a theatre directory; a fresh value per call (the posture follows orders). */
    public static Theatre load(String nameOrDir) throws TheatreException {
        return open(nameOrDir, null).theatre();
    }

    /** A theatre and where it was read from (its default scenario is read from there too). */
    record Opened(Theatre theatre, TheatreFiles files, String scenarioRef) {}

    static Opened open(String nameOrDir, Path relativeTo) throws TheatreException {
        TheatreFiles files = locate(nameOrDir, relativeTo);
        Reader r = new Reader(files);
        Theatre t = r.read();
        if (!r.problems.isEmpty()) throw new TheatreException(r.problems);
        return new Opened(t, files, r.scenarioRef);
    }

    private static TheatreFiles locate(String nameOrDir, Path relativeTo) throws TheatreException {
        if (builtIns().contains(nameOrDir)) return TheatreFiles.builtIn(nameOrDir);
        Path dir = relativeTo == null ? Path.of(nameOrDir) : relativeTo.resolve(nameOrDir);
        if (!Files.isDirectory(dir)) {
            throw new TheatreException(
                    nameOrDir, "no such theatre directory (built-in theatres: " + String.join(", ", builtIns()) + ")");
        }
        if (!Files.isRegularFile(dir.resolve(THEATRE_FILE))) {
            throw new TheatreException(dir.resolve(THEATRE_FILE).toString(), "missing: a theatre directory needs one");
        }
        return TheatreFiles.directory(dir);
    }

    /**
     * Every problem of a theatre directory or built-in, its default scenario included; empty when it
     * is fine. Never throws for bad data.
     */
    public static List<TheatreProblem> check(String nameOrDir) {
        TheatreFiles files;
        try {
            files = locate(nameOrDir, null);
        } catch (TheatreException e) {
            return e.problems();
        }
        Reader r = new Reader(files);
        r.read();
        List<TheatreProblem> problems = new ArrayList<>(r.problems);
        if (r.scenarioRef != null && r.scenarioReadable) {
            try {
                String text = files.readString(r.scenarioRef);
                ScenarioLoader.parse(text, files.display(r.scenarioRef), r.airports);
            } catch (IOException e) {
                problems.add(r.at(r.scenarioNode, "the default scenario: cannot read " + r.scenarioRef));
            } catch (ScenarioException e) {
                problems.add(Problems.fromScenario(e.getMessage(), files.display(r.scenarioRef)));
            }
        }
        return problems;
    }

    /**
     * The areas of responsibility of a built-in or a directory (its {@code areas:} file;
     * docs/THEATRES.md), {@link TheatreAreas#NONE} when it has none.
     */
    public static TheatreAreas areas(String nameOrDir) throws TheatreException {
        Reader r = new Reader(locate(nameOrDir, null));
        r.read();
        if (!r.problems.isEmpty()) throw new TheatreException(r.problems);
        return r.areas;
    }

    /** What {@code vigil theatre list} shows of a theatre: read from its theatre.yaml alone (fast). */
    public record Summary(String name, String title, Theatre.Area area, List<String> policed) {}

    /** The summary of a built-in or a directory. */
    public static Summary summary(String nameOrDir) throws TheatreException {
        Reader r = new Reader(locate(nameOrDir, null));
        Summary s = r.summary();
        if (!r.problems.isEmpty()) throw new TheatreException(r.problems);
        return s;
    }

    /** The airports a theatre's scenarios may name by code (its {@code airports:} file). */
    static Map<String, Airport> airportsOf(TheatreFiles files) {
        Reader r = new Reader(files);
        r.read();
        return r.airports;
    }

    // ------------------------------------------------------------------ the reader

    /** Reads one theatre, collecting problems instead of stopping at the first. */
    private static final ObjectMapper GEOJSON = new ObjectMapper();

    private static final class Reader {
        final TheatreFiles files;
        final List<TheatreProblem> problems = new ArrayList<>();
        final Map<String, Airport> airports = new LinkedHashMap<>();
        final String file;
        String scenarioRef;
        YamlNode scenarioNode;
        boolean scenarioReadable;

        Reader(TheatreFiles files) {
            this.files = files;
            this.file = files.display(THEATRE_FILE);
        }

        Summary summary() {
            YamlNode root = root();
            if (root == null) return null;
            return new Summary(
                    text(root, "name", true),
                    text(root, "title", true),
                    area(root, "area", true),
                    states(root, "policed", true));
        }

        private YamlNode root() {
            return Problems.parse(files, THEATRE_FILE, problems);
        }

        /** The theatre, or null when theatre.yaml itself cannot be read; problems in {@link #problems}. */
        Theatre read() {
            YamlNode root = root();
            if (root == null) return null;
            allow(
                    root,
                    "name",
                    "title",
                    "area",
                    "policed",
                    "neighbours",
                    "airspace",
                    "nato",
                    "zones",
                    "airports",
                    "waypoints",
                    "route-points",
                    "qra",
                    "aircraft-profiles",
                    "rules",
                    "known-military",
                    "clearances",
                    "sensors",
                    "firs",
                    "scramble",
                    "scenario",
                    "areas",
                    "gnss");
            String name = text(root, "name", true);
            if (name != null && !name.matches("[a-z0-9][a-z0-9-]*")) {
                problems.add(at(root.map.get("name"), "expected lower-case letters, digits and '-', got " + name));
            }
            String title = text(root, "title", true);
            Theatre.Area area = area(root, "area", true);
            List<String> policed = states(root, "policed", true);
            List<String> neighbours = states(root, "neighbours", false);

            NationalAirspace airspace = airspace(root, area);
            if (airspace != null) {
                for (int i = 0; i < policed.size(); i++) {
                    if (airspace.indexOf(policed.get(i)) == NationalAirspace.NONE) {
                        problems.add(at(
                                root.map.get("policed").list.get(i),
                                "state " + policed.get(i) + " is not in the national airspace data"));
                    }
                }
            }
            NatoMembership nato = nato(root);
            Zones zones = zones(root, airspace);
            RoutePoints routes = routes(root);
            Map<String, AircraftProfile> profiles = profiles(root);
            Posture posture = posture(root, profiles);
            IdentRules rules = rules(root);
            ScenarioLoader.Sensors sensors = sensors(root);
            ScrambleConfig scrambles = scramble(root);
            String firs = firs(root);
            org.vigil.core.gnss.GnssRules gnss = gnss(root);
            areas = areas(root);
            scenarioNode = root.map.get("scenario");
            scenarioRef = text(root, "scenario", false);
            scenarioReadable = scenarioRef != null && exists(scenarioNode, scenarioRef);
            if (!problems.isEmpty()) return null;
            return new Theatre(
                    name,
                    title,
                    area,
                    policed,
                    neighbours,
                    airspace,
                    nato,
                    zones,
                    routes,
                    rules,
                    posture,
                    scrambles,
                    sensors == null ? List.<RadarSpec>of() : sensors.radars(),
                    sensors == null ? List.<ReceiverSpec>of() : sensors.receivers(),
                    firs == null ? Theatre.NO_FIRS : firs,
                    gnss);
        }

        /** The GNSS interference thresholds and area alert ({@code gnss:}, docs/GNSS.md); the defaults on a problem. */
        private org.vigil.core.gnss.GnssRules gnss(YamlNode root) {
            org.vigil.core.gnss.GnssRules d = org.vigil.core.gnss.GnssRules.defaults();
            YamlNode n = root.map.get("gnss");
            if (n == null) return d;
            if (n.map == null) {
                problems.add(at(n, "expected a mapping of GNSS interference settings, got " + n.kind()));
                return d;
            }
            Map<String, Object> values = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, YamlNode> e : n.map.entrySet()) {
                double x = number(e.getValue(), -1e9, 1e9);
                if (!Double.isNaN(x)) values.put(e.getKey(), x);
            }
            try {
                return org.vigil.core.gnss.GnssRules.fromMap(values);
            } catch (IllegalArgumentException e) {
                problems.add(at(n, e.getMessage()));
                return d;
            }
        }

        // -------------------------------------------------------------- parts

        /** The areas of responsibility ({@code areas:}), NONE when there are none; null on a problem. */
        TheatreAreas areas;

        private TheatreAreas areas(YamlNode root) {
            String ref = text(root, "areas", false);
            if (ref == null) return TheatreAreas.NONE;
            if (!exists(root.map.get("areas"), ref)) return null;
            YamlNode tree = Problems.parse(files, ref, problems);
            return tree == null ? null : TheatreAreas.read(tree, files.display(ref), problems);
        }

        private NationalAirspace airspace(YamlNode root, Theatre.Area area) {
            YamlNode a = root.map.get("airspace");
            if (a == null || DEFAULT.equals(a.text)) return defaultNationalAirspace();
            if (a.map == null) {
                problems.add(at(a, "expected 'default' or {countries, region, territorial-sea}, got " + a.kind()));
                return null;
            }
            allow(a, "countries", "region", "territorial-sea");
            String ref = text(a, "countries", true);
            Theatre.Area region = a.map.containsKey("region") ? area(a, "region", true) : area;
            Map<String, Double> claims = new LinkedHashMap<>();
            YamlNode ts = a.map.get("territorial-sea");
            if (ts != null) {
                if (ts.map == null) problems.add(at(ts, "expected {ISO: nautical miles}, got " + ts.kind()));
                else {
                    for (Map.Entry<String, YamlNode> e : ts.map.entrySet()) {
                        if (!e.getKey().matches("[A-Z]{2}")) {
                            problems.add(at(e.getValue(), "'" + e.getKey() + "' is not an ISO alpha-2 code"));
                        }
                        double nm = number(e.getValue(), 0, 200);
                        if (!Double.isNaN(nm)) claims.put(e.getKey(), nm);
                    }
                }
            }
            if (ref == null || region == null || !exists(a.map.get("countries"), ref)) return null;
            Envelope box = new Envelope(region.west(), region.east(), region.south(), region.north());
            String key = (files.dir() == null || ref.startsWith(TheatreFiles.CLASSPATH)
                            ? files.display(ref)
                            : files.dir().resolve(ref).toAbsolutePath().toString())
                    + box
                    + claims;
            NationalAirspace cached = AIRSPACES.get(key);
            if (cached != null) return cached;
            try (InputStream in = new ByteArrayInputStream(files.read(ref))) {
                NationalAirspace built = NationalAirspace.fromGeoJson(in, box, claims);
                // directories may change between runs of `theatre check`; only bundled data is kept
                if (files.dir() == null || ref.startsWith(TheatreFiles.CLASSPATH)) AIRSPACES.put(key, built);
                return built;
            } catch (IOException | RuntimeException e) {
                problems.add(Problems.fromLoader(files, ref, e));
                return null;
            }
        }

        private NatoMembership nato(YamlNode root) {
            String ref = text(root, "nato", false);
            if (ref == null) return NatoMembership.defaults();
            if (!exists(root.map.get("nato"), ref)) return null;
            try (InputStream in = new ByteArrayInputStream(files.read(ref))) {
                return NatoMembership.fromYaml(in);
            } catch (IOException | RuntimeException e) {
                problems.add(Problems.fromLoader(files, ref, e));
                return null;
            }
        }

        private Zones zones(YamlNode root, NationalAirspace airspace) {
            String ref = text(root, "zones", false);
            if (ref == null) return new Zones(List.of());
            if (!exists(root.map.get("zones"), ref)) return null;
            if (!Problems.checkKeys(files, ref, problems, Problems.ZONE_KEYS)) return null;
            try (InputStream in = new ByteArrayInputStream(files.read(ref))) {
                return new Zones(ZoneLoader.fromYaml(in, airspace));
            } catch (IOException | RuntimeException e) {
                problems.add(Problems.fromLoader(files, ref, e));
                return null;
            }
        }

        private RoutePoints routes(YamlNode root) {
            YamlNode rp = root.map.get("route-points");
            if (rp != null && !DEFAULT.equals(rp.text)) {
                problems.add(
                        at(rp, "expected 'default' (the bundled table; add points with airports: and waypoints:)"));
            }
            RoutePoints routes = defaultRoutePoints();
            String ref = text(root, "airports", false);
            if (ref != null && exists(root.map.get("airports"), ref)) {
                for (String[] row : csv(ref, 5, 5, "icao,name,lat,lon,elevation_ft")) {
                    Airport a = airportRow(ref, row);
                    if (a == null) continue;
                    airports.put(a.icao(), a);
                    routes = routes.with(a.icao(), a.lat(), a.lon());
                }
            }
            ref = text(root, "waypoints", false);
            if (ref != null && exists(root.map.get("waypoints"), ref)) {
                for (String[] row : csv(ref, 3, 4, "name,lat,lon")) {
                    double lat = csvNumber(ref, row, 1, "lat", -90, 90), lon = csvNumber(ref, row, 2, "lon", -180, 180);
                    if (row[0].isBlank()) problems.add(csvProblem(ref, row, "name", "a point name"));
                    else if (!Double.isNaN(lat) && !Double.isNaN(lon)) routes = routes.with(row[0], lat, lon);
                }
            }
            return routes;
        }

        private Map<String, AircraftProfile> profiles(YamlNode root) {
            String ref = text(root, "aircraft-profiles", false);
            if (ref == null) return QraYaml.defaultProfiles();
            if (!exists(root.map.get("aircraft-profiles"), ref)) return null;
            try (InputStream in = new ByteArrayInputStream(files.read(ref))) {
                return QraYaml.profiles(in, files.display(ref));
            } catch (IOException | RuntimeException e) {
                problems.add(Problems.fromLoader(files, ref, e));
                return null;
            }
        }

        private Posture posture(YamlNode root, Map<String, AircraftProfile> profiles) {
            String ref = text(root, "qra", true);
            if (ref == null || !exists(root.map.get("qra"), ref)) return null;
            if (!Problems.checkKeys(files, ref, problems, Problems.QRA_KEYS)) return null;
            if (profiles == null) return null;
            try (InputStream in = new ByteArrayInputStream(files.read(ref))) {
                Posture p = QraYaml.posture(in, files.display(ref), profiles);
                for (var d : p.detachments()) {
                    if (p.profileOf(d) == null) {
                        problems.add(Problems.locate(
                                files,
                                ref,
                                "detachment " + d.id() + ": no aircraft profile for type '" + d.aircraftType()
                                        + "' (known: " + profiles.keySet() + ")"));
                    }
                }
                return p;
            } catch (IOException | RuntimeException e) {
                problems.add(Problems.fromLoader(files, ref, e));
                return null;
            }
        }

        private IdentRules rules(YamlNode root) {
            String rules = text(root, "rules", false),
                    known = text(root, "known-military", false),
                    clearances = text(root, "clearances", false);
            if (rules == null && known == null && clearances == null) return IdentRules.defaults();
            // every missing file reported, not just the first
            boolean ok = rules == null || exists(root.map.get("rules"), rules);
            ok = (known == null || exists(root.map.get("known-military"), known)) && ok;
            ok = (clearances == null || exists(root.map.get("clearances"), clearances)) && ok;
            if (!ok) return null;
            // read one by one so that an error is pinned to its file
            for (String[] one : new String[][] {{rules, null, null}, {null, known, null}, {null, null, clearances}}) {
                String ref = one[0] != null ? one[0] : one[1] != null ? one[1] : one[2];
                if (ref == null) continue;
                try (InputStream a = open(one[0]);
                        InputStream b = open(one[1]);
                        InputStream c = open(one[2])) {
                    IdentRules.fromYaml(a, b, c);
                } catch (IOException | RuntimeException e) {
                    problems.add(Problems.fromLoader(files, ref, e));
                    return null;
                }
            }
            try (InputStream a = open(rules);
                    InputStream b = open(known);
                    InputStream c = open(clearances)) {
                return IdentRules.fromYaml(a, b, c);
            } catch (IOException | RuntimeException e) {
                problems.add(new TheatreProblem(file, 0, "rules", e.getMessage()));
                return null;
            }
        }

        private ScenarioLoader.Sensors sensors(YamlNode root) {
            String ref = text(root, "sensors", false);
            if (ref == null || !exists(root.map.get("sensors"), ref)) return null;
            try {
                return ScenarioLoader.parseSensors(files.readString(ref), files.display(ref), airports);
            } catch (IOException e) {
                problems.add(new TheatreProblem(files.display(ref), 0, "(file)", "cannot read: " + e.getMessage()));
            } catch (ScenarioException e) {
                problems.add(Problems.fromScenario(e.getMessage(), files.display(ref)));
            }
            return null;
        }

        /**
         * The scramble workflow's thresholds: {@code scramble:} overrides {@link ScrambleConfig#defaults()}
         * field by field (docs/THEATRES.md).
         */
        private ScrambleConfig scramble(YamlNode root) {
            ScrambleConfig d = ScrambleConfig.defaults();
            YamlNode n = root.map.get("scramble");
            if (n == null) return d;
            if (n.map == null) {
                problems.add(at(n, "expected a mapping of scramble settings, got " + n.kind()));
                return d;
            }
            allow(
                    n,
                    "causes",
                    "max-priority",
                    "trail-nm",
                    "subsonic-only",
                    "resolve-s",
                    "intercept-nm",
                    "shadow-after-s",
                    "hold-nm",
                    "landed-nm",
                    "landed-agl-ft");
            java.util.Set<String> causes = d.causes();
            YamlNode c = n.map.get("causes");
            if (c != null) {
                if (c.list == null)
                    problems.add(at(c, "expected a list of alert causes (rule names), got " + c.kind()));
                else {
                    java.util.Set<String> list = new java.util.LinkedHashSet<>();
                    for (YamlNode e : c.list) {
                        if (e.text == null || e.isNull || e.text.isBlank())
                            problems.add(at(e, "expected a rule name, got " + e.kind()));
                        else list.add(e.text.strip());
                    }
                    causes = list;
                }
            }
            double priority = setting(n, "max-priority", d.maxPriority(), 0, 10);
            if (priority != Math.rint(priority)) {
                problems.add(at(n.map.get("max-priority"), "expected a whole number (0: none by priority alone)"));
            }
            int maxPriority = (int) priority;
            double trailNm = setting(n, "trail-nm", d.options().trailNm(), 0, 20);
            boolean subsonicOnly = d.options().subsonicOnly();
            YamlNode so = n.map.get("subsonic-only");
            if (so != null) {
                if ("true".equals(so.text) || "false".equals(so.text)) subsonicOnly = Boolean.parseBoolean(so.text);
                else problems.add(at(so, "expected true or false, got " + so.kind()));
            }
            double resolveS = setting(n, "resolve-s", d.resolveS(), 1, 600);
            double interceptNm = setting(n, "intercept-nm", d.interceptNm(), 0.1, 50);
            double shadowAfterS = setting(n, "shadow-after-s", d.shadowAfterS(), 0, 3600);
            double holdNm = setting(n, "hold-nm", d.holdNm(), 0.1, 50);
            double landedNm = setting(n, "landed-nm", d.landedNm(), 0.1, 50);
            double landedAglFt = setting(n, "landed-agl-ft", d.landedAglFt(), 0, 20000);
            if (holdNm < interceptNm) {
                YamlNode where = n.map.containsKey("hold-nm") ? n.map.get("hold-nm") : n.map.get("intercept-nm");
                problems.add(at(
                        where == null ? n : where,
                        "hold-nm (" + holdNm + ") must be at least intercept-nm (" + interceptNm + ")"));
                return d;
            }
            return new ScrambleConfig(
                    causes,
                    maxPriority,
                    d.options().withTrailNm(trailNm).withSubsonicOnly(subsonicOnly),
                    resolveS,
                    interceptNm,
                    shadowAfterS,
                    holdNm,
                    landedNm,
                    landedAglFt,
                    d.replan(),
                    d.uncertainty(),
                    d.primaryOnlyLevelFt());
        }

        /** {@code key} of {@code n} within [min, max], or {@code dflt} when absent (NaN problems give the default). */
        private double setting(YamlNode n, String key, double dflt, double min, double max) {
            YamlNode v = n.map.get(key);
            if (v == null) return dflt;
            double x = number(v, min, max);
            return Double.isNaN(x) ? dflt : x;
        }

        /**
         * The FIR boundaries ({@code firs:}, GeoJSON): a FeatureCollection whose features have a
         * Polygon or MultiPolygon geometry and an {@code id} (the console's label); null when there
         * are none or on a problem.
         */
        private String firs(YamlNode root) {
            String ref = text(root, "firs", false);
            if (ref == null || !exists(root.map.get("firs"), ref)) return null;
            String where = files.display(ref);
            try {
                String text = files.readString(ref);
                JsonNode tree = GEOJSON.readTree(text);
                JsonNode features = tree == null ? null : tree.get("features");
                if (!"FeatureCollection"
                                .equals(tree == null ? null : tree.path("type").asText())
                        || features == null
                        || !features.isArray()) {
                    problems.add(new TheatreProblem(where, 0, "(file)", "expected a GeoJSON FeatureCollection"));
                    return null;
                }
                for (int i = 0; i < features.size(); i++) {
                    JsonNode f = features.get(i);
                    String type = f.path("geometry").path("type").asText();
                    if (!type.equals("Polygon") && !type.equals("MultiPolygon")) {
                        problems.add(new TheatreProblem(
                                where,
                                0,
                                "features[" + i + "].geometry",
                                "expected a Polygon or MultiPolygon, got '" + type + "'"));
                    }
                    if (!f.path("properties").path("id").isTextual()) {
                        problems.add(new TheatreProblem(
                                where, 0, "features[" + i + "].properties.id", "missing (the FIR's id, e.g. EVRR)"));
                    }
                }
                return text;
            } catch (JsonProcessingException e) {
                int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                problems.add(new TheatreProblem(where, line, "(json)", "not GeoJSON: " + e.getOriginalMessage()));
                return null;
            } catch (IOException e) {
                problems.add(new TheatreProblem(where, 0, "(file)", "cannot read: " + e.getMessage()));
                return null;
            }
        }

        // -------------------------------------------------------------- values

        private InputStream open(String ref) throws IOException {
            return ref == null ? null : new ByteArrayInputStream(files.read(ref));
        }

        private boolean exists(YamlNode where, String ref) {
            try {
                files.read(ref);
                return true;
            } catch (NoSuchFileException e) {
                problems.add(at(where, "no such file: " + files.display(ref)));
            } catch (IOException e) {
                problems.add(at(where, "cannot read " + files.display(ref) + ": " + e.getMessage()));
            }
            return false;
        }

        /** Rows of {@code minColumns..columns} cells; each row's last slot holds its line number. */
        private List<String[]> csv(String ref, int minColumns, int columns, String header) {
            List<String[]> rows = new ArrayList<>();
            String text;
            try {
                text = files.readString(ref);
            } catch (IOException e) {
                problems.add(new TheatreProblem(files.display(ref), 0, "(file)", "cannot read: " + e.getMessage()));
                return rows;
            }
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith(header)) continue;
                String[] cells = line.split(",", -1);
                String[] row = new String[columns + 1];
                row[columns] = Integer.toString(i + 1);
                if (cells.length < minColumns || cells.length > columns) {
                    String n = minColumns == columns ? "" + columns : minColumns + " to " + columns;
                    problems.add(new TheatreProblem(
                            files.display(ref),
                            i + 1,
                            "(row)",
                            "expected " + n + " columns " + header + ", got " + cells.length));
                    continue;
                }
                for (int c = 0; c < cells.length; c++) row[c] = cells[c].strip();
                rows.add(row);
            }
            return rows;
        }

        private Airport airportRow(String ref, String[] row) {
            String icao = row[0].toUpperCase(Locale.ROOT);
            boolean ok = true;
            if (!icao.matches("[A-Z0-9]{4}")) {
                problems.add(csvProblem(ref, row, "icao", "a four-letter ICAO location indicator"));
                ok = false;
            }
            double lat = csvNumber(ref, row, 2, "lat", -90, 90), lon = csvNumber(ref, row, 3, "lon", -180, 180);
            double elev = csvNumber(ref, row, 4, "elevation_ft", -1500, 15000);
            if (!ok || Double.isNaN(lat) || Double.isNaN(lon) || Double.isNaN(elev)) return null;
            return new Airport(icao, row[1].isEmpty() ? icao : row[1], lat, lon, elev);
        }

        private double csvNumber(String ref, String[] row, int column, String field, double min, double max) {
            try {
                double v = Double.parseDouble(row[column]);
                if (v >= min && v <= max) return v;
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(csvProblem(
                    ref, row, field, "a number between " + min + " and " + max + ", got '" + row[column] + "'"));
            return Double.NaN;
        }

        private TheatreProblem csvProblem(String ref, String[] row, String field, String expected) {
            return new TheatreProblem(
                    files.display(ref), Integer.parseInt(row[row.length - 1]), field, "expected " + expected);
        }

        TheatreProblem at(YamlNode n, String message) {
            return AreaReader.at(file, n, message);
        }

        private void allow(YamlNode n, String... keys) {
            List<String> ok = List.of(keys);
            for (Map.Entry<String, YamlNode> e : n.map.entrySet()) {
                if (!ok.contains(e.getKey())) {
                    problems.add(at(e.getValue(), "unknown field (expected one of " + String.join(", ", ok) + ")"));
                }
            }
        }

        private String text(YamlNode parent, String key, boolean required) {
            YamlNode n = parent.map.get(key);
            if (n == null) {
                if (required) {
                    String where = parent.path.isEmpty() ? key : parent.path + "." + key;
                    problems.add(new TheatreProblem(file, parent.line, where, "missing (required)"));
                }
                return null;
            }
            if (n.text == null || n.isNull || n.text.isBlank()) {
                problems.add(at(n, "expected a text value, got " + n.kind()));
                return null;
            }
            return n.text.strip();
        }

        private double number(YamlNode n, double min, double max) {
            return AreaReader.number(file, n, min, max, problems);
        }

        private Theatre.Area area(YamlNode parent, String key, boolean required) {
            YamlNode a = parent.map.get(key);
            if (a == null && !required) return null;
            return AreaReader.read(file, a, parent, key, problems);
        }

        private List<String> states(YamlNode parent, String key, boolean required) {
            YamlNode n = parent.map.get(key);
            List<String> out = new ArrayList<>();
            if (n == null) {
                if (required) text(parent, key, true);
                return out;
            }
            if (n.list == null || (required && n.list.isEmpty())) {
                problems.add(at(n, "expected a list of ISO 3166-1 alpha-2 codes, e.g. [EE, LV, LT], got " + n.kind()));
                return out;
            }
            for (YamlNode s : n.list) {
                if (s.text == null || !s.text.matches("[A-Z]{2}")) {
                    problems.add(at(s, "expected an ISO 3166-1 alpha-2 code such as EE, got " + s.kind()));
                } else out.add(s.text);
            }
            return out;
        }
    }
}
