package org.vigil.core.ident;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.vigil.core.event.EventCodec;
import org.vigil.core.event.EventSink;
import org.vigil.core.event.EventTime;
import org.vigil.core.event.IdentEvent;
import org.vigil.core.event.OperatorEvent;
import org.vigil.core.event.VigilEvent;

/**
 * Turns the identification engine's callbacks into typed events ({@link IdentEvent},
 * {@link OperatorEvent}; docs/EVENTS.md) for a {@link EventSink}, in the order the engine reports
 * them (data-time order). The engine's objects are live and reused, so each event copies what it
 * needs. Allocates per event (events are rare: changes, not updates).
 *
 * <p>Values are kept as the operator reads them: NaN left out, squawks as their four digits
 * ("7700"), ICAO addresses as six hex digits, other numbers with the rule's fixed decimals.
 */
public final class EventLines implements IdentEventListener {
    private final EventSink out;
    private long lines;

    public EventLines(EventSink out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Writes the events as JSON Lines to {@code out} ({@link EventSink#jsonLines}). */
    public EventLines(Appendable out) {
        this(EventSink.jsonLines(out));
    }

    /** Events produced so far. */
    public long lines() {
        return lines;
    }

    /** ISO-8601 UTC, milliseconds, from Unix epoch ns: {@link EventTime#format}. */
    public static String time(long nanos) {
        return EventTime.format(nanos);
    }

    /*
     * Why "identification-started/-ended" and not "track-started/-deleted": the tracker's own events
     * share the stream (track-initiated ... track-deleted), and one type must mean one set of keys.
     */
    @Override
    public void trackStarted(long t, TrackIdentity track) {
        emit(new IdentEvent.Started(t, track.trackNumber, track.identity.id()));
    }

    @Override
    public void trackDeleted(long t, TrackIdentity track) {
        emit(new IdentEvent.Ended(t, track.trackNumber, track.identity.id()));
    }

    @Override
    public void ruleFired(long t, TrackIdentity track, Evidence e) {
        emit(new IdentEvent.RuleFired(
                t, track.trackNumber, e.cause.id, e.text(), values(e.cause, e.values), e.detail, e.detail2));
    }

    @Override
    public void ruleCleared(long t, TrackIdentity track, Evidence e) {
        emit(new IdentEvent.RuleCleared(t, track.trackNumber, e.cause.id, e.sinceNanos));
    }

    @Override
    public void identityChanged(long t, TrackIdentity track, Identity from, Identity to) {
        String by = track.override != null
                ? "operator-override"
                : track.decidingCause != null
                        ? track.decidingCause.id
                        : to == Identity.UNKNOWN ? "pending-elapsed" : "pending";
        List<String> rules = new ArrayList<>();
        List<IdentEvent.Evidence> evidence = new ArrayList<>();
        for (Evidence e : track.evidence) {
            if (!e.active) continue;
            rules.add(e.cause.id);
            evidence.add(new IdentEvent.Evidence(e.cause.id, e.text(), values(e.cause, e.values), e.detail, e.detail2));
        }
        boolean override = track.override != null;
        emit(new IdentEvent.IdentityChanged(
                t,
                track.trackNumber,
                from.id(),
                to.id(),
                by,
                override ? track.overrideBy : null,
                override ? track.overrideReason : null,
                rules,
                evidence));
    }

    @Override
    public void alert(long t, Alert a, AlertEvent what) {
        String user = switch (what) {
            case ACKNOWLEDGED -> a.acknowledgedBy;
            case ASSIGNED -> a.assignedBy;
            case RESOLVED -> a.resolvedBy;
            default -> null;
        };
        emit(new IdentEvent.AlertChanged(
                t,
                "alert-" + what.id(),
                a.trackNumber,
                a.id,
                a.cause.id,
                a.priority,
                a.state.id(),
                a.causeActive,
                a.raisedNanos,
                a.identity == null ? null : a.identity.id(),
                user,
                what == AlertEvent.ASSIGNED ? a.assignee : null,
                what == AlertEvent.RESOLVED ? a.resolution : null,
                a.cause.title,
                values(a.cause, a.values),
                a.detail,
                a.detail2));
    }

    @Override
    public void override(long t, TrackIdentity track, Identity identity, String user, String reason) {
        emit(
                identity != null
                        ? new OperatorEvent.OverrideSet(t, track.trackNumber, identity.id(), user, reason)
                        : new OperatorEvent.OverrideCleared(t, track.trackNumber, user, reason));
    }

    @Override
    public void operatorInput(long t, TrackIdentity track, String input, boolean on, long sinceNanos, String user) {
        emit(new OperatorEvent.Input(
                t, track.trackNumber, input, on, sinceNanos == Long.MIN_VALUE ? null : sinceNanos, user));
    }

    private static ObjectNode values(Cause c, double[] v) {
        ObjectNode o = EventCodec.values();
        for (int i = 0; i < c.valueCount(); i++) {
            if (Double.isNaN(v[i])) continue;
            String name = c.valueName(i);
            boolean text =
                    name.equals("icaoAddress") || name.toLowerCase(Locale.ROOT).contains("squawk");
            EventCodec.put(o, name, Evidence.format(name, v[i]), text);
        }
        return o;
    }

    private void emit(VigilEvent e) {
        out.accept(e);
        lines++;
    }
}
