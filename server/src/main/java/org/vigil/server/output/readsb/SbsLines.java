package org.vigil.server.output.readsb;

import java.util.Arrays;
import org.vigil.codec.feed.SbsWriter;
import org.vigil.codec.text.AsciiWriter;
import org.vigil.core.Callsigns;
import org.vigil.server.picture.PictureSnapshot;
import org.vigil.server.tracking.SystemTrackView;

/**
 * The fused picture as SBS-1 BaseStation lines (port 30003, as readsb serves them, written by the
 * shared {@link SbsWriter}): per system track and period, {@code MSG,1} (callsign), {@code MSG,3}
 * (altitude and position), {@code MSG,4} (ground speed, track, vertical rate) and {@code MSG,6}
 * (squawk), each only with what the track has. Tracks without an ICAO address carry readsb's {@code ~}
 * mark ({@link AircraftJson#nonIcaoHex}). Dates and times are the track's data time, UTC.
 */
public final class SbsLines {
    /** The most one track's four lines take. */
    static final int MAX_TRACK = 4 * 160;

    private SbsLines() {}

    /** Every line for {@code s}, CR LF ended, as one US-ASCII block. */
    public static byte[] write(PictureSnapshot s) {
        AsciiWriter o = new AsciiWriter(MAX_TRACK * Math.max(1, s.tracks().size()));
        for (SystemTrackView t : s.tracks()) track(o, t);
        return Arrays.copyOf(o.array(), o.position());
    }

    static void track(AsciiWriter o, SystemTrackView t) {
        boolean nonIcao = t.icao() == null;
        int address = nonIcao ? t.trackNumber() & 0xFFFFFF : Integer.parseInt(t.icao(), 16);
        long ms = t.timeMs();
        long callsign = t.callsign() == null ? 0 : Callsigns.packOrNone(t.callsign());
        if (callsign != 0) SbsWriter.identification(o, address, nonIcao, ms, callsign);
        SbsWriter.position(
                o, address, nonIcao, ms, t.altitudeFt() == null ? SbsWriter.ABSENT : t.altitudeFt(), t.lat(), t.lon());
        SbsWriter.velocity(
                o,
                address,
                nonIcao,
                ms,
                t.speedKt(),
                t.trackDeg(),
                t.verticalRateFpm() == null ? SbsWriter.ABSENT : t.verticalRateFpm());
        if (t.squawk() != null) SbsWriter.squawk(o, address, nonIcao, ms, Integer.parseInt(t.squawk()), emergency(t));
    }

    private static boolean emergency(SystemTrackView t) {
        return "7500".equals(t.squawk()) || "7600".equals(t.squawk()) || "7700".equals(t.squawk());
    }
}
