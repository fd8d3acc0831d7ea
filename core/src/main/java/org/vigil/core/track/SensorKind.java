package org.vigil.core.track;

/** What kind of sensor produced a {@link Detection}; decides the measurement model and the coasting rules. */
public enum SensorKind {
    /** Rotating radar: slant range and azimuth measured from the radar's own position, once a scan. */
    RADAR,
    /** ADS-B: the aircraft's own GNSS position broadcast, accuracy from NACp. */
    ADSB,
    /** Multilateration: a position computed by a ground network, accuracy stated by the network. */
    MLAT
}
