package org.vigil.server.tracking;

import static org.vigil.core.geo.Units.FT;
import static org.vigil.core.geo.Units.KT;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vigil.core.event.EventSink;
import org.vigil.core.event.TrackEvent;
import org.vigil.core.track.SystemTrack;
import org.vigil.core.track.TrackListener;
import org.vigil.core.track.Tracker;

/**
 * Turns the tracker's callbacks into typed {@link TrackEvent}s for an {@link EventSink}, in the
 * order the tracker emits them (data-time order): {@code track-initiated}, {@code track-confirmed},
 * {@code track-updated}, {@code track-identifiers}, {@code track-sensors},
 * {@code adsb-radar-disagreement}, {@code track-deleted}. Keys per type: docs/EVENTS.md; behaviour:
 * docs/TRACKING.md "Events".
 *
 * <p>Deterministic: the same tracker input gives equal events (no wall clock, numbers rounded to
 * fixed decimals here). Allocates per event, not per plot: "updated" is throttled per track by the
 * tracker, so events grow with tracks, not plots.
 *
 * <p>The writer needs the tracker for sensor names: {@link TrackingPipeline} binds it.
 */
public final class TrackEventWriter implements TrackListener {

    private final EventSink out;
    private Tracker tracker;
    private long seq;

    public TrackEventWriter(EventSink out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** The tracker whose sensor names the events use (unbound: sensors are written as their tracker index). */
    @Override
    public void bind(Tracker tracker) {
        this.tracker = tracker;
    }

    /** Events written so far. */
    public long events() {
        return seq;
    }

    @Override
    public void initiated(SystemTrack t, long time) {
        emit(new TrackEvent.Initiated(
                time,
                t.trackNumber(),
                status(t),
                lat(t),
                lon(t),
                altitudeFt(t),
                speedKt(t),
                course(t),
                verticalRateFpm(t),
                sigma(t),
                icao(t),
                callsign(t),
                squawk(t),
                sensors(t),
                t.primaryOnly()));
    }

    @Override
    public void confirmed(SystemTrack t, long time) {
        emit(new TrackEvent.Confirmed(
                time,
                t.trackNumber(),
                status(t),
                lat(t),
                lon(t),
                altitudeFt(t),
                speedKt(t),
                course(t),
                verticalRateFpm(t),
                sigma(t),
                icao(t),
                callsign(t),
                squawk(t),
                sensors(t),
                t.primaryOnly()));
    }

    @Override
    public void updated(SystemTrack t, long time) {
        emit(new TrackEvent.Updated(
                time,
                t.trackNumber(),
                lat(t),
                lon(t),
                altitudeFt(t),
                speedKt(t),
                course(t),
                verticalRateFpm(t),
                sigma(t),
                sensors(t)));
    }

    @Override
    public void identifiersChanged(SystemTrack t, long time) {
        emit(new TrackEvent.Identifiers(time, t.trackNumber(), icao(t), callsign(t), squawk(t)));
    }

    @Override
    public void sensorsChanged(SystemTrack t, long time) {
        emit(new TrackEvent.Sensors(time, t.trackNumber(), sensors(t)));
    }

    @Override
    public void disagreementRaised(SystemTrack t, long time) {
        disagreement(t, time, true);
    }

    @Override
    public void disagreementCleared(SystemTrack t, long time) {
        disagreement(t, time, false);
    }

    private void disagreement(SystemTrack t, long time, boolean active) {
        emit(new TrackEvent.Disagreement(
                time,
                t.trackNumber(),
                active,
                lat(t),
                lon(t),
                icao(t),
                callsign(t),
                squawk(t),
                round(t.lastDisagreementChiSquare(), 100),
                sensors(t)));
    }

    @Override
    public void deleted(SystemTrack t, long time) {
        emit(new TrackEvent.Deleted(
                time,
                t.trackNumber(),
                lat(t),
                lon(t),
                icao(t),
                callsign(t),
                squawk(t),
                round(t.ageSeconds(time), 10),
                round(t.coastingSeconds(time), 10),
                t.updates(),
                t.confirmed()));
    }

    private void emit(TrackEvent e) {
        out.accept(e);
        seq++;
    }

    private static String status(SystemTrack t) {
        return t.confirmed() ? "confirmed" : "tentative";
    }

    private static double lat(SystemTrack t) {
        return round(t.latDeg(), 1e6);
    }

    private static double lon(SystemTrack t) {
        return round(t.lonDeg(), 1e6);
    }

    private static Long altitudeFt(SystemTrack t) {
        double alt = t.altitude();
        return Double.isNaN(alt) ? null : Math.round(alt / FT);
    }

    private static Long verticalRateFpm(SystemTrack t) {
        return Double.isNaN(t.altitude()) ? null : Math.round(t.verticalRate() / FT * 60);
    }

    private static double speedKt(SystemTrack t) {
        return round(t.groundSpeed() / KT, 10);
    }

    private double course(SystemTrack t) {
        return round(
                tracker == null ? t.courseDeg() : SystemTrackView.trueCourse(t, tracker, t.latDeg(), t.lonDeg()), 10);
    }

    private static double sigma(SystemTrack t) {
        return round(t.positionSigma(), 10);
    }

    private static String icao(SystemTrack t) {
        return SystemTrackView.icao(t.icao());
    }

    private static String callsign(SystemTrack t) {
        return SystemTrackView.callsign(t.callsign());
    }

    private static String squawk(SystemTrack t) {
        return SystemTrackView.squawk(t.mode3A());
    }

    private List<String> sensors(SystemTrack t) {
        List<String> out = new ArrayList<>(Long.bitCount(t.sensorsNow()));
        long mask = t.sensorsNow();
        while (mask != 0) {
            int i = Long.numberOfTrailingZeros(mask);
            mask &= mask - 1;
            out.add(tracker == null ? Integer.toString(i) : tracker.sensor(i).name());
        }
        return out;
    }

    private static double round(double v, double scale) {
        return Double.isFinite(v) ? Math.round(v * scale) / scale : 0;
    }
}
