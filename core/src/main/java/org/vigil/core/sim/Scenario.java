package org.vigil.core.sim;

import java.util.List;

/**
 * A complete scenario as loaded: where and when, sensors, flights, QRA units and the seed.
 * Immutable; the {@link Simulation} holds the moving state.
 *
 * @param name              scenario name
 * @param startEpochSeconds UTC start, seconds since 1970
 * @param durationSeconds   default length of a run
 * @param seed              random seed (noise, loss, background traffic)
 * @param south             area bounds, degrees; flights leaving them end
 * @param windFromDeg       direction the wind blows from, NaN for no wind
 * @param windKt            wind speed
 * @param truthIntervalSeconds spacing of truth state samples per flight
 * @param degradations      sensors dropped, delayed, reordered or repeated for a period (none by default)
 * @param gnssAreas         GNSS jammers and spoofers acting on the ADS-B (none by default; docs/SCENARIOS.md)
 */
public record Scenario(
        String name,
        long startEpochSeconds,
        double durationSeconds,
        long seed,
        double south,
        double north,
        double west,
        double east,
        double windFromDeg,
        double windKt,
        double truthIntervalSeconds,
        List<RadarSpec> radars,
        List<ReceiverSpec> receivers,
        List<FlightSpec> flights,
        List<QraUnit> qra,
        BackgroundSpec background,
        List<Degradation> degradations,
        List<GnssArea> gnssAreas) {
    /** A scenario without GNSS interference. */
    public Scenario(
            String name,
            long startEpochSeconds,
            double durationSeconds,
            long seed,
            double south,
            double north,
            double west,
            double east,
            double windFromDeg,
            double windKt,
            double truthIntervalSeconds,
            List<RadarSpec> radars,
            List<ReceiverSpec> receivers,
            List<FlightSpec> flights,
            List<QraUnit> qra,
            BackgroundSpec background,
            List<Degradation> degradations) {
        this(
                name,
                startEpochSeconds,
                durationSeconds,
                seed,
                south,
                north,
                west,
                east,
                windFromDeg,
                windKt,
                truthIntervalSeconds,
                radars,
                receivers,
                flights,
                qra,
                background,
                degradations,
                List.of());
    }

    /** A scenario without degradations. */
    public Scenario(
            String name,
            long startEpochSeconds,
            double durationSeconds,
            long seed,
            double south,
            double north,
            double west,
            double east,
            double windFromDeg,
            double windKt,
            double truthIntervalSeconds,
            List<RadarSpec> radars,
            List<ReceiverSpec> receivers,
            List<FlightSpec> flights,
            List<QraUnit> qra,
            BackgroundSpec background) {
        this(
                name,
                startEpochSeconds,
                durationSeconds,
                seed,
                south,
                north,
                west,
                east,
                windFromDeg,
                windKt,
                truthIntervalSeconds,
                radars,
                receivers,
                flights,
                qra,
                background,
                List.of());
    }

    /** This scenario with {@code d} as its degradations. */
    public Scenario withDegradations(List<Degradation> d) {
        return new Scenario(
                name,
                startEpochSeconds,
                durationSeconds,
                seed,
                south,
                north,
                west,
                east,
                windFromDeg,
                windKt,
                truthIntervalSeconds,
                radars,
                receivers,
                flights,
                qra,
                background,
                d,
                gnssAreas);
    }

    /** This scenario with {@code areas} as its GNSS jammers and spoofers. */
    public Scenario withGnssAreas(List<GnssArea> areas) {
        return new Scenario(
                name,
                startEpochSeconds,
                durationSeconds,
                seed,
                south,
                north,
                west,
                east,
                windFromDeg,
                windKt,
                truthIntervalSeconds,
                radars,
                receivers,
                flights,
                qra,
                background,
                degradations,
                areas);
    }

    public Scenario {
        degradations = List.copyOf(degradations);
        gnssAreas = List.copyOf(gnssAreas);
        radars = List.copyOf(radars);
        receivers = List.copyOf(receivers);
        flights = List.copyOf(flights);
        qra = List.copyOf(qra);
    }

    public boolean inArea(double lat, double lon) {
        return lat >= south && lat <= north && lon >= west && lon <= east;
    }
}
