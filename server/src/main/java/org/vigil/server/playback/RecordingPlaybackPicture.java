package org.vigil.server.playback;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vigil.codec.feed.FeedCounters;
import org.vigil.core.event.EventSink;
import org.vigil.core.radar.RadarPlot;
import org.vigil.core.radar.RadarPlotSink;
import org.vigil.core.radar.RadarStatus;
import org.vigil.core.radar.ServiceMessage;
import org.vigil.server.live.LiveServer;
import org.vigil.server.picture.AircraftViews;
import org.vigil.server.picture.FlightPlanViews;
import org.vigil.server.picture.Theatre;
import org.vigil.server.replay.ReplaySinks;
import org.vigil.server.web.AircraftView;

/**
 * One fresh air picture for a playback: a {@link LiveServer} built for playback (the very pipeline a
 * live run has: Mode S, tracker, identification and alerts, scramble workflow, their event writers)
 * that records nothing and is never started; its events go to the playback's {@link EventSink}.
 * A seek throws the picture away and builds a new one, because a tracker cannot be wound back.
 *
 * <p>The playback thread owns the picture (the server's loop is not started); the console's reads
 * take this picture's lock. The
 * scramble workflow is ticked at every whole second of data time, as the simulator ticks it after
 * each one-second slice (LiveSimulation); a live run on the wall clock ticks at other instants,
 * so its tick-driven scramble events are the one part a playback may not reproduce exactly.
 */
final class RecordingPlaybackPicture {
    private static final long SECOND = 1_000_000_000L;

    final LiveServer server;
    /** Frames the decoder refused, counted by reason as a live feed counts them. */
    final FeedCounters frameCounters = new FeedCounters();

    private long nextTick = Long.MIN_VALUE;

    /** What a replay delivers into this picture; made once per picture, nothing allocated per input. */
    final ReplaySinks sinks;

    /** Serialises the playback thread's deliveries with the console's reads of this picture. */
    private final Object lock = new Object();

    RecordingPlaybackPicture(Theatre theatre, EventSink events) {
        server = new LiveServer(theatre, Objects.requireNonNull(events, "events"));
        RadarPlotSink radar = server.radarSink();
        sinks = ReplaySinks.none()
                .withFrames((buf, off, len, t, mlat, signal) -> {
                    synchronized (lock) {
                        tick(t);
                        // counted on the recorded feed's health, as live (docs/HEALTH.md)
                        org.vigil.codec.feed.RejectReason r = org.vigil.codec.feed.RejectReason.of(server.picture()
                                .acceptFrame(server.picture().currentSource(), buf, off, len, t, signal));
                        if (r != null) frameCounters.reject(r);
                    }
                })
                // the recording's clock ticks and the feed of each input (docs/REPLAY.md "Clock ticks")
                .withClock(t -> {
                    synchronized (lock) {
                        server.picture().clockTick(t);
                    }
                })
                .withSource(f -> {
                    synchronized (lock) {
                        server.picture().inputFrom(f);
                    }
                })
                .withMessages(m -> {
                    synchronized (lock) {
                        server.pipeline().onDecoded(m);
                    }
                })
                .withPlots(new RadarPlotSink() {
                    @Override
                    public void onPlot(RadarPlot plot) {
                        synchronized (lock) {
                            radar.onPlot(plot);
                        }
                    }

                    @Override
                    public void onRadarStatus(RadarStatus status, ServiceMessage message) {
                        synchronized (lock) {
                            radar.onRadarStatus(status, message);
                        }
                    }
                })
                .withFlightPlans(m -> {
                    synchronized (lock) {
                        server.flightPlans().apply(m);
                    }
                });
    }

    /** Ticks the scramble workflow at each whole data second T once the inputs up to T are in (under the delivery lock). */
    private void tick(long t) {
        if (nextTick == Long.MIN_VALUE) nextTick = Math.floorDiv(t, SECOND) * SECOND + SECOND;
        while (t > nextTick) {
            server.afterSimulationStep(nextTick);
            nextTick += SECOND;
        }
    }

    /** Hands on the events the writers still buffer (the server's close flushes them; it was never started). */
    void flushEvents() {
        synchronized (lock) {
            server.close();
        }
    }

    // The console's reads, under the lock the playback thread delivers under: the picture's parts
    // have no locks of their own (one owner; docs/ARCHITECTURE.md "Threads").

    List<AircraftView> aircraft() {
        synchronized (lock) {
            return AircraftViews.snapshot(server.pipeline());
        }
    }

    List<?> plots() {
        synchronized (lock) {
            return server.radarPlots().snapshot();
        }
    }

    List<?> flightPlanViews() {
        synchronized (lock) {
            return FlightPlanViews.snapshot(server.flightPlans());
        }
    }

    List<?> tracks() {
        synchronized (lock) {
            return server.tracking().views(true);
        }
    }

    List<Map<String, Object>> openAlerts() {
        synchronized (lock) {
            return server.alerts().openAlerts();
        }
    }

    long identNow() {
        synchronized (lock) {
            return server.ident().now();
        }
    }

    Map<String, Object> trackIdentity(int track) {
        synchronized (lock) {
            return server.alerts().trackIdentity(track);
        }
    }

    long frames() {
        synchronized (lock) {
            return server.pipeline().stats().frames();
        }
    }

    long latestMessageNanos() {
        synchronized (lock) {
            return server.pipeline().latestMessageNanos();
        }
    }
}
