package org.vigil.server.picture;

import java.util.List;
import org.vigil.server.picture.FlightPlanViews.FlightPlanView;
import org.vigil.server.picture.RecentPlots.PlotView;
import org.vigil.server.pipeline.ModeSPipeline;
import org.vigil.server.tracking.SystemTrackView;
import org.vigil.server.web.AircraftView;

/**
 * What the readers (REST, WebSocket, the console's clock) see of a {@link Picture}: immutable copies
 * made by the picture's owner thread, replaced whole, never changed.
 *
 * @param latestMessageNanos newest message time of the picture, {@link Long#MIN_VALUE} before the first
 * @param nowNanos           the picture's clock: the newest of data time and the latest clock tick
 *                           ({@link Picture#now()}), what ages are measured against
 * @param sensors            feed and radar health (docs/HEALTH.md), in the order they were first heard
 */
public record PictureSnapshot(
        long latestMessageNanos,
        List<AircraftView> aircraft,
        List<SystemTrackView> tracks,
        List<PlotView> plots,
        List<FlightPlanView> flightPlans,
        ModeSPipeline.Stats modeS,
        long nowNanos,
        List<org.vigil.server.feed.SensorHealth.Status> sensors) {
    public static final PictureSnapshot EMPTY =
            new PictureSnapshot(Long.MIN_VALUE, List.of(), List.of(), List.of(), List.of(), null);

    /** A snapshot without a clock (its "now" is the newest message) and without sensor health. */
    public PictureSnapshot(
            long latestMessageNanos,
            List<AircraftView> aircraft,
            List<SystemTrackView> tracks,
            List<PlotView> plots,
            List<FlightPlanView> flightPlans,
            ModeSPipeline.Stats modeS) {
        this(latestMessageNanos, aircraft, tracks, plots, flightPlans, modeS, latestMessageNanos, List.of());
    }

    public PictureSnapshot {
        sensors = List.copyOf(sensors);
        aircraft = List.copyOf(aircraft);
        tracks = List.copyOf(tracks);
        plots = List.copyOf(plots);
        flightPlans = List.copyOf(flightPlans);
    }
}
