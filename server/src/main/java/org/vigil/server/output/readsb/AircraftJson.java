package org.vigil.server.output.readsb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vigil.server.picture.PictureSnapshot;
import org.vigil.server.pipeline.ModeSPipeline;
import org.vigil.server.tracking.SystemTrackView;
import org.vigil.server.web.AircraftView;

/**
 * The fused picture as readsb's {@code aircraft.json}, the file tar1090 reads (docs/INTEROP.md):
 * {@code now}, {@code messages}, {@code aircraft[]} with readsb's keys. One entry per system track
 * (position, speed and course from the tracker, not from one receiver), then the Mode S aircraft
 * that no track carries (no position yet). A track without an ICAO address (primary radar only, or
 * a radar track never correlated with Mode S) gets readsb's mark of a non-ICAO address: {@code ~}
 * and six hex digits, here the system track number's.
 *
 * <p>{@code now} is the picture's data time (the console's clock), so a recording played back shows
 * right ages; {@code seen}/{@code seen_pos} are seconds since the track's last update.
 */
public final class AircraftJson {
    private static final JsonFactory JSON = new JsonFactory();

    private AircraftJson() {}

    /** readsb's non-ICAO form of a track without an ICAO address: "~" and the track number's low 24 bits in hex. */
    public static String nonIcaoHex(int trackNumber) {
        return String.format(Locale.ROOT, "~%06x", trackNumber & 0xFFFFFF);
    }

    /** The hex key of a track in aircraft.json (lower case, as readsb writes it). */
    public static String hex(SystemTrackView t) {
        return t.icao() != null ? t.icao().toLowerCase(Locale.ROOT) : nonIcaoHex(t.trackNumber());
    }

    /** aircraft.json of {@code s}. */
    public static byte[] write(PictureSnapshot s) {
        ByteArrayOutputStream out =
                new ByteArrayOutputStream(256 + 256 * s.tracks().size());
        long dataMs = s.latestMessageNanos() == Long.MIN_VALUE ? 0 : s.latestMessageNanos() / 1_000_000L;
        Map<String, AircraftView> byIcao = new HashMap<>();
        for (AircraftView a : s.aircraft()) byIcao.put(a.icao(), a);
        Set<String> onTracks = new HashSet<>();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("now", dataMs / 1000.0);
            ModeSPipeline.Stats st = s.modeS();
            g.writeNumberField("messages", st == null ? 0 : st.frames() + st.sbsMessages());
            g.writeArrayFieldStart("aircraft");
            for (SystemTrackView t : s.tracks()) {
                AircraftView a = t.icao() == null ? null : byIcao.get(t.icao());
                if (a != null) onTracks.add(a.icao());
                track(g, t, a);
            }
            for (AircraftView a : s.aircraft()) {
                if (!onTracks.contains(a.icao())) aircraft(g, a, dataMs);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return out.toByteArray();
    }

    /** receiver.json, which tar1090 reads first: version, refresh period (ms), no history files; no site position. */
    public static byte[] receiver(String version, int refreshMs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("version", "vigil " + version);
            g.writeNumberField("refresh", refreshMs);
            g.writeNumberField("history", 0);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void track(JsonGenerator g, SystemTrackView t, AircraftView a) throws IOException {
        g.writeStartObject();
        g.writeStringField("hex", hex(t));
        g.writeStringField("type", type(t));
        if (t.callsign() != null) g.writeStringField("flight", flight(t.callsign()));
        if (t.altitudeFt() != null) g.writeNumberField("alt_baro", t.altitudeFt());
        if (a != null && a.gnssAltitudeFt() != null) g.writeNumberField("alt_geom", a.gnssAltitudeFt());
        g.writeNumberField("gs", round(t.speedKt(), 10));
        g.writeNumberField("track", round(t.trackDeg(), 100));
        if (t.verticalRateFpm() != null) g.writeNumberField("baro_rate", t.verticalRateFpm());
        if (t.squawk() != null) g.writeStringField("squawk", t.squawk());
        if (a != null) {
            if (a.emergency() != null) g.writeStringField("emergency", a.emergency());
            if (a.category() != null) g.writeStringField("category", a.category());
        }
        g.writeNumberField("lat", round(t.lat(), 1e6));
        g.writeNumberField("lon", round(t.lon(), 1e6));
        if (a != null) {
            if (a.nacP() != null) g.writeNumberField("nac_p", a.nacP());
            if (a.sil() != null) g.writeNumberField("sil", a.sil());
            if (a.version() != null) g.writeNumberField("version", a.version());
        }
        g.writeArrayFieldStart("mlat");
        g.writeEndArray();
        g.writeArrayFieldStart("tisb");
        g.writeEndArray();
        g.writeNumberField("messages", a == null ? 0 : a.messages());
        g.writeNumberField("seen", round(t.coastingS(), 10));
        g.writeNumberField("seen_pos", round(t.coastingS(), 1000));
        g.writeEndObject();
    }

    private static void aircraft(JsonGenerator g, AircraftView a, long dataMs) throws IOException {
        g.writeStartObject();
        g.writeStringField("hex", a.icao().toLowerCase(Locale.ROOT));
        g.writeStringField("type", "mode_s");
        if (a.callsign() != null) g.writeStringField("flight", flight(a.callsign()));
        if (a.altitudeFt() != null) g.writeNumberField("alt_baro", a.altitudeFt());
        if (a.gnssAltitudeFt() != null) g.writeNumberField("alt_geom", a.gnssAltitudeFt());
        if (a.groundspeedKt() != null) g.writeNumberField("gs", round(a.groundspeedKt(), 10));
        if (a.trackDeg() != null) g.writeNumberField("track", round(a.trackDeg(), 100));
        if (a.squawk() != null) g.writeStringField("squawk", a.squawk());
        if (a.emergency() != null) g.writeStringField("emergency", a.emergency());
        if (a.category() != null) g.writeStringField("category", a.category());
        g.writeArrayFieldStart("mlat");
        g.writeEndArray();
        g.writeArrayFieldStart("tisb");
        g.writeEndArray();
        g.writeNumberField("messages", a.messages());
        g.writeNumberField("seen", round(Math.max(0, dataMs - a.lastSeen()) / 1000.0, 10));
        g.writeEndObject();
    }

    /** readsb's data source of a track: ADS-B when ADS-B contributes, Mode S with an address, else other. */
    private static String type(SystemTrackView t) {
        if (t.icao() == null) return "other";
        return t.sensors().contains("ADS-B") ? "adsb_icao" : "mode_s";
    }

    /** The callsign as readsb writes it: the 8-character field, padded with spaces. */
    static String flight(String callsign) {
        return callsign.length() >= 8 ? callsign : String.format(Locale.ROOT, "%-8s", callsign);
    }

    private static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }
}
