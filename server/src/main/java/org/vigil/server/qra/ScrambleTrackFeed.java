package org.vigil.server.qra;

import org.vigil.core.geo.Sphere;
import org.vigil.core.geo.Units;
import org.vigil.core.ident.Alert;
import org.vigil.core.ident.AlertEvent;
import org.vigil.core.qra.scramble.ScrambleService;
import org.vigil.core.track.AreaProjection;
import org.vigil.core.track.KinematicState;
import org.vigil.core.track.SystemTrack;
import org.vigil.core.track.TrackListener;
import org.vigil.core.track.TrackerConfig;

/**
 * Feeds the scramble workflow from the tracker and the identification engine: a
 * {@link TrackListener} that passes every confirmed track update to
 * {@link ScrambleService#onTrackUpdate} (then to the next listener), and {@link #onIdentAlert} for
 * the engine's alert callback.
 *
 * <p>The tracker's course is over grid north of its stereographic plane; the intercept solver needs
 * true north, so the course is taken from the geodesic between the track's position and the plane
 * point it reaches in {@link #LOOK_AHEAD_S} (the projection is conformal, so this is the true course).
 * Allocation-free; called on the tracker's thread only.
 */
public final class ScrambleTrackFeed implements TrackListener {
    static final double LOOK_AHEAD_S = 60;

    private final ScrambleService service;
    private final TrackListener next;
    private final TrackerConfig config;
    private AreaProjection projection;
    /** Run after each update and alert (e.g. hands the workflow's queued event lines on); never null. */
    private Runnable after = () -> {};

    /**
     * @param config the tracker's configuration (its plane origin is read at the first update and
     *               again if it moves: a live pipeline sets it from the first data)
     * @param next   the listener after this one, or null
     */
    public ScrambleTrackFeed(ScrambleService service, TrackerConfig config, TrackListener next) {
        this.service = service;
        this.next = next;
        this.config = config;
    }

    /** For the identification engine's {@code IdentEventListener.alert}: raised alerts may warrant a recommendation. */
    public void onIdentAlert(long timeNanos, Alert alert, AlertEvent what) {
        if (what == AlertEvent.RAISED) {
            service.onAlert(alert.id, alert.trackNumber, alert.cause.id, alert.priority, timeNanos);
            after.run();
        }
    }

    /**
     * Sets what runs after every track update and raised alert, on the tracker's thread (a live
     * server hands the workflow's event lines into the event stream there, where the other event
     * writers write). Call before the first update.
     */
    public ScrambleTrackFeed afterEach(Runnable action) {
        this.after = action == null ? () -> {} : action;
        return this;
    }

    /** The listener after this one, or null (a stage in front binds a track event writer behind it). */
    @Override
    public void bind(org.vigil.core.track.Tracker tracker) {
        if (next != null) next.bind(tracker);
    }

    public TrackListener next() {
        return next;
    }

    private void feed(SystemTrack t, long timeNanos) {
        double lat = t.latDeg(), lon = t.lonDeg();
        double gs = t.groundSpeed();
        double course = Double.NaN;
        if (projection == null
                || projection.originLatDeg() != config.originLatDeg
                || projection.originLonDeg() != config.originLonDeg) {
            projection = new AreaProjection(config.originLatDeg, config.originLonDeg); // once per origin
        }
        if (gs > 1) {
            projection.inverse(t.x() + t.velocityEast() * LOOK_AHEAD_S, t.y() + t.velocityNorth() * LOOK_AHEAD_S);
            course = Sphere.bearingDeg(lat, lon, projection.latDeg, projection.lonDeg);
        }
        double altM = t.altitude();
        int icao = t.icao() == SystemTrack.ABSENT ? -1 : t.icao();
        // the velocity covariance over true north: turned by the grid's convergence at the track
        KinematicState k = t.kinematics();
        double a = Double.isNaN(course)
                ? 0
                : Math.toRadians(course - Math.toDegrees(Math.atan2(t.velocityEast(), t.velocityNorth())));
        double ca = Math.cos(a), sa = Math.sin(a);
        double ee = k.cov(KinematicState.IVX, KinematicState.IVX);
        double en = k.cov(KinematicState.IVX, KinematicState.IVY);
        double nn = k.cov(KinematicState.IVY, KinematicState.IVY);
        service.onTrackUpdate(
                t.trackNumber(),
                timeNanos,
                lat,
                lon,
                Double.isNaN(altM) ? Double.NaN : altM / Units.FT,
                gs / Units.KT,
                course,
                icao,
                t.callsign(),
                t.positionSigma(),
                ca * ca * ee + 2 * ca * sa * en + sa * sa * nn,
                (ca * ca - sa * sa) * en + ca * sa * (nn - ee),
                sa * sa * ee - 2 * ca * sa * en + ca * ca * nn);
        after.run();
    }

    @Override
    public void confirmed(SystemTrack track, long timeNanos) {
        feed(track, timeNanos);
        if (next != null) next.confirmed(track, timeNanos);
    }

    @Override
    public void updated(SystemTrack track, long timeNanos) {
        feed(track, timeNanos);
        if (next != null) next.updated(track, timeNanos);
    }

    @Override
    public void initiated(SystemTrack track, long timeNanos) {
        service.observe(timeNanos);
        if (next != null) next.initiated(track, timeNanos);
    }

    @Override
    public void identifiersChanged(SystemTrack track, long timeNanos) {
        service.observe(timeNanos);
        if (next != null) next.identifiersChanged(track, timeNanos);
    }

    @Override
    public void sensorsChanged(SystemTrack track, long timeNanos) {
        service.observe(timeNanos);
        if (next != null) next.sensorsChanged(track, timeNanos);
    }

    @Override
    public void disagreementRaised(SystemTrack track, long timeNanos) {
        service.observe(timeNanos);
        if (next != null) next.disagreementRaised(track, timeNanos);
    }

    @Override
    public void disagreementCleared(SystemTrack track, long timeNanos) {
        service.observe(timeNanos);
        if (next != null) next.disagreementCleared(track, timeNanos);
    }

    @Override
    public void deleted(SystemTrack track, long timeNanos) {
        service.observe(timeNanos);
        if (next != null) next.deleted(track, timeNanos);
    }
}
