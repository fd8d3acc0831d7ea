package org.vigil.server.export;

import static org.vigil.core.geo.Units.FT;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Tracks of a period ({@link TrackHistory}) written for other tools:
 * <ul>
 * <li><b>GeoJSON</b> (RFC 7946): a FeatureCollection, one Feature per track, a LineString of
 *     [lon, lat, altitude m] (a Point for a track with one report), properties {@code track},
 *     identity, {@code start}/{@code end} and {@code times} (ISO-8601 UTC, one per vertex, the
 *     "coordTimes" convention map tools read).</li>
 * <li><b>KML</b> 2.2: one Placemark per track with a {@code gx:Track} (a {@code when} and a
 *     {@code gx:coord} per report), so Google Earth animates it on its time slider.</li>
 * <li><b>CSV</b> (RFC 4180, UTF-8, header line): one row per report.</li>
 * </ul>
 * Altitude: pressure altitude as reported, written as metres in GeoJSON/KML (their axis is
 * height) and as feet in CSV; absent altitude is left out (GeoJSON 2-D position, KML clamped).
 */
public final class TrackExport {
    public enum Format {
        GEOJSON,
        KML,
        CSV
    }

    private TrackExport() {}

    public static void write(Format f, Collection<TrackHistory.Track> tracks, OutputStream out) throws IOException {
        switch (f) {
            case GEOJSON -> geoJson(tracks, out);
            case KML -> kml(tracks, out);
            case CSV -> csv(tracks, out);
        }
    }

    static String iso(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L))
                .toString();
    }

    public static void geoJson(Collection<TrackHistory.Track> tracks, OutputStream out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            for (TrackHistory.Track t : tracks) {
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeObjectFieldStart("geometry");
                boolean line = t.points.size() > 1;
                g.writeStringField("type", line ? "LineString" : "Point");
                g.writeFieldName("coordinates");
                if (line) g.writeStartArray();
                for (TrackHistory.Point p : t.points) {
                    g.writeStartArray();
                    g.writeNumber(p.lon());
                    g.writeNumber(p.lat());
                    if (!Double.isNaN(p.altitudeFt())) g.writeNumber(Math.round(p.altitudeFt() * FT));
                    g.writeEndArray();
                    if (!line) break;
                }
                if (line) g.writeEndArray();
                g.writeEndObject();
                g.writeObjectFieldStart("properties");
                g.writeNumberField("track", t.number);
                g.writeStringField("label", t.label());
                if (t.icao != null) g.writeStringField("icao", t.icao);
                if (t.callsign != null) g.writeStringField("callsign", t.callsign);
                if (t.squawk != null) g.writeStringField("squawk", t.squawk);
                if (t.identity != null) g.writeStringField("identity", t.identity);
                g.writeStringField("start", iso(t.startNanos()));
                g.writeStringField("end", iso(t.endNanos()));
                g.writeArrayFieldStart("times");
                for (TrackHistory.Point p : t.points) g.writeString(iso(p.timeNanos()));
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.flush();
    }

    public static void kml(Collection<TrackHistory.Track> tracks, OutputStream out) throws IOException {
        String kml = "http://www.opengis.net/kml/2.2", gx = "http://www.google.com/kml/ext/2.2";
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.setDefaultNamespace(kml);
            x.setPrefix("gx", gx);
            x.writeStartElement(kml, "kml");
            x.writeDefaultNamespace(kml);
            x.writeNamespace("gx", gx);
            x.writeStartElement(kml, "Document");
            text(x, kml, "name", "Vigil tracks");
            for (TrackHistory.Track t : tracks) {
                x.writeStartElement(kml, "Placemark");
                text(x, kml, "name", t.label());
                StringBuilder d = new StringBuilder("track ").append(t.number);
                if (t.icao != null) d.append(", ICAO ").append(t.icao);
                if (t.squawk != null) d.append(", squawk ").append(t.squawk);
                if (t.identity != null) d.append(", ").append(t.identity);
                text(x, kml, "description", d.toString());
                x.writeStartElement(kml, "TimeSpan");
                text(x, kml, "begin", iso(t.startNanos()));
                text(x, kml, "end", iso(t.endNanos()));
                x.writeEndElement();
                x.writeStartElement(gx, "Track");
                boolean any3d = t.points.stream().anyMatch(p -> !Double.isNaN(p.altitudeFt()));
                text(x, kml, "altitudeMode", any3d ? "absolute" : "clampToGround");
                for (TrackHistory.Point p : t.points) text(x, kml, "when", iso(p.timeNanos()));
                for (TrackHistory.Point p : t.points) {
                    double alt = Double.isNaN(p.altitudeFt()) ? 0 : Math.round(p.altitudeFt() * FT);
                    text(x, gx, "coord", String.format(Locale.ROOT, "%.6f %.6f %.0f", p.lon(), p.lat(), alt));
                }
                x.writeEndElement();
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.flush();
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException("KML: " + e.getMessage(), e);
        }
        out.flush();
    }

    private static void text(XMLStreamWriter x, String ns, String name, String value) throws XMLStreamException {
        x.writeStartElement(ns, name);
        x.writeCharacters(value);
        x.writeEndElement();
    }

    /** Header of the CSV export. */
    public static final String CSV_HEADER =
            "track,time,lat,lon,altitude_ft,speed_kt,track_deg,icao,callsign,squawk,identity";

    public static void csv(Collection<TrackHistory.Track> tracks, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(CSV_HEADER);
        w.write("\r\n");
        for (TrackHistory.Track t : tracks) {
            for (TrackHistory.Point p : t.points) {
                w.write(String.format(
                        Locale.ROOT,
                        "%d,%s,%.6f,%.6f,%s,%s,%s,%s,%s,%s,%s\r\n",
                        t.number,
                        iso(p.timeNanos()),
                        p.lat(),
                        p.lon(),
                        num(p.altitudeFt(), 0),
                        num(p.speedKt(), 1),
                        num(p.courseDeg(), 1),
                        cell(t.icao),
                        cell(t.callsign),
                        cell(t.squawk),
                        cell(t.identity)));
            }
        }
        w.flush();
    }

    private static String num(double v, int decimals) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A CSV field, quoted when it holds a separator, quote or line break (RFC 4180). */
    static String cell(String s) {
        if (s == null) return "";
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
