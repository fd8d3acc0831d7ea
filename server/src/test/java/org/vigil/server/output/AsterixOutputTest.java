package org.vigil.server.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigil.codec.asterix.AsterixDecoder;
import org.vigil.codec.asterix.AsterixSpecs;
import org.vigil.codec.asterix.Cat062Record;
import org.vigil.core.Callsigns;
import org.vigil.server.live.LiveServer;
import org.vigil.server.output.asterix.AsterixOutput;
import org.vigil.server.output.net.MulticastSender;
import org.vigil.server.sim.LiveSimulation;

/**
 * The demo picture as CAT062 datagrams, decoded by Vigil's own ASTERIX decoder: every track of
 * /api/tracks is there with its number, position, velocity, Mode 3/A, address, callsign, flight
 * level, status and age. (Wireshark's dissector reads the same writer: Cat062WriterTest.)
 */
class AsterixOutputTest {
    @Test
    @Timeout(300)
    void systemTracksAsCat062() throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (LiveServer server = DemoFixture.server();
                DatagramSocket rx = new DatagramSocket(0, lo)) {
            server.addInput(new AsterixOutput(
                    server,
                    new MulticastSender("asterix", "127.0.0.1", new InetSocketAddress(lo, rx.getLocalPort()), 1),
                    25,
                    100,
                    43.5,
                    30.0,
                    0.3,
                    Map.of("Varna", 10 << 8 | 2))); // the radar's own SAC/SIC, as --asterix-sensor gives it
            LiveSimulation sim = DemoFixture.scenario(server);
            int port = server.start();
            sim.advanceTo(6 * 60);
            server.loop().runAndWait(server.picture()::publish);
            JsonNode before = DemoFixture.getJson(port, "/api/tracks");
            rx.setSoTimeout(300);
            Map<String, double[]> got = new HashMap<>();
            Map<String, String> text = new HashMap<>();
            Cat062Record v = new Cat062Record();
            // CAT063 and CAT065 are not among the categories decoded from inputs by default
            Map<Integer, org.vigil.codec.asterix.CategorySpec> editions = new HashMap<>(AsterixSpecs.current());
            editions.put(63, AsterixSpecs.edition(63, "1.7"));
            editions.put(65, AsterixSpecs.edition(65, "1.6"));
            AsterixDecoder dec = new AsterixDecoder(editions);
            Map<Integer, Integer> services = new HashMap<>();
            java.util.Set<String> sensorIds = new java.util.TreeSet<>();
            byte[] buf = new byte[2048];
            long end = System.nanoTime() + 3_000_000_000L;
            int datagrams = 0;
            while (System.nanoTime() < end) {
                DatagramPacket d = new DatagramPacket(buf, buf.length);
                try {
                    rx.receive(d);
                } catch (java.net.SocketTimeoutException e) {
                    continue;
                }
                datagrams++;
                assertThat(d.getLength()).isLessThanOrEqualTo(AsterixOutput.MAX_DATAGRAM);
                int n = dec.decode(buf, 0, d.getLength(), r -> {
                    if (r.category() != 62) {
                        services.merge(r.category(), 1, Integer::sum);
                        if (r.category() == 63)
                            sensorIds.add((int) org.vigil.codec.asterix.FieldRef.resolve(editions.get(63), "050", "SAC")
                                            .value(r)
                                    + "/"
                                    + (int) org.vigil.codec.asterix.FieldRef.resolve(editions.get(63), "050", "SIC")
                                            .value(r));
                        return;
                    }
                    v.wrap(r);
                    assertThat(v.sac()).isEqualTo(25);
                    assertThat(v.sic()).isEqualTo(100);
                    String key = v.trackNumber() + "@" + Math.round(v.timeOfTrackSeconds() * 128);
                    got.put(key, new double[] {
                        v.latitudeDeg(),
                        v.longitudeDeg(),
                        v.vxMps(),
                        v.vyMps(),
                        v.mode3A(),
                        v.address(),
                        v.tentative(),
                        v.measuredFlightLevel(),
                        v.xMetres(),
                        v.yMetres()
                    });
                    text.put(
                            key,
                            v.callsign() == 0
                                    ? null
                                    : Callsigns.unpack(v.callsign()).trim());
                });
                assertThat(n).isPositive();
            }
            JsonNode after = DemoFixture.getJson(port, "/api/tracks");
            assertThat(datagrams).isGreaterThan(1);
            assertThat(dec.stats().rejectedTotal()).isZero();
            // every period: a CAT063 report per sensor of the demo (its radars and ADS-B), CAT065 status and end of
            // batch
            assertThat(services.get(65)).isGreaterThanOrEqualTo(2 * 3);
            assertThat(services.get(63)).isGreaterThanOrEqualTo(3);
            // I063/050: the configured radar as itself, the others as the output's SAC and SICs numbered from 1
            assertThat(sensorIds).contains("10/2", "25/1", "25/2");
            assertThat(sensorIds).allMatch(id -> id.equals("10/2") || id.startsWith("25/"));
            int matched = 0;
            for (JsonNode list : List.of(before, after)) {
                for (JsonNode t : list) {
                    long tod128 = Math.round(Math.floorMod(t.get("time_ms").asLong(), 86_400_000L) / 1000.0 * 128);
                    String key = t.get("track_number").asInt() + "@" + tod128;
                    double[] g = got.get(key);
                    if (g == null) continue;
                    matched++;
                    double lsb = 180.0 / (1 << 25);
                    assertThat(g[0]).isCloseTo(t.get("lat").asDouble(), within(lsb));
                    assertThat(g[1]).isCloseTo(t.get("lon").asDouble(), within(lsb));
                    double speed = Math.hypot(g[2], g[3]) / (1852.0 / 3600);
                    assertThat(speed).isCloseTo(t.get("speed_kt").asDouble(), within(0.5));
                    if (t.has("squawk"))
                        assertThat((int) g[4])
                                .isEqualTo(Integer.parseInt(t.get("squawk").asText(), 8));
                    if (t.has("icao"))
                        assertThat((int) g[5])
                                .isEqualTo(Integer.parseInt(t.get("icao").asText(), 16));
                    assertThat((int) g[6]).isEqualTo(t.get("status").asText().equals("tentative") ? 1 : 0);
                    if (t.has("altitude_ft"))
                        assertThat(g[7]).isCloseTo(t.get("altitude_ft").asDouble() / 100, within(0.125));
                    if (t.has("callsign"))
                        assertThat(text.get(key)).isEqualTo(t.get("callsign").asText());
                    // the Cartesian plane is centred on the origin: a track north-east of it has x, y > 0
                    if (t.get("lat").asDouble() > 43.6 && t.get("lon").asDouble() > 30.1) {
                        assertThat(g[8]).isPositive();
                        assertThat(g[9]).isPositive();
                    }
                }
            }
            assertThat(matched).isGreaterThan(before.size() / 2);
        }
    }
}
