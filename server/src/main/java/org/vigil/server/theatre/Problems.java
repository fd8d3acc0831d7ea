package org.vigil.server.theatre;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.core.yaml.YamlException;
import org.vigil.server.sim.ScenarioException;
import org.vigil.server.sim.YamlNode;

/**
 * Turns the errors of the format loaders into {@link TheatreProblem}s with file, line and field.
 * The loaders that read through Jackson trees ({@code QraYaml}, {@code ZoneLoader},
 * {@code IdentRules}, {@code NatoMembership}) name the entry and the field but not the line: the
 * line is found again in the line-keeping tree of the same file ({@link YamlNode}), from the entry's
 * id and the quoted field or value the message names. Unknown fields, which those loaders would
 * ignore, are found here too, so a misspelt key is never a silent default.
 */
final class Problems {
    /** Allowed keys: top level ("") and the entries of each list. */
    static final Map<String, Set<String>> QRA_KEYS = Map.of(
            "", Set.of("name", "bases", "detachments"),
            "bases", Set.of("icao", "name", "lat", "lon", "elevation_ft"),
            "detachments",
                    Set.of(
                            "id",
                            "nation",
                            "base",
                            "type",
                            "count",
                            "readiness",
                            "cap",
                            "rotation",
                            "time_to_airborne_min"));

    static final Map<String, Set<String>> ZONE_KEYS = Map.of(
            "", Set.of("zones"),
            "zones",
                    Set.of(
                            "id",
                            "name",
                            "kind",
                            "lower",
                            "upper",
                            "active",
                            "polygon",
                            "circle",
                            "national",
                            "around"));

    private static final Pattern LOCATED = Pattern.compile("^(.*?):(\\d+): (.*)$", Pattern.DOTALL);
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");

    private Problems() {}

    /** A {@link ScenarioException} message ({@code file:line: field: expected ...}) as a problem. */
    static TheatreProblem fromScenario(String message, String file) {
        Matcher m = LOCATED.matcher(message);
        if (!m.matches()) return new TheatreProblem(file, 0, "(file)", message);
        String rest = m.group(3);
        int colon = rest.indexOf(": ");
        String field = colon < 0 ? "(file)" : rest.substring(0, colon);
        String what = colon < 0 ? rest : rest.substring(colon + 2);
        if (field.equals("not valid YAML")) {
            field = "(yaml)";
        }
        return new TheatreProblem(m.group(1), Integer.parseInt(m.group(2)), field, what);
    }

    /** Any failure of a format loader reading {@code ref}, located in that file. */
    static TheatreProblem fromLoader(TheatreFiles files, String ref, Throwable e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof YamlException)) cause = cause.getCause();
        if (cause instanceof YamlException y) {
            return new TheatreProblem(files.display(ref), Math.max(y.line(), 0), "(yaml)", y.problem());
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return locate(files, ref, message);
    }

    /** The problem a loader's message describes, at the line of the entry and field it names. */
    static TheatreProblem locate(TheatreFiles files, String ref, String message) {
        String file = files.display(ref);
        // the loaders prefix their source name: keep what follows it
        String what = message.startsWith(file + ": ") ? message.substring(file.length() + 2) : message;
        YamlNode root;
        try {
            root = YamlNode.parse(files.readString(ref), file);
        } catch (IOException | ScenarioException e) {
            return new TheatreProblem(file, 0, "(file)", what);
        }
        YamlNode entry = entry(root, what);
        if (entry == null) return new TheatreProblem(file, 1, "(file)", what);
        Matcher q = QUOTED.matcher(what);
        while (q.find()) {
            String token = q.group(1);
            YamlNode field = entry.map.get(token);
            if (field != null) return new TheatreProblem(file, field.line, field.path, what);
            for (YamlNode v : entry.map.values()) {
                if (token.equals(v.text)) return new TheatreProblem(file, v.line, v.path, what);
            }
        }
        Matcher missing = Pattern.compile("missing '([^']+)'").matcher(what);
        String field = missing.find() ? entry.path + "." + missing.group(1) : entry.path;
        return new TheatreProblem(file, entry.line, field, what);
    }

    /** The list entry whose id (or icao, or name) the message names; null if none. */
    private static YamlNode entry(YamlNode root, String message) {
        if (root.map == null) return null;
        YamlNode best = null;
        int bestLength = 0;
        for (YamlNode list : root.map.values()) {
            if (list.list == null) continue;
            for (YamlNode e : list.list) {
                if (e.map == null) continue;
                for (String key : new String[] {"id", "icao", "name"}) {
                    YamlNode v = e.map.get(key);
                    if (v == null || v.text == null || v.text.isEmpty()) continue;
                    // whole words only: "LBPG" must not match inside "LBPG2"
                    Matcher m = Pattern.compile("(^|[\\s'#])" + Pattern.quote(v.text) + "($|[\\s':,])")
                            .matcher(message);
                    if (m.find() && v.text.length() > bestLength) {
                        best = e;
                        bestLength = v.text.length();
                    }
                }
            }
        }
        if (best == null) {
            // "detachment #3" / "base #2": by position
            Matcher n =
                    Pattern.compile("(detachment|base|profile|zone) #(\\d+)").matcher(message);
            if (n.find()) {
                String listKey = switch (n.group(1)) {
                    case "detachment" -> "detachments";
                    case "base" -> "bases";
                    case "profile" -> "profiles";
                    default -> "zones";
                };
                YamlNode list = root.map.get(listKey);
                int i = Integer.parseInt(n.group(2)) - (n.group(1).equals("zone") ? 0 : 1);
                if (list != null && list.list != null && i >= 0 && i < list.list.size()) return list.list.get(i);
            }
        }
        return best;
    }

    /**
     * Unknown fields in a YAML file, against {@code schema}; adds a problem for each. False when the
     * file is not valid YAML (that problem added too), true otherwise (its loader may still run).
     */
    static boolean checkKeys(
            TheatreFiles files, String ref, List<TheatreProblem> problems, Map<String, Set<String>> schema) {
        String file = files.display(ref);
        YamlNode root = parse(files, ref, problems);
        if (root == null) return false;
        unknown(root, schema.get(""), file, problems);
        for (Map.Entry<String, Set<String>> s : schema.entrySet()) {
            if (s.getKey().isEmpty()) continue;
            YamlNode list = root.map.get(s.getKey());
            if (list == null || list.list == null) continue;
            for (YamlNode e : list.list) if (e.map != null) unknown(e, s.getValue(), file, problems);
        }
        return true;
    }

    /**
     * The line-keeping tree of a YAML file whose top is a mapping; null (and a problem added) when it
     * cannot be read, is not valid YAML or is not a mapping.
     */
    static YamlNode parse(TheatreFiles files, String ref, List<TheatreProblem> problems) {
        String file = files.display(ref);
        YamlNode root;
        try {
            root = YamlNode.parse(files.readString(ref), file);
        } catch (IOException e) {
            problems.add(new TheatreProblem(file, 0, "(file)", "cannot read: " + e.getMessage()));
            return null;
        } catch (ScenarioException e) {
            problems.add(fromScenario(e.getMessage(), file));
            return null;
        }
        if (root.map == null) {
            problems.add(new TheatreProblem(file, root.line, "(top)", "expected a mapping, got " + root.kind()));
            return null;
        }
        return root;
    }

    private static void unknown(YamlNode n, Set<String> allowed, String file, List<TheatreProblem> problems) {
        for (Map.Entry<String, YamlNode> e : n.map.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                problems.add(new TheatreProblem(
                        file,
                        e.getValue().line,
                        e.getValue().path,
                        "unknown field (expected one of " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")"));
            }
        }
    }
}
