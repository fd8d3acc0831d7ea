package org.vigil.server.replay;

import org.vigil.server.picture.Picture;

/** Where a replay of a recording delivers into a {@link Picture}: the picture as a live run feeds it. */
public final class PictureSinks {
    private PictureSinks() {}

    /**
     * Frames and SBS messages decoded and counted on their feed's health ({@link Picture#acceptFrame},
     * {@link Picture#acceptMessage}, the feed told by {@link Picture#inputFrom}), plots, flight plans and clock ticks ({@link Picture#clockTick}),
     * as the live picture took them (restart, benchmarks, tests). On the replaying thread, which
     * then owns the picture.
     */
    public static ReplaySinks of(Picture p) {
        return ReplaySinks.none()
                .withFrames(
                        (buf, off, len, t, mlat, signal) -> p.acceptFrame(p.currentSource(), buf, off, len, t, signal))
                .withMessages(m -> p.acceptMessage(p.currentSource(), m))
                .withPlots(p.radarSink())
                .withFlightPlans(m -> {
                    if (p.flightPlans() != null) p.flightPlans().apply(m);
                })
                .withClock(p::clockTick)
                .withSource(p::inputFrom);
    }
}
