package org.vigil.core.flightplan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.vigil.core.geo.Sphere;

/**
 * Turns a flight plan into an {@link ExpandedRoute}: departure aerodrome, the significant points of
 * item 15 in order, destination aerodrome.
 *
 * <p>What each route element contributes:
 * <ul>
 *   <li>named point (2-5 letters): its position from {@link RoutePoints}, else listed as unresolved;
 *   <li>coordinates (4530N02830E, 45N028E): that position;
 *   <li>bearing and distance from a named point (SOF090040: 090 degrees, 40 NM from SOF): that
 *       position, with the bearing taken as true (magnetic variation here is under 7 degrees);
 *   <li>speed/level changes ("LOMOS/N0450F370") count as their point; cruise climb
 *       ("C/4530N02830E/...") as its point;
 *   <li>DCT, VFR, IFR, OAT, GAT, T and ATS route or procedure designators: no point. Without an
 *       airway database an ATS route between two points is taken as the great circle between them,
 *       which is what a deviation alarm with a tolerance of several NM needs.
 * </ul>
 * ZZZZ aerodromes use DEP/ or DEST/ of item 18 (a coordinate or known name in the text).
 *
 * <p>What cannot be expanded is never dropped silently: an unknown aerodrome, point or navaid, a
 * ZZZZ aerodrome whose DEP/ or DEST/ names nothing known, and a malformed element (one that is
 * neither a point, a coordinate, a bearing/distance nor an ATS route or procedure designator such as
 * UL851 or LOMOS1A) are listed in {@link ExpandedRoute#unresolved()}, which makes the route
 * {@linkplain ExpandedRoute#unknown() unknown}. Not on a hot path: runs once per plan stored.
 */
public final class RouteExpander {
    /** An ATS route or procedure designator (UL851, M985, Y23, LOMOS1A, RIXA2B): no point of its own. */
    private static final Pattern DESIGNATOR = Pattern.compile("[A-Z]{1,6}[0-9]{1,4}[A-Z]?");

    private final RoutePoints points;

    public RouteExpander(RoutePoints points) {
        this.points = points;
    }

    public ExpandedRoute expand(FlightPlan plan) {
        List<String> names = new ArrayList<>();
        List<double[]> pos = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        aerodrome(plan.departure().aerodrome(), plan.other().get("DEP"), names, pos, unresolved);
        for (String element : plan.route().elements()) {
            String point = pointOf(element);
            if (point != null) add(point, names, pos, unresolved);
            else if (isMalformed(element)) unresolved.add(element);
        }
        aerodrome(plan.destination().aerodrome(), plan.other().get("DEST"), names, pos, unresolved);
        double[] lat = new double[pos.size()], lon = new double[pos.size()];
        for (int i = 0; i < pos.size(); i++) {
            lat[i] = pos.get(i)[0];
            lon[i] = pos.get(i)[1];
        }
        return new ExpandedRoute(names, lat, lon, unresolved);
    }

    /** The significant point an item 15 element names, or null when it names none. */
    static String pointOf(String element) {
        String e = element;
        if (e.startsWith("C/")) e = e.substring(2);
        int slash = e.indexOf('/');
        if (slash >= 0) e = e.substring(0, slash);
        if (e.isEmpty()) return null;
        switch (e) {
            case "DCT", "VFR", "IFR", "OAT", "GAT", "T", "IFPSTOP", "IFPSTART" -> {
                return null;
            }
            default -> {}
        }
        if (Coordinates.isCoordinate(e)) return e;
        if (isBearingDistance(e)) return e;
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c < 'A' || c > 'Z') return null; // a designator (UL851, LOMOS1A): no point
        }
        return e.length() >= 2 && e.length() <= 5 ? e : null;
    }

    /**
     * Whether an element that names no point is malformed rather than a designator or keyword: it
     * would otherwise be skipped without a trace.
     */
    static boolean isMalformed(String element) {
        String e = element.startsWith("C/") ? element.substring(2) : element;
        int slash = e.indexOf('/');
        if (slash >= 0) e = e.substring(0, slash);
        if (e.isEmpty()) return true;
        if (pointOf(element) != null) return false;
        switch (e) {
            case "DCT", "VFR", "IFR", "OAT", "GAT", "T", "IFPSTOP", "IFPSTART" -> {
                return false;
            }
            default -> {}
        }
        return !DESIGNATOR.matcher(e).matches();
    }

    private static boolean isBearingDistance(String e) {
        int n = e.length();
        if (n < 8 || n > 11) return false;
        for (int i = 0; i < n - 6; i++) if (e.charAt(i) < 'A' || e.charAt(i) > 'Z') return false;
        return Coordinates.digits(e, n - 6, 6) >= 0 && Coordinates.digits(e, n - 6, 3) <= 360;
    }

    private void aerodrome(
            String icao, String item18Text, List<String> names, List<double[]> pos, List<String> unresolved) {
        if (!"ZZZZ".equals(icao) && !"AFIL".equals(icao)) {
            add(icao, names, pos, unresolved);
            return;
        }
        if (item18Text != null) {
            for (String word : item18Text.split(" ")) {
                if (resolve(word) != null) {
                    add(word, names, pos, unresolved);
                    return;
                }
            }
        }
        // AFIL (filed in the air) has no departure aerodrome by design; ZZZZ must say where it is
        if ("ZZZZ".equals(icao)) unresolved.add(item18Text == null ? icao : icao + " " + item18Text);
    }

    private void add(String name, List<String> names, List<double[]> pos, List<String> unresolved) {
        double[] p = resolve(name);
        if (p == null) {
            unresolved.add(name);
            return;
        }
        int last = pos.size() - 1;
        if (last >= 0 && pos.get(last)[0] == p[0] && pos.get(last)[1] == p[1]) return;
        names.add(name);
        pos.add(p);
    }

    /** Position of a point name, coordinate or bearing/distance, or null. */
    double[] resolve(String name) {
        double[] p = new double[2];
        if (Coordinates.parse(name, p)) return p;
        if (isBearingDistance(name)) {
            int n = name.length();
            if (!points.find(name.substring(0, n - 6), p)) return null;
            int bearing = Coordinates.digits(name, n - 6, 3), distNm = Coordinates.digits(name, n - 3, 3);
            Sphere.destinationUnwrapped(p[0], p[1], bearing, distNm * ExpandedRoute.NM, p);
            return p;
        }
        return points.find(name, p) ? p : null;
    }
}
