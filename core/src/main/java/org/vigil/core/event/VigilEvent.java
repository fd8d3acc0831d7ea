package org.vigil.core.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One event of Vigil's stream: everything the tracker, the identification, the operators and the
 * scramble workflow report, one record per {@code type} (docs/EVENTS.md lists them; a test checks
 * the page against this family). Events are values: the same input gives equal events, and
 * {@link EventCodec} writes them as the one JSON Lines schema and reads them back equal.
 *
 * <p>Envelope, in this order on every line: {@code time} (data time, {@link EventTime}),
 * {@code type}, {@code schema} ({@link EventCodec#SCHEMA}), {@code track} (the system track number,
 * when the event has one); then the type's keys in the record's component order. Unknown values
 * are null and left out.
 *
 * <p>Why the {@code type} is a property of the records and not a Jackson-written id: so that it is
 * written after {@code time}, as the stream always had it, and so that a record can stand for a
 * family of names ({@code alert-*}).
 */
@JsonTypeInfo(
        use = JsonTypeInfo.Id.NAME,
        include = JsonTypeInfo.As.EXISTING_PROPERTY,
        property = "type",
        visible = true)
@JsonSubTypes({
    @JsonSubTypes.Type(value = TrackEvent.Initiated.class, name = "track-initiated"),
    @JsonSubTypes.Type(value = TrackEvent.Confirmed.class, name = "track-confirmed"),
    @JsonSubTypes.Type(value = TrackEvent.Updated.class, name = "track-updated"),
    @JsonSubTypes.Type(value = TrackEvent.Identifiers.class, name = "track-identifiers"),
    @JsonSubTypes.Type(value = TrackEvent.Sensors.class, name = "track-sensors"),
    @JsonSubTypes.Type(value = TrackEvent.Disagreement.class, name = "adsb-radar-disagreement"),
    @JsonSubTypes.Type(value = TrackEvent.Deleted.class, name = "track-deleted"),
    @JsonSubTypes.Type(value = TrackEvent.HandoverOffered.class, name = "handover-offered"),
    @JsonSubTypes.Type(value = TrackEvent.HandoverAccepted.class, name = "handover-accepted"),
    @JsonSubTypes.Type(value = TrackEvent.HandoverCompleted.class, name = "handover-completed"),
    @JsonSubTypes.Type(value = IdentEvent.Started.class, name = "identification-started"),
    @JsonSubTypes.Type(value = IdentEvent.Ended.class, name = "identification-ended"),
    @JsonSubTypes.Type(value = IdentEvent.RuleFired.class, name = "rule-fired"),
    @JsonSubTypes.Type(value = IdentEvent.RuleCleared.class, name = "rule-cleared"),
    @JsonSubTypes.Type(value = IdentEvent.IdentityChanged.class, name = "identity-changed"),
    @JsonSubTypes.Type(
            value = IdentEvent.AlertChanged.class,
            names = {"alert-raised", "alert-updated", "alert-acknowledged", "alert-assigned", "alert-resolved"}),
    @JsonSubTypes.Type(value = OperatorEvent.OverrideSet.class, name = "override-set"),
    @JsonSubTypes.Type(value = OperatorEvent.OverrideCleared.class, name = "override-cleared"),
    @JsonSubTypes.Type(value = OperatorEvent.Input.class, name = "operator-input"),
    @JsonSubTypes.Type(value = QraEvent.Recommended.class, name = "scramble.recommended"),
    @JsonSubTypes.Type(value = QraEvent.Proposed.class, name = "scramble.proposed"),
    @JsonSubTypes.Type(value = QraEvent.Ordered.class, name = "scramble.ordered"),
    @JsonSubTypes.Type(value = QraEvent.PhaseChanged.class, name = "scramble.phase"),
    @JsonSubTypes.Type(value = QraEvent.Retasked.class, name = "scramble.retasked"),
    @JsonSubTypes.Type(value = QraEvent.Outcome.class, name = "scramble.outcome"),
    @JsonSubTypes.Type(value = QraEvent.Cancelled.class, name = "scramble.cancelled"),
    @JsonSubTypes.Type(value = QraEvent.Replanned.class, name = "scramble.replanned"),
    @JsonSubTypes.Type(value = QraEvent.Advised.class, name = "scramble.advice"),
    @JsonSubTypes.Type(value = QraEvent.HandOver.class, name = "scramble.handover"),
    @JsonSubTypes.Type(value = QraEvent.ReadinessChanged.class, name = "qra.readiness"),
    @JsonSubTypes.Type(value = QraEvent.PostureChanged.class, name = "qra.posture"),
    @JsonSubTypes.Type(value = SensorEvent.StatusChanged.class, name = "sensor-status"),
    @JsonSubTypes.Type(value = InterferenceEvent.Opened.class, name = "interference-opened"),
    @JsonSubTypes.Type(value = InterferenceEvent.Grown.class, name = "interference-grown"),
    @JsonSubTypes.Type(value = InterferenceEvent.Closed.class, name = "interference-closed"),
    @JsonSubTypes.Type(value = InterferenceEvent.AlertRaised.class, name = "interference-alert-raised"),
    @JsonSubTypes.Type(value = InterferenceEvent.AlertUpdated.class, name = "interference-alert-updated"),
    @JsonSubTypes.Type(value = InterferenceEvent.AlertClosed.class, name = "interference-alert-closed"),
})
@JsonPropertyOrder({"time", "type", "schema", "track"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface VigilEvent
        permits TrackEvent, IdentEvent, OperatorEvent, QraEvent, SensorEvent, InterferenceEvent {
    /** Data time, Unix epoch ns (the stream keeps milliseconds). */
    long time();

    /** The wire name, e.g. {@code track-initiated}. */
    @JsonProperty("type")
    String type();

    /** The schema version this event is written in. */
    @JsonProperty("schema")
    default int schema() {
        return EventCodec.SCHEMA;
    }

    /** The system track the event is about, or null (posture, readiness). */
    @JsonIgnore
    Long trackNumber();
}
