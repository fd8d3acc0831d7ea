package org.vigil.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigil.codec.feed.FeedCounters;
import org.vigil.codec.feed.FrameSink;
import org.vigil.server.cli.Theatres;
import org.vigil.server.feed.SensorHealth;
import org.vigil.server.recording.RecordingTap;

/**
 * Issue 13, on the wall clock: a started server gets a few frames of a feed, which then stops. The
 * server's one-second clock ticks carry on: within the configured timeout (2 s here) plus a tick
 * {@code /api/health} is {@code degraded} naming the feed as lost, and {@code /api/aircraft} shows the
 * aircraft's position age growing with the clock although no message came.
 */
class LiveClockTest {
    private static final byte[] EVEN = HexFormat.of().parseHex("8D40621D58C382D690C8AC2863A7");
    private static final byte[] ODD = HexFormat.of().parseHex("8D40621D58C386435CC412692AD6");

    @Test
    @Timeout(60)
    void whenTheFeedStopsHealthDegradesAndAgesGrowWithTheClock() throws Exception {
        feedStops(Long.MIN_VALUE);
    }

    /**
     * A capture played live carries its own (old) times: the clock is anchored on them and runs
     * at the wall clock's pace from there, so the aircraft are not expired at once for being
     * years old, and the feed still goes lost when it stops.
     */
    @Test
    @Timeout(60)
    void dataWithItsOwnOldTimesAnchorsTheClock() throws Exception {
        feedStops(org.vigil.core.event.EventTime.parse("2022-04-20T09:00:00.000Z"));
    }

    /** @param dataT0 the frames' data time, Long.MIN_VALUE: the wall clock when they are sent */
    private void feedStops(long dataT0) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        try (LiveServer server = new LiveServer(Theatres.builtIn("black-sea-2022"), "127.0.0.1", 0)) {
            server.picture().healthConfig(SensorHealth.Config.DEFAULTS.withSilenceSeconds(2));
            int port = server.start();
            FrameSink feed = server.frameConsumerFor(new FeedCounters(), "rx-test", RecordingTap.WALL_CLOCK);
            long t0 = dataT0 == Long.MIN_VALUE ? RecordingTap.WALL_CLOCK.getAsLong() : dataT0;
            server.loop().runAndWait(() -> {
                feed.onFrame(EVEN, 0, EVEN.length, t0, -1, 0);
                feed.onFrame(ODD, 0, ODD.length, t0 + 100_000_000L, -1, 0);
            });
            long stopped = System.nanoTime();

            JsonNode health = get(http, json, port, "/api/health");
            while (!"degraded".equals(health.path("status").asText()) && System.nanoTime() - stopped < 20e9) {
                Thread.sleep(100);
                health = get(http, json, port, "/api/health");
            }
            double tookS = (System.nanoTime() - stopped) / 1e9;
            assertThat(health.path("status").asText()).isEqualTo("degraded");
            assertThat(health.path("degraded").toString()).contains("rx-test: lost (no data for 2 s)");
            // the timeout, then at most one tick and one snapshot later (plus a slow machine's slack)
            assertThat(tookS).isGreaterThan(2).isLessThan(6);

            JsonNode aircraft = get(http, json, port, "/api/aircraft");
            assertThat(aircraft).hasSize(1);
            double age = aircraft.get(0).path("position_age_s").asDouble();
            assertThat(age).isGreaterThan(2);
            // the clock ticks once a second: poll (bounded) instead of trusting one sleep on a loaded machine
            long asked = System.nanoTime();
            double later = age;
            while (later <= age + 0.5 && System.nanoTime() - asked < 10e9) {
                Thread.sleep(250);
                later = get(http, json, port, "/api/aircraft")
                        .get(0)
                        .path("position_age_s")
                        .asDouble();
            }
            assertThat(later)
                    .as("the age grows with the clock, no message having come")
                    .isGreaterThan(age + 0.5);
            assertThat(health.path("input").asText()).isEqualTo("live");
        }
    }

    private static JsonNode get(HttpClient http, ObjectMapper json, int port, String path) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return json.readTree(r.body());
    }
}
