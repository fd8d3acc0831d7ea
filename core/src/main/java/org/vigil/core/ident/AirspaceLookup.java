package org.vigil.core.ident;

/**
 * The airspace question the identification engine asks: is the track inside, or when will it enter,
 * the national airspace of a NATO state? Called at most every {@link IdentRules#airspaceIntervalNanos}
 * per track and only for tracks an airspace rule could fire on. Must not allocate.
 * {@link NationalAirspaceLookup} answers it from the airspace model.
 */
@FunctionalInterface
public interface AirspaceLookup {
    /** Nothing is protected: airspace rules never fire. */
    AirspaceLookup NONE = (lat, lon, alt, trk, gs, t, h, out) -> {
        out.clear();
        out.assessed = true;
    };

    /**
     * @param horizonSeconds how far ahead to look for an entry
     */
    void assess(
            double latDeg,
            double lonDeg,
            double altitudeFt,
            double trackDeg,
            double groundSpeedKt,
            long timeNanos,
            double horizonSeconds,
            AirspaceSituation out);
}
