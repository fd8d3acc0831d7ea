package org.vigil.core.flightplan;

/**
 * One aerodrome of the points database: ICAO location indicator, name, aerodrome position (WGS-84
 * degrees, as the data source gives it: near but not always at the reference point), elevation,
 * state, size class and open runways.
 *
 * @param elevationFt  feet above mean sea level, NaN when the table does not give it
 * @param isoCountry   ISO 3166-1 alpha-2 code of the state ("" when not given)
 * @param type         "large", "medium" or "small" (OurAirports' classes; "" when not given)
 * @param runways      open runways as "09L/27R:12799 09R/27L:12001" (designators : length ft,
 *                     longest first), "" when none is on record
 */
public record Aerodrome(
        String icao,
        String name,
        double lat,
        double lon,
        double elevationFt,
        String isoCountry,
        String type,
        String runways) {}
