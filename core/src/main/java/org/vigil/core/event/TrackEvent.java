package org.vigil.core.event;

import java.util.List;

/**
 * The tracker's events (written from {@code TrackListener} callbacks): keys per type in
 * docs/EVENTS.md "Tracker events". Numbers are rounded by the writer before they get here (fixed
 * decimals), so equal tracks give equal events; unknown altitude and rate are null.
 */
public sealed interface TrackEvent extends VigilEvent {
    /** The system track number. */
    int track();

    @Override
    default Long trackNumber() {
        return (long) track();
    }

    /** A tentative track is started. */
    record Initiated(
            @EventTime.Iso long time,
            int track,
            String status,
            double lat,
            double lon,
            Long altitudeFt,
            double speedKt,
            double trackDeg,
            Long verticalRateFpm,
            double positionSigmaM,
            String icao,
            String callsign,
            String squawk,
            List<String> sensors,
            boolean primaryOnly)
            implements TrackEvent {
        public Initiated {
            sensors = List.copyOf(sensors);
        }

        @Override
        public String type() {
            return "track-initiated";
        }
    }

    /** The track passes M-of-N confirmation. */
    record Confirmed(
            @EventTime.Iso long time,
            int track,
            String status,
            double lat,
            double lon,
            Long altitudeFt,
            double speedKt,
            double trackDeg,
            Long verticalRateFpm,
            double positionSigmaM,
            String icao,
            String callsign,
            String squawk,
            List<String> sensors,
            boolean primaryOnly)
            implements TrackEvent {
        public Confirmed {
            sensors = List.copyOf(sensors);
        }

        @Override
        public String type() {
            return "track-confirmed";
        }
    }

    /** Kinematics, throttled per track by the tracker. */
    record Updated(
            @EventTime.Iso long time,
            int track,
            double lat,
            double lon,
            Long altitudeFt,
            double speedKt,
            double trackDeg,
            Long verticalRateFpm,
            double positionSigmaM,
            List<String> sensors)
            implements TrackEvent {
        public Updated {
            sensors = List.copyOf(sensors);
        }

        @Override
        public String type() {
            return "track-updated";
        }
    }

    /** Address, callsign or squawk changed. */
    record Identifiers(@EventTime.Iso long time, int track, String icao, String callsign, String squawk)
            implements TrackEvent {
        @Override
        public String type() {
            return "track-identifiers";
        }
    }

    /** The set of contributing sensors changed. */
    record Sensors(@EventTime.Iso long time, int track, List<String> sensors) implements TrackEvent {
        public Sensors {
            sensors = List.copyOf(sensors);
        }

        @Override
        public String type() {
            return "track-sensors";
        }
    }

    /** ADS-B and radar disagree beyond their accuracies ({@code active}) or agree again. */
    record Disagreement(
            @EventTime.Iso long time,
            int track,
            boolean active,
            double lat,
            double lon,
            String icao,
            String callsign,
            String squawk,
            double chiSquare,
            List<String> sensors)
            implements TrackEvent {
        public Disagreement {
            sensors = List.copyOf(sensors);
        }

        @Override
        public String type() {
            return "adsb-radar-disagreement";
        }
    }

    /** The tracker drops the track. */
    record Deleted(
            @EventTime.Iso long time,
            int track,
            double lat,
            double lon,
            String icao,
            String callsign,
            String squawk,
            double ageS,
            double coastingS,
            long updates,
            boolean wasConfirmed)
            implements TrackEvent {
        @Override
        public String type() {
            return "track-deleted";
        }
    }
    /**
     * The owner of the track's area offers it to the next area's node: the track is within that
     * area's margin (docs/SCALE.md "Hand-over"). {@code from} and {@code to} are area names of the
     * theatre's {@code areas:} (docs/THEATRES.md).
     */
    record HandoverOffered(@EventTime.Iso long time, int track, String from, String to, double lat, double lon)
            implements TrackEvent {
        @Override
        public String type() {
            return "handover-offered";
        }
    }

    /** The next area's node holds the offered track (same track number, same history). */
    record HandoverAccepted(@EventTime.Iso long time, int track, String from, String to, double lat, double lon)
            implements TrackEvent {
        @Override
        public String type() {
            return "handover-accepted";
        }
    }

    /** The track crossed into the next area: that area's node owns it from now on. */
    record HandoverCompleted(@EventTime.Iso long time, int track, String from, String to, double lat, double lon)
            implements TrackEvent {
        @Override
        public String type() {
            return "handover-completed";
        }
    }
}
