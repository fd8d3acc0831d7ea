package org.vigil.core.qra;

/** A region as a point test (a lat/lon box, an airspace polygon, "over the sea"...). Must not allocate. */
@FunctionalInterface
public interface GeoPredicate {
    boolean contains(double latDeg, double lonDeg);

    GeoPredicate EVERYWHERE = (lat, lon) -> true;

    /** A lat/lon box, bounds inclusive. */
    static GeoPredicate box(double minLat, double maxLat, double minLon, double maxLon) {
        return (lat, lon) -> lat >= minLat && lat <= maxLat && lon >= minLon && lon <= maxLon;
    }
}
