package org.vigil.server.replay;

import java.util.Objects;
import java.util.function.Consumer;
import org.vigil.codec.feed.FrameSink;
import org.vigil.codec.feed.SbsSink;
import org.vigil.core.flightplan.AtsMessage;
import org.vigil.core.radar.RadarPlot;
import org.vigil.core.radar.RadarPlotSink;
import org.vigil.core.radar.RadarStatus;
import org.vigil.core.radar.ServiceMessage;

/**
 * Where the {@link Replayer} delivers, all on the replaying thread, in data-time order across the
 * four. Any consumer (the Mode S pipeline, a tracker, a metrics recorder, a test's hash) plugs in
 * here; several consumers of one kind are combined with {@link #tee}. The objects passed are reused
 * and valid only during the call, as on the live path.
 *
 * @param frames      Beast/AVR Mode S frames
 * @param messages    SBS messages (already decoded by the receiver)
 * @param plots       radar plots and radar service messages (CAT048, CAT034)
 * @param flightPlans parsed ATS messages (FPL ...)
 * @param actions     journalled operator actions (a recording's {@code op:actions}), for a restart rebuild
 */
public record ReplaySinks(
        FrameSink frames, SbsSink messages, RadarPlotSink plots, Consumer<AtsMessage> flightPlans, ActionSink actions) {
    public ReplaySinks {
        Objects.requireNonNull(frames, "frames");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(plots, "plots");
        Objects.requireNonNull(flightPlans, "flightPlans");
        Objects.requireNonNull(actions, "actions");
    }

    /** Without operator actions (they are dropped). */
    public ReplaySinks(FrameSink frames, SbsSink messages, RadarPlotSink plots, Consumer<AtsMessage> flightPlans) {
        this(frames, messages, plots, flightPlans, ActionSink.NONE);
    }

    /** Journalled operator actions: the command JSON and the data time it took effect at. */
    @FunctionalInterface
    public interface ActionSink {
        ActionSink NONE = (t, c) -> {};

        void onAction(long dataNanos, String command);
    }

    public ReplaySinks withActions(ActionSink a) {
        return new ReplaySinks(frames, messages, plots, flightPlans, a);
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
                new RadarPlotSink() {
                    @Override
                    public void onPlot(RadarPlot p) {
                        a.plots.onPlot(p);
                        b.plots.onPlot(p);
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
                (t, c) -> {
                    a.actions.onAction(t, c);
                    b.actions.onAction(t, c);
                });
    }

    public ReplaySinks withFrames(FrameSink f) {
        return new ReplaySinks(f, messages, plots, flightPlans, actions);
    }

    public ReplaySinks withMessages(SbsSink m) {
        return new ReplaySinks(frames, m, plots, flightPlans, actions);
    }

    public ReplaySinks withPlots(RadarPlotSink p) {
        return new ReplaySinks(frames, messages, p, flightPlans, actions);
    }

    public ReplaySinks withFlightPlans(Consumer<AtsMessage> f) {
        return new ReplaySinks(frames, messages, plots, f, actions);
    }
}
