package org.vigil.core.event;

import java.util.List;

/**
 * The GNSS interference picture (docs/GNSS.md, docs/EVENTS.md "GNSS interference"): an area of
 * grid cells where ADS-B integrity dropped (jamming) or positions were implausible in agreement
 * (spoofing) opened, grew or closed. The time is the data time of the estimate.
 */
public sealed interface InterferenceEvent extends VigilEvent {
    @Override
    default Long trackNumber() {
        return null;
    }

    /**
     * An area appeared.
     *
     * @param area       the area's number (stable while it is open, not reused within a run)
     * @param kind       {@code jamming} or {@code spoofing}
     * @param lat        centre of its cells, degrees
     * @param lon        centre of its cells, degrees
     * @param radiusKm   distance from the centre to the furthest cell centre plus half a cell
     * @param cells      number of grid cells
     * @param aircraft   aircraft seen in its cells within the window
     * @param affected   of these, aircraft with dropped integrity, lost position or implausible positions
     * @param confidence 0..1: the affected share weighed by the evidence
     */
    record Opened(
            @EventTime.Iso long time,
            int area,
            String kind,
            double lat,
            double lon,
            double radiusKm,
            int cells,
            int aircraft,
            int affected,
            double confidence)
            implements InterferenceEvent {
        @Override
        public String type() {
            return "interference-opened";
        }
    }

    /** An open area grew by cells (keys as {@link Opened}). */
    record Grown(
            @EventTime.Iso long time,
            int area,
            String kind,
            double lat,
            double lon,
            double radiusKm,
            int cells,
            int aircraft,
            int affected,
            double confidence)
            implements InterferenceEvent {
        @Override
        public String type() {
            return "interference-grown";
        }
    }

    /**
     * An area closed: no cell of it is affected any more.
     *
     * @param area       the area's number
     * @param kind       what it was
     * @param openedAt   when it opened
     * @param maxCells   the most cells it had
     */
    record Closed(
            @EventTime.Iso long time,
            int area,
            String kind,
            @EventTime.Iso long openedAt,
            int maxCells) implements InterferenceEvent {
        @Override
        public String type() {
            return "interference-closed";
        }
    }

    /**
     * The operator alert of an area over the policed states' national airspace or a QRA route
     * (docs/GNSS.md "Operator alert"), raised once the overlap has lasted the rules' persistence.
     *
     * @param area        the area's number
     * @param kind        {@code jamming} or {@code spoofing}
     * @param states      ISO codes of the policed states whose national airspace the area covers
     * @param nationalKm2 how much of their national airspace it covers, km²
     * @param routes      the QRA routes it covers (a unit's climb-out, an active scramble's route)
     * @param routeKm2    how much of the QRA routes it covers, km²
     * @param cells       its open cells
     * @param aircraft    aircraft in them
     * @param affected    of these, affected
     * @param confidence  0..1, as the area's
     */
    record AlertRaised(
            @EventTime.Iso long time,
            int area,
            String kind,
            List<String> states,
            double nationalKm2,
            List<String> routes,
            double routeKm2,
            int cells,
            int aircraft,
            int affected,
            double confidence)
            implements InterferenceEvent {
        @Override
        public String type() {
            return "interference-alert-raised";
        }
    }

    /** A raised alert's area came over another state or QRA route (keys as {@link AlertRaised}). */
    record AlertUpdated(
            @EventTime.Iso long time,
            int area,
            String kind,
            List<String> states,
            double nationalKm2,
            List<String> routes,
            double routeKm2,
            int cells,
            int aircraft,
            int affected,
            double confidence)
            implements InterferenceEvent {
        @Override
        public String type() {
            return "interference-alert-updated";
        }
    }

    /**
     * A raised alert closed.
     *
     * @param reason   {@code area closed}, or {@code no longer over national airspace or a QRA route}
     * @param raisedAt when it was raised
     */
    record AlertClosed(
            @EventTime.Iso long time,
            int area,
            String kind,
            String reason,
            @EventTime.Iso long raisedAt) implements InterferenceEvent {
        @Override
        public String type() {
            return "interference-alert-closed";
        }
    }
}
