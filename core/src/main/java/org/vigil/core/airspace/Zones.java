package org.vigil.core.airspace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntConsumer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A set of configured zones with an allocation-free "which zones is this aircraft in" lookup.
 * Zone indices are positions in {@link #all()}. Immutable and thread-safe.
 */
public final class Zones {
    /** Grid cell size for zone lookups, degrees. */
    static final double CELL_DEG = 0.05;

    private final List<Zone> zones;
    private final RegionGrid grid;
    private final double[] lowerFt;
    private final double[] upperFt;

    public Zones(List<Zone> zones) {
        this.zones = List.copyOf(zones);
        List<Geometry> areas = new ArrayList<>(zones.size());
        Envelope bounds = new Envelope();
        lowerFt = new double[zones.size()];
        upperFt = new double[zones.size()];
        for (int i = 0; i < zones.size(); i++) {
            Zone z = zones.get(i);
            areas.add(z.area());
            bounds.expandToInclude(z.area().getEnvelopeInternal());
            lowerFt[i] = z.lowerFt();
            upperFt[i] = z.upperFt();
        }
        if (bounds.isNull()) bounds = new Envelope(0, CELL_DEG, 0, CELL_DEG);
        grid = new RegionGrid(areas, bounds, CELL_DEG);
    }

    public List<Zone> all() {
        return Collections.unmodifiableList(zones);
    }

    public int count() {
        return zones.size();
    }

    public Zone zone(int index) {
        return zones.get(index);
    }

    /** Index of the zone with this id, or -1. */
    public int indexOf(String id) {
        for (int i = 0; i < zones.size(); i++) if (zones.get(i).id().equals(id)) return i;
        return -1;
    }

    /**
     * Calls {@code sink} with the index of every zone that contains the position laterally,
     * whose vertical band holds {@code altitudeFt} (NaN: unknown, counts as inside) and that is
     * active at {@code timeNanos} (Unix epoch, UTC). Allocates nothing (the sink is the caller's).
     */
    public void zonesAt(double latDeg, double lonDeg, double altitudeFt, long timeNanos, IntConsumer sink) {
        int cell = grid.cellOf(latDeg, lonDeg);
        if (cell < 0) return;
        boolean altitudeUnknown = Double.isNaN(altitudeFt);
        for (int e = grid.entryBegin(cell), end = grid.entryEnd(cell); e < end; e++) {
            int z = grid.entryRegion(e);
            // cheap checks first: band and schedule, then the point-in-polygon
            if (!altitudeUnknown && (altitudeFt < lowerFt[z] || altitudeFt > upperFt[z])) continue;
            if (!zones.get(z).isActive(timeNanos)) continue;
            if (grid.entryContains(cell, e, latDeg, lonDeg)) sink.accept(z);
        }
    }

    /** Whether zone {@code index} contains the position, ignoring level and schedule. Allocation-free. */
    public boolean laterallyInside(int index, double latDeg, double lonDeg) {
        return grid.contains(index, latDeg, lonDeg);
    }
}
