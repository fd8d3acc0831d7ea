package org.vigil.server.replay;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.core.radar.RadarSite;
import org.vigil.server.recording.EventQuery;
import org.vigil.server.recording.EventStore;
import org.vigil.server.recording.OpenAlerts;
import org.vigil.server.recording.RecordedEvents;
import org.vigil.server.recording.Recorder;
import org.vigil.server.recording.StoredEvent;

/**
 * Restart after a crash: rebuilds the picture in a fresh pipeline from the recorder's journal and
 * makes its events continue the stored sequence with neither gaps nor duplicates
 * (docs/REPLAY.md "Restart").
 *
 * <p>The rule: the raw inputs of the last {@code window} of receive time are replayed at full
 * speed into the pipeline, whose event writers feed {@code events} ({@link RecordedEvents}).
 * <ul>
 * <li><b>Exact</b> (the whole journal lies within the window): the replay is the original input
 *     sequence, so it regenerates the original events one for one. They are matched in order
 *     against the stored machine events and dropped while they match; the ones after the last
 *     stored event are those the crash lost (an uncommitted batch) and are recorded with the next
 *     sequence numbers. The recorder flushes the journal to the OS before each event commit, so
 *     a process crash never leaves a stored event whose input is gone.</li>
 * <li><b>Window</b> (the journal is longer): the pipeline starts mid-recording, its track numbers
 *     and events differ from the original's, so all regenerated events up to the data time of
 *     the last stored machine event are dropped, later ones recorded. No duplicates; the events the
 *     crash lost in its last batch are not regenerated (at most the batch interval, 200 ms).</li>
 * </ul>
 * Operator actions are journalled commands (feed {@code op:actions}): the replay hands them to
 * {@link ReplaySinks#actions()} at their place in the input, where the caller carries them out again
 * (a live server: {@code OperatorActionReplay}); their rows (actor set) are never matched or
 * re-recorded here. Open alerts come back from the event store ({@link OpenAlerts}).
 */
public final class Restart {
    private static final Logger LOG = LoggerFactory.getLogger(Restart.class);

    /** Default window: enough data time to rebuild every track (tracks coast out within minutes). */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);

    /**
     * What the rebuild did.
     * @param exact         whether the whole journal was replayed (events matched one for one)
     * @param fromNanos     receive time the replay started at (Long.MIN_VALUE: the start of the journal)
     * @param storedMatched regenerated events equal to stored ones (dropped)
     * @param recovered     regenerated events the crash had lost, now recorded
     * @param suppressed    regenerated events dropped by the data-time rule
     * @param unmatched     stored events the replay did not regenerate (their raw input was lost)
     * @param openAlerts    alerts still open in the store
     * @param wallSeconds   time the rebuild took
     */
    public record Result(
            boolean exact,
            long fromNanos,
            long toNanos,
            Replayer.Summary replay,
            long storedMatched,
            long recovered,
            long suppressed,
            long divergences,
            int unmatched,
            List<OpenAlerts.Open> openAlerts,
            double wallSeconds) {}

    private Restart() {}

    /**
     * {@link #rebuild(Recorder, List, ReplaySinks, RecordedEvents, Duration, Runnable)} for event
     * writers that hand every event on at once (no buffering).
     */
    public static Result rebuild(
            Recorder recorder, List<RadarSite> radars, ReplaySinks pipeline, RecordedEvents events, Duration window)
            throws IOException, SQLException {
        return rebuild(recorder, radars, pipeline, events, window, () -> {});
    }

    /**
     * Replays the recent raw input into {@code pipeline} (a fresh one) and leaves {@code events} live.
     * @param radars       the radar sites (from the recording's manifest) for decoding ASTERIX
     * @param events       the sink the pipeline's event writers feed (fresh, not yet used)
     * @param flushWriters hands on what the event writers still buffer (e.g. {@code TrackEventWriter#flush}):
     *                     run at the end of the replay, so that every regenerated event is matched
     *                     before the sink goes live (a buffered one would otherwise be stored twice)
     */
    public static Result rebuild(
            Recorder recorder,
            List<RadarSite> radars,
            ReplaySinks pipeline,
            RecordedEvents events,
            Duration window,
            Runnable flushWriters)
            throws IOException, SQLException {
        long t0 = System.nanoTime();
        long first = recorder.raw().firstReceiveNanos();
        long last = recorder.raw().lastReceiveNanos();
        EventStore store = recorder.events();
        if (last == Long.MIN_VALUE) {
            events.live();
            return new Result(
                    true,
                    Long.MIN_VALUE,
                    Long.MIN_VALUE,
                    null,
                    0,
                    0,
                    0,
                    0,
                    0,
                    OpenAlerts.alerts(store),
                    (System.nanoTime() - t0) / 1e9);
        }
        long from = last - window.toNanos();
        boolean exact = first >= from;
        if (exact) from = Long.MIN_VALUE;
        List<StoredEvent> machine = new ArrayList<>();
        long quietUntil = Long.MIN_VALUE;
        long after = 0;
        while (true) {
            List<StoredEvent> page = store.query(EventQuery.all().after(after));
            for (StoredEvent e : page) {
                if (e.actor() != null) continue; // operator actions are not regenerated by a replay
                if (exact) machine.add(e);
                else quietUntil = Math.max(quietUntil, e.dataTimeNanos());
            }
            if (page.size() < EventQuery.DEFAULT_LIMIT) break;
            after = page.get(page.size() - 1).seq();
        }
        events.catchUp(machine, quietUntil);
        Replayer.Summary s = Replayer.recording(recorder.raw(), radars, from, Long.MAX_VALUE, pipeline);
        flushWriters.run();
        int unmatched = events.unmatched();
        long matched = events.matched(), recovered = events.recorded(), suppressed = events.suppressed();
        events.live();
        List<OpenAlerts.Open> open = OpenAlerts.alerts(store);
        double wall = (System.nanoTime() - t0) / 1e9;
        LOG.info(
                "restart: {} raw inputs replayed ({} mode) in {} s; {} events already stored, {} recovered, {} dropped, "
                        + "{} open alerts",
                s.delivered(),
                exact ? "exact" : "window",
                String.format("%.1f", wall),
                matched,
                recovered,
                suppressed,
                open.size());
        return new Result(
                exact, from, last, s, matched, recovered, suppressed, events.divergences(), unmatched, open, wall);
    }
}
