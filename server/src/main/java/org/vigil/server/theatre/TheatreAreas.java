package org.vigil.server.theatre;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vigil.server.picture.Theatre;
import org.vigil.server.sim.YamlNode;

/**
 * The areas of responsibility of a theatre (docs/THEATRES.md "Areas of responsibility"): each a
 * box owned by one picture node of a scaled-out deployment (docs/SCALE.md), with the margin a node
 * also watches beyond its boundary so that a track crossing it is already held when it is handed
 * over. Boxes do not overlap, so a position has at most one owner.
 *
 * @param marginKm how far beyond its box a node takes observations, km
 * @param areas    the areas, in file order
 */
public record TheatreAreas(double marginKm, List<Area> areas) {
    /** No areas: the whole theatre is one picture (the single-machine default). */
    public static final TheatreAreas NONE = new TheatreAreas(0, List.of());
    /** Kilometres per degree of latitude (mean Earth radius 6371.0088 km). */
    private static final double KM_PER_DEG = 6371.0088 * Math.PI / 180;

    public TheatreAreas {
        areas = List.copyOf(areas);
        if (!(marginKm >= 0)) throw new IllegalArgumentException("margin-km must be >= 0, got " + marginKm);
    }

    /**
     * One area of responsibility.
     *
     * @param name  short name (lower-case letters, digits, {@code -}), as in a node's {@code --area}
     * @param title what operators read
     * @param box   its extent, degrees
     */
    public record Area(String name, String title, Theatre.Area box) {
        boolean contains(double lat, double lon) {
            return lat >= box.south() && lat < box.north() && lon >= box.west() && lon < box.east();
        }
    }

    /** The area owning a position, or null outside every area. */
    public Area ownerOf(double latDeg, double lonDeg) {
        for (Area a : areas) if (a.contains(latDeg, lonDeg)) return a;
        return null;
    }

    /** Whether a position is in {@code a} or within the margin of it (what its node consumes). */
    public boolean watches(Area a, double latDeg, double lonDeg) {
        double dLat = marginKm / KM_PER_DEG;
        double cos = Math.cos(Math.toRadians(Math.min(89, Math.abs(latDeg) + dLat)));
        double dLon = marginKm / (KM_PER_DEG * cos);
        Theatre.Area b = a.box();
        return latDeg >= b.south() - dLat
                && latDeg < b.north() + dLat
                && lonDeg >= b.west() - dLon
                && lonDeg < b.east() + dLon;
    }

    /** The area called {@code name}, or null. */
    public Area area(String name) {
        for (Area a : areas) if (a.name().equals(name)) return a;
        return null;
    }

    /**
     * Reads an areas file's tree ({@code margin-km}, {@code areas: [{name, title, box}]}); every
     * problem (unknown field, bad box, duplicate name, overlap) goes to {@code problems} with its
     * line, and null is returned when there was one.
     */
    static TheatreAreas read(YamlNode root, String file, List<TheatreProblem> problems) {
        int before = problems.size();
        for (String k : root.map.keySet()) {
            if (!k.equals("margin-km") && !k.equals("areas")) {
                problems.add(at(file, root.map.get(k), "unknown field (expected one of areas, margin-km)"));
            }
        }
        double margin = 0;
        YamlNode m = root.map.get("margin-km");
        if (m != null) {
            margin = number(file, m, 0, 1000, problems);
        }
        YamlNode list = root.map.get("areas");
        List<Area> areas = new ArrayList<>();
        if (list == null || list.list == null || list.list.isEmpty()) {
            problems.add(at(file, list == null ? root : list, "areas: expected a non-empty list of areas"));
            return null;
        }
        Set<String> names = new HashSet<>();
        for (YamlNode a : list.list) {
            if (a.map == null) {
                problems.add(at(file, a, "expected {name, title, box}, got " + a.kind()));
                continue;
            }
            for (String k : a.map.keySet()) {
                if (!Set.of("name", "title", "box").contains(k)) {
                    problems.add(at(file, a.map.get(k), "unknown field (expected one of box, name, title)"));
                }
            }
            YamlNode n = a.map.get("name");
            String name = n == null ? null : n.text;
            if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
                problems.add(at(file, n == null ? a : n, "name: expected lower-case letters, digits and '-'"));
                continue;
            }
            if (!names.add(name)) problems.add(at(file, n, "area " + name + " is named twice"));
            YamlNode t = a.map.get("title");
            String title = t == null || t.text == null ? name : t.text;
            Theatre.Area box = AreaReader.read(file, a.map.get("box"), a, "box", problems);
            if (box == null) continue;
            Area area = new Area(name, title, box);
            for (Area other : areas) {
                if (box.south() < other.box().north()
                        && other.box().south() < box.north()
                        && box.west() < other.box().east()
                        && other.box().west() < box.east()) {
                    problems.add(at(
                            file,
                            a,
                            "area " + name + " overlaps area " + other.name() + " (a position has one owner)"));
                }
            }
            areas.add(area);
        }
        return problems.size() > before ? null : new TheatreAreas(margin, areas);
    }

    private static double number(String file, YamlNode n, double min, double max, List<TheatreProblem> problems) {
        return AreaReader.number(file, n, min, max, problems);
    }

    private static TheatreProblem at(String file, YamlNode n, String message) {
        return AreaReader.at(file, n, message);
    }
}
