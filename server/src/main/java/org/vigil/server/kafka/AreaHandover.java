package org.vigil.server.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.vigil.core.event.EventSink;
import org.vigil.core.event.TrackEvent;
import org.vigil.core.event.VigilEvent;
import org.vigil.server.theatre.TheatreAreas;

/**
 * Hand-over of tracks between areas of responsibility on the shared picture (docs/SCALE.md
 * "Hand-over", docs/EVENTS.md "Hand-over between areas"): passes every event on unchanged and,
 * from the positions of the track events, writes {@code handover-offered} when a track owned by
 * one area enters the margin of a neighbour, {@code handover-accepted} at its next position still
 * there, {@code handover-completed} when it crosses (the missing steps first when it crosses
 * sooner). The track keeps its number across a hand-over, hence its identity, history, alerts and
 * scrambles, and appears once.
 *
 * <p>Deterministic: a function of the event stream alone (the events are written just after the
 * track event that caused them, with its data time). One thread, as every event sink.
 */
public final class AreaHandover implements EventSink {
    private final TheatreAreas areas;
    private final EventSink out;
    private final Map<Integer, Ownership> tracks = new HashMap<>();
    private long offered, accepted, completed;

    /** Where a track is: its owner, and the area it is offered to (null: none) and whether accepted. */
    private static final class Ownership {
        TheatreAreas.Area owner;
        TheatreAreas.Area offeredTo;
        boolean accepted;
        /** The area it was handed over from, while it is still in that area's margin: not offered back. */
        TheatreAreas.Area cameFrom;
    }

    public AreaHandover(TheatreAreas areas, EventSink out) {
        this.areas = Objects.requireNonNull(areas, "areas");
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void accept(VigilEvent e) {
        out.accept(e);
        if (areas.areas().isEmpty() || !(e instanceof TrackEvent t)) return;
        if (t instanceof TrackEvent.Initiated x) position(x.time(), x.track(), x.lat(), x.lon());
        else if (t instanceof TrackEvent.Confirmed x) position(x.time(), x.track(), x.lat(), x.lon());
        else if (t instanceof TrackEvent.Updated x) position(x.time(), x.track(), x.lat(), x.lon());
        else if (t instanceof TrackEvent.Deleted x) tracks.remove(x.track());
    }

    private void position(long time, int track, double lat, double lon) {
        Ownership s = tracks.computeIfAbsent(track, k -> new Ownership());
        TheatreAreas.Area here = areas.ownerOf(lat, lon);
        if (s.owner == null) {
            s.owner = here; // first seen in an area (or still outside all): no hand-over
            return;
        }
        if (here != null && !here.equals(s.owner)) {
            if (!here.equals(s.offeredTo)) offer(s, here, time, track, lat, lon);
            if (!s.accepted) accept(s, time, track, lat, lon);
            completed++;
            out.accept(new TrackEvent.HandoverCompleted(time, track, s.owner.name(), here.name(), lat, lon));
            s.cameFrom = s.owner;
            s.owner = here;
            s.offeredTo = null;
            s.accepted = false;
            return;
        }
        if (s.cameFrom != null && !areas.watches(s.cameFrom, lat, lon)) s.cameFrom = null;
        TheatreAreas.Area near = null;
        for (TheatreAreas.Area a : areas.areas()) {
            if (!a.equals(s.owner) && !a.equals(s.cameFrom) && areas.watches(a, lat, lon)) {
                near = a;
                break;
            }
        }
        if (s.offeredTo != null && !s.offeredTo.equals(near)) { // turned away: the offer lapses
            s.offeredTo = null;
            s.accepted = false;
        }
        if (near == null) return;
        if (s.offeredTo == null) offer(s, near, time, track, lat, lon);
        else if (!s.accepted) accept(s, time, track, lat, lon);
    }

    private void offer(Ownership s, TheatreAreas.Area to, long time, int track, double lat, double lon) {
        s.offeredTo = to;
        s.accepted = false;
        offered++;
        out.accept(new TrackEvent.HandoverOffered(time, track, s.owner.name(), to.name(), lat, lon));
    }

    private void accept(Ownership s, long time, int track, double lat, double lon) {
        s.accepted = true;
        accepted++;
        out.accept(new TrackEvent.HandoverAccepted(time, track, s.owner.name(), s.offeredTo.name(), lat, lon));
    }

    /** The area that owns {@code track} now, or null (unknown track, or never inside an area). */
    public String owner(int track) {
        Ownership s = tracks.get(track);
        return s == null || s.owner == null ? null : s.owner.name();
    }

    public long offered() {
        return offered;
    }

    public long accepted() {
        return accepted;
    }

    public long completed() {
        return completed;
    }
}
