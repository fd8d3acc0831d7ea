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
 */
public record PictureSnapshot(
        long latestMessageNanos,
        List<AircraftView> aircraft,
        List<SystemTrackView> tracks,
        List<PlotView> plots,
        List<FlightPlanView> flightPlans,
        ModeSPipeline.Stats modeS) {
    public static final PictureSnapshot EMPTY =
            new PictureSnapshot(Long.MIN_VALUE, List.of(), List.of(), List.of(), List.of(), null);

    public PictureSnapshot {
        aircraft = List.copyOf(aircraft);
        tracks = List.copyOf(tracks);
        plots = List.copyOf(plots);
        flightPlans = List.copyOf(flightPlans);
    }
}
