package org.vigil.core.event;

import java.util.List;

/**
 * The scramble workflow's events and the supervisor's posture changes (docs/EVENTS.md "Scramble
 * and posture"). Every scramble event names the scramble ({@code S-1}...), its {@code category},
 * {@code unit}, the {@code alert} it came from (null when proposed against a bare track) and its
 * {@code phase} after the event; {@code track} is the target's system track.
 */
public sealed interface QraEvent extends VigilEvent {
    /** The target track, or null. */
    Integer track();

    @Override
    default Long trackNumber() {
        return track() == null ? null : (long) track();
    }

    /** The target position a recommendation was solved for. */
    record Target(double lat, double lon, Long altFt, Long groundSpeedKt, Long trackDeg) {}

    /** One ranked unit of a recommendation: the intercept keys when feasible, else the reason. */
    record RankedUnit(
            int rank,
            String unit,
            String nation,
            String base,
            String type,
            String readiness,
            boolean feasible,
            Double minutes,
            Double lat,
            Double lon,
            Long headingDeg,
            Double distanceNm,
            Boolean supersonic,
            String reason,
            String reasonText,
            Double plusMinusMin,
            Boolean levelAssumed) {}

    /** An intercept plan: {@code seconds} from order to 1 NM in trail; when infeasible only {@code reason}. */
    record Plan(
            boolean feasible,
            String reason,
            Double seconds,
            @EventTime.Iso Long interceptAt,
            Double lat,
            Double lon,
            Long altFt,
            Long headingDeg,
            Double distanceNm,
            Double airborneSeconds,
            Double climbSeconds,
            Long speedKt,
            Boolean supersonic,
            Double fuelFraction,
            Double plusMinusS,
            Double plusMinusNm,
            Boolean levelAssumed) {}

    /** A ranked recommendation for an alert. */
    record Recommended(@EventTime.Iso long time, Integer track, long alert, Target target, List<RankedUnit> units)
            implements QraEvent {
        public Recommended {
            units = List.copyOf(units);
        }

        @Override
        public String type() {
            return "scramble.recommended";
        }
    }

    /** An operator proposed a scramble. */
    record Proposed(
            @EventTime.Iso long time,
            Integer track,
            String scramble,
            String category,
            String unit,
            Long alert,
            String phase,
            String user,
            Plan plan)
            implements QraEvent {
        @Override
        public String type() {
            return "scramble.proposed";
        }
    }

    /** A supervisor ordered it; {@code plan} is the prediction the intercept is judged against. */
    record Ordered(
            @EventTime.Iso long time,
            Integer track,
            String scramble,
            String category,
            String unit,
            Long alert,
            String phase,
            String user,
            String proposedBy,
            Plan plan)
            implements QraEvent {
        @Override
        public String type() {
            return "scramble.ordered";
        }
    }

    /** The scramble entered {@code phase} from {@code from}. */
    record PhaseChanged(
            @EventTime.Iso long time,
            Integer track,
            String scramble,
            String category,
            String unit,
            Long alert,
            String phase,
            String from,
            Double leadLat,
            Double leadLon,
            Long leadAltFt,
            double secondsSinceOrder,
            List<String> callsigns,
            @EventTime.Iso Long predicted,
            Double predictedSeconds,
            Double errorSeconds,
            String user)
            implements QraEvent {
        public PhaseChanged {
            callsigns = callsigns == null ? null : List.copyOf(callsigns);
        }

        @Override
        public String type() {
            return "scramble.phase";
        }
    }

    /** The scramble was given a new target track ({@code from} the previous one). */
    record Retasked(
            @EventTime.Iso long time,
            Integer track,
            String scramble,
            String category,
            String unit,
            Long alert,
            String phase,
            int from,
            String user)
            implements QraEvent {
        @Override
        public String type() {
            return "scramble.retasked";
        }
    }

    /** What the fighters found and did. */
    record Outcome(
            @EventTime.Iso long time,
            Integer track,
            String scramble,
            String category,
            String unit,
            Long alert,
            String phase,
            String identifiedAs,
            String action,
            String user)
            implements QraEvent {
        @Override
        public String type() {
            return "scramble.outcome";
        }
    }

    /** Cancelled; {@code then} is {@code rtb} when the fighters were airborne. */
    record Cancelled(
            @EventTime.Iso long time,
            Integer track,
            String scramble,
            String category,
            String unit,
            Long alert,
            String phase,
            String user,
            String reason,
            String then)
            implements QraEvent {
        @Override
        public String type() {
            return "scramble.cancelled";
        }
    }

    /** An intercept as a re-plan saw it: the unit, and when and where (when infeasible only {@code reason}). */
    record Intercept(
            String unit,
            boolean feasible,
            String reason,
            @EventTime.Iso Long interceptAt,
            Double lat,
            Double lon,
            Double plusMinusS) {}

    /**
     * A re-plan moved the intercept of a scramble or, with {@code scramble} null, of an alert's
     * recommendation (its best unit): {@code from} the last announced plan {@code to} the new one;
     * {@code trigger} is what re-planned (course, speed, level, periodic).
     */
    record Replanned(
            @EventTime.Iso long time,
            Integer track,
            String scramble,
            String category,
            String unit,
            Long alert,
            String phase,
            String trigger,
            Intercept from,
            Intercept to)
            implements QraEvent {
        @Override
        public String type() {
            return "scramble.replanned";
        }
    }

    /**
     * The workflow advises ending a scramble whose intercept became impossible: {@code advice}
     * {@code abort} (not yet airborne) or {@code return} (airborne); a supervisor decides (cancel, rtb).
     */
    record Advised(
            @EventTime.Iso long time,
            Integer track,
            String scramble,
            String category,
            String unit,
            Long alert,
            String phase,
            String advice,
            String reason)
            implements QraEvent {
        @Override
        public String type() {
            return "scramble.advice";
        }
    }

    /**
     * A hand-over at an area boundary: {@code state} {@code proposed} (the target crossed from
     * {@code fromNation}'s area into {@code toNation}'s; {@code toUnit} is the best unit based there)
     * or {@code done} (the supervisor handed it over; the fighters return).
     */
    record HandOver(
            @EventTime.Iso long time,
            Integer track,
            String scramble,
            String category,
            String unit,
            Long alert,
            String phase,
            String state,
            String fromNation,
            String toNation,
            String toUnit,
            String user)
            implements QraEvent {
        @Override
        public String type() {
            return "scramble.handover";
        }
    }

    /** A unit's aircraft taken by an order or given back on landing or cancel; {@code category} the scramble's. */
    record ReadinessChanged(
            @EventTime.Iso long time, String unit, int available, int committed, String scramble, String category)
            implements QraEvent {
        @Override
        public Integer track() {
            return null;
        }

        @Override
        public String type() {
            return "qra.readiness";
        }
    }

    /** A supervisor changed the posture ({@code change}: add, move, remove, readiness). */
    record PostureChanged(
            @EventTime.Iso long time, String change, String unit, String detail, String user, long version)
            implements QraEvent {
        @Override
        public Integer track() {
            return null;
        }

        @Override
        public String type() {
            return "qra.posture";
        }
    }
}
