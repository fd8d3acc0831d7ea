package org.vigil.core.radar;

/**
 * Consumer of radar observations. Sources call it under their delivery lock, one call at a time;
 * the {@link RadarPlot} is reused and valid only during {@link #onPlot} (copy it to keep it).
 */
public interface RadarPlotSink {
    void onPlot(RadarPlot plot);

    /** A CAT034 service message updated {@code status} (north marker, sector crossing, ...). */
    default void onRadarStatus(RadarStatus status, ServiceMessage message) {}
}
