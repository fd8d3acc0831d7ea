package org.vigil.core.track;

import java.util.ArrayList;
import java.util.List;

/** Test listener: every event as a line of text (time, kind, track number, key state). */
final class EventLog implements TrackListener {
    final List<String> lines = new ArrayList<>();
    boolean withUpdates = true;

    private void add(String kind, SystemTrack t, long time) {
        lines.add(time + " " + kind + " #" + t.trackNumber() + " " + Math.round(t.x()) + "," + Math.round(t.y())
                + " icao=" + t.icao() + " A=" + t.mode3A() + " sensors=" + Long.toHexString(t.sensorsNow()));
    }

    @Override
    public void initiated(SystemTrack t, long time) {
        add("initiated", t, time);
    }

    @Override
    public void confirmed(SystemTrack t, long time) {
        add("confirmed", t, time);
    }

    @Override
    public void updated(SystemTrack t, long time) {
        if (withUpdates) add("updated", t, time);
    }

    @Override
    public void identifiersChanged(SystemTrack t, long time) {
        add("identifiers", t, time);
    }

    @Override
    public void sensorsChanged(SystemTrack t, long time) {
        add("sensors", t, time);
    }

    @Override
    public void disagreementRaised(SystemTrack t, long time) {
        add("disagreement-raised", t, time);
    }

    @Override
    public void disagreementCleared(SystemTrack t, long time) {
        add("disagreement-cleared", t, time);
    }

    @Override
    public void deleted(SystemTrack t, long time) {
        add("deleted", t, time);
    }

    long count(String kind) {
        return lines.stream().filter(l -> l.contains(" " + kind + " ")).count();
    }
}
