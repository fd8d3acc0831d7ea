package org.vigil.server.replay;

import org.vigil.server.picture.Picture;

/** Where a replay of a recording delivers into a {@link Picture}: the picture as a live run feeds it. */
public final class PictureSinks {
    private PictureSinks() {}

    /**
     * Frames and SBS messages decoded and counted on their feed's health ({@link Picture#acceptFrame},
     * {@link Picture#acceptMessage}, the feed told by {@link Picture#inputFrom}), plots, flight plans, clock ticks ({@link Picture#clockTick})
     * and a simulation's steps (the scramble workflow's ticks, {@link Picture#tickScrambles(long)}),
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
                .withSource(p::inputFrom)
                .withStep(p::tickScrambles);
    }

    /**
     * As {@link #of}, and the recorded simulation's fighters answer the scramble workflow
     * ({@link RecordedFighters}, installed in {@code p}, before its first input): a replay of a
     * {@code vigil demo} recording gives the live run's events, the scramble workflow's included.
     * Not for a restart, which goes on with a fresh simulation of its own.
     */
    public static ReplaySinks withRecordedFighters(Picture p, RecordedFighters fighters) {
        p.flyFighters(fighters);
        return of(p).withFighters(fighters);
    }
}
