package org.vigil.server.picture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vigil.core.Callsigns;
import org.vigil.core.aircraft.AircraftState;
import org.vigil.core.aircraft.AircraftTable;
import org.vigil.core.aircraft.Emergency;
import org.vigil.core.aircraft.FieldGroup;
import org.vigil.server.pipeline.ModeSPipeline;
import org.vigil.server.web.AircraftView;
import org.vigil.server.web.TrailPoint;

/**
 * Copies the aircraft table into immutable views for the web layer. Runs once a second under the
 * pipeline lock (allocation is fine here: it is the sink side, not the per-message path).
 */
public final class AircraftViews {
    private static final int ABSENT = AircraftState.ABSENT;

    private AircraftViews() {}

    /** The aircraft with ages measured against their own last message (no clock). */
    public static List<AircraftView> snapshot(ModeSPipeline pipeline) {
        return snapshot(pipeline, Long.MIN_VALUE);
    }

    /**
     * The aircraft with ages measured against {@code nowNanos}, the picture's clock
     * ({@link Picture#now()}): a position not refreshed ages as time goes on, even when no message
     * arrives at all. Long.MIN_VALUE: against each aircraft's last message.
     */
    public static List<AircraftView> snapshot(ModeSPipeline pipeline, long nowNanos) {
        return pipeline.withTable(t -> copy(t, nowNanos));
    }

    static List<AircraftView> copy(AircraftTable table) {
        return copy(table, Long.MIN_VALUE);
    }

    static List<AircraftView> copy(AircraftTable table, long nowNanos) {
        List<AircraftView> out = new ArrayList<>(table.size());
        table.forEach(s -> {
            if (s.isNonIcaoAddress()) return; // the view's identity is the 24-bit ICAO address
            out.add(view(s, nowNanos));
        });
        return out;
    }

    static AircraftView view(AircraftState s) {
        return view(s, Long.MIN_VALUE);
    }

    static AircraftView view(AircraftState s, long nowNanos) {
        long last = s.lastSeenNanos();
        long now = Math.max(last, nowNanos);
        AircraftView.Builder b = AircraftView.builder(String.format(Locale.ROOT, "%06X", s.icao()))
                .messages(s.messages())
                .lastSeen(last / 1_000_000L);
        if (s.callsign() != 0) b.callsign(Callsigns.unpack(s.callsign()));
        if (s.squawk() != ABSENT) b.squawk(String.format(Locale.ROOT, "%04d", s.squawk()));
        if (s.hasPosition()) {
            b.position(s.lat(), s.lon());
            b.positionAgeS(Math.max(0, (now - s.positionNanos()) / 1e9));
            int n = s.trailSize();
            List<TrailPoint> trail = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int alt = s.trailAltitudeFt(i);
                trail.add(new TrailPoint(s.trailLon(i), s.trailLat(i), alt == ABSENT ? null : alt));
            }
            b.trail(trail);
        }
        if (s.baroAltitudeFt() != ABSENT) b.altitudeFt(s.baroAltitudeFt());
        if (s.gnssAltitudeFt() != ABSENT) b.gnssAltitudeFt(s.gnssAltitudeFt());
        if (!Double.isNaN(s.groundSpeedKt())) b.groundspeedKt(s.groundSpeedKt());
        if (!Double.isNaN(s.trackDeg())) b.trackDeg(s.trackDeg());
        if (s.verticalRateFpm() != ABSENT) b.verticalRateFpm(s.verticalRateFpm());
        if (s.category() != ABSENT) b.category(Integer.toHexString(s.category()).toUpperCase(Locale.ROOT));
        Emergency e = s.emergency();
        if (e != null && e != Emergency.NONE) b.emergency(e.label());
        if (s.adsbVersion() != ABSENT) b.version(s.adsbVersion());
        if (s.nacP() != ABSENT) b.nacP(s.nacP());
        if (s.sil() != ABSENT) b.sil(s.sil());
        return b.build();
    }

    /** true when the position group has been refreshed at least once (used by tests). */
    static boolean positioned(AircraftState s) {
        return s.seenNanos(FieldGroup.POSITION) != AircraftState.NEVER;
    }
}
