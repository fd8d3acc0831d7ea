package org.vigil.server.replay;

import java.util.function.Consumer;
import org.vigil.codec.modes.ModeSMessage;
import org.vigil.core.flightplan.AtsMessage;
import org.vigil.core.radar.RadarPlot;
import org.vigil.core.radar.RadarPlotSink;
import org.vigil.core.radar.RadarStatus;
import org.vigil.core.radar.ServiceMessage;
import org.vigil.core.track.Detection;
import org.vigil.server.picture.Picture;
import org.vigil.server.picture.PictureLoop;
import org.vigil.server.pipeline.ModeSPipeline;
import org.vigil.server.radar.ReportSink;

/**
 * A replay of a {@link Picture} on two threads (docs/ARCHITECTURE.md "Threads"): the replaying
 * thread reads, merges, frames and decodes, resolves CPR and keeps the aircraft table (the
 * {@link ModeSPipeline}); a second thread, a {@link PictureLoop}'s owner, does the rest (GNSS
 * picture, tracker, identification, alerts, events, plots). Each decoded message and each radar
 * plot is copied into a pre-allocated slot of the loop's ring and the replaying thread goes on
 * (nothing allocated per message); the rare inputs (radar service messages, other trackers'
 * tracks, flight plans) run on the second thread while the first waits, so they may touch either
 * stage's state.
 *
 * <p>Determinism: one producer and a first-in, first-out ring, so the second stage sees exactly
 * the sequence one thread would have run; the events are byte-identical to a one-thread replay
 * ({@code PictureStagesTest}). What the first stage owns (the aircraft table, CPR and copy state)
 * the second never reads during the run: the tracker and identification take the decoded message,
 * not the table. A CAT021 report goes to the aircraft table on the first thread, as an SBS message
 * does, and its decoded copy on to the second.
 *
 * <p>Use: {@link #split}, replay into {@link #sinks()}, then {@link #close()} (waits until the
 * second stage has run everything, then stops it) before reading the picture.
 */
public final class PictureStages implements AutoCloseable {
    private final Picture picture;
    private final PictureLoop second;
    private final Consumer<ModeSMessage> afterTable;
    private final ReplaySinks sinks;
    private long secondCpuNanos = -1;

    private PictureStages(Picture picture, int capacity) {
        this.picture = picture;
        this.second = new PictureLoop(capacity, () -> {});
        ModeSPipeline modeS = picture.modeS();
        this.afterTable = modeS.decodedListener();
        if (afterTable != null) modeS.setDecodedListener(second.messages(afterTable));
        RadarPlotSink radar = picture.radarSink();
        Consumer<RadarPlot> plots = second.plots(radar::onPlot);
        ReportSink reports = radar instanceof ReportSink r ? r : null;
        StagedPlots staged = new StagedPlots(second, radar, reports, plots);
        ReplaySinks s = ReplaySinks.none().withFrames(modeS).withMessages(modeS).withPlots(staged);
        if (picture.flightPlans() != null) {
            Consumer<AtsMessage> store = picture.flightPlans()::apply;
            s = s.withFlightPlans(m -> second.runAndWait(() -> store.accept(m)));
        }
        this.sinks = s;
        second.start();
    }

    /**
     * Splits {@code picture} (fresh, before its first input) into the two stages and starts the
     * second; the calling thread becomes the first.
     * @param capacity slots of the ring between the stages
     */
    public static PictureStages split(Picture picture, int capacity) {
        return new PictureStages(picture, capacity);
    }

    /** {@link #split} with the live loop's ring size. */
    public static PictureStages split(Picture picture) {
        return split(picture, PictureLoop.DEFAULT_CAPACITY);
    }

    /** Where the replay delivers (the first stage's thread must be the only caller). */
    public ReplaySinks sinks() {
        return sinks;
    }

    /**
     * CPU time of the second stage's thread, nanoseconds, read on that thread when {@link #close()}
     * ran (-1 before, or where the JVM does not measure thread CPU).
     */
    public long secondStageCpuNanos() {
        return secondCpuNanos;
    }

    /** Times the first stage waited for a free slot (the second was behind). */
    public long waits() {
        return second.waits();
    }

    /**
     * Waits until the second stage has run everything queued, stops it and hands the picture back
     * to one thread (the caller).
     * @throws IllegalStateException when work on the second stage threw (a one-thread replay would have stopped there)
     */
    @Override
    public void close() {
        try {
            // first in, first out: everything before it has run
            second.runAndWait(() -> secondCpuNanos = threadCpuNanos());
        } finally {
            second.close();
            if (afterTable != null) picture.modeS().setDecodedListener(afterTable);
        }
        if (second.failures() > 0) {
            throw new IllegalStateException(
                    second.failures() + " input(s) failed on the picture's second stage (see the log)");
        }
    }

    /** CPU time of the calling thread, nanoseconds; -1 where the JVM does not measure it. */
    public static long threadCpuNanos() {
        java.lang.management.ThreadMXBean b = java.lang.management.ManagementFactory.getThreadMXBean();
        return b.isCurrentThreadCpuTimeSupported() ? b.getCurrentThreadCpuTime() : -1;
    }

    /** Plots copied over; service messages, CAT062 tracks run on the second stage while the first waits. */
    private static final class StagedPlots implements RadarPlotSink, ReportSink {
        private final PictureLoop second;
        private final RadarPlotSink radar;
        private final ReportSink reports;
        private final Consumer<RadarPlot> plots;

        StagedPlots(PictureLoop second, RadarPlotSink radar, ReportSink reports, Consumer<RadarPlot> plots) {
            this.second = second;
            this.radar = radar;
            this.reports = reports;
            this.plots = plots;
        }

        @Override
        public void onPlot(RadarPlot plot) {
            plots.accept(plot);
        }

        @Override
        public void onRadarStatus(RadarStatus status, ServiceMessage message) {
            second.runAndWait(() -> radar.onRadarStatus(status, message));
        }

        @Override
        public void onAdsbReport(ModeSMessage report) {
            // into the aircraft table here (the first stage's), its decoded copy on through the ring
            if (reports != null) reports.onAdsbReport(report);
        }

        @Override
        public void onSystemTrack(Detection update, int externalTrackNumber) {
            if (reports != null) second.runAndWait(() -> reports.onSystemTrack(update, externalTrackNumber));
        }
    }
}
