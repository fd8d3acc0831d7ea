package org.vigil.server.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.server.live.LiveServer;
import org.vigil.server.output.cot.CotInbound;
import org.vigil.server.output.cot.CotOutput;
import org.vigil.server.output.cot.CotUdpListener;
import org.vigil.server.output.cot.TakClient;
import org.vigil.server.output.cot.TlsContexts;
import org.vigil.server.sim.LiveSimulation;

/**
 * Vigil as a client of a TAK server: the test plays the server on a TLS port that requires a client
 * certificate (TAK's 8089 convention), receives Vigil's track events, drops the first connection (Vigil
 * connects again after its back-off), and sends CoT back as a TAK server relays its clients' positions:
 * a friendly position made by @tak-ps/node-cot in XML and as a TAK protocol v1 message (streaming
 * framing), between garbage and an event without a point. The good ones appear at /api/tak (the
 * console's TAK layer) with their callsign, position and type; the bad ones are counted. The SA mesh
 * (UDP) is read the same way.
 */
class TakServerClientTest {
    private static final char[] PW = "changeit".toCharArray();
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void vigilSendsToATakServerAndShowsWhatItSendsBack() throws Exception {
        NodeTools.require();
        Path serverKey = CotTlsTest.keypair(dir, "takserver"), vigilKey = CotTlsTest.keypair(dir, "vigil");
        SSLContext serverCtx = TlsContexts.server(serverKey, CotTlsTest.trust(dir, "vigil", vigilKey), PW);
        SSLContext vigilCtx = TlsContexts.client(vigilKey, CotTlsTest.trust(dir, "takserver", serverKey), PW);
        // two friendly positions as a TAK client makes them: one to relay as XML, one as protobuf
        JsonNode made = new ObjectMapper()
                .readTree(NodeTools.run(
                        "cot-make.mjs",
                        (feature("ANDROID-bravo1", "a-f-G-U-C", "BRAVO 1", 28.5, 43.25) + "\n"
                                        + feature("ANDROID-bravo2", "a-f-G-U-C", "BRAVO 2", 29.0, 43.5) + "\n"
                                        + feature("marker-1", "b-m-p-s-m", "LZ NORTH", 27.75, 42.5))
                                .getBytes(StandardCharsets.UTF_8)));
        try (SSLServerSocket tak =
                        (SSLServerSocket) serverCtx.getServerSocketFactory().createServerSocket(0, 4, LOOPBACK);
                LiveServer server = DemoFixture.server();
                DatagramSocket mesh = new DatagramSocket()) {
            tak.setNeedClientAuth(true);
            CotInbound inbound = new CotInbound(System::currentTimeMillis);
            inbound.registerRoutes(server.web());
            TakClient client = new TakClient("127.0.0.1", tak.getLocalPort(), vigilCtx, inbound);
            server.addInput(new CotOutput(
                    server, new CotOutput.Settings(false, 0.2, null, null, true, null, null, null, client)));
            CotUdpListener udp =
                    server.addInput(new CotUdpListener("127.0.0.1", new InetSocketAddress(LOOPBACK, 0), inbound));
            LiveSimulation sim = DemoFixture.scenario(server);
            int port = server.start();
            sim.advanceTo(6 * 60);
            server.loop().runAndWait(server.picture()::publish);

            // first connection: Vigil's events arrive, then the server hangs up
            try (SSLSocket s = (SSLSocket) tak.accept()) {
                s.startHandshake();
                assertThat(s.getSession().getPeerCertificates()[0].toString()).contains("CN=vigil");
                String events = read(s.getInputStream(), "</event>", 20);
                assertThat(events).contains("<event version=\"2.0\" uid=\"vigil-track-");
            }
            // Vigil connects again after its back-off (1 s)
            try (SSLSocket s = (SSLSocket) tak.accept()) {
                s.startHandshake();
                assertThat(read(s.getInputStream(), "</event>", 5)).contains("uid=\"vigil-track-");
                OutputStream out = s.getOutputStream();
                out.write("<?xml version=\"1.0\"?><event uid=\"broken\"><point lat=</event>\n"
                        .getBytes(StandardCharsets.UTF_8)); // not XML
                out.write(("<?xml version=\"1.0\"?>\n" + made.get(0).get("xml").asText() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.write(("<event version=\"2.0\" uid=\"no-point\" type=\"a-f-G\" how=\"m-g\""
                                + " time=\"2026-12-07T11:00:00Z\" start=\"2026-12-07T11:00:00Z\""
                                + " stale=\"2099-01-01T00:00:00Z\"><detail/></event>")
                        .getBytes(StandardCharsets.UTF_8)); // no point
                byte[] proto =
                        Base64.getDecoder().decode(made.get(1).get("proto").asText());
                out.write(0xbf); // TAK protocol v1 streaming: 0xbf, varint length, TakMessage
                out.write(proto.length & 0x7f | 0x80);
                out.write(proto.length >>> 7);
                out.write(proto);
                out.flush();
                // the SA mesh: the mesh header and a TakMessage, and a datagram of garbage
                byte[] marker =
                        Base64.getDecoder().decode(made.get(2).get("proto").asText());
                byte[] d = new byte[marker.length + 3];
                d[0] = (byte) 0xbf;
                d[1] = 1;
                d[2] = (byte) 0xbf;
                System.arraycopy(marker, 0, d, 3, marker.length);
                mesh.send(new DatagramPacket(d, d.length, LOOPBACK, udp.port()));
                byte[] junk = {(byte) 0xbf, 1, (byte) 0xbf, (byte) 0xff, (byte) 0xff, 3};
                mesh.send(new DatagramPacket(junk, junk.length, LOOPBACK, udp.port()));

                Map<String, JsonNode> byUid = new HashMap<>();
                JsonNode tak2 = null;
                for (int tries = 0; tries < 100 && byUid.size() < 3; tries++) {
                    Thread.sleep(100);
                    tak2 = DemoFixture.getJson(port, "/api/tak");
                    byUid.clear();
                    for (JsonNode f : tak2.get("features"))
                        byUid.put(f.get("id").asText(), f);
                }
                assertThat(byUid).containsOnlyKeys("ANDROID-bravo1", "ANDROID-bravo2", "marker-1");
                JsonNode b1 = byUid.get("ANDROID-bravo1");
                assertThat(b1.get("properties").get("callsign").asText()).isEqualTo("BRAVO 1");
                assertThat(b1.get("properties").get("type").asText()).isEqualTo("a-f-G-U-C");
                assertThat(b1.get("properties").get("remarks").asText()).isEqualTo("patrol");
                assertThat(b1.get("geometry").get("coordinates").get(0).asDouble())
                        .isCloseTo(28.5, within(1e-9));
                assertThat(b1.get("geometry").get("coordinates").get(1).asDouble())
                        .isCloseTo(43.25, within(1e-9));
                JsonNode b2 = byUid.get("ANDROID-bravo2");
                assertThat(b2.get("properties").get("callsign").asText()).isEqualTo("BRAVO 2");
                assertThat(b2.get("geometry").get("coordinates").get(1).asDouble())
                        .isCloseTo(43.5, within(1e-9));
                assertThat(byUid.get("marker-1").get("properties").get("source").asText())
                        .startsWith("udp");
                JsonNode rejected = tak2.get("counters").get("rejected");
                assertThat(rejected.get("bad_xml").asLong()).isEqualTo(1);
                assertThat(rejected.get("bad_event").asLong()).isEqualTo(1);
                assertThat(rejected.get("bad_proto").asLong()).isEqualTo(1);
                assertThat(client.connects()).isEqualTo(2);
            }
        }
    }

    private static String feature(String uid, String type, String callsign, double lon, double lat) {
        return "{\"type\":\"Feature\",\"id\":\"" + uid + "\",\"properties\":{\"type\":\"" + type
                + "\",\"how\":\"m-g\",\"callsign\":\"" + callsign
                + "\",\"remarks\":\"patrol\",\"time\":\"2026-12-07T11:00:00Z\",\"start\":\"2026-12-07T11:00:00Z\","
                + "\"stale\":\"2099-01-01T00:00:00Z\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":["
                + lon + "," + lat + ",120]}}";
    }

    /** Reads until {@code count} occurrences of {@code end} (or 30 s). */
    private static String read(InputStream in, String end, int count) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long until = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < until) {
            int n = in.read(buf);
            if (n < 0) break;
            b.write(buf, 0, n);
            String s = b.toString(StandardCharsets.UTF_8);
            if (s.split(end, -1).length > count) return s;
        }
        return b.toString(StandardCharsets.UTF_8);
    }
}
