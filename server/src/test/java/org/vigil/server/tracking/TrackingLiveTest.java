package org.vigil.server.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.core.track.Rejection;
import org.vigil.core.track.TrackerConfig;
import org.vigil.server.replay.ReplayFiles;
import org.vigil.server.sim.ScenarioLoader;
import org.vigil.server.sim.SimRunner;
import org.vigil.server.web.WebServer;
import org.vigil.server.web.WebSettings;

/**
 * The live arrangement: a tracking pipeline that knows no sensor in advance (centred on the first
 * thing heard, radars registered from their north markers), fed with 3 minutes of the default
 * scenario, and its system tracks served at {@code /api/tracks}.
 */
class TrackingLiveTest {
    static TrackingPipeline pipeline;

    @BeforeAll
    static void feed() throws Exception {
        Path dir = Files.createTempDirectory("vigil-tracking-live");
        SimRunner.run(ScenarioLoader.load("black-sea-2022"), dir, 180, null);
        pipeline = TrackingPipeline.startingWhereDataIs(new TrackerConfig(), null);
        ReplayFiles run = ReplayFiles.open(dir);
        run.run(org.vigil.server.replay.ReplaySinks.none().withFrames(pipeline).withPlots(pipeline));
        pipeline.finish();
    }

    @Test
    void systemTracksFuseRadarAndAdsbWithoutSensorsConfiguredInAdvance() {
        List<SystemTrackView> tracks = pipeline.views(true);
        assertThat(tracks).hasSizeGreaterThan(20);
        assertThat(tracks).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo("confirmed");
            assertThat(t.lat()).isBetween(35.0, 50.0);
            assertThat(t.lon()).isBetween(18.0, 48.0);
            assertThat(t.trackDeg()).isBetween(0.0, 360.0);
        });
        // radars learnt from their north markers: tracks fused from radar and ADS-B exist
        assertThat(tracks)
                .anySatisfy(t -> assertThat(t.sensors()).contains("ADS-B").hasSizeGreaterThan(1));
        // the Il-20 without transponder: a primary-only track with no identity and no altitude
        assertThat(tracks).anySatisfy(t -> {
            assertThat(t.primaryOnly()).isTrue();
            assertThat(t.icao()).isNull();
            assertThat(t.altitudeFt()).isNull();
        });
        assertThat(tracks).anySatisfy(t -> assertThat(t.callsign()).isEqualTo("ROT263"));
        assertThat(tracks)
                .extracting(SystemTrackView::trackNumber)
                .doesNotHaveDuplicates()
                .isSorted();
        // the only plots refused are those before their radar's first north marker (at most one scan each)
        long unknown = pipeline.withTracker(tr -> tr.rejected(Rejection.UNKNOWN_SENSOR));
        assertThat(unknown).isLessThan(300);
    }

    @Test
    void apiTracksServesTheSystemTracksInSnakeCase() throws Exception {
        WebServer server = new WebServer(
                        WebSettings.defaults()
                                .withBindAddress("127.0.0.1")
                                .withPort(0)
                                .withVersion("t"),
                        List::of,
                        List::of,
                        Map::of)
                .tracks(() -> pipeline.views(true));
        int port = server.start();
        try {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/tracks"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode a = new ObjectMapper().readTree(r.body());
            assertThat(a.isArray()).isTrue();
            assertThat(a.size()).isEqualTo(pipeline.views(true).size());
            JsonNode first = a.get(0);
            assertThat(first.has("track_number")).isTrue();
            assertThat(first.has("speed_kt")).isTrue();
            assertThat(first.get("sensors").isArray()).isTrue();
            assertThat(first.get("trail").isArray()).isTrue();
            assertThat(first.get("trail").get(0).size()).isBetween(2, 3); // [lon, lat, alt_ft]
        } finally {
            server.stop();
        }
    }
}
