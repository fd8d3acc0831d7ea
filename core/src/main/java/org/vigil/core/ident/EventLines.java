package org.vigil.core.ident;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes the identification events as JSON Lines, one object per event, in the order the engine
 * reports them (data-time order), in the schema of docs/EVENTS.md. Allocates per event (events are
 * rare: changes, not updates). Writes to any {@link Appendable}; the caller owns the stream (a
 * {@code Writer} over the --events file in the server, a StringBuilder in tests). An IOException is
 * rethrown unchecked: losing events silently is worse than stopping the replay.
 *
 * <p>Numbers: NaN values are left out; squawks are written as their four digits ("7700"), ICAO
 * addresses as six hex digits, as the operator reads them.
 */
public final class EventLines implements IdentEventListener {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Appendable out;
    private long lines;

    public EventLines(Appendable out) {
        this.out = out;
    }

    public long lines() {
        return lines;
    }

    /** ISO-8601 UTC, milliseconds, from Unix epoch ns. */
    public static String time(long nanos) {
        return TIME.format(Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)));
    }

    /*
     * Why "identification-started/-ended" and not "track-started/-deleted": the tracker's own events
     * share the stream (track-initiated ... track-deleted), and one type must mean one set of keys.
     */
    @Override
    public void trackStarted(long t, TrackIdentity track) {
        emit(start(t, "identification-started", track.trackNumber).str("identity", track.identity.id()));
    }

    @Override
    public void trackDeleted(long t, TrackIdentity track) {
        emit(start(t, "identification-ended", track.trackNumber).str("identity", track.identity.id()));
    }

    @Override
    public void ruleFired(long t, TrackIdentity track, Evidence e) {
        Obj o = start(t, "rule-fired", track.trackNumber).str("rule", e.cause.id);
        evidenceFields(o, e);
        emit(o);
    }

    @Override
    public void ruleCleared(long t, TrackIdentity track, Evidence e) {
        emit(start(t, "rule-cleared", track.trackNumber).str("rule", e.cause.id).str("since", time(e.sinceNanos)));
    }

    @Override
    public void identityChanged(long t, TrackIdentity track, Identity from, Identity to) {
        Obj o = start(t, "identity-changed", track.trackNumber).str("from", from.id()).str("to", to.id());
        String by = track.override != null ? "operator-override"
                : track.decidingCause != null ? track.decidingCause.id
                : to == Identity.UNKNOWN ? "pending-elapsed" : "pending";
        o.str("by", by);
        if (track.override != null) o.str("user", track.overrideBy).str("reason", track.overrideReason);
        StringBuilder rules = new StringBuilder("[");
        StringBuilder ev = new StringBuilder("[");
        for (Evidence e : track.evidence) {
            if (!e.active) continue;
            if (rules.length() > 1) { rules.append(','); ev.append(','); }
            quote(rules, e.cause.id);
            Obj x = new Obj().str("rule", e.cause.id);
            evidenceFields(x, e);
            ev.append(x.close());
        }
        o.raw("rules", rules.append(']').toString()).raw("evidence", ev.append(']').toString());
        emit(o);
    }

    @Override
    public void alert(long t, Alert a, AlertEvent what) {
        Obj o = start(t, "alert-" + what.id(), a.trackNumber).num("alert", a.id).str("rule", a.cause.id)
                .num("priority", a.priority).str("state", a.state.id()).bool("causeActive", a.causeActive)
                .str("raised", time(a.raisedNanos));
        if (a.identity != null) o.str("identity", a.identity.id());
        switch (what) {
            case ACKNOWLEDGED -> o.str("user", a.acknowledgedBy);
            case ASSIGNED -> o.str("user", a.assignedBy).str("assignee", a.assignee);
            case RESOLVED -> o.str("user", a.resolvedBy).str("resolution", a.resolution);
            default -> { }
        }
        o.str("text", a.cause.title);
        o.raw("values", values(a.cause, a.values));
        if (a.detail != null) o.str("detail", a.detail);
        if (a.detail2 != null) o.str("detail2", a.detail2);
        emit(o);
    }

    @Override
    public void override(long t, TrackIdentity track, Identity identity, String user, String reason) {
        Obj o = start(t, identity != null ? "override-set" : "override-cleared", track.trackNumber);
        if (identity != null) o.str("identity", identity.id());
        o.str("user", user);
        if (reason != null) o.str("reason", reason);
        emit(o);
    }

    @Override
    public void operatorInput(long t, TrackIdentity track, String input, boolean on, long sinceNanos, String user) {
        Obj o = start(t, "operator-input", track.trackNumber).str("input", input).bool("on", on);
        if (sinceNanos != Long.MIN_VALUE) o.str("since", time(sinceNanos));
        emit(o.str("user", user));
    }

    // ------------------------------------------------------------------ JSON building

    private static void evidenceFields(Obj o, Evidence e) {
        o.str("text", e.text()).raw("values", values(e.cause, e.values));
        if (e.detail != null) o.str("detail", e.detail);
        if (e.detail2 != null) o.str("detail2", e.detail2);
    }

    private static String values(Cause c, double[] v) {
        Obj o = new Obj();
        for (int i = 0; i < c.valueCount(); i++) {
            if (Double.isNaN(v[i])) continue;
            String name = c.valueName(i);
            if (name.equals("icaoAddress") || name.toLowerCase(java.util.Locale.ROOT).contains("squawk")) o.str(name, Evidence.format(name, v[i]));
            else o.raw(name, Evidence.format(name, v[i]));
        }
        return o.close();
    }

    private static Obj start(long t, String type, int track) {
        return new Obj().str("time", time(t)).str("type", type).num("track", track);
    }

    private void emit(Obj o) {
        try {
            out.append(o.close()).append('\n');
            lines++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON object being written, keys in insertion order. */
    private static final class Obj {
        private final StringBuilder b = new StringBuilder("{");

        Obj str(String k, String v) {
            key(k);
            if (v == null) b.append("null");
            else quote(b, v);
            return this;
        }

        Obj num(String k, long v) {
            key(k);
            b.append(v);
            return this;
        }

        Obj bool(String k, boolean v) {
            key(k);
            b.append(v);
            return this;
        }

        Obj raw(String k, String json) {
            key(k);
            b.append(json);
            return this;
        }

        private void key(String k) {
            if (b.length() > 1) b.append(',');
            quote(b, k);
            b.append(':');
        }

        String close() {
            return b + "}";
        }
    }

    static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        b.append('"');
    }
}
