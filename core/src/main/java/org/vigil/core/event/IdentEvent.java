package org.vigil.core.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * The identification engine's events and its alerts' lifecycle (docs/EVENTS.md "Identification
 * lifecycle", "Rules and identity", "Alerts"). {@code values} are a rule's numbers by name, as the
 * operator reads them (fixed decimals kept, squawk and address as strings): see
 * {@link EventCodec#values}.
 */
public sealed interface IdentEvent extends VigilEvent {
    /** The system track number. */
    int track();

    @Override
    default Long trackNumber() {
        return (long) track();
    }

    /** First identification of a track (at its confirmation); identity always {@code pending}. */
    record Started(@EventTime.Iso long time, int track, String identity) implements IdentEvent {
        @Override
        public String type() {
            return "identification-started";
        }
    }

    /** The track is gone; its open alerts were resolved just before. */
    record Ended(@EventTime.Iso long time, int track, String identity) implements IdentEvent {
        @Override
        public String type() {
            return "identification-ended";
        }
    }

    /** A rule started firing. */
    record RuleFired(
            @EventTime.Iso long time,
            int track,
            String rule,
            String text,
            ObjectNode values,
            String detail,
            String detail2)
            implements IdentEvent {
        @Override
        public String type() {
            return "rule-fired";
        }
    }

    /** A rule stopped firing; {@code since} is when it started. */
    record RuleCleared(
            @EventTime.Iso long time,
            int track,
            String rule,
            @EventTime.Iso long since) implements IdentEvent {
        @Override
        public String type() {
            return "rule-cleared";
        }
    }

    /** One firing rule's evidence in an {@link IdentityChanged}. */
    record Evidence(String rule, String text, ObjectNode values, String detail, String detail2) {}

    /** The identity changed; {@code by} is the deciding rule, operator-override, pending-elapsed or pending. */
    record IdentityChanged(
            @EventTime.Iso long time,
            int track,
            String from,
            String to,
            String by,
            String user,
            String reason,
            List<String> rules,
            List<Evidence> evidence)
            implements IdentEvent {
        public IdentityChanged {
            rules = List.copyOf(rules);
            evidence = List.copyOf(evidence);
        }

        @Override
        public String type() {
            return "identity-changed";
        }
    }

    /** What happened to an alert: the suffix of its type ({@code alert-raised} ...). */
    enum AlertChange {
        RAISED,
        UPDATED,
        ACKNOWLEDGED,
        ASSIGNED,
        RESOLVED;

        public String type() {
            return "alert-" + name().toLowerCase(Locale.ROOT);
        }

        static AlertChange of(String type) {
            for (AlertChange c : values()) if (c.type().equals(type)) return c;
            throw new IllegalArgumentException("not an alert event type: " + type);
        }
    }

    /**
     * An alert was raised, updated, acknowledged, assigned or resolved: the alert after the change.
     * {@code type} is one of the five {@code alert-*} names ({@link #change()}).
     */
    record AlertChanged(
            @EventTime.Iso long time,
            String type,
            int track,
            long alert,
            String rule,
            int priority,
            String state,
            boolean causeActive,
            @EventTime.Iso long raised,
            String identity,
            String user,
            String assignee,
            String resolution,
            String text,
            ObjectNode values,
            String detail,
            String detail2)
            implements IdentEvent {
        public AlertChanged {
            AlertChange.of(type);
        }

        public AlertChanged(
                long time,
                AlertChange change,
                int track,
                long alert,
                String rule,
                int priority,
                String state,
                boolean causeActive,
                long raised,
                String identity,
                String user,
                String assignee,
                String resolution,
                String text,
                ObjectNode values,
                String detail,
                String detail2) {
            this(
                    time,
                    change.type(),
                    track,
                    alert,
                    rule,
                    priority,
                    state,
                    causeActive,
                    raised,
                    identity,
                    user,
                    assignee,
                    resolution,
                    text,
                    values,
                    detail,
                    detail2);
        }

        @JsonIgnore
        public AlertChange change() {
            return AlertChange.of(type);
        }
    }
}
