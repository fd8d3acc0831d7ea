package org.vigil.server.theatre;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code areas:} part of a theatre: the built-ins' areas, ownership, margin, and checked errors. */
class TheatreAreasTest {
    @TempDir
    Path dir;

    @Test
    void builtInTheatresHaveThreeAreasEach() throws Exception {
        TheatreAreas black = TheatreLoader.areas("black-sea-2022");
        assertThat(black.areas()).extracting(TheatreAreas.Area::name).containsExactly("west", "coast", "east");
        assertThat(black.marginKm()).isEqualTo(50);
        assertThat(black.ownerOf(44.4, 26.1).name()).isEqualTo("west"); // Bucharest
        assertThat(black.ownerOf(44.2, 28.6).name()).isEqualTo("coast"); // Constanta
        assertThat(black.ownerOf(44.6, 33.5).name()).isEqualTo("east"); // Sevastopol
        assertThat(black.ownerOf(50.0, 30.0)).isNull(); // north of the theatre
        // the coast node also watches 50 km into the west area, not 100 km
        TheatreAreas.Area coast = black.area("coast");
        assertThat(black.watches(coast, 44.4, 26.6)).isTrue(); // ~32 km west of the boundary
        assertThat(black.watches(coast, 44.4, 25.8)).isFalse(); // ~95 km west
        TheatreAreas baltic = TheatreLoader.areas("baltic");
        assertThat(baltic.areas()).extracting(TheatreAreas.Area::name).containsExactly("south", "centre", "north");
        assertThat(baltic.ownerOf(54.69, 25.28).name()).isEqualTo("south"); // Vilnius
        assertThat(baltic.ownerOf(56.95, 24.11).name()).isEqualTo("centre"); // Riga
        assertThat(baltic.ownerOf(59.44, 24.75).name()).isEqualTo("north"); // Tallinn
        assertThat(TheatreLoader.areas("iceland")).isEqualTo(TheatreAreas.NONE);
    }

    @Test
    void badAreasAreProblemsWithTheirLine() throws Exception {
        for (String f : List.of(
                "theatre.yaml",
                "airports.csv",
                "clearances.yaml",
                "firs.geojson",
                "known-military.yaml",
                "qra.yaml",
                "scenario.yaml",
                "sensors.yaml",
                "zones.yaml")) {
            try (InputStream in = TheatreAreasTest.class.getResourceAsStream("/theatres/baltic/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        Files.writeString(dir.resolve("areas.yaml"), """
                margin-km: 50
                areas:
                  - name: south
                    box: {south: 53.5, north: 57.0, west: 19.0, east: 29.5}
                  - name: centre
                    box: {south: 56.45, north: 57.9, west: 19.0, east: 29.5}
                  - name: South
                    box: {south: 58, north: 57, west: 19.0, east: 29.5}
                  - name: north
                    box: {south: 57.9, north: 60.8, west: 19.0, east: 29.5}
                    colour: red
                """);
        List<TheatreProblem> problems = TheatreLoader.check(dir.toString());
        assertThat(problems)
                .map(TheatreProblem::toString)
                .anySatisfy(p -> assertThat(p).contains("areas.yaml:5:").contains("overlaps area south"));
        assertThat(problems)
                .map(TheatreProblem::toString)
                .anySatisfy(p -> assertThat(p).contains("areas.yaml:7:").contains("lower-case"));
        assertThat(problems)
                .map(TheatreProblem::toString)
                .anySatisfy(p -> assertThat(p).contains("areas.yaml:11:").contains("unknown field"));
        assertThat(problems).hasSize(3);
        Files.writeString(
                dir.resolve("areas.yaml"),
                "margin-km: 50\nareas:\n  - name: all\n    box: {south: 53.5, north: 60.8, west: 19.0, east: 29.5}\n");
        assertThat(TheatreLoader.check(dir.toString())).isEmpty();
        assertThat(TheatreLoader.areas(dir.toString()).areas()).hasSize(1);
    }
}
