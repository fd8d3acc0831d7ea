package org.vigil.server.picture;

import java.util.Objects;
import org.vigil.core.airspace.NationalAirspace;
import org.vigil.core.airspace.NatoMembership;
import org.vigil.core.airspace.Zones;
import org.vigil.core.flightplan.FlightPlanStore;
import org.vigil.core.flightplan.RouteExpander;
import org.vigil.core.flightplan.RoutePoints;
import org.vigil.core.ident.IdentEventListener;
import org.vigil.core.ident.IdentRules;
import org.vigil.core.ident.IdentificationEngine;
import org.vigil.core.qra.Posture;
import org.vigil.core.qra.scramble.ScrambleConfig;
import org.vigil.server.flightplan.AirspaceLayers;
import org.vigil.server.ident.IdentStage;

/**
 * Everything region-specific a {@link Picture} needs, in one value: the wiring holds no theatre
 * data of its own. Built in one place (the command line's default theatre); meant to be read from a
 * theatre directory later, so every part is data, not code.
 *
 * @param airspace   national airspace (land + territorial sea) the identification rules test
 * @param membership alliance membership by date (friend or neutral of a country's flag)
 * @param zones      zones drawn on the console and used by the rules (ADIZ, danger areas...)
 * @param routes     named points and airways flight plan routes are expanded over
 * @param rules      identification rules and lists
 * @param posture    QRA posture: bases, detachments, aircraft profiles
 * @param scrambles  settings of the scramble workflow
 */
public record Theatre(
        NationalAirspace airspace,
        NatoMembership membership,
        Zones zones,
        RoutePoints routes,
        IdentRules rules,
        Posture posture,
        ScrambleConfig scrambles) {
    public Theatre {
        Objects.requireNonNull(airspace, "airspace");
        Objects.requireNonNull(membership, "membership");
        Objects.requireNonNull(zones, "zones");
        Objects.requireNonNull(routes, "routes");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(posture, "posture");
        Objects.requireNonNull(scrambles, "scrambles");
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
