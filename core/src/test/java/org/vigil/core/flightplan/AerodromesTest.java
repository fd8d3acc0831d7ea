package org.vigil.core.flightplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.vigil.core.geo.Sphere;
import org.vigil.core.geo.Units;

class AerodromesTest {
    private final Aerodromes table = Aerodromes.builtIn();

    private static Aerodromes parse(String csv) {
        return Aerodromes.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test.csv");
    }

    /** Degrees, minutes, seconds as written in AIP AD 2.2 (north and east positive). */
    private static double dms(int d, int m, double s) {
        return Math.copySign(Math.abs(d) + m / 60.0 + s / 3600.0, d);
    }

    @Test
    void coversEuropeAndItsNeighboursFromIcelandToTheCaucasusAndNorthAfrica() {
        assertThat(table.size()).isBetween(2000, 5000);
        for (String icao : new String[] {
            "BIKF", "ENSB", "ENGM", "EFHK", "EVRA", "EYVI", "EETN", "EYSA", "EEEI", "EPWA", "EDDF", "EGLL", "LFPG",
            "LEMD", "LPPT", "LPAZ", "GCLP", "GMMN", "DTTA", "HECA", "LIRF", "LGAV", "LTFM", "LCLK", "UGTB", "UDYZ",
            "UBBB", "UUEE", "LBSF", "LROP", "LRFT", "LBIA"
        }) {
            assertThat(table.find(icao)).as(icao).isNotNull();
        }
        Aerodrome eddf = table.find("EDDF");
        assertThat(eddf.name()).isEqualTo("Frankfurt Airport");
        assertThat(eddf.isoCountry()).isEqualTo("DE");
        assertThat(eddf.type()).isEqualTo("large");
        assertThat(eddf.runways()).contains("07C/25C:13123", "18/36:13123");
        assertThat(table.find("ENSB").name()).isEqualTo("Svalbard Airport, Longyear"); // a comma in the last field
        // nothing outside the box of the filter (tools/airports/make_airports.py)
        for (Aerodrome a : table.all()) {
            assertThat(a.lat()).as(a.icao()).isBetween(27.0, 82.0);
            assertThat(a.lon()).as(a.icao()).isBetween(-32.0, 51.0);
            assertThat(a.type()).as(a.icao()).isIn("large", "medium", "small");
        }
    }

    /**
     * Elevation and position against the published AIP, AD 2.2 (ARP coordinates, aerodrome
     * elevation): UK AIP AD 2.EGLL (ARP 512839N 0002741W, 83 ft); AIP Germany AD 2 EDDF 1-1
     * (N 50 01 59.90 E 008 34 13.64, 364 ft); AIP Latvia EVRA AD 2 (565525N 0235816E, 36 ft); AIP
     * Finland EFHK AD 2.2 (601902N 0245748E, 180 ft). OurAirports gives "a" position of the
     * aerodrome, not always the ARP (Heathrow's is 0.4 NM from it): within 1 NM. Helsinki's elevation
     * is 179 ft in OurAirports, 180 ft in the AIP: within 1 ft.
     */
    @Test
    void elevationsAndPositionsAgreeWithTheAip() {
        Object[][] aip = {
            {"EGLL", dms(51, 28, 39), -dms(0, 27, 41), 83.0},
            {"EDDF", dms(50, 1, 59.90), dms(8, 34, 13.64), 364.0},
            {"EVRA", dms(56, 55, 25), dms(23, 58, 16), 36.0},
            {"EFHK", dms(60, 19, 2), dms(24, 57, 48), 180.0},
        };
        for (Object[] row : aip) {
            Aerodrome a = table.find((String) row[0]);
            double nm = Sphere.distanceM(a.lat(), a.lon(), (double) row[1], (double) row[2]) / Units.NM;
            assertThat(nm).as(a.icao() + " distance to the AIP ARP, NM").isLessThan(1.0);
            assertThat(a.elevationFt()).as(a.icao() + " elevation, ft").isCloseTo((double) row[3], within(1.0));
        }
        assertThat(table.find("EGLL").elevationFt()).isEqualTo(83.0);
        assertThat(table.find("EDDF").elevationFt()).isEqualTo(364.0);
        assertThat(table.find("EVRA").elevationFt()).isEqualTo(36.0);
    }

    @Test
    void aTheatreTableInTheOldShortFormatOrTheFullOneLoadsFromAStream() {
        Aerodromes t = parse("# comment\n\nEVRA,56.923599,23.971100,LV\nEEEI,59.2596,24.2048\n"
                + "EYSA,55.893902,23.395000,LT,443,medium,14L/32R:11483,Šiauliai, Lithuania\n");
        assertThat(t.size()).isEqualTo(3);
        assertThat(t.find("EVRA").elevationFt()).isNaN();
        assertThat(t.find("EEEI").isoCountry()).isEmpty();
        assertThat(t.find("EYSA").name()).isEqualTo("Šiauliai, Lithuania");
        assertThat(t.find("EYSA").elevationFt()).isEqualTo(443.0);
        RoutePoints points = RoutePoints.of(t);
        double[] p = new double[2];
        assertThat(points.find("EYSA", p)).isTrue();
        assertThat(p).containsExactly(55.893902, 23.395);
        assertThat(points.find("EGLL", p)).isFalse();
    }

    @Test
    void aMalformedLineIsAnErrorNamingFileLineAndField() {
        assertThatThrownBy(() -> parse("EVRA,56.9,23.9,LV\nEV1A,56.9,23.9\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("test.csv:2: icao: 'EV1A' is not four letters A-Z");
        assertThatThrownBy(() -> parse("EVRA,56.9,abc\n")).hasMessage("test.csv:1: lon: 'abc' is not a number");
        assertThatThrownBy(() -> parse("EVRA,96.9,23.9\n")).hasMessageStartingWith("test.csv:1: lat: 96.9 outside");
        assertThatThrownBy(() -> parse("EVRA,56.9\n")).hasMessageStartingWith("test.csv:1: expected icao,lat,lon");
        assertThatThrownBy(() -> parse("EVRA,56.9,23.9,LV,36\n"))
                .hasMessageStartingWith("test.csv:1: expected icao,lat,lon");
        assertThatThrownBy(() -> parse("EVRA,56.9,23.9\nEVRA,57,24\n"))
                .hasMessage("test.csv:2: icao EVRA already given on line 1");
    }

    @Test
    void waypointsOfATheatreComeOnTopOfItsAerodromes() {
        RoutePoints points = RoutePoints.of(parse("EVRA,56.923599,23.971100,LV\n"))
                .withWaypoints(
                        new ByteArrayInputStream(
                                "# name,lat,lon,kind\nRIXAB,57.1,22.5,FIX\n".getBytes(StandardCharsets.UTF_8)),
                        "wpt.csv");
        double[] p = new double[2];
        assertThat(points.find("RIXAB", p)).isTrue();
        assertThat(points.find("EVRA", p)).isTrue();
        assertThatThrownBy(() -> points.withWaypoints(
                        new ByteArrayInputStream("RIXAC,57.1\n".getBytes(StandardCharsets.UTF_8)), "wpt.csv"))
                .hasMessage("wpt.csv:1: expected name,lat,lon[,kind]");
    }
}
