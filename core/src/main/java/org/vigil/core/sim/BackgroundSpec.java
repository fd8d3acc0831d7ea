package org.vigil.core.sim;

import java.util.List;

/**
 * Random civil traffic between airports.
 *
 * @param perHour   departures per hour over the whole scenario (Poisson)
 * @param airborne  flights already en route at the start (placed along their legs)
 * @param airports  airports to pick pairs from
 * @param types     aircraft types to pick from
 * @param adsbShare fraction fitted with ADS-B out
 */
public record BackgroundSpec(
        double perHour, int airborne, List<Airport> airports, List<AircraftType> types, double adsbShare) {}
