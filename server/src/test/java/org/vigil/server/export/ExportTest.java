package org.vigil.server.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.event.EventCodec;
import org.vigil.server.cli.ExportCommand;
import org.vigil.server.recording.Actor;
import org.vigil.server.recording.EventDecoder;
import org.vigil.server.recording.OpenAlerts;
import org.vigil.server.recording.Recorder;
import org.vigil.server.recording.RecorderConfig;
import org.w3c.dom.Document;
import picocli.CommandLine;

/** Exports of recorded tracks parse back in each format; the after-action report holds its timeline. */
class ExportTest {
    static final long T0 = Instant.parse("2022-04-20T09:00:00Z").getEpochSecond() * 1_000_000_000L;
    static final long S = 1_000_000_000L;

    @TempDir
    Path dir;

    /** Track 1: 13 positions (initiated, confirmed, 10 updates, deleted); track 2: 4; track 3 outside the period. */
    @BeforeEach
    void record() throws Exception {
        try (Recorder r = Recorder.open(RecorderConfig.embedded(dir))) {
            r.recordEvent(
                    "track-initiated",
                    T0,
                    1L,
                    pos(T0, "track-initiated", 1, 43.0, 30.0, 20000, ",\"callsign\":\"ROT263\""));
            r.recordEvent(
                    "track-confirmed", T0 + 4 * S, 1L, pos(T0 + 4 * S, "track-confirmed", 1, 43.01, 30.02, 20000, ""));
            r.recordEvent(
                    "identification-started",
                    T0 + 4 * S,
                    1L,
                    "{\"time\":\"" + iso(T0 + 4 * S)
                            + "\",\"type\":\"identification-started\",\"track\":1,\"identity\":\"pending\"}");
            for (int i = 1; i <= 10; i++) {
                long t = T0 + 4 * S + 5L * i * S;
                r.recordEvent(
                        "track-updated",
                        t,
                        1L,
                        pos(t, "track-updated", 1, 43.01 + i * 0.01, 30.02 + i * 0.02, 20000 + i * 100, ""));
                if (i == 3) {
                    r.recordEvent(
                            "identity-changed",
                            t,
                            1L,
                            "{\"time\":\"" + iso(t) + "\",\"type\":\"identity-changed\",\"track\":1,"
                                    + "\"from\":\"pending\",\"to\":\"suspect\",\"by\":\"squawk-7600\",\"rules\":[\"squawk-7600\"],"
                                    + "\"evidence\":[{\"rule\":\"squawk-7600\",\"text\":\"squawk 7600: radio failure <declared>\"}]}");
                    r.recordEvent("alert-raised", t, 1L, alert(t, "alert-raised", "raised", null));
                }
                if (i == 5) {
                    r.recordOperatorAction(
                            "alert-acknowledged",
                            t,
                            1L,
                            alert(t, "alert-acknowledged", "acknowledged", "sdo-anna"),
                            new Actor("sdo-anna", "operator", "10.0.0.7"));
                }
            }
            long end = T0 + 70 * S;
            r.recordEvent("alert-resolved", end, 1L, alert(end, "alert-resolved", "resolved", "sdo-anna"));
            r.recordEvent("track-deleted", end, 1L, pos(end, "track-deleted", 1, 43.2, 30.4, 21000, ""));
            for (int i = 0; i < 4; i++) {
                long t = T0 + 10L * i * S;
                r.recordEvent(
                        i == 0 ? "track-initiated" : "track-updated",
                        t,
                        2L,
                        pos(
                                t,
                                i == 0 ? "track-initiated" : "track-updated",
                                2,
                                44.0 - i * 0.05,
                                31.0,
                                Double.NaN,
                                ",\"icao\":\"4B1234\""));
            }
            long late = T0 + 3600 * S;
            r.recordEvent("track-initiated", late, 3L, pos(late, "track-initiated", 3, 42.0, 29.0, 10000, ""));
        }
    }

    static String iso(long nanos) {
        return TrackExport.iso(nanos);
    }

    static String pos(long t, String type, int track, double lat, double lon, double altFt, String extra) {
        String alt = Double.isNaN(altFt) ? "" : ",\"altitudeFt\":" + (long) altFt;
        return "{\"time\":\"" + iso(t) + "\",\"type\":\"" + type + "\",\"track\":" + track + ",\"lat\":" + lat
                + ",\"lon\":" + lon + alt + ",\"speedKt\":420.5,\"trackDeg\":61.0,\"sensors\":[]" + extra + "}";
    }

    static String alert(long t, String type, String state, String user) {
        return "{\"time\":\"" + iso(t) + "\",\"type\":\"" + type
                + "\",\"track\":1,\"alert\":7,\"rule\":\"squawk-7600\",\"priority\":1,"
                + "\"state\":\"" + state + "\",\"causeActive\":true,\"raised\":\"" + iso(T0 + 19 * S)
                + "\",\"identity\":\"suspect\""
                + (user == null ? "" : ",\"user\":\"" + user + "\"")
                + (state.equals("resolved") ? ",\"resolution\":\"contact regained\"" : "")
                + ",\"text\":\"squawk 7600\"}";
    }

    private byte[] export(String format) {
        Path out = dir.resolve("out." + format);
        int code = new CommandLine(new ExportCommand())
                .execute(
                        "--recording",
                        dir.toString(),
                        "--format",
                        format,
                        "--from",
                        "2022-04-20T08:59:00Z",
                        "--to",
                        "2022-04-20T09:30:00Z",
                        "--out",
                        out.toString());
        assertThat(code).isZero();
        try {
            return Files.readAllBytes(out);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void geoJsonHasALineStringPerTrackWithATimePerVertex() throws Exception {
        JsonNode fc = new ObjectMapper().readTree(export("geojson"));
        assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
        JsonNode features = fc.get("features");
        assertThat(features).hasSize(2); // track 3 is outside the period
        JsonNode t1 = features.get(0);
        assertThat(t1.at("/properties/track").asInt()).isEqualTo(1);
        assertThat(t1.at("/properties/callsign").asText()).isEqualTo("ROT263");
        assertThat(t1.at("/properties/identity").asText()).isEqualTo("suspect");
        assertThat(t1.at("/geometry/type").asText()).isEqualTo("LineString");
        assertThat(t1.at("/geometry/coordinates")).hasSize(13);
        assertThat(t1.at("/properties/times")).hasSize(13);
        assertThat(t1.at("/geometry/coordinates/0/0").asDouble()).isEqualTo(30.0);
        assertThat(t1.at("/geometry/coordinates/0/1").asDouble()).isEqualTo(43.0);
        assertThat(t1.at("/geometry/coordinates/0/2").asLong()).isEqualTo(Math.round(20000 * 0.3048));
        assertThat(t1.at("/properties/start").asText()).isEqualTo("2022-04-20T09:00:00Z");
        JsonNode t2 = features.get(1);
        assertThat(t2.at("/geometry/coordinates/0")).hasSize(2); // no altitude: a 2-D position
        assertThat(t2.at("/properties/icao").asText()).isEqualTo("4B1234");
    }

    @Test
    void kmlParsesWithAPlacemarkAndATimedCoordinatePerReport() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(export("kml")));
        String kml = "http://www.opengis.net/kml/2.2", gx = "http://www.google.com/kml/ext/2.2";
        assertThat(d.getDocumentElement().getLocalName()).isEqualTo("kml");
        assertThat(d.getElementsByTagNameNS(kml, "Placemark").getLength()).isEqualTo(2);
        assertThat(d.getElementsByTagNameNS(gx, "Track").getLength()).isEqualTo(2);
        assertThat(d.getElementsByTagNameNS(gx, "coord").getLength()).isEqualTo(13 + 4);
        assertThat(d.getElementsByTagNameNS(kml, "when").getLength()).isEqualTo(13 + 4);
        assertThat(d.getElementsByTagNameNS(kml, "name").item(1).getTextContent())
                .isEqualTo("ROT263");
        assertThat(d.getElementsByTagNameNS(gx, "coord").item(0).getTextContent())
                .isEqualTo("30.000000 43.000000 6096");
    }

    @Test
    void csvHasAHeaderAndARowPerReport() {
        String csv = new String(export("csv"), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(1 + 13 + 4);
        assertThat(lines.get(0)).isEqualTo(TrackExport.CSV_HEADER);
        assertThat(lines.get(1))
                .startsWith("1,2022-04-20T09:00:00Z,43.000000,30.000000,20000,420.5,61.0,,ROT263,,suspect");
        for (String l : lines) assertThat(l.split(",", -1)).hasSize(11);
    }

    @Test
    void csvWritesAnUnmeasuredVelocityAsEmptyNeverZero() {
        // the tracker's track-initiated carries speed 0 and course 0: one detection, no velocity yet
        java.util.Map<Long, TrackHistory.Track> tracks = new java.util.LinkedHashMap<>();
        String json = "{\"time\":\"" + iso(T0) + "\",\"type\":\"track-initiated\",\"track\":9,\"status\":\"tentative\""
                + ",\"lat\":43.0,\"lon\":30.0,\"speedKt\":0.0,\"trackDeg\":0.0,\"positionSigmaM\":50.0"
                + ",\"sensors\":[],\"primaryOnly\":false}";
        org.vigil.core.event.VigilEvent ev = org.vigil.core.event.EventCodec.decode(json);
        TrackHistory.apply(
                tracks, new org.vigil.server.recording.StoredEvent(1, "track-initiated", T0, 9L, json, null, 0), ev);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            TrackExport.csv(tracks.values(), out);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(1)).isEqualTo("9,2022-04-20T09:00:00Z,43.000000,30.000000,,,,,,,");
    }

    @Test
    void csvQuotesFieldsWithSeparators() {
        assertThat(TrackExport.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(TrackExport.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(TrackExport.cell("plain")).isEqualTo("plain");
    }

    @Test
    void afterActionReportHasTheTimelineIdentityReasonsAndAMap() throws Exception {
        Path out = dir.resolve("report.html");
        int code = new CommandLine(new ExportCommand())
                .execute("--recording", dir.toString(), "--report", "7", "--out", out.toString());
        assertThat(code).isZero();
        String html = Files.readString(out);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("After-action report: alert 7 (squawk-7600)");
        // timeline: every event of track 1 but the position updates: initiated, confirmed, identification-started,
        // identity-changed, raised, acknowledged, resolved, deleted
        assertThat(html.split("<tr class=\"event\">", -1)).hasSize(1 + 8);
        assertThat(html).contains("<td>alert-acknowledged</td><td>sdo-anna (operator)</td>");
        assertThat(html).contains("pending \u2192 suspect by squawk-7600");
        assertThat(html).contains("squawk 7600: radio failure &lt;declared&gt;"); // escaped
        assertThat(html).contains("contact regained");
        assertThat(html).contains("<svg").contains("<polyline").contains("<title>ROT263</title>");
        assertThat(html).contains("<title>Bulgaria</title>"); // the outline around 43N 30E
        assertThat(html).contains("@media print");
        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain(" src=");
    }

    @Test
    void afterActionReportMapIsTheRecordingsTheatreUnlessTheatreOverrides() throws Exception {
        // the recording says it was made in the Iceland theatre: its airspace holds Iceland only
        org.vigil.server.recording.RecordingManifest.of(java.util.List.of(), null, "iceland")
                .write(dir);
        Path out = dir.resolve("report.html");
        int code = new CommandLine(new ExportCommand())
                .execute("--recording", dir.toString(), "--report", "7", "--out", out.toString());
        assertThat(code).isZero();
        assertThat(Files.readString(out)).contains("<title>ROT263</title>").doesNotContain("<title>Bulgaria</title>");
        code = new CommandLine(new ExportCommand())
                .execute(
                        "--recording",
                        dir.toString(),
                        "--report",
                        "7",
                        "--theatre",
                        "black-sea-2022",
                        "--out",
                        out.toString());
        assertThat(code).isZero();
        assertThat(Files.readString(out)).contains("<title>Bulgaria</title>");
    }

    @Test
    void unknownAlertIsRefusedWithExitCodeOne() {
        int code = new CommandLine(new ExportCommand())
                .execute(
                        "--recording",
                        dir.toString(),
                        "--report",
                        "99",
                        "--out",
                        dir.resolve("x.html").toString());
        assertThat(code).isEqualTo(1);
    }

    @Test
    void trackHistoryKeepsIdentityAndOrdersPoints() throws Exception {
        try (Recorder r = Recorder.open(RecorderConfig.embedded(dir))) {
            Map<Long, TrackHistory.Track> all = TrackHistory.read(r.events(), Long.MIN_VALUE, Long.MAX_VALUE);
            assertThat(all.keySet()).containsExactly(1L, 2L, 3L);
            assertThat(all.get(1L).label()).isEqualTo("ROT263");
            assertThat(all.get(2L).label()).isEqualTo("4B1234");
            assertThat(all.get(3L).label()).isEqualTo("T3");
            StringWriter w = new StringWriter();
            AfterActionReport.write(r.events(), 7, w);
            assertThat(w.toString()).contains("Acknowledged");
        }
    }

    /**
     * A stored line the codec refuses (a type this build does not know, a newer schema) is skipped
     * and counted by the export and restart readers; everything else reads as before.
     */
    @Test
    void refusedLinesAreSkippedAndCountedByExportAndRestartReaders() throws Exception {
        long t = T0 + 30 * S;
        try (Recorder r = Recorder.open(RecorderConfig.embedded(dir))) {
            r.recordEvent(
                    "track-teleported",
                    t,
                    1L,
                    "{\"time\":\"" + iso(t) + "\",\"type\":\"track-teleported\",\"schema\":2,"
                            + "\"track\":1,\"lat\":10.0,\"lon\":10.0}");
            r.recordEvent(
                    "track-updated",
                    t,
                    1L,
                    "{\"time\":\"" + iso(t) + "\",\"type\":\"track-updated\",\"schema\":" + (EventCodec.SCHEMA + 1)
                            + ",\"track\":1,\"lat\":10.0,\"lon\":10.0,\"speedKt\":1.0,\"trackDeg\":1.0,\"sensors\":[]}");
            r.recordEvent(
                    "alert-raised",
                    t,
                    1L,
                    "{\"time\":\"" + iso(t) + "\",\"type\":\"alert-raised\",\"schema\":"
                            + (EventCodec.SCHEMA + 1)
                            + ",\"track\":1,\"alert\":8,\"rule\":\"squawk-7700\",\"priority\":1,"
                            + "\"state\":\"raised\",\"causeActive\":true,\"raised\":\"" + iso(t) + "\"}");
        }
        try (Recorder r = Recorder.open(RecorderConfig.embedded(dir))) {
            EventDecoder export = new EventDecoder("export");
            Map<Long, TrackHistory.Track> all = TrackHistory.read(r.events(), Long.MIN_VALUE, Long.MAX_VALUE, export);
            assertThat(export.skipped()).isEqualTo(3); // the unknown type, the newer track-updated and alert-raised
            assertThat(all.get(1L).points).hasSize(13).noneMatch(p -> p.lat() == 10.0);

            EventDecoder restart = new EventDecoder("restart");
            assertThat(OpenAlerts.alerts(r.events(), restart)).isEmpty(); // alert 7 resolved; alert 8 unreadable
            assertThat(restart.skipped()).isEqualTo(1);
            assertThat(OpenAlerts.alerts(r.events())).isEmpty();

            EventDecoder report = new EventDecoder("after-action report");
            StringWriter w = new StringWriter();
            AfterActionReport.write(r.events(), 7, w, report);
            assertThat(w.toString()).doesNotContain("track-teleported").contains("Acknowledged");
            assertThat(report.skipped()).isPositive();
        }
        assertThat(dir.resolve("out.csv")).doesNotExist();
        assertThat(new String(export("csv"), StandardCharsets.UTF_8).lines()).hasSize(1 + 13 + 4);
    }
}
