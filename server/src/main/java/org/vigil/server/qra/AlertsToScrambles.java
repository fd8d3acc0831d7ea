package org.vigil.server.qra;

import org.vigil.core.ident.Alert;
import org.vigil.core.ident.AlertEvent;
import org.vigil.core.ident.Evidence;
import org.vigil.core.ident.IdentEventListener;
import org.vigil.core.ident.Identity;
import org.vigil.core.ident.TrackIdentity;

/**
 * The identification engine's listener in a run with the scramble workflow: every callback goes to
 * {@code events} (the ident event writer) first, then alerts also go to the workflow
 * ({@link ScrambleTrackFeed#onIdentAlert}), so that a recommendation line follows the alert line
 * that caused it in the event stream.
 */
public final class AlertsToScrambles implements IdentEventListener {
    private final IdentEventListener events;
    private final ScrambleTrackFeed scrambles;

    /** @param events the ident events' writer (null: none) */
    public AlertsToScrambles(IdentEventListener events, ScrambleTrackFeed scrambles) {
        this.events = events == null ? IdentEventListener.NONE : events;
        this.scrambles = scrambles;
    }

    @Override
    public void trackStarted(long t, TrackIdentity track) {
        events.trackStarted(t, track);
    }

    @Override
    public void trackDeleted(long t, TrackIdentity track) {
        events.trackDeleted(t, track);
    }

    @Override
    public void ruleFired(long t, TrackIdentity track, Evidence e) {
        events.ruleFired(t, track, e);
    }

    @Override
    public void ruleCleared(long t, TrackIdentity track, Evidence e) {
        events.ruleCleared(t, track, e);
    }

    @Override
    public void identityChanged(long t, TrackIdentity track, Identity from, Identity to) {
        events.identityChanged(t, track, from, to);
    }

    @Override
    public void alert(long t, Alert alert, AlertEvent what) {
        events.alert(t, alert, what);
        scrambles.onIdentAlert(t, alert, what);
    }

    @Override
    public void override(long t, TrackIdentity track, Identity identity, String user, String reason) {
        events.override(t, track, identity, user, reason);
    }

    @Override
    public void operatorInput(long t, TrackIdentity track, String input, boolean on, long sinceNanos, String user) {
        events.operatorInput(t, track, input, on, sinceNanos, user);
    }
}
