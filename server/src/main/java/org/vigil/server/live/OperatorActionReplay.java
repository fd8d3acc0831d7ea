package org.vigil.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.core.event.QraEvent;
import org.vigil.core.qra.scramble.ScrambleService;
import org.vigil.server.ident.AlertService;
import org.vigil.server.picture.Picture;
import org.vigil.server.qra.QraApi;
import org.vigil.server.recording.Actor;
import org.vigil.server.recording.EventDecoder;
import org.vigil.server.recording.EventQuery;
import org.vigil.server.recording.EventStore;
import org.vigil.server.recording.OperatorActionLog;
import org.vigil.server.recording.Recorder;
import org.vigil.server.recording.StoredEvent;
import org.vigil.server.replay.ReplaySinks;

/**
 * The operators' actions carried out again in a restart rebuild (docs/REPLAY.md "Restart"): each
 * journalled command ({@link OperatorActionLog}) reaches the picture at the point of the input
 * sequence where it first took effect, with its user, so the alerts' lifecycle (acknowledged, by
 * whom, assigned, resolved), identity overrides, radio-contact and no-reply reports, scramble
 * proposals, orders, cancels, outcomes and posture changes are the same as before the stop, and the
 * events they made are regenerated one for one (the rebuild matches them against the stored ones).
 *
 * <p>A command whose row the event store does not hold (the process stopped after the journal was
 * synced and before the row's commit: not yet acknowledged) gets its row now, so that every action in
 * the journal is in the store exactly once. On the rebuild's thread, the picture's owner then.
 */
public final class OperatorActionReplay implements ReplaySinks.ActionSink {
    private static final Logger LOG = LoggerFactory.getLogger(OperatorActionReplay.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Picture picture;
    private final Recorder recorder;
    private Set<String> storedRefs;
    private long applied, refused, rowsRecovered;

    OperatorActionReplay(Picture picture, Recorder recorder) {
        this.picture = picture;
        this.recorder = recorder;
    }

    /**
     * The journalled actions carried out again in {@code picture} and nothing written anywhere (a
     * playback: the scrambles, posture and alert lifecycle at the playback time are the recorded ones).
     */
    public static OperatorActionReplay carriedOut(Picture picture) {
        return new OperatorActionReplay(picture, null);
    }

    @Override
    public void onAction(long dataNanos, String command) {
        JsonNode c;
        try {
            c = JSON.readTree(command);
        } catch (java.io.IOException e) {
            refused++;
            LOG.warn("restart: journalled operator action not readable, skipped: {}", e.getMessage());
            return;
        }
        String action = c.path("action").asText("");
        boolean ok;
        if (action.startsWith("scramble.") || action.startsWith("qra.")) {
            ScrambleService.Result r = picture.scrambles() == null ? null : new QraApi(picture.scrambles()).replay(c);
            ok = r != null && r.ok();
            picture.flushEvents(); // as live (QraApi's afterAction): the workflow's events go out with the action
        } else {
            AlertService.Outcome o =
                    picture.alerts() == null ? null : picture.alerts().replay(c);
            ok = o != null && o.ok();
        }
        if (!ok) {
            // a rebuild from a window of the recording numbers tracks and alerts anew; counted, never thrown
            refused++;
            return;
        }
        applied++;
        String ref = c.path("ref").asText(null);
        if (recorder != null && ref != null && !stored().contains(ref)) {
            try {
                Actor a = new Actor(
                        c.path("user").asText("unknown"),
                        c.path("role").asText(null),
                        c.path("address").asText(null));
                // no track number, as the live rows: readers of a track's events read typed events only
                recorder.events()
                        .queueOperatorAction(OperatorActionLog.ROW_PREFIX + action, dataNanos, null, command, a);
                storedRefs.add(ref);
                rowsRecovered++;
            } catch (IllegalArgumentException e) {
                LOG.warn("restart: operator action row not recorded: {}", e.getMessage());
            }
        }
    }

    private Set<String> stored() {
        if (storedRefs != null) return storedRefs;
        storedRefs = new HashSet<>();
        try {
            for (StoredEvent e : all(recorder.events(), null)) {
                if (e.actor() == null || !e.type().startsWith(OperatorActionLog.ROW_PREFIX)) continue;
                try {
                    String ref = JSON.readTree(e.payloadJson()).path("ref").asText(null);
                    if (ref != null) storedRefs.add(ref);
                } catch (java.io.IOException ignored) {
                    // not a command row of this path
                }
            }
        } catch (SQLException e) {
            LOG.warn("restart: stored operator actions not readable: {}", e.toString());
        }
        return storedRefs;
    }

    /** Every stored event (of {@code type}, or all), in sequence order. */
    static List<StoredEvent> all(EventStore store, String type) throws SQLException {
        List<StoredEvent> out = new ArrayList<>();
        long after = 0;
        while (true) {
            EventQuery q = EventQuery.all().after(after);
            List<StoredEvent> page = store.query(type == null ? q : q.ofType(type));
            out.addAll(page);
            if (page.size() < EventQuery.DEFAULT_LIMIT) return out;
            after = page.get(page.size() - 1).seq();
        }
    }

    /** Scramble phases as stored ({@link ScrambleService#restore}); the number of scrambles brought in line. */
    static int restoreScrambles(Picture picture, EventStore store) throws SQLException {
        if (picture.scrambles() == null) return 0;
        List<StoredEvent> stored = new ArrayList<>();
        for (String t : List.of(
                "scramble.proposed",
                "scramble.ordered",
                "scramble.phase",
                "scramble.retasked",
                "scramble.outcome",
                "scramble.cancelled")) stored.addAll(all(store, t));
        stored.sort(java.util.Comparator.comparingLong(StoredEvent::seq));
        EventDecoder decoder = new EventDecoder("restart");
        List<QraEvent> events = new ArrayList<>();
        for (StoredEvent e : stored)
            decoder.decode(e).ifPresent(v -> {
                if (v instanceof QraEvent q) events.add(q);
            });
        return picture.scrambles().restore(events);
    }

    long applied() {
        return applied;
    }

    long refused() {
        return refused;
    }

    long rowsRecovered() {
        return rowsRecovered;
    }
}
