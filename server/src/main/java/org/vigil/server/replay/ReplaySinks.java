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
 */
public record ReplaySinks(FrameSink frames, SbsSink messages, RadarPlotSink plots, Consumer<AtsMessage> flightPlans) {
    public ReplaySinks {
        Objects.requireNonNull(frames, "frames");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(plots, "plots");
        Objects.requireNonNull(flightPlans, "flightPlans");
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
                });
    }

    /** The tee's plot sink: it takes CAT021/CAT062 reports too and hands them to whichever side takes them. */
    private interface TeePlotSink extends RadarPlotSink, ReportSink {}

    public ReplaySinks withFrames(FrameSink f) {
        return new ReplaySinks(f, messages, plots, flightPlans);
    }

    public ReplaySinks withMessages(SbsSink m) {
        return new ReplaySinks(frames, m, plots, flightPlans);
    }

    public ReplaySinks withPlots(RadarPlotSink p) {
        return new ReplaySinks(frames, messages, p, flightPlans);
    }

    public ReplaySinks withFlightPlans(Consumer<AtsMessage> f) {
        return new ReplaySinks(frames, messages, plots, f);
    }
}
