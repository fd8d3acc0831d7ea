package org.vigil.server.output.readsb;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.vigil.server.picture.PictureSnapshot;
import org.vigil.server.tracking.SystemTrackView;

/**
 * The fused picture as SBS-1 BaseStation lines (port 30003, as readsb serves them): per system track
 * and period, {@code MSG,1} (callsign), {@code MSG,3} (altitude and position), {@code MSG,4} (ground
 * speed, track, vertical rate) and {@code MSG,6} (squawk), each only with what the track has. Tracks
 * without an ICAO address carry readsb's {@code ~} mark ({@link AircraftJson#nonIcaoHex}). Dates and
 * times are the track's data time, UTC.
 */
public final class SbsLines {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

    private SbsLines() {}

    /** Every line for {@code s}, CR LF ended, as one US-ASCII block. */
    public static byte[] write(PictureSnapshot s) {
        StringBuilder b = new StringBuilder(128 * s.tracks().size());
        for (SystemTrackView t : s.tracks()) track(b, t);
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static void track(StringBuilder b, SystemTrackView t) {
        String hex = t.icao() != null
                ? t.icao()
                : AircraftJson.nonIcaoHex(t.trackNumber()).toUpperCase(Locale.ROOT);
        var at = Instant.ofEpochMilli(t.timeMs()).atOffset(ZoneOffset.UTC);
        String when = DATE.format(at) + "," + TIME.format(at);
        if (t.callsign() != null) line(b, 1, hex, when).append(t.callsign()).append(",,,,,,,,,,,\r\n");
        line(b, 3, hex, when)
                .append(',')
                .append(t.altitudeFt() == null ? "" : t.altitudeFt().toString())
                .append(",,,")
                .append(String.format(Locale.ROOT, "%.5f,%.5f", t.lat(), t.lon()))
                .append(",,,,,,\r\n");
        line(b, 4, hex, when)
                .append(",,")
                .append(String.format(Locale.ROOT, "%.1f,%.1f", t.speedKt(), t.trackDeg()))
                .append(",,,")
                .append(t.verticalRateFpm() == null ? "" : t.verticalRateFpm().toString())
                .append(",,,,,\r\n");
        if (t.squawk() != null)
            line(b, 6, hex, when).append(",,,,,,,").append(t.squawk()).append(",,,,\r\n");
    }

    /** "MSG,type,1,1,hex,1,date,time,date,time," — the ten fields before the callsign. */
    private static StringBuilder line(StringBuilder b, int type, String hex, String when) {
        return b.append("MSG,")
                .append(type)
                .append(",1,1,")
                .append(hex)
                .append(",1,")
                .append(when)
                .append(',')
                .append(when)
                .append(',');
    }
}
