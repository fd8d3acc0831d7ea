package org.vigil.server.picture;

import java.util.List;
import java.util.Objects;
import org.vigil.core.airspace.NationalAirspace;
import org.vigil.core.airspace.NatoMembership;
import org.vigil.core.airspace.Zones;
import org.vigil.core.flightplan.FlightPlanStore;
import org.vigil.core.flightplan.RouteExpander;
import org.vigil.core.flightplan.RoutePoints;
import org.vigil.core.gnss.GnssRules;
import org.vigil.core.ident.IdentEventListener;
import org.vigil.core.ident.IdentRules;
import org.vigil.core.ident.IdentificationEngine;
import org.vigil.core.qra.Posture;
import org.vigil.core.qra.scramble.ScrambleConfig;
import org.vigil.core.sim.RadarSpec;
import org.vigil.core.sim.ReceiverSpec;
import org.vigil.server.flightplan.AirspaceLayers;
import org.vigil.server.ident.IdentStage;

/**
 * Everything region-specific a {@link Picture} needs, in one value: the wiring holds no theatre
 * data of its own. Read from a theatre directory or a built-in one ({@code server.theatre.TheatreLoader},
 * format in docs/THEATRES.md), so every part is data, not code.
 *
 * @param name       short name (the built-in's or the directory's), e.g. {@code baltic}
 * @param title      what operators read, e.g. "Baltic Air Policing"
 * @param area       area of interest: the console opens on it
 * @param policed    ISO alpha-2 codes of the states whose airspace is policed
 * @param neighbours ISO alpha-2 codes of the neighbouring states of interest
 * @param airspace   national airspace (land + territorial sea) the identification rules test
 * @param membership alliance membership by date (friend or neutral of a country's flag)
 * @param zones      zones drawn on the console and used by the rules (ADIZ, danger areas...)
 * @param routes     named points and airways flight plan routes are expanded over
 * @param rules      identification rules and lists
 * @param posture    QRA posture: bases, detachments, aircraft profiles
 * @param scrambles  settings of the scramble workflow
 * @param radars     radar sites of the theatre (simulated when a scenario has none of its own)
 * @param receivers  ADS-B receiver sites of the theatre (likewise)
 * @param firs       FIR boundaries the console draws: a GeoJSON FeatureCollection, as the theatre's
 *                   {@code firs:} file gives it (an empty collection when it has none)
 * @param gnss       the GNSS interference picture's thresholds and its area alert (docs/GNSS.md), as
 *                   the theatre's {@code gnss:} mapping gives them (the defaults when it has none)
 */
public record Theatre(
        String name,
        String title,
        Area area,
        List<String> policed,
        List<String> neighbours,
        NationalAirspace airspace,
        NatoMembership membership,
        Zones zones,
        RoutePoints routes,
        IdentRules rules,
        Posture posture,
        ScrambleConfig scrambles,
        List<RadarSpec> radars,
        List<ReceiverSpec> receivers,
        String firs,
        GnssRules gnss) {
    public Theatre {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(area, "area");
        policed = List.copyOf(policed);
        neighbours = List.copyOf(neighbours);
        Objects.requireNonNull(airspace, "airspace");
        Objects.requireNonNull(membership, "membership");
        Objects.requireNonNull(zones, "zones");
        Objects.requireNonNull(routes, "routes");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(posture, "posture");
        Objects.requireNonNull(scrambles, "scrambles");
        radars = List.copyOf(radars);
        receivers = List.copyOf(receivers);
        Objects.requireNonNull(firs, "firs");
        Objects.requireNonNull(gnss, "gnss");
    }

    /** A theatre with the default GNSS interference thresholds. */
    public Theatre(
            String name,
            String title,
            Area area,
            List<String> policed,
            List<String> neighbours,
            NationalAirspace airspace,
            NatoMembership membership,
            Zones zones,
            RoutePoints routes,
            IdentRules rules,
            Posture posture,
            ScrambleConfig scrambles,
            List<RadarSpec> radars,
            List<ReceiverSpec> receivers,
            String firs) {
        this(
                name,
                title,
                area,
                policed,
                neighbours,
                airspace,
                membership,
                zones,
                routes,
                rules,
                posture,
                scrambles,
                radars,
                receivers,
                firs,
                GnssRules.defaults());
    }

    /** The {@code firs} of a theatre without FIR boundaries. */
    public static final String NO_FIRS = "{\"type\":\"FeatureCollection\",\"features\":[]}";

    /**
     * The area of interest, degrees: where the console opens and what the operators watch.
     *
     * @param south southern edge, latitude
     * @param north northern edge, latitude
     * @param west  western edge, longitude
     * @param east  eastern edge, longitude
     */
    public record Area(double south, double north, double west, double east) {
        public Area {
            if (!(south >= -90 && north <= 90 && south < north))
                throw new IllegalArgumentException("area: south must be below north, both within -90..90");
            if (!(west >= -180 && east <= 180 && west < east))
                throw new IllegalArgumentException("area: west must be west of east, both within -180..180");
        }
    }

    /**
     * What the console needs to open on this theatre ({@code GET /api/theatre}): name, title, area of
     * interest (its initial view), policed and neighbouring states.
     */
    public java.util.Map<String, Object> view() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("name", name);
        m.put("title", title);
        m.put(
                "area",
                java.util.Map.of(
                        "south", area.south(), "north", area.north(), "west", area.west(), "east", area.east()));
        m.put("policed", policed);
        m.put("neighbours", neighbours);
        return m;
    }

    /**
     * This theatre with another QRA posture and identification rules: a scenario's own {@code qra:}
     * units, and their fighters among the known QRA aircraft.
     */
    public Theatre withQra(Posture otherPosture, IdentRules otherRules) {
        return new Theatre(
                name,
                title,
                area,
                policed,
                neighbours,
                airspace,
                membership,
                zones,
                routes,
                otherRules,
                otherPosture,
                scrambles,
                radars,
                receivers,
                firs,
                gnss);
    }

    /** An empty flight plan store whose routes expand over this theatre's points. */
    public FlightPlanStore newFlightPlanStore() {
        return new FlightPlanStore(new RouteExpander(routes));
    }

    /** The identification engine of this theatre: its rules, airspace and membership; plans from {@code plans}. */
    public IdentificationEngine identificationEngine(FlightPlanStore plans, IdentEventListener events) {
        return IdentStage.engine(rules, plans, airspace, membership, events);
    }

    /** The console's airspace layers of this theatre. */
    public AirspaceLayers layers() {
        return new AirspaceLayers(airspace, membership, zones);
    }
}
