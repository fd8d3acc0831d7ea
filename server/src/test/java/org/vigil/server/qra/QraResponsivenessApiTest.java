package org.vigil.server.qra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.qra.scramble.Fighters;
import org.vigil.core.qra.scramble.ScrambleConfig;
import org.vigil.core.qra.scramble.ScrambleService;
import org.vigil.server.auth.Role;
import org.vigil.server.theatre.TestTheatres;

/** GET /api/qra/responsiveness: grid + isochrones as GeoJSON for the posture; POST: the same for a what-if, posture unchanged. */
class QraResponsivenessApiTest {
    @TempDir
    Path dir;

    @Test
    void mapForThePostureAndForAWhatIf() throws Exception {
        ScrambleService service = new ScrambleService(
                TestTheatres.posture("black-sea-2022"), ScrambleConfig.defaults(), Fighters.NONE, null);
        service.onTrackUpdate(1, 1_650_445_200_000_000_000L, 43.4, 30.0, 24_000, 300, 245, -1, 0); // 2022-04-20T09:00Z
        ObjectMapper json = new ObjectMapper();
        try (QraApiFixture f = new QraApiFixture(dir, service)) {
            f.addUser("obi", Role.OBSERVER, "obi-passphrase-12");
            String obi = f.login("obi", "obi-passphrase-12");
            var r = f.send(
                    "GET",
                    "/api/qra/responsiveness?level=350&speed=350&motion=stationary&resolution=20&isochrones=20,30,45",
                    obi,
                    null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode now = json.readTree(r.body());
            System.out.println("responsiveness stats " + now.path("stats") + ", lines per isochrone "
                    + now.path("features").findValues("coordinates").stream()
                            .map(JsonNode::size)
                            .toList());
            assertThat(now.path("type").asText()).isEqualTo("FeatureCollection");
            assertThat(now.path("features")).hasSize(3);
            assertThat(now.path("features")
                            .get(0)
                            .path("properties")
                            .path("minutes")
                            .asDouble())
                    .isEqualTo(20);
            JsonNode first = now.path("features").get(1);
            assertThat(first.path("geometry").path("type").asText()).isEqualTo("MultiLineString");
            JsonNode pt = first.path("geometry").path("coordinates").get(0).get(0);
            assertThat(pt.get(0).asDouble()).as("GeoJSON order: lon first").isBetween(20.0, 45.0);
            assertThat(pt.get(1).asDouble()).isBetween(39.0, 48.0);
            JsonNode grid = now.path("grid");
            assertThat(grid.path("minutes"))
                    .hasSize(grid.path("rows").asInt() * grid.path("columns").asInt());
            double worstNow = now.path("stats").path("worstCoveredMinutes").asDouble();
            double meanNow = now.path("stats").path("meanMinutes").asDouble();
            assertThat(meanNow).isGreaterThan(10);

            // what-if: the Typhoons and F-16s go home and nothing replaces them -> the east of the area gets slower
            var w = f.send(
                    "POST",
                    "/api/qra/responsiveness?level=350&speed=350&motion=stationary&resolution=20",
                    obi,
                    "{\"remove\":[\"DE-EUFI-LRCK\",\"RO-F16-LRFT\"]}");
            assertThat(w.statusCode()).as(w.body()).isEqualTo(200);
            JsonNode whatIf = json.readTree(w.body());
            assertThat(whatIf.path("units")).hasSize(2);
            assertThat(whatIf.path("stats").path("meanMinutes").asDouble()).isGreaterThan(meanNow);
            assertThat(service.postureCopy().size())
                    .as("a what-if changes nothing")
                    .isEqualTo(4);
            assertThat(worstNow).isPositive();

            assertThat(f.send("GET", "/api/qra/responsiveness?resolution=0.01", obi, null)
                            .statusCode())
                    .isEqualTo(400);
            assertThat(f.send("POST", "/api/qra/responsiveness", obi, "{\"remove\":[\"NOPE\"]}")
                            .statusCode())
                    .isEqualTo(400);
        }
    }
    /** The Baltic theatre's rotations 37 and 38 hand over on 1 May 2015: the weekly report shows who held which base. */
    @Test
    void weeklyReportOverTheBalticRotations() throws Exception {
        ScrambleService service = new ScrambleService(
                org.vigil.server.theatre.TheatreLoader.load("baltic").posture(),
                ScrambleConfig.defaults(),
                Fighters.NONE,
                null);
        ObjectMapper json = new ObjectMapper();
        try (QraApiFixture f = new QraApiFixture(dir, service)) {
            f.addUser("obi", Role.OBSERVER, "obi-passphrase-12");
            String obi = f.login("obi", "obi-passphrase-12");
            String box = "&south=53&north=60.5&west=18&east=29&level=350&speed=300&resolution=25";
            var r = f.send("GET", "/api/qra/responsiveness/weekly?from=2015-04-20&to=2015-05-10" + box, obi, null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode weeks = json.readTree(r.body()).path("weeks");
            System.out.println("weekly " + weeks);
            assertThat(weeks).hasSize(3);
            assertThat(weeks.get(0).path("bases").path("EEEI").get(0).asText()).startsWith("ES EUFI x2");
            assertThat(weeks.get(2).path("bases").path("EEEI").get(0).asText()).startsWith("GB EUFI x2");
            assertThat(weeks.get(1).path("changes").get(0).asText())
                    .startsWith("2015-05-01:")
                    .contains("+GB-EUFI-EEEI", "-ES-EUFI-EEEI", "+NO-F16-EYSA", "-PL-MG29-EYSA");
            assertThat(weeks.get(1).path("days").asInt()).isEqualTo(7);
            assertThat(weeks.get(0).path("meanCoveredShare").asDouble()).isBetween(0.01, 1.0);
            assertThat(weeks.get(0).path("meanMinutes").asDouble()).isPositive();

            assertThat(f.send("GET", "/api/qra/responsiveness/weekly?from=2015-05-10&to=2015-04-20", obi, null)
                            .statusCode())
                    .isEqualTo(400);
            assertThat(f.send("GET", "/api/qra/responsiveness/weekly?from=May&to=2015-04-20", obi, null)
                            .statusCode())
                    .isEqualTo(400);
        }
    }
}
