package org.vigil.server.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigil.server.live.LiveServer;
import org.vigil.server.output.cot.CotEncoder;
import org.vigil.server.output.cot.CotOutput;
import org.vigil.server.output.net.MulticastSender;
import org.vigil.server.output.net.StreamServer;
import org.vigil.server.sim.LiveSimulation;

/**
 * Cursor-on-Target of the demo picture, XML and TAK protocol v1, over TCP streams and UDP datagrams:
 * every XML event validates against the CoT event schema (src/test/resources/cot/event.xsd), every
 * event of both forms is parsed by @tak-ps/node-cot, and what it reads equals the track of /api/tracks
 * (position, type from the identity, callsign, course, speed, error circle and ellipse, stale time); alerts come as
 * {@code b-a} events with remarks; the area filter holds.
 */
class CotOutputTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    @Timeout(600)
    void tracksAndAlertsAsCotParsedByATakLibrary() throws Exception {
        NodeTools.require();
        try (LiveServer server = DemoFixture.server();
                DatagramSocket xmlUdp = new DatagramSocket(0, LOOPBACK);
                DatagramSocket protoUdp = new DatagramSocket(0, LOOPBACK)) {
            CotOutput.Area area = new CotOutput.Area(42.0, 27.0, 46.0, 34.0);
            StreamServer xmlTcp = new StreamServer("cot-xml", "127.0.0.1", 0, null, false);
            StreamServer protoTcp = new StreamServer("cot-proto", "127.0.0.1", 0, null, false);
            server.addInput(new CotOutput(
                    server,
                    new CotOutput.Settings(
                            false,
                            0.2,
                            null,
                            null,
                            true,
                            xmlTcp,
                            null,
                            new MulticastSender(
                                    "x", "127.0.0.1", new InetSocketAddress(LOOPBACK, xmlUdp.getLocalPort()), 1))));
            server.addInput(new CotOutput(
                    server,
                    new CotOutput.Settings(
                            true,
                            0.2,
                            area,
                            Set.of(),
                            true,
                            protoTcp,
                            null,
                            new MulticastSender(
                                    "p", "127.0.0.1", new InetSocketAddress(LOOPBACK, protoUdp.getLocalPort()), 1))));
            LiveSimulation sim = DemoFixture.scenario(server);
            int port = server.start();
            try (Socket xs = new Socket(LOOPBACK, xmlTcp.port());
                    Socket ps = new Socket(LOOPBACK, protoTcp.port())) {
                xs.setSoTimeout(200);
                ps.setSoTimeout(200);
                ReadsbOutputsTest.waitFor(() -> xmlTcp.clients() == 1 && protoTcp.clients() == 1);
                sim.advanceTo(18.5 * 60); // past THY1TK's 7700: an open alert
                server.loop().runAndWait(server.picture()::publish);
                JsonNode tracks = DemoFixture.getJson(port, "/api/tracks");
                // two periods on the still picture
                Thread.sleep(100);
                ByteArrayOutputStream xmlBytes = new ByteArrayOutputStream(), protoBytes = new ByteArrayOutputStream();
                ReadsbOutputsTest.drain(xs.getInputStream(), new ByteArrayOutputStream());
                ReadsbOutputsTest.drain(ps.getInputStream(), new ByteArrayOutputStream());
                Thread.sleep(1000);
                ReadsbOutputsTest.drain(xs.getInputStream(), xmlBytes);
                ReadsbOutputsTest.drain(ps.getInputStream(), protoBytes);
                // the picture publishes on its own (housekeeping): an event is compared with the track of its time
                JsonNode after = DemoFixture.getJson(port, "/api/tracks");

                // XML stream: "<?xml ...?>\n<event ...>...</event>" one after another, each valid
                Validator xsd = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                        .newSchema(CotOutputTest.class.getResource("/cot/event.xsd"))
                        .newValidator();
                List<String> lines = new ArrayList<>();
                String stream = xmlBytes.toString(StandardCharsets.UTF_8);
                int from = stream.indexOf("<?xml");
                int at;
                while ((at = stream.indexOf("</event>", from)) >= 0) {
                    String doc = stream.substring(from, at + 8);
                    assertThat(doc)
                            .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<event ");
                    xsd.validate(new StreamSource(new StringReader(doc)));
                    lines.add(json("xml", doc));
                    from = at + 8;
                }
                // proto stream: 0xbf, varint length, TakMessage
                byte[] p = protoBytes.toByteArray();
                int i = 0;
                while (i < p.length) {
                    assertThat(p[i] & 0xff).isEqualTo(0xbf);
                    int len = 0, shift = 0, b;
                    i++;
                    do {
                        b = p[i++] & 0xff;
                        len |= (b & 0x7f) << shift;
                        shift += 7;
                    } while ((b & 0x80) != 0);
                    if (i + len > p.length) break; // cut by the read
                    lines.add(json("proto", Arrays.copyOfRange(p, i, i + len)));
                    i += len;
                }
                // datagrams: one XML document, or the mesh header 0xbf 0x01 0xbf and a TakMessage
                lines.addAll(datagrams(xmlUdp, false));
                lines.addAll(datagrams(protoUdp, true));

                JsonNode parsed = new ObjectMapper()
                        .readTree(NodeTools.run(
                                "cot-parse.mjs", String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
                assertThat(parsed.size()).isEqualTo(lines.size());
                Map<String, JsonNode> byUidTime = new HashMap<>();
                for (JsonNode list : List.of(tracks, after))
                    for (JsonNode t : list)
                        byUidTime.put(
                                "vigil-track-" + t.get("track_number").asInt() + "@"
                                        + t.get("time_ms").asLong(),
                                t);
                int seenTracks = 0, alerts = 0, inArea = 0;
                Set<String> sources = new java.util.HashSet<>();
                for (int k = 0; k < parsed.size(); k++) {
                    JsonNode e = parsed.get(k);
                    String form = lines.get(k).substring(2, lines.get(k).indexOf('"', 2));
                    sources.add(form);
                    String uid = e.get("uid").asText();
                    assertThat(e.get("how").asText()).isIn("m-f");
                    assertThat(Instant.parse(e.get("stale").asText()))
                            .isAfter(Instant.parse(e.get("time").asText()));
                    assertThat(e.get("geojson").get("type").asText()).isEqualTo("Point");
                    if (uid.startsWith("vigil-alert-")) {
                        alerts++;
                        assertThat(e.get("type").asText()).isEqualTo("b-a");
                        assertThat(e.get("remarks").asText()).contains("Vigil track");
                        continue;
                    }
                    JsonNode t = byUidTime.get(
                            uid + "@" + Instant.parse(e.get("time").asText()).toEpochMilli());
                    if (t == null) continue; // a snapshot between the two reads
                    assertThat(uid).startsWith("vigil-track-");
                    seenTracks++;
                    String identity = t.has("identity") ? t.get("identity").asText() : null;
                    assertThat(e.get("type").asText()).isEqualTo("a-" + CotEncoder.affiliation(identity) + "-A");
                    assertThat(e.get("lat").asDouble()).isCloseTo(t.get("lat").asDouble(), within(1e-7));
                    assertThat(e.get("lon").asDouble()).isCloseTo(t.get("lon").asDouble(), within(1e-7));
                    assertThat(e.get("ce").asDouble())
                            .isCloseTo(t.get("position_sigma_m").asDouble() * 2.146, within(0.1));
                    // the 90 % error ellipse of the track's covariance, TAK's <shape><ellipse>
                    JsonNode ellipse = e.get("ellipse");
                    assertThat(ellipse.get("major").asDouble())
                            .isCloseTo(t.get("error_major_m").asDouble() * 2.146, within(0.1))
                            .isGreaterThanOrEqualTo(ellipse.get("minor").asDouble());
                    assertThat(ellipse.get("minor").asDouble())
                            .isCloseTo(t.get("error_minor_m").asDouble() * 2.146, within(0.1))
                            .isPositive();
                    double angle = (t.get("error_axis_deg").asDouble() + 90) % 180;
                    double diff = Math.abs(ellipse.get("angle").asDouble() - angle) % 180;
                    assertThat(Math.min(diff, 180 - diff)).isLessThan(0.1);
                    // the ellipse and the circle: the same covariance
                    assertThat(Math.hypot(
                                    t.get("error_major_m").asDouble(),
                                    t.get("error_minor_m").asDouble()))
                            .isCloseTo(Math.sqrt(2) * t.get("position_sigma_m").asDouble(), within(0.01));
                    assertThat(e.get("course").asDouble())
                            .isCloseTo(t.get("track_deg").asDouble(), within(0.01));
                    assertThat(e.get("speed").asDouble())
                            .isCloseTo(t.get("speed_kt").asDouble() * 1852 / 3600, within(0.01));
                    assertThat(Instant.parse(e.get("time").asText()).toEpochMilli())
                            .isEqualTo(t.get("time_ms").asLong());
                    String expectedCallsign = t.has("callsign")
                            ? t.get("callsign").asText()
                            : t.has("icao")
                                    ? t.get("icao").asText()
                                    : "TN" + t.get("track_number").asInt();
                    assertThat(e.get("callsign").asText()).isEqualTo(expectedCallsign);
                    if (t.has("altitude_ft"))
                        assertThat(e.get("hae").asDouble()).isLessThan(CotEncoder.UNKNOWN);
                    else assertThat(e.get("hae").asDouble()).isEqualTo(CotEncoder.UNKNOWN);
                    assertThat(e.get("remarks").asText())
                            .contains("Vigil track " + t.get("track_number").asInt());
                    if (form.equals("proto")) {
                        // the proto output's area filter
                        assertThat(e.get("lat").asDouble()).isBetween(area.south(), area.north());
                        assertThat(e.get("lon").asDouble()).isBetween(area.west(), area.east());
                        inArea++;
                    }
                }
                assertThat(sources).containsExactlyInAnyOrder("xml", "proto");
                assertThat(seenTracks).isGreaterThan(tracks.size());
                assertThat(alerts).as("open alerts as CoT").isPositive();
                long expectedInArea = 0;
                for (JsonNode t : tracks) {
                    double lat = t.get("lat").asDouble(), lon = t.get("lon").asDouble();
                    if (lat >= area.south() && lat <= area.north() && lon >= area.west() && lon <= area.east())
                        expectedInArea++;
                }
                assertThat(expectedInArea).isPositive().isLessThan(tracks.size());
                assertThat(inArea).isPositive();
            }
        }
    }

    private static List<String> datagrams(DatagramSocket s, boolean proto) throws Exception {
        List<String> out = new ArrayList<>();
        s.setSoTimeout(200);
        byte[] buf = new byte[65536];
        for (int n = 0; n < 20; n++) {
            DatagramPacket d = new DatagramPacket(buf, buf.length);
            try {
                s.receive(d);
            } catch (java.net.SocketTimeoutException e) {
                break;
            }
            if (proto) {
                assertThat(Arrays.copyOfRange(buf, 0, 3)).containsExactly(0xbf, 0x01, 0xbf);
                out.add(json("proto", Arrays.copyOfRange(buf, 3, d.getLength())));
            } else {
                out.add(json("xml", new String(buf, 0, d.getLength(), StandardCharsets.UTF_8)));
            }
        }
        assertThat(out).isNotEmpty();
        return out;
    }

    private static String json(String kind, Object v) throws Exception {
        Object value = v instanceof byte[] b ? Base64.getEncoder().encodeToString(b) : v;
        return new ObjectMapper().writeValueAsString(Map.of(kind, value));
    }
}
