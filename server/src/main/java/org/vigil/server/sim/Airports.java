package org.vigil.server.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vigil.core.sim.Airport;

/** The airports a scenario may name: OurAirports extract for the Black Sea region (resource scenarios/airports.csv). */
final class Airports {
    private static Map<String, Airport> cache;

    private Airports() {}

    static synchronized Map<String, Airport> builtIn() {
        if (cache != null) return cache;
        Map<String, Airport> m = new LinkedHashMap<>();
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
