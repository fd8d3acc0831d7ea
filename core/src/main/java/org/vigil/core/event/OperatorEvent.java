package org.vigil.core.event;

/**
 * Operator actions on a track's identification (docs/EVENTS.md "Operator actions"); the time is
 * the data time given with the action. Scramble actions are {@link QraEvent}s.
 */
public sealed interface OperatorEvent extends VigilEvent {
    /** The system track number. */
    int track();

    @Override
    default Long trackNumber() {
        return (long) track();
    }

    /** An identity override was set (an {@code identity-changed} follows if the identity changes). */
    record OverrideSet(@EventTime.Iso long time, int track, String identity, String user, String reason)
            implements OperatorEvent {
        @Override
        public String type() {
            return "override-set";
        }
    }

    /** The override was cleared. */
    record OverrideCleared(@EventTime.Iso long time, int track, String user, String reason) implements OperatorEvent {
        @Override
        public String type() {
            return "override-cleared";
        }
    }

    /**
     * An operator input about a track: {@code input} {@code radio-contact-lost} or
     * {@code no-reply-since} ({@code since} when on), {@code on} whether it now holds.
     */
    record Input(
            @EventTime.Iso long time,
            int track,
            String input,
            boolean on,
            @EventTime.Iso Long since,
            String user) implements OperatorEvent {
        @Override
        public String type() {
            return "operator-input";
        }
    }
}
