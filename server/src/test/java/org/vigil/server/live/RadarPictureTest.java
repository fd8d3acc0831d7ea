package org.vigil.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.geo.GeodesicDirect;
import org.vigil.server.cli.Theatres;
import org.vigil.server.radar.RadarConfig;

/**
 * What `vigil run --radar-config FILE` does with a recorded radar: the CroatiaControl pcap of
 * CAT034/CAT048 is read, its plots placed from the configured radar site and served at
 * /api/plots; the radar's CAT034 north markers show as its status on /api/feeds.
 */
class RadarPictureTest {
    // The radar site is configured by us (the sample does not say where SAC 25 / SIC 201 stands).
    private static final double RADAR_LAT = 45.0, RADAR_LON = 16.0;

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void recordedRadarPlotsReachTheConsoleApi() throws Exception {
        Path pcap = dir.resolve("cat_034_048.pcap");
        try (InputStream in = getClass().getResourceAsStream("/asterix/cat_034_048.pcap")) {
            Files.copy(in, pcap, StandardCopyOption.REPLACE_EXISTING);
        }
        Path config = dir.resolve("radars.json");
        Files.writeString(config, """
                {"radars": [{"name": "test-head", "sac": 25, "sic": 201, "lat": %s, "lon": %s, "heightMetres": 100,
                             "rotationPeriodSeconds": 4.0}],
                 "feeds": [{"name": "recording", "type": "file", "path": "cat_034_048.pcap", "format": "pcap"}]}
                """.formatted(RADAR_LAT, RADAR_LON));

        try (LiveServer server = new LiveServer(Theatres.builtIn("black-sea-2022"), "127.0.0.1", 0)) {
            RadarConfig.Setup setup = RadarConfig.load(config).build(server.radarSink(), server.radarLock());
            setup.sources().forEach(server.feeds()::add);
            int port = server.start();
            HttpClient http = HttpClient.newHttpClient();
            JsonNode plots = null;
            for (int i = 0; i < 100 && (plots == null || plots.size() == 0); i++) {
                Thread.sleep(100);
                plots = get(http, port, "/api/plots");
            }
            assertThat(plots).isNotNull();
            assertThat(plots.size()).isGreaterThan(0);
            JsonNode dlh = null;
            for (JsonNode p : plots) {
                assertThat(p.get("radar").asText()).isEqualTo("25/201");
                if ("3C660C".equals(p.path("icao").asText())) dlh = p;
            }
            // The capture holds DLH65A (3C660C), FL330, 197.68 NM at 340.14 degrees from the radar in
            // its first record; later reports of it differ little over a few scans.
            assertThat(dlh).as("plot of 3C660C").isNotNull();
            assertThat(dlh.get("callsign").asText()).isEqualTo("DLH65A");
            assertThat(dlh.get("altitude_ft").asInt()).isBetween(32_000, 34_000);
            GeodesicDirect g = new GeodesicDirect();
            g.solve(RADAR_LAT, RADAR_LON, Math.toRadians(340.14), 197.68 * 1852);
            assertThat(dlh.get("lat").asDouble()).isCloseTo(g.latDeg, within(0.3));
            assertThat(dlh.get("lon").asDouble()).isCloseTo(g.lonDeg, within(0.3));

            JsonNode feed = get(http, port, "/api/feeds").get(0);
            assertThat(feed.get("name").asText()).isEqualTo("recording");
        }
    }

    private static JsonNode get(HttpClient http, int port, String path) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body());
    }
}
