package org.vigil.core.qra;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vigil.core.yaml.SafeYaml;

/**
 * Reads aircraft profiles and QRA postures from YAML streams (formats in docs/QRA.md; the bundled
 * profiles in {@code qra/aircraft-profiles.yaml}; a posture is theatre data, docs/THEATRES.md). Every
 * error names the source, the entry and the field (YAML errors: the line and column, from
 * {@link SafeYaml}), and comes as {@link QraDataException}; runs
 * once at start-up, so it may allocate freely.
 */
public final class QraYaml {
    /** Classpath resource of the default aircraft profiles. */
    public static final String DEFAULT_PROFILES = "/qra/aircraft-profiles.yaml";

    private QraYaml() {}

    /** The bundled profiles. */
    public static Map<String, AircraftProfile> defaultProfiles() {
        return profiles(resource(DEFAULT_PROFILES), DEFAULT_PROFILES);
    }

    private static InputStream resource(String name) {
        InputStream in = QraYaml.class.getResourceAsStream(name);
        if (in == null) throw new QraDataException("classpath resource " + name + " missing");
        return in;
    }

    /** Reads {@code profiles: [...]}; keys are the profile types. */
    public static Map<String, AircraftProfile> profiles(InputStream in, String source) {
        JsonNode root = read(in, source);
        JsonNode list = root.get("profiles");
        if (list == null || !list.isArray() || list.isEmpty())
            throw new QraDataException(source + ": needs a non-empty 'profiles' list");
        Map<String, AircraftProfile> out = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode p : list) {
            i++;
            String where = source + ": profile #" + i;
            String type = text(p, "type", where);
            where = source + ": profile " + type;
            try {
                JsonNode climb = array(p, "climb", where);
                int n = climb.size();
                double[] alt = new double[n], time = new double[n], dist = new double[n];
                for (int r = 0; r < n; r++) {
                    JsonNode row = climb.get(r);
                    if (!row.isArray() || row.size() != 3)
                        throw new QraDataException(
                                where + ": climb row " + (r + 1) + " must be [altitude ft, time s, distance NM]");
                    alt[r] = num(row.get(0), where + " climb row " + (r + 1));
                    time[r] = num(row.get(1), where + " climb row " + (r + 1));
                    dist[r] = num(row.get(2), where + " climb row " + (r + 1));
                }
                JsonNode speeds = array(p, "speeds", where);
                int b = speeds.size();
                double[] top = new double[b], sub = new double[b], sup = new double[b];
                for (int r = 0; r < b; r++) {
                    JsonNode row = speeds.get(r);
                    if (!row.isArray() || row.size() != 3)
                        throw new QraDataException(where + ": speeds row " + (r + 1)
                                + " must be [band top ft, subsonic Mach, supersonic Mach or null]");
                    top[r] = num(row.get(0), where + " speeds row " + (r + 1));
                    sub[r] = num(row.get(1), where + " speeds row " + (r + 1));
                    sup[r] = row.get(2).isNull() ? Double.NaN : num(row.get(2), where + " speeds row " + (r + 1));
                }
                AircraftProfile profile = new AircraftProfile(
                        type,
                        optText(p, "name"),
                        number(p, "ceiling_ft", where),
                        alt,
                        time,
                        dist,
                        top,
                        sub,
                        sup,
                        number(p, "combat_radius_nm", where),
                        p.has("supersonic_radius_factor") ? number(p, "supersonic_radius_factor", where) : 0.5,
                        optText(p, "sources"));
                if (out.put(type, profile) != null) throw new QraDataException(where + ": duplicate type");
            } catch (IllegalArgumentException e) {
                throw new QraDataException(source + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** Reads a posture ({@code name}, {@code bases}, {@code detachments}) against known profiles. */
    public static Posture posture(InputStream in, String source, Map<String, AircraftProfile> profiles) {
        JsonNode root = read(in, source);
        Posture posture = new Posture(optText(root, "name"), profiles);
        Map<String, Base> bases = new HashMap<>();
        JsonNode baseList = root.get("bases");
        if (baseList != null) {
            if (!baseList.isArray()) throw new QraDataException(source + ": 'bases' must be a list");
            int i = 0;
            for (JsonNode b : baseList) {
                i++;
                String where = source + ": base #" + i;
                Base base = base(b, where);
                if (bases.put(base.icao(), base) != null)
                    throw new QraDataException(source + ": base " + base.icao() + " listed twice");
            }
        }
        JsonNode list = root.get("detachments");
        if (list == null || !list.isArray()) throw new QraDataException(source + ": needs a 'detachments' list");
        int i = 0;
        for (JsonNode d : list) {
            i++;
            String id = text(d, "id", source + ": detachment #" + i);
            String where = source + ": detachment " + id;
            try {
                JsonNode baseNode = d.get("base");
                Base base;
                if (baseNode == null) throw new QraDataException(where + ": missing 'base'");
                if (baseNode.isTextual()) {
                    base = bases.get(baseNode.asText());
                    if (base == null)
                        throw new QraDataException(where + ": base '" + baseNode.asText()
                                + "' is not in 'bases' (known: " + bases.keySet() + ")");
                } else {
                    base = base(baseNode, where + " base");
                }
                Readiness readiness = Readiness.parse(text(d, "readiness", where));
                CapStation cap = null;
                JsonNode c = d.get("cap");
                if (c != null && !c.isNull()) {
                    cap = new CapStation(
                            number(c, "lat", where + " cap"),
                            number(c, "lon", where + " cap"),
                            number(c, "altitude_ft", where + " cap"),
                            number(c, "endurance_min", where + " cap") * 60);
                }
                Rotation rotation = null;
                JsonNode r = d.get("rotation");
                if (r != null && !r.isNull()) {
                    rotation = new Rotation(date(r, "from", where + " rotation"), date(r, "to", where + " rotation"));
                }
                double tta = d.has("time_to_airborne_min") ? number(d, "time_to_airborne_min", where) * 60 : Double.NaN;
                int count = (int) number(d, "count", where);
                posture.addDetachment(new Detachment(
                        id, optText(d, "nation"), base, text(d, "type", where), count, readiness, cap, rotation, tta));
            } catch (IllegalArgumentException e) {
                throw new QraDataException(where + ": " + e.getMessage(), e);
            }
        }
        return posture;
    }

    private static Base base(JsonNode b, String where) {
        String icao = text(b, "icao", where);
        try {
            return new Base(
                    icao,
                    optText(b, "name"),
                    number(b, "lat", where + " " + icao),
                    number(b, "lon", where + " " + icao),
                    b.has("elevation_ft") ? number(b, "elevation_ft", where + " " + icao) : 0);
        } catch (IllegalArgumentException e) {
            throw new QraDataException(where + ": " + e.getMessage(), e);
        }
    }

    /** A YAML mapping read safely ({@code SafeYaml}); errors as {@link QraDataException} naming the source. */
    public static JsonNode read(InputStream in, String source) {
        try (in) {
            JsonNode root = SafeYaml.readTree(in, source);
            if (!root.isObject()) throw new QraDataException(source + ": expected a YAML mapping at the top");
            return root;
        } catch (IOException e) {
            throw new QraDataException(SafeYaml.error(e, source).getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank())
            throw new QraDataException(where + ": missing '" + field + "'");
        return v.asText().strip();
    }

    private static String optText(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** A required number field; errors as {@link QraDataException} naming {@code where}. */
    public static double number(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) throw new QraDataException(where + ": missing '" + field + "'");
        return num(v, where + " '" + field + "'");
    }

    private static double num(JsonNode v, String where) {
        if (v != null && v.isNumber()) return v.asDouble();
        throw new QraDataException(
                where + ": expected a number, got " + (v == null ? "nothing" : "'" + v.asText() + "'"));
    }

    private static JsonNode array(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isArray()) throw new QraDataException(where + ": '" + field + "' must be a list");
        return v;
    }

    private static LocalDate date(JsonNode n, String field, String where) {
        String s = text(n, field, where);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new QraDataException(where + ": '" + field + "' must be a date YYYY-MM-DD, got '" + s + "'", e);
        }
    }
}
