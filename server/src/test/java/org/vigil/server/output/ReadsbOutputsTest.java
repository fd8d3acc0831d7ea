package org.vigil.server.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.codec.feed.BeastFramer;
import org.vigil.codec.feed.FeedCounters;
import org.vigil.codec.feed.SbsParser;
import org.vigil.codec.feed.SkipReason;
import org.vigil.codec.modes.ModeSDecoder;
import org.vigil.codec.modes.ModeSMessage;
import org.vigil.core.Callsigns;
import org.vigil.server.live.LiveServer;
import org.vigil.server.output.metrics.VigilMetrics;
import org.vigil.server.output.readsb.ReadsbOutputs;
import org.vigil.server.sim.LiveSimulation;

/**
 * readsb-compatible outputs of the demo picture: aircraft.json read with tar1090's field conventions
 * (html/planeObject.js: hex lower case with readsb's "~" for a non-ICAO address, flight the padded
 * 8-character field, alt_baro a number or "ground", seen/seen_pos ages in seconds, mlat/tisb lists)
 * and equal to /api/tracks; the Beast re-serving framed and CRC-checked by Vigil's own Beast framer
 * and Mode S decoder; the SBS lines parsed by Vigil's SBS reader.
 */
class ReadsbOutputsTest {
    private static final Set<String> READSB_TYPES = Set.of(
            "adsb_icao",
            "adsb_icao_nt",
            "adsr_icao",
            "tisb_icao",
            "adsc",
            "mlat",
            "other",
            "mode_s",
            "adsb_other",
            "adsr_other",
            "tisb_other",
            "tisb_trackfile",
            "unknown");
    private static final Pattern HEX = Pattern.compile("~?[0-9a-f]{6}");

    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void aircraftJsonBeastAndSbsCarryThePicture() throws Exception {
        try (LiveServer server = DemoFixture.server()) {
            ReadsbOutputs out = server.addInput(new ReadsbOutputs(server, true, dir, "127.0.0.1", 0, 0));
            VigilMetrics metrics = server.addInput(new VigilMetrics(server));
            metrics.output("beast", out.beast()::messages, out.beast()::clients, out.beast()::dropped);
            LiveSimulation sim = DemoFixture.scenario(server);
            int port = server.start();
            try (Socket beast = new Socket(
                            java.net.InetAddress.getLoopbackAddress(),
                            out.beast().port());
                    Socket sbs = new Socket(
                            java.net.InetAddress.getLoopbackAddress(), out.sbs().port())) {
                beast.setSoTimeout(200);
                sbs.setSoTimeout(200);
                waitFor(() -> out.beast().clients() == 1 && out.sbs().clients() == 1);
                ByteArrayOutputStream beastBytes = new ByteArrayOutputStream();
                for (int minute = 1; minute <= 6; minute++) {
                    sim.advanceTo(minute * 60);
                    drain(beast.getInputStream(), beastBytes);
                }
                server.loop().runAndWait(server.picture()::publish);

                // aircraft.json between two equal track lists (the picture publishes on its own)
                JsonNode json = null, tracks = null;
                for (int i = 0; i < 10 && json == null; i++) {
                    JsonNode before = DemoFixture.getJson(port, "/api/tracks");
                    JsonNode j = DemoFixture.getJson(port, "/data/aircraft.json");
                    tracks = DemoFixture.getJson(port, "/api/tracks");
                    if (before.equals(tracks)) json = j;
                }
                assertThat(json).isNotNull();
                Map<String, JsonNode> byHex = tar1090Planes(json);
                assertThat(json.get("now").asDouble() * 1000)
                        .isCloseTo(server.picture().snapshot().latestMessageNanos() / 1e6, within(1.0));

                int nonIcao = 0;
                for (JsonNode t : tracks) {
                    String hex = t.has("icao")
                            ? t.get("icao").asText().toLowerCase(java.util.Locale.ROOT)
                            : String.format("~%06x", t.get("track_number").asInt());
                    if (!t.has("icao")) nonIcao++;
                    JsonNode a = byHex.get(hex);
                    assertThat(a).as("track %s in aircraft.json", hex).isNotNull();
                    assertThat(a.get("lat").asDouble()).isCloseTo(t.get("lat").asDouble(), within(1e-6));
                    assertThat(a.get("lon").asDouble()).isCloseTo(t.get("lon").asDouble(), within(1e-6));
                    assertThat(a.get("gs").asDouble())
                            .isCloseTo(t.get("speed_kt").asDouble(), within(0.05));
                    assertThat(a.get("track").asDouble())
                            .isCloseTo(t.get("track_deg").asDouble(), within(0.005));
                    assertThat(a.get("seen_pos").asDouble())
                            .isCloseTo(t.get("coasting_s").asDouble(), within(0.001));
                    if (t.has("altitude_ft"))
                        assertThat(a.get("alt_baro").asInt())
                                .isEqualTo(t.get("altitude_ft").asInt());
                    else assertThat(a.has("alt_baro")).isFalse();
                    if (t.has("squawk"))
                        assertThat(a.get("squawk").asText())
                                .isEqualTo(t.get("squawk").asText());
                    if (t.has("callsign")) {
                        assertThat(a.get("flight").asText().trim())
                                .isEqualTo(t.get("callsign").asText());
                        assertThat(a.get("flight").asText()).hasSize(8);
                    }
                }
                assertThat(tracks.size()).isGreaterThan(20);
                assertThat(nonIcao)
                        .as("radar-only tracks (the dark Il-20, clutter) as readsb's ~ addresses")
                        .isPositive();

                JsonNode receiver = DemoFixture.getJson(port, "/data/receiver.json");
                assertThat(receiver.get("refresh").asInt()).isEqualTo(ReadsbOutputs.PERIOD_MS);
                assertThat(receiver.get("version").asText()).startsWith("vigil");

                // the folder tar1090's web server would serve
                waitFor(() -> out.jsonWrites() > 0);
                JsonNode written = new ObjectMapper().readTree(Files.readAllBytes(dir.resolve("aircraft.json")));
                assertThat(tar1090Planes(written)).isNotEmpty();
                assertThat(new ObjectMapper()
                                .readTree(Files.readAllBytes(dir.resolve("receiver.json")))
                                .has("refresh"))
                        .isTrue();

                // Beast: every re-served frame frames and passes the CRC
                drain(beast.getInputStream(), beastBytes);
                FeedCounters counters = new FeedCounters();
                ModeSMessage m = new ModeSMessage();
                int[] good = new int[2];
                Set<Integer> icaos = new HashSet<>();
                BeastFramer framer = new BeastFramer(counters, (buf, off, len, time, mlat, signal) -> {
                    good[1]++;
                    if (ModeSDecoder.decode(buf, off, len, time, m.reset()) && m.crcOk) {
                        good[0]++;
                        icaos.add(m.icao);
                    }
                });
                byte[] b = beastBytes.toByteArray();
                framer.accept(b, 0, b.length, 0);
                assertThat(counters.totalRejects()).isZero();
                assertThat(good[1]).isGreaterThan(1000);
                assertThat(good[0]).isEqualTo(good[1]);
                for (JsonNode t : tracks)
                    if (t.has("icao") && t.get("sensors").toString().contains("ADS-B"))
                        assertThat(icaos)
                                .contains(Integer.parseInt(t.get("icao").asText(), 16));

                // SBS: the fused picture's lines, read by Vigil's BaseStation reader
                ByteArrayOutputStream sbsBytes = new ByteArrayOutputStream();
                waitFor(() -> {
                    drain(sbs.getInputStream(), sbsBytes);
                    return sbsBytes.size() > 1000;
                });
                FeedCounters sbsCounters = new FeedCounters();
                Map<Integer, double[]> positions = new HashMap<>();
                Map<Integer, String> callsigns = new HashMap<>();
                SbsParser parser = new SbsParser(sbsCounters, msg -> {
                    if (!Double.isNaN(msg.lat)) positions.put(msg.icao, new double[] {msg.lat, msg.lon});
                    if (msg.callsign != 0)
                        callsigns.put(msg.icao, Callsigns.unpack(msg.callsign).trim());
                });
                byte[] lines = sbsBytes.toByteArray();
                parser.accept(lines, 0, lines.length, 0);
                assertThat(sbsCounters.totalRejects()).isZero();
                assertThat(sbsCounters.skips(SkipReason.NON_ICAO))
                        .as("~ lines skipped as readsb's")
                        .isPositive();
                int matched = 0;
                for (JsonNode t : tracks) {
                    if (!t.has("icao")) continue;
                    double[] p = positions.get(Integer.parseInt(t.get("icao").asText(), 16));
                    if (p == null) continue;
                    // a later tick may have moved it a little: within a few hundred metres
                    assertThat(p[0]).isCloseTo(t.get("lat").asDouble(), within(0.05));
                    assertThat(p[1]).isCloseTo(t.get("lon").asDouble(), within(0.05));
                    if (t.has("callsign"))
                        assertThat(callsigns.get(Integer.parseInt(t.get("icao").asText(), 16)))
                                .isEqualTo(t.get("callsign").asText());
                    matched++;
                }
                assertThat(matched).isGreaterThan(10);

                // the outputs' own meters (the Grafana dashboard's "Outputs sent")
                String scrape = metrics.scrape();
                assertThat(scrape).contains("vigil_output_clients{output=\"beast\"} 1.0");
                assertThat(scrape).containsPattern("vigil_output_messages_total\\{output=\"beast\"} [1-9]");
            }
        }
    }

    /** tar1090's reading of aircraft.json: its checks on every plane, then the planes by hex. */
    static Map<String, JsonNode> tar1090Planes(JsonNode json) {
        assertThat(json.get("now").isNumber()).isTrue();
        assertThat(json.get("messages").isNumber()).isTrue();
        Map<String, JsonNode> byHex = new HashMap<>();
        for (JsonNode a : json.get("aircraft")) {
            String hex = a.get("hex").asText();
            assertThat(hex).matches(HEX);
            assertThat(byHex.put(hex, a)).as("hex %s once", hex).isNull();
            assertThat(a.get("type").asText()).isIn(READSB_TYPES);
            if (a.has("flight")) assertThat(a.get("flight").asText()).hasSizeLessThanOrEqualTo(8);
            if (a.has("alt_baro"))
                assertThat(a.get("alt_baro").isInt()
                                || a.get("alt_baro").asText().equals("ground"))
                        .isTrue();
            if (a.has("squawk")) assertThat(a.get("squawk").asText()).matches("[0-7]{4}");
            if (a.has("category")) assertThat(a.get("category").asText()).matches("[A-D][0-7]");
            if (a.has("lat")) {
                assertThat(a.get("lat").asDouble()).isBetween(-90.0, 90.0);
                assertThat(a.get("lon").asDouble()).isBetween(-180.0, 180.0);
                assertThat(a.get("seen_pos").asDouble()).isGreaterThanOrEqualTo(0);
            }
            assertThat(a.get("seen").asDouble()).isGreaterThanOrEqualTo(0);
            assertThat(a.get("messages").isNumber()).isTrue();
            assertThat(a.get("mlat").isArray() && a.get("tisb").isArray()).isTrue();
        }
        return byHex;
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void waitFor(Check c) throws Exception {
        long end = System.nanoTime() + 20_000_000_000L;
        while (!c.ok()) {
            assertThat(System.nanoTime()).as("waited 20 s").isLessThan(end);
            Thread.sleep(50);
        }
    }

    /** Reads what is there now (the socket has a short timeout). */
    static boolean drain(InputStream in, ByteArrayOutputStream to) throws java.io.IOException {
        byte[] buf = new byte[65536];
        try {
            int n;
            while ((n = in.read(buf)) > 0) to.write(buf, 0, n);
        } catch (java.net.SocketTimeoutException e) {
            // nothing more for now
        }
        return true;
    }
}
