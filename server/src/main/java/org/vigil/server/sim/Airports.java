package org.vigil.server.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vigil.core.flightplan.Aerodrome;
import org.vigil.core.flightplan.Aerodromes;
import org.vigil.core.sim.Airport;

/**
 * The airports a scenario may name: every aerodrome of the all-Europe table of route expansion
 * ({@link Aerodromes#builtIn()}), with the Black Sea extract of resource scenarios/airports.csv on
 * top. The extract is an older OurAirports release (positions differ by up to 0.8 NM, LROP) and
 * stays because the default scenario's tracks and alerts were tuned on it: moving its airports
 * turns up tracker duplicate tracks in DefaultScenarioIdentTest.
 */
final class Airports {
    private static Map<String, Airport> cache;

    private Airports() {}

    static synchronized Map<String, Airport> builtIn() {
        if (cache != null) return cache;
        Map<String, Airport> m = new LinkedHashMap<>();
        for (Aerodrome a : Aerodromes.builtIn().all()) {
            double elev = Double.isNaN(a.elevationFt()) ? 0 : a.elevationFt();
            m.put(a.icao(), new Airport(a.icao(), a.name(), a.lat(), a.lon(), elev));
        }
        try (InputStream in = Airports.class.getResourceAsStream("/scenarios/airports.csv")) {
            if (in == null) throw new IllegalStateException("scenarios/airports.csv missing from the build");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            r.readLine(); // the header
            String line;
            while ((line = r.readLine()) != null) {
                // ident,icao,iata,type,name,lat,lon,elevation_ft,iso_country,municipality,scheduled_service (names have
                // no commas)
                String[] c = line.split(",", -1);
                if (c.length < 8 || c[1].isEmpty()) continue;
                double elev = c[7].isEmpty() ? 0 : Double.parseDouble(c[7]);
                m.put(c[1], new Airport(c[1], c[4], Double.parseDouble(c[5]), Double.parseDouble(c[6]), elev));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read scenarios/airports.csv", e);
        }
        cache = Map.copyOf(m);
        return cache;
    }
}
