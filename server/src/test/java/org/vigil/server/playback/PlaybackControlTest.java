package org.vigil.server.playback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.server.cli.Theatres;

/**
 * The playback's REST controls on a real server over a recording of the default scenario: state,
 * pause holds the position, seek while paused rebuilds the picture at the target, speed, the end of
 * the period; every operator action refused with 409; the alert list for "jump to alert".
 */
@Timeout(180)
class PlaybackControlTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static PlaybackRecording rec;
    static RecordingPlayback playback;
    static RecordingPlaybackServer server;
    static final AtomicLong events = new AtomicLong();
    static final HttpClient http = HttpClient.newHttpClient();
    static String base;

    @BeforeAll
    static void start() throws Exception {
        rec = new PlaybackRecording(dir, 240);
        // 1x from the start: slow enough that pause, seek and speed are seen to act
        playback = new RecordingPlayback(
                Theatres.builtIn("black-sea-2022"),
                rec.recorder.raw(),
                rec.radars,
                rec.startNanos,
                rec.lastNanos() + 1,
                1,
                e -> events.incrementAndGet());
        server = new RecordingPlaybackServer(playback, rec.recorder.events(), "127.0.0.1", 0, null, "test");
        base = "http://127.0.0.1:" + server.start();
        playback.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
        if (playback != null) playback.close();
        if (rec != null) rec.close();
    }

    static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
        b.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = send("GET", path, null);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> r = send("POST", path, body);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static JsonNode awaitState(java.util.function.Predicate<JsonNode> ok) throws Exception {
        long end = System.currentTimeMillis() + 60_000;
        JsonNode s;
        do {
            s = get("/api/replay");
            if (ok.test(s)) return s;
            Thread.sleep(50);
        } while (System.currentTimeMillis() < end);
        throw new AssertionError("state never reached: " + s);
    }

    @Test
    void pauseSeekSpeedAndTheEndOfThePeriod() throws Exception {
        JsonNode s = get("/api/replay");
        assertThat(s.path("is_replay").asBoolean()).isTrue();
        assertThat(s.path("from_ns").asLong()).isEqualTo(rec.startNanos);
        assertThat(s.path("speed").asDouble()).isEqualTo(1.0);
        awaitState(n -> n.path("position_ns").asLong() > rec.startNanos);

        s = post("/api/replay/pause", null);
        assertThat(s.path("paused").asBoolean()).isTrue();
        long held = awaitState(n -> true).path("position_ns").asLong();
        Thread.sleep(400);
        assertThat(get("/api/replay").path("position_ns").asLong())
                .as("paused: position holds")
                .isEqualTo(held);

        // seek while paused: a picture rebuilt at the target, still paused there
        long target = rec.startNanos + 150_000_000_000L;
        post("/api/replay/seek", "{\"time_ns\":" + target + "}");
        s = awaitState(
                n -> !n.path("seeking").asBoolean() && n.path("position_ns").asLong() == target);
        assertThat(s.path("paused").asBoolean()).isTrue();
        assertThat(JSON.readTree(send("GET", "/api/tracks", null).body()).size())
                .as("tracks at the target")
                .isGreaterThan(5);
        assertThat(get("/api/aircraft").size()).isGreaterThan(5);

        // 4x: data time moves about four times the wall time
        post("/api/replay/speed", "{\"speed\":4}");
        long p0 = get("/api/replay").path("position_ns").asLong();
        post("/api/replay/resume", null);
        Thread.sleep(1500);
        long moved = get("/api/replay").path("position_ns").asLong() - p0;
        assertThat(moved).as("data time moved at 4x in 1.5 s").isBetween(2_500_000_000L, 9_000_000_000L);

        s = post("/api/replay/speed", "{\"speed\":\"max\"}");
        assertThat(s.path("speed").asText()).isEqualTo("max");
        s = awaitState(n -> n.path("finished").asBoolean());
        assertThat(s.path("events").asLong()).isGreaterThan(100).isEqualTo(events.get());

        // a seek after the end plays again from there
        post(
                "/api/replay/seek",
                "{\"time\":\"" + java.time.Instant.ofEpochSecond(0, rec.startNanos + 60_000_000_000L) + "\"}");
        awaitState(n -> !n.path("finished").asBoolean());
        awaitState(n -> n.path("finished").asBoolean());
    }

    @Test
    void badControlsAreRefusedWithTheirReason() throws Exception {
        HttpResponse<String> r = send("POST", "/api/replay/speed", "{\"speed\":-2}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("speed");
        r = send("POST", "/api/replay/seek", "{\"time\":\"yesterday\"}");
        assertThat(r.statusCode()).isEqualTo(400);
    }

    @Test
    void everyOperatorActionIsRefusedDuringReplay() throws Exception {
        String[][] writes = {
            {"POST", "/api/alerts/1/acknowledge", "{}"},
            {"POST", "/api/alerts/1/assign", "{\"assignee\":\"x\"}"},
            {"POST", "/api/alerts/1/resolve", "{\"resolution\":\"x\"}"},
            {"POST", "/api/tracks/3/identity", "{\"identity\":\"hostile\",\"reason\":\"x\"}"},
            {"DELETE", "/api/tracks/3/identity", null},
            {"POST", "/api/tracks/3/radio-contact", "{\"lost\":true}"},
            {"POST", "/api/tracks/3/no-reply", "{\"secondsAgo\":10}"},
            {"POST", "/api/scrambles", "{\"track\":3}"},
            {"POST", "/api/scrambles/1/order", "{}"},
            {"PUT", "/api/qra/detachments/1/readiness", "{}"},
        };
        for (String[] w : writes) {
            HttpResponse<String> r = send(w[0], w[1], w[2]);
            assertThat(r.statusCode()).as(w[0] + " " + w[1]).isEqualTo(409);
            assertThat(r.body()).as(w[0] + " " + w[1]).contains(RecordingPlaybackServer.REFUSAL);
        }
        // reading the replayed picture's alerts is fine
        assertThat(get("/api/alerts").path("replay").asBoolean()).isTrue();
    }

    @Test
    void alertsOfThePeriodComeFromTheRecordedEventsWithWhereToJump() throws Exception {
        JsonNode alerts = get("/api/replay/alerts");
        assertThat(alerts.size())
                .as("the default scenario raises alerts in four minutes")
                .isGreaterThan(0);
        for (JsonNode a : alerts) {
            assertThat(a.path("alert").asLong()).isPositive();
            assertThat(a.path("rule").asText()).isNotEmpty();
            assertThat(a.path("seek_to_ns").asLong())
                    .isBetween(rec.startNanos, a.path("time_ns").asLong());
        }
    }
}
