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
 * @param gaPerHour   general aviation departures per hour (Poisson, a random stream of its own so the
 *                    airline traffic is the same with or without it): light aircraft under VFR at 2,500 to
 *                    5,500 ft on legs of 30 to 150 NM, each filing a plan
 * @param gaAdsbShare fraction of the general aviation with ADS-B out (the rest: a Mode A/C transponder
 *                    only); low down, these are often seen by ADS-B receivers alone
 */
public record BackgroundSpec(
        double perHour,
        int airborne,
        List<Airport> airports,
        List<AircraftType> types,
        double adsbShare,
        double gaPerHour,
        double gaAdsbShare) {
    /** Airline traffic only. */
    public BackgroundSpec(
            double perHour, int airborne, List<Airport> airports, List<AircraftType> types, double adsbShare) {
        this(perHour, airborne, airports, types, adsbShare, 0, 0.5);
    }
}
