package org.vigil.server.theatre;

import java.util.List;
import org.vigil.server.picture.Theatre;
import org.vigil.server.sim.YamlNode;

/**
 * Reads a box {@code {south, north, west, east}} in degrees from a theatre file, as the theatre's
 * area of interest ({@code theatre.yaml}) and each area of responsibility ({@code areas:}) are
 * written. Every problem (not a mapping, a missing or unknown side, a number out of range, south not
 * below north) goes to the problem list with its file, line and field, so that {@code vigil theatre
 * check} names them all.
 */
final class AreaReader {
    private static final String[] SIDES = {"south", "north", "west", "east"};

    private AreaReader() {}

    /**
     * The box at {@code b}, or null when it has a problem.
     *
     * @param b      the box's node, null when the key is absent
     * @param parent the node holding it (named in the problem when the box is absent)
     * @param key    the key the box is written under ({@code area}, {@code box})
     */
    static Theatre.Area read(String file, YamlNode b, YamlNode parent, String key, List<TheatreProblem> problems) {
        if (b == null) {
            String where = parent.path.isEmpty() ? key : parent.path + "." + key;
            problems.add(new TheatreProblem(file, parent.line, where, "missing (required)"));
            return null;
        }
        if (b.map == null) {
            problems.add(at(file, b, "expected {south, north, west, east} in degrees, got " + b.kind()));
            return null;
        }
        for (String k : b.map.keySet()) {
            if (!List.of(SIDES).contains(k)) {
                problems.add(at(file, b.map.get(k), "unknown field (expected one of south, north, west, east)"));
            }
        }
        double[] v = new double[4];
        boolean ok = true;
        for (int i = 0; i < 4; i++) {
            YamlNode n = b.map.get(SIDES[i]);
            if (n == null) {
                String where = b.path.isEmpty() ? SIDES[i] : b.path + "." + SIDES[i];
                problems.add(new TheatreProblem(file, b.line, where, "missing (required)"));
                ok = false;
                continue;
            }
            v[i] = number(file, n, i < 2 ? -90 : -180, i < 2 ? 90 : 180, problems);
            ok &= !Double.isNaN(v[i]);
        }
        if (!ok) return null;
        try {
            return new Theatre.Area(v[0], v[1], v[2], v[3]);
        } catch (IllegalArgumentException e) {
            problems.add(at(file, b, e.getMessage()));
            return null;
        }
    }

    /** A number in [min, max], or NaN with a problem added. */
    static double number(String file, YamlNode n, double min, double max, List<TheatreProblem> problems) {
        if (n.text != null && !n.isNull) {
            try {
                double v = Double.parseDouble(n.text);
                if (v >= min && v <= max) return v;
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problems.add(at(file, n, "expected a number between " + min + " and " + max + ", got " + n.kind()));
        return Double.NaN;
    }

    /** A problem at node {@code n}: its line and YAML path. */
    static TheatreProblem at(String file, YamlNode n, String message) {
        return new TheatreProblem(file, n.line, n.path.isEmpty() ? "(top)" : n.path, message);
    }
}
