package org.vigil.server.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.event.EventSink;
import org.vigil.core.radar.RadarSite;
import org.vigil.core.sim.RadarSpec;
import org.vigil.core.sim.Scenario;
import org.vigil.server.cli.Theatres;
import org.vigil.server.live.DemoScrambleRecording;
import org.vigil.server.recording.Recorder;
import org.vigil.server.recording.RecorderConfig;
import org.vigil.server.replay.ReplayController;
import org.vigil.server.sim.ScenarioLoader;
import org.vigil.server.sim.SimFeed;
import org.vigil.server.web.WebServer;

/**
 * Issue 16, replay: a playback serves the layers a live console has, as recorded at the playback
 * time. A recorded demo with a scramble (proposed at 7 min, ordered, airborne) played to its end:
 * {@code /api/scrambles} has the scramble with its recorded phase and callsigns, {@code
 * /api/qra/units} the unit at the readiness the supervisor set and its aircraft committed, {@code
 * /api/airspace} answers; the console in Chromium lists the scramble and marks the unit committed.
 * A jump to before the proposal clears both: no scramble, the unit back at its theatre readiness.
 */
class PlaybackQraLayersBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNIT = DemoScrambleRecording.UNIT;

    @TempDir
    Path dir;

    @Test
    @Timeout(420)
    void replayShowsPostureAndScramblesAsRecordedAndAJumpClearsThem() throws Exception {
        if (!Files.isExecutable(Paths.get("/usr/bin/chromium"))) fail("no browser at /usr/bin/chromium");
        if (!WebServer.consoleBundled()) fail("console not on the classpath");
        Scenario sc = ScenarioLoader.load("black-sea-2022");
        List<RadarSite> radars = new ArrayList<>();
        for (RadarSpec r : sc.radars()) radars.add(SimFeed.site(r));
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (Recorder rec = Recorder.open(RecorderConfig.embedded(dir))) {
            String id = DemoScrambleRecording.record(rec, sc);
            rec.sync();
            long from = rec.raw().firstReceiveNanos(), to = rec.raw().lastReceiveNanos() + 1;
            try (RecordingPlayback playback = new RecordingPlayback(
                            Theatres.builtIn("black-sea-2022"),
                            rec.raw(),
                            radars,
                            from,
                            to,
                            ReplayController.MAX_SPEED,
                            EventSink.NONE);
                    RecordingPlaybackServer server =
                            new RecordingPlaybackServer(playback, rec.events(), "127.0.0.1", 0, null, "test")) {
                int port = server.start();
                playback.start();
                assertThat(playback.awaitFinished(240_000))
                        .as("played to the end")
                        .isTrue();

                JsonNode scrambles = get(http, port, "/api/scrambles");
                assertThat(scrambles.size()).isEqualTo(1);
                JsonNode s = scrambles.get(0);
                assertThat(s.path("id").asText()).isEqualTo(id);
                assertThat(s.path("phase").asText()).isIn("airborne", "en-route");
                assertThat(s.path("callsigns").size()).isGreaterThan(0);
                assertThat(s.path("orderedBy").asText()).isNotEmpty();
                assertThat(unit(get(http, port, "/api/qra/units"))
                                .path("readiness")
                                .asText())
                        .isEqualTo("QRA-5");
                assertThat(get(http, port, "/api/qra/posture").path("units").size())
                        .isGreaterThan(1);
                assertThat(get(http, port, "/api/airspace").path("type").asText())
                        .isEqualTo("FeatureCollection");

                try (Playwright pw = Playwright.create(new Playwright.CreateOptions()
                                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                        Browser browser = pw.chromium()
                                .launch(new BrowserType.LaunchOptions()
                                        .setExecutablePath(Paths.get("/usr/bin/chromium"))
                                        .setHeadless(true)
                                        .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu")))) {
                    // the server's content security policy forbids eval: the test's predicates need it
                    Page page = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true))
                            .newPage();
                    page.setDefaultTimeout(60_000);
                    page.navigate("http://127.0.0.1:" + port + "/");
                    page.waitForFunction("() => window.vigil && window.vigil.connText() === 'REPLAY'");
                    page.waitForSelector("li.scramble[data-scramble='" + id + "']");
                    assertThat(page.locator("li.scramble[data-scramble='" + id + "']")
                                    .getAttribute("class"))
                            .containsAnyOf("airborne", "en-route");
                    page.waitForSelector("#qra-units tr.committed[data-unit='" + UNIT + "']");

                    // a jump to a minute before the proposal (paused there): the layers are of that time
                    post(http, port, "/api/replay/pause", JSON.createObjectNode());
                    long before = sc.startEpochSeconds() * 1_000_000_000L
                            + (long) ((DemoScrambleRecording.PROPOSED_S - 60) * 1e9);
                    post(http, port, "/api/replay/seek", JSON.createObjectNode().put("time_ns", before));
                    long deadline = System.nanoTime() + 120_000_000_000L;
                    while (get(http, port, "/api/replay").path("seeking").asBoolean()
                            || get(http, port, "/api/replay")
                                            .path("position_ns")
                                            .asLong()
                                    < before) {
                        assertThat(System.nanoTime()).as("seek done").isLessThan(deadline);
                        Thread.sleep(200);
                    }
                    assertThat(get(http, port, "/api/scrambles").size()).isZero();
                    assertThat(unit(get(http, port, "/api/qra/units"))
                                    .path("readiness")
                                    .asText())
                            .isEqualTo("QRA-15");
                    page.waitForSelector(
                            "li.scramble[data-scramble='" + id + "']",
                            new Page.WaitForSelectorOptions()
                                    .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
                    page.waitForSelector("#qra-units tr[data-unit='" + UNIT + "']:not(.committed)");
                }
            }
        }
    }

    private static JsonNode unit(JsonNode units) {
        for (JsonNode u : units) if (UNIT.equals(u.path("id").asText())) return u;
        throw new AssertionError("no unit " + UNIT + " in " + units);
    }

    private static JsonNode get(HttpClient http, int port, String path) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static void post(HttpClient http, int port, String path, JsonNode body) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    }
}
