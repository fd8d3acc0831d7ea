package org.vigil.core.radar;

/** Which CAT034 service message updated a {@link RadarStatus}. */
public enum ServiceMessage {
    NORTH_MARKER,
    SECTOR_CROSSING,
    /** Any other message type (filtering, jamming strobe, ...) carrying status items. */
    OTHER
}
