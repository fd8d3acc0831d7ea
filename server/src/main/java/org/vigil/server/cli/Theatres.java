package org.vigil.server.cli;

import org.vigil.core.airspace.NationalAirspace;
import org.vigil.core.airspace.NatoMembership;
import org.vigil.core.airspace.Zones;
import org.vigil.core.flightplan.RoutePoints;
import org.vigil.core.ident.IdentRules;
import org.vigil.core.qra.QraYaml;
import org.vigil.core.qra.scramble.ScrambleConfig;
import org.vigil.server.picture.Theatre;

/**
 * The one place a theatre is put together: today the bundled Black Sea 2022 data. Everything below
 * the command line takes the {@link Theatre} it is given.
 */
public final class Theatres {
    private Theatres() {}

    /**
     * The bundled Black Sea theatre: national airspace, NATO membership by date, zones, route points,
     * default identification rules, the 2022 QRA posture and the scramble settings. A fresh value
     * per call (the posture changes with the supervisors' orders).
     */
    public static Theatre blackSea() {
        return new Theatre(
                NationalAirspace.blackSeaDefault(),
                NatoMembership.defaults(),
                Zones.blackSeaDefault(),
                RoutePoints.blackSea(),
                IdentRules.defaults(),
                QraYaml.defaultPosture(),
                ScrambleConfig.defaults());
    }
}
