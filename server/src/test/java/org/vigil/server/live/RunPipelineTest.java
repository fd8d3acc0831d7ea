package org.vigil.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigil.codec.feed.BeastEncoder;
import org.vigil.codec.feed.FeedFormat;
import org.vigil.server.cli.Theatres;
import org.vigil.server.feed.TcpClientSource;

/**
 * What `vigil run --beast HOST:PORT` does, over real TCP on loopback: a receiver serves the rs1090
 * capture as Beast frames, with two frames whose parity was damaged; the picture holds the
 * aircraft and /api/feeds counts the damaged frames as bad_crc on that feed.
 */
class RunPipelineTest {

    @Test
    @Timeout(60)
    void beastReceiverFeedsThePictureAndBadCrcIsCountedOnTheFeed() throws Exception {
        byte[] stream = beastStreamWithTwoDamagedFrames();
        try (ServerSocket receiver = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                LiveServer server = new LiveServer(Theatres.builtIn("black-sea-2022"), "127.0.0.1", 0)) {
            Thread serve = new Thread(
                    () -> {
                        try (Socket s = receiver.accept();
                                OutputStream out = s.getOutputStream()) {
                            out.write(stream);
                            out.flush();
                            Thread.sleep(30_000); // keep the connection open like a receiver does
                        } catch (IOException | InterruptedException ignored) {
                            // test over
                        }
                    },
                    "test-receiver");
            serve.setDaemon(true);
            serve.start();

            server.feeds()
                    .add(new TcpClientSource(
                            "beast-test", "127.0.0.1", receiver.getLocalPort(), FeedFormat.BEAST, server.delivery()));
            int port = server.start();
            HttpClient http = HttpClient.newHttpClient();

            JsonNode feed = null;
            for (int i = 0; i < 200; i++) { // up to 20 s
                JsonNode feeds = get(http, port, "/api/feeds");
                feed = feeds.get(0);
                if (feed.get("frames_accepted").asLong()
                                + feed.path("rejects").path("bad_crc").asLong()
                        >= FRAMES) break;
                Thread.sleep(100);
            }
            assertThat(feed).isNotNull();
            assertThat(feed.get("rejects").get("bad_crc").asLong()).isEqualTo(2);
            // readers see the picture's published snapshot, at most one publishing period behind the feed counters
            JsonNode aircraft = get(http, port, "/api/aircraft");
            for (int i = 0; i < 50 && aircraft.size() < 9; i++) {
                Thread.sleep(100);
                aircraft = get(http, port, "/api/aircraft");
            }
            assertThat(aircraft.size()).isEqualTo(9); // the nine aircraft of the capture
            long named = 0;
            for (JsonNode a : aircraft) if (a.has("callsign")) named++;
            assertThat(named).isEqualTo(6);
        }
    }

    private static int FRAMES;

    private static JsonNode get(HttpClient http, int port, String path) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body());
    }

    /** Beast frames of short_flights.csv (MIT, rs1090); frames 100 and 200 get one parity bit flipped. */
    private static byte[] beastStreamWithTwoDamagedFrames() throws IOException {
        String csv;
        try (InputStream in = RunPipelineTest.class.getResourceAsStream("/modes/short_flights.csv")) {
            csv = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[BeastEncoder.MAX_ENCODED];
        int n = 0;
        for (String line : csv.split("\n")) {
            if (line.isBlank()) continue;
            String[] p = line.trim().split(",");
            byte[] frame = HexFormat.of().parseHex(p[1]);
            if (n == 100 || n == 200) frame[frame.length - 1] ^= 0x01;
            long mlat = (long) (Double.parseDouble(p[0]) * 12e6) & 0xFFFF_FFFF_FFFFL;
            int len = BeastEncoder.encode(frame, 0, frame.length, mlat, 100, buf, 0);
            out.write(buf, 0, len);
            n++;
        }
        FRAMES = n;
        return out.toByteArray();
    }
}
