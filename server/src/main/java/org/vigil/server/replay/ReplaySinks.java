package org.vigil.server.replay;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.vigil.codec.feed.FrameSink;
import org.vigil.codec.feed.SbsSink;
import org.vigil.core.flightplan.AtsMessage;
import org.vigil.core.radar.RadarPlot;
import org.vigil.core.radar.RadarPlotSink;
import org.vigil.core.radar.RadarStatus;
import org.vigil.core.radar.ServiceMessage;
import org.vigil.server.radar.ReportSink;

/**
 * Where the {@link Replayer} delivers, all on the replaying thread, in data-time order across the
 * four. Any consumer (the Mode S pipeline, a tracker, a metrics recorder, a test's hash) plugs in
 * here; several consumers of one kind are combined with {@link #tee}. The objects passed are reused
 * and valid only during the call, as on the live path.
 *
 * @param frames      Beast/AVR Mode S frames
 * @param messages    SBS messages (already decoded by the receiver)
 * @param plots       radar plots and radar service messages (CAT048, CAT034); when it is also a
 *                    {@link ReportSink}, CAT021 reports and CAT062 system tracks too
 * @param flightPlans parsed ATS messages (FPL ...)
 * @param clock       ticks of the live picture's clock, recorded (docs/REPLAY.md "Clock ticks")
 * @param source      the journal feed name ({@code modes:NAME}, {@code asterix:NAME}, ...) of the
 *                    inputs that follow, told when it changes (a recording's inputs only): per-feed
 *                    health replays as it ran live; the same String instance for one feed
 * @param actions     journalled operator actions (a recording's {@code op:actions}), for a restart rebuild
 * @param step        a simulation's steps (a recording's {@code step:NAME}): the scramble workflow ticked
 *                    between them, as live
 * @param fighters    the answers a simulation's fighters gave the scramble workflow during a tick
 *                    ({@code fighters:NAME}), handed over just before that tick ({@code clock} or {@code step})
 */
public record ReplaySinks(
        FrameSink frames,
        SbsSink messages,
        RadarPlotSink plots,
        Consumer<AtsMessage> flightPlans,
        LongConsumer clock,
        Consumer<String> source,
        ActionSink actions,
        LongConsumer step,
        FighterAnswerSink fighters) {
    public ReplaySinks {
        Objects.requireNonNull(frames, "frames");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(plots, "plots");
        Objects.requireNonNull(flightPlans, "flightPlans");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(fighters, "fighters");
    }

    /** Without a simulation's steps and fighters (dropped). */
    public ReplaySinks(
            FrameSink frames,
            SbsSink messages,
            RadarPlotSink plots,
            Consumer<AtsMessage> flightPlans,
            LongConsumer clock,
            Consumer<String> source,
            ActionSink actions) {
        this(frames, messages, plots, flightPlans, clock, source, actions, t -> {}, FighterAnswerSink.NONE);
    }

    /**
     * The answers a simulation's fighters gave during the tick about to be delivered (possibly none),
     * in the order given; the list and its answers are valid during the call only.
     */
    @FunctionalInterface
    public interface FighterAnswerSink {
        FighterAnswerSink NONE = a -> {};

        void beforeTick(java.util.List<org.vigil.server.recording.FighterAnswers.Answer> answers);
    }

    public ReplaySinks withStep(LongConsumer s) {
        return new ReplaySinks(frames, messages, plots, flightPlans, clock, source, actions, s, fighters);
    }

    public ReplaySinks withFighters(FighterAnswerSink f) {
        return new ReplaySinks(frames, messages, plots, flightPlans, clock, source, actions, step, f);
    }

    /** The four data sinks; clock ticks, source changes and operator actions dropped. */
    public ReplaySinks(FrameSink frames, SbsSink messages, RadarPlotSink plots, Consumer<AtsMessage> flightPlans) {
        this(frames, messages, plots, flightPlans, t -> {}, f -> {}, ActionSink.NONE);
    }

    /** Journalled operator actions: the command JSON and the data time it took effect at. */
    @FunctionalInterface
    public interface ActionSink {
        ActionSink NONE = (t, c) -> {};

        void onAction(long dataNanos, String command);
    }

    public ReplaySinks withActions(ActionSink a) {
        return new ReplaySinks(frames, messages, plots, flightPlans, clock, source, a, step, fighters);
    }

    /** Sinks that drop everything (a start for {@link #withFrames}, {@link #withMessages}, ... chains). */
    public static ReplaySinks none() {
        return new ReplaySinks((b, o, l, t, m, s) -> {}, m -> {}, p -> {}, a -> {});
    }

    /** Both sinks, {@code a} first, each consumer of one kind getting the same items in the same order. */
    public static ReplaySinks tee(ReplaySinks a, ReplaySinks b) {
        return new ReplaySinks(
                (buf, off, len, t, mlat, signal) -> {
                    a.frames.onFrame(buf, off, len, t, mlat, signal);
                    b.frames.onFrame(buf, off, len, t, mlat, signal);
                },
                m -> {
                    a.messages.onMessage(m);
                    b.messages.onMessage(m);
                },
                new TeePlotSink() {
                    @Override
                    public void onPlot(RadarPlot p) {
                        a.plots.onPlot(p);
                        b.plots.onPlot(p);
                    }

                    @Override
                    public void onAdsbReport(org.vigil.codec.modes.ModeSMessage m) {
                        if (a.plots instanceof ReportSink r) r.onAdsbReport(m);
                        if (b.plots instanceof ReportSink r) r.onAdsbReport(m);
                    }

                    @Override
                    public void onSystemTrack(org.vigil.core.track.Detection d, int number) {
                        if (a.plots instanceof ReportSink r) r.onSystemTrack(d, number);
                        if (b.plots instanceof ReportSink r) r.onSystemTrack(d, number);
                    }

                    @Override
                    public void onRadarStatus(RadarStatus status, ServiceMessage message) {
                        a.plots.onRadarStatus(status, message);
                        b.plots.onRadarStatus(status, message);
                    }
                },
                m -> {
                    a.flightPlans.accept(m);
                    b.flightPlans.accept(m);
                },
                t -> {
                    a.clock.accept(t);
                    b.clock.accept(t);
                },
                f -> {
                    a.source.accept(f);
                    b.source.accept(f);
                },
                (t, c) -> {
                    a.actions.onAction(t, c);
                    b.actions.onAction(t, c);
                },
                t -> {
                    a.step.accept(t);
                    b.step.accept(t);
                },
                f -> {
                    a.fighters.beforeTick(f);
                    b.fighters.beforeTick(f);
                });
    }

    /** The tee's plot sink: it takes CAT021/CAT062 reports too and hands them to whichever side takes them. */
    private interface TeePlotSink extends RadarPlotSink, ReportSink {}

    public ReplaySinks withFrames(FrameSink f) {
        return new ReplaySinks(f, messages, plots, flightPlans, clock, source, actions, step, fighters);
    }

    public ReplaySinks withMessages(SbsSink m) {
        return new ReplaySinks(frames, m, plots, flightPlans, clock, source, actions, step, fighters);
    }

    public ReplaySinks withPlots(RadarPlotSink p) {
        return new ReplaySinks(frames, messages, p, flightPlans, clock, source, actions, step, fighters);
    }

    public ReplaySinks withFlightPlans(Consumer<AtsMessage> f) {
        return new ReplaySinks(frames, messages, plots, f, clock, source, actions, step, fighters);
    }

    public ReplaySinks withClock(LongConsumer c) {
        return new ReplaySinks(frames, messages, plots, flightPlans, c, source, actions, step, fighters);
    }

    public ReplaySinks withSource(Consumer<String> s) {
        return new ReplaySinks(frames, messages, plots, flightPlans, clock, s, actions, step, fighters);
    }
}
