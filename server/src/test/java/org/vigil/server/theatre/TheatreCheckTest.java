package org.vigil.server.theatre;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.server.cli.VigilRun;

/** {@code vigil theatre check} on broken theatre files: every error with file, line and field; exit 1; no stack trace. */
class TheatreCheckTest {
    @TempDir
    Path dir;

    /** A posture whose one detachment has an unknown readiness, on line 9. */
    private static final String QRA_WITH_BAD_READINESS = String.join(
            "\n",
            "name: Broken posture", // 1
            "bases:", // 2
            "  - {icao: LBPG, name: Graf Ignatievo, lat: 42.29, lon: 24.71}", // 3
            "detachments:", // 4
            "  - id: BG-MG29", // 5
            "    base: LBPG", // 6
            "    type: MG29", // 7
            "    count: 2", // 8
            "    readiness: QRA-99"); // 9

    private static VigilRun check(String... args) {
        return VigilRun.of(args);
    }

    private void write(String name, String... lines) throws Exception {
        Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    @Test
    void everyErrorIsNamedWithFileLineAndFieldAndTheExitCodeIsOne() throws Exception {
        write(
                "theatre.yaml",
                "name: broken", // 1
                "area: {south: 40, north: 95, west: 20, east: 30}", // 2: north out of range
                "policed: [BG, XX]", // 3: XX is in no airspace data
                "polised: [RO]", // 4: misspelt key
                "zones: missing-zones.yaml", // 5: no such file
                "airports: airports.csv", // 6
                "qra: qra.yaml", // 7
                "scenario: scenario.yaml"); // 8  (title missing: reported at line 1)
        write(
                "qra.yaml",
                QRA_WITH_BAD_READINESS, // 1-9: line 9 has an unknown readiness
                "  - id: BG-F16", // 10
                "    base: LBPG", // 11
                "    type: F16", // 12
                "    count: 2", // 13
                "    readines: QRA-15"); // 14: misspelt key
        write(
                "airports.csv",
                "icao,name,lat,lon,elevation_ft", // 1
                "LBXX,Test field,42.1,24.5,300", // 2
                "LBYY,Bad field,north,24.6,300"); // 3: lat not a number
        write(
                "scenario.yaml",
                "name: broken-scenario", // 1
                "start: 2022-04-20T09:00:00Z", // 2
                "duration: ten minutes", // 3: not a duration
                "area: {south: 40, north: 45, west: 20, east: 30}"); // 4

        VigilRun r = check("theatre", "check", dir.toString());
        String t = dir + "/theatre.yaml";
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err())
                .contains(t + ":1: title: missing (required)")
                .contains(t + ":2: area.north: expected a number between -90.0 and 90.0, got '95'")
                .contains(t + ":3: policed[1]: state XX is not in the national airspace data")
                .contains(t + ":4: polised: unknown field")
                .contains(t + ":5: zones: no such file: " + dir + "/missing-zones.yaml")
                .contains(dir + "/qra.yaml:14: detachments[1].readines: unknown field")
                .contains(dir + "/airports.csv:3: lat: expected a number between -90.0 and 90.0, got 'north'")
                .contains(dir + "/scenario.yaml:3: duration: expected a duration such as 90s, 10m, 1h or 1h30m");
        // no stack trace, ever
        assertThat(r.err() + r.out()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aLoaderErrorIsPinnedToTheLineOfTheFieldItNames() throws Exception {
        write(
                "theatre.yaml",
                "name: almost",
                "title: Almost right",
                "area: {south: 40, north: 45, west: 20, east: 30}",
                "policed: [BG]",
                "qra: qra.yaml");
        write("qra.yaml", QRA_WITH_BAD_READINESS);
        VigilRun r = check("theatre", "check", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err())
                .contains(dir + "/qra.yaml:9: detachments[0].readiness: ")
                .contains("QRA-99");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aFirFileThatIsNotGeoJsonOrLacksIdsIsAnError() throws Exception {
        write(
                "theatre.yaml",
                "name: firs",
                "title: FIR check",
                "area: {south: 40, north: 45, west: 20, east: 30}",
                "policed: [BG]",
                "qra: qra.yaml",
                "firs: firs.geojson");
        write("qra.yaml", QRA_WITH_BAD_READINESS.replace("QRA-99", "QRA-15"));
        write(
                "firs.geojson",
                "{\"type\": \"FeatureCollection\", \"features\": [",
                "  {\"type\": \"Feature\", \"properties\": {\"id\": \"LBSR\"},",
                "   \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[20, 40], [30, 40], [30, 45], [20, 40]]]}},",
                "  {\"type\": \"Feature\", \"properties\": {},",
                "   \"geometry\": {\"type\": \"Point\", \"coordinates\": [25, 42]}}]}");
        VigilRun r = check("theatre", "check", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err())
                .contains(
                        dir + "/firs.geojson:0: features[1].geometry: expected a Polygon or MultiPolygon, got 'Point'")
                .contains(dir + "/firs.geojson:0: features[1].properties.id: missing");
        assertThat(r.err()).doesNotContain("features[0]").doesNotContain("\tat ");

        write("firs.geojson", "{\"type\": \"FeatureCollection\",", "  \"features\": [}");
        r = check("theatre", "check", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err())
                .contains(dir + "/firs.geojson:2: (json): not GeoJSON")
                .doesNotContain("\tat ");
    }

    @Test
    void brokenYamlIsReportedWithItsLine() throws Exception {
        write("theatre.yaml", "name: x", "title: [unclosed", "area: {south: 40}");
        VigilRun r = check("theatre", "check", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).containsPattern(java.util.regex.Pattern.quote(dir + "/theatre.yaml:") + "[23]: \\(yaml\\)");
        assertThat(r.err()).doesNotContain("\tat ");
    }

    @Test
    void aMissingDirectoryIsAnErrorNotACrash() {
        VigilRun r = check("theatre", "check", dir.resolve("nowhere").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("no such theatre directory").doesNotContain("\tat ");
    }

    @Test
    void theBuiltInTheatresAreValid() {
        for (String name : TheatreLoader.builtIns()) {
            VigilRun r = check("theatre", "check", name);
            assertThat(r.code()).as(name + ": " + r.err()).isZero();
            assertThat(r.out()).contains("valid theatre '" + name + "'");
        }
        VigilRun list = check("theatre", "list");
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("black-sea-2022", "baltic");
    }
}
