package org.vigil.server.qra;

import org.vigil.core.airspace.NationalAirspace;
import org.vigil.core.qra.scramble.NationAreas;

/** The theatre's national airspace (land and territorial sea) as the nations' areas a hand-over is proposed at. */
public final class TheatreAreas {
    private TheatreAreas() {}

    /** Areas from {@code airspace}; none when it is null. */
    public static NationAreas of(NationalAirspace airspace) {
        if (airspace == null) return NationAreas.NONE;
        return (lat, lon) -> {
            int state = airspace.stateAt(lat, lon);
            return state == NationalAirspace.NONE ? null : airspace.iso(state);
        };
    }
}
