package org.vigil.server.playback;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vigil.codec.feed.FeedCounters;
import org.vigil.codec.feed.FrameSink;
import org.vigil.codec.modes.ModeSMessage;
import org.vigil.core.event.EventSink;
import org.vigil.core.flightplan.AtsMessage;
import org.vigil.server.live.LiveServer;
import org.vigil.server.picture.AircraftViews;
import org.vigil.server.picture.FlightPlanViews;
import org.vigil.server.picture.PictureLoop;
import org.vigil.server.picture.Theatre;
import org.vigil.server.recording.FighterAnswers;
import org.vigil.server.replay.RecordedFighters;
import org.vigil.server.replay.ReplaySinks;
import org.vigil.server.web.AircraftView;

/**
 * One fresh air picture for a playback: a {@link LiveServer} built for playback (the very pipeline a
 * live run has: Mode S, tracker, identification and alerts, scramble workflow, their event writers)
 * that records nothing and serves nothing itself; its events go to the playback's {@link EventSink}.
 * A seek throws the picture away and builds a new one, because a tracker cannot be wound back.
 *
 * <p>Threads, as live (docs/ARCHITECTURE.md "Threads"): the picture has one owner, its server's
 * {@link PictureLoop} ({@code vigil-picture}), started here. The playback thread hands each input
 * over: frames through the loop's ring (copied, not waited for), everything else handed over and
 * waited for (the replay's objects are reused), in the replay's order, so the picture sees the
 * inputs as before and the events are the same. The console's reads run on the loop too
 * ({@link PictureLoop#call}). The scramble workflow is ticked by the recording's clock ticks and, for a
 * recorded simulation, its steps, with the simulated fighters' recorded answers
 * ({@link RecordedFighters}): its events are the live run's too. {@link #close()} stops the loop.
 */
final class RecordingPlaybackPicture implements AutoCloseable {
    final LiveServer server;
    /** Frames the decoder refused, counted by reason as a live feed counts them. */
    final FeedCounters frameCounters = new FeedCounters();

    /** The recorded simulation's fighters, answering the workflow as they answered it live. */
    private final RecordedFighters fighters = new RecordedFighters();

    /** What a replay delivers into this picture; made once per picture, nothing allocated per input. */
    final ReplaySinks sinks;

    /** The picture's owner thread. */
    private final PictureLoop loop;

    // handed to the loop and waited for: set by the playback thread, read by the owner in the task
    private ModeSMessage message;
    private AtsMessage plan;
    private long tick;
    private List<FighterAnswers.Answer> answers;
    private final Runnable messageTask, planTask, clockTask, stepTask, answersTask;

    RecordingPlaybackPicture(Theatre theatre, EventSink events) {
        server = new LiveServer(theatre, Objects.requireNonNull(events, "events"));
        loop = server.loop();
        server.picture().flyFighters(fighters); // before the loop starts: the caller owns the picture
        actions = org.vigil.server.live.OperatorActionReplay.carriedOut(server.picture());
        messageTask = () -> server.pipeline().onDecoded(message);
        planTask = () -> server.flightPlans().apply(plan);
        clockTask = () -> server.picture().clockTick(tick);
        stepTask = () -> server.picture().tickScrambles(tick);
        answersTask = () -> fighters.beforeTick(answers);
        FrameSink decode = (buf, off, len, t, mlat, signal) -> {
            // counted on the recorded feed's health, as live (docs/HEALTH.md)
            org.vigil.codec.feed.RejectReason r = org.vigil.codec.feed.RejectReason.of(
                    server.picture().acceptFrame(server.picture().currentSource(), buf, off, len, t, signal));
            if (r != null) frameCounters.reject(r);
        };
        loop.start();
        sinks = ReplaySinks.none()
                .withFrames(loop.frames(decode))
                // the recording's clock ticks and the feed of each input (docs/REPLAY.md "Clock ticks")
                .withClock(t -> {
                    tick = t;
                    loop.runAndWait(clockTask);
                })
                // a recorded simulation's steps and its fighters' answers: the workflow runs as it ran live
                .withStep(t -> {
                    tick = t;
                    loop.runAndWait(stepTask);
                })
                .withFighters(a -> {
                    answers = a;
                    loop.runAndWait(answersTask);
                })
                .withSource(f -> loop.execute(() -> server.picture().inputFrom(f)))
                .withMessages(m -> {
                    message = m;
                    loop.runAndWait(messageTask);
                })
                .withPlots(server.radarSink()) // handed to the loop and waited for
                .withFlightPlans(m -> {
                    plan = m;
                    loop.runAndWait(planTask);
                })
                // the operators' journalled actions, carried out again where they took effect (nothing
                // written): scrambles, posture and the alerts' lifecycle at the playback time are as recorded
                .withActions((t, command) -> loop.runAndWait(() -> actions.onAction(t, command)));
    }

    private final org.vigil.server.live.OperatorActionReplay actions;

    /** Hands on the events the writers still buffer, once every input handed over has been applied. */
    void flushEvents() {
        loop.runAndWait(server.picture()::flushEvents);
    }

    /** Waits until every input handed over has been applied. */
    void drain() {
        loop.runAndWait(() -> {});
    }

    /**
     * Stops the owner thread after what is queued; the picture is done (a seek replaced it). What
     * its writers still buffer is dropped, as a picture left behind by a seek always was.
     */
    @Override
    public void close() {
        loop.close();
    }

    // The console's reads, on the picture's owner thread, between the inputs.

    List<AircraftView> aircraft() {
        return loop.call(() -> AircraftViews.snapshot(server.pipeline()));
    }

    List<?> plots() {
        return loop.call(() -> server.radarPlots().snapshot());
    }

    List<?> flightPlanViews() {
        return loop.call(() -> FlightPlanViews.snapshot(server.flightPlans()));
    }

    List<?> tracks() {
        return loop.call(() -> server.tracking().views(true));
    }

    List<Map<String, Object>> openAlerts() {
        return loop.call(() -> server.alerts().openAlerts());
    }

    long identNow() {
        return loop.call(() -> server.ident().now());
    }

    Map<String, Object> trackIdentity(int track) {
        return loop.call(() -> server.alerts().trackIdentity(track));
    }

    /** The scrambles as the recording has them at the playback time (the console's scramble panel). */
    List<Map<String, Object>> scrambles() {
        return loop.call(() -> server.scrambles() == null
                ? List.<Map<String, Object>>of()
                : server.scrambles().views());
    }

    /** One scramble as recorded at the playback time, or null. */
    Map<String, Object> scramble(String id) {
        return loop.call(
                () -> server.scrambles() == null ? null : server.scrambles().view(id));
    }

    /** The QRA posture (readiness, aircraft available) at the playback time, as recorded. */
    org.vigil.core.qra.Posture posture() {
        return loop.call(
                () -> server.scrambles() == null ? null : server.scrambles().postureCopy());
    }

    long frames() {
        return loop.call(() -> server.pipeline().stats().frames());
    }

    long latestMessageNanos() {
        return loop.call(() -> server.pipeline().latestMessageNanos());
    }
}
