package org.vigil.core.airspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The all-Europe national airspace against published positions: for a lighthouse or cape on the
 * coast of each state, the points 11 NM and 13 NM seaward (Karney geodesics, GeographicLib; not the
 * model's own code) must lie inside and outside that state's national airspace. The lighthouse
 * stands at or within a few hundred metres of the low-water line and the bearing points away from
 * every other coast, so the true 12 NM limit lies between the two points.
 */
class EuropeAirspaceTest {
    static NationalAirspace air;
    static final double NM = 1852.0;

    @BeforeAll
    static void load() {
        long t0 = System.nanoTime();
        air = NationalAirspace.europe();
        System.out.printf("all-Europe airspace loaded in %.2f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private static String isoAt(double lat, double lon) {
        int s = air.stateAt(lat, lon);
        return s == NationalAirspace.NONE ? "none" : air.iso(s);
    }

    private static GeodesicData along(double lat, double lon, double azimuth, double metres) {
        return Geodesic.WGS84.Direct(lat, lon, azimuth, metres);
    }

    /**
     * Sources of the positions (each the published position of the light):
     * NO Lindesnes fyr: Wikipedia "Lindesnes Lighthouse" 57°58′56″N 07°02′47″E (Norway light no. 082200).
     * EE Ristna: Estonian Transport Administration (veeteedeamet.ee), "Ristna lighthouse", 58.940033 N 22.055217 E.
     * LV Akmeņrags: Latvian lighthouse register bakas.lv, 56°49.91′N 21°03.43′E.
     * LT Nida: Wikipedia "Nida Lighthouse" 55.305097 N 20.994942 E (900 m inland of the shore).
     * PL Rozewie: Wikipedia "Rozewie Lighthouse" 54°49′49.4″N 18°20′10.8″E.
     * DE Heligoland: Wikipedia "Heligoland Lighthouse" 54°10′55″N 7°52′57″E.
     * NL Egmond aan Zee (J.C.J. van Speijk): Wikipedia 52°37′8.6″N 4°37′18″E.
     * IT Santa Maria di Leuca: it.wikipedia "Faro di Capo Santa Maria di Leuca" 39°47′45.3″N 18°22′06.7″E
     *   (Marina Militare list of lights no. 3590).
     * TR İnceburun: it.wikipedia "Faro di İnceburun" 42°05′49″N 34°56′42″E.
     * BG Shabla: de.wikipedia "Leuchtturm Schabla" 43°32′24.9″N 28°36′25.2″E (NGA 17660).
     * RO Tuzla: Romanian Navy Maritime Hydrographic Directorate (dhmfn.ro) 28°39′58″E; its page prints the
     *   latitude as 44°59′26″N, an evident slip for 43°59′26″N (Cape Tuzla is 10 km south of Constanța).
     */
    @ParameterizedTest(name = "{0} {1}: 11 NM inside, 13 NM outside")
    @CsvSource({
        "NO, Lindesnes,     57.982222,  7.046389, 180",
        "EE, Ristna,        58.940033, 22.055217, 270",
        "LV, Akmenrags,     56.831833, 21.057167, 270",
        "LT, Nida,          55.305097, 20.994942, 300",
        "PL, Rozewie,       54.830389, 18.336333,   0",
        "DE, Heligoland,    54.181833,  7.882389,   0",
        "NL, Egmond,        52.619056,  4.621667, 270",
        "IT, Leuca,         39.795917, 18.368528, 135",
        "TR, Inceburun,     42.096944, 34.945000,   0",
        "BG, Shabla,        43.540250, 28.607000,  90",
        "RO, Tuzla,         43.990556, 28.666111,  90",
    })
    void twelveMileLineFromPublishedCoastPoints(String iso, String place, double lat, double lon, double azimuth) {
        int state = air.indexOf(iso);
        assertThat(state).as(iso).isNotEqualTo(NationalAirspace.NONE);
        assertThat(isoAt(lat, lon)).as("%s light", place).isEqualTo(iso);
        GeodesicData at11 = along(lat, lon, azimuth, 11 * NM);
        GeodesicData at13 = along(lat, lon, azimuth, 13 * NM);
        assertThat(isoAt(at11.lat2, at11.lon2)).as("%s + 11 NM", place).isEqualTo(iso);
        assertThat(air.inNationalAirspace(state, at11.lat2, at11.lon2)).isTrue();
        assertThat(isoAt(at13.lat2, at13.lon2)).as("%s + 13 NM", place).isEqualTo("none");
        assertThat(air.isInternational(at13.lat2, at13.lon2)).isTrue();
        System.out.printf("%s %-10s limit at %.2f NM%n", iso, place, limitNm(state, lat, lon, azimuth));
    }

    /** Distance from the light along the bearing to where the state's airspace ends (bisection). */
    private static double limitNm(int state, double lat, double lon, double azimuth) {
        double lo = 11 * NM, hi = 13 * NM;
        for (int i = 0; i < 30; i++) {
            double mid = 0.5 * (lo + hi);
            GeodesicData p = along(lat, lon, azimuth, mid);
            if (air.inNationalAirspace(state, p.lat2, p.lon2)) lo = mid;
            else hi = mid;
        }
        return lo / NM;
    }

    @Test
    void anAircraftInEstoniasTerritorialSeaIsInEstonianAirspaceAndOutsideItIsInternational() {
        // west of Ristna (Hiiumaa), as in the table above
        GeodesicData inside = along(58.940033, 22.055217, 270, 10 * NM);
        GeodesicData outside = along(58.940033, 22.055217, 270, 14 * NM);
        int ee = air.indexOf("EE");
        assertThat(air.stateAt(inside.lat2, inside.lon2)).isEqualTo(ee);
        assertThat(air.inTerritorialSea(inside.lat2, inside.lon2)).isTrue();
        assertThat(air.isInternational(inside.lat2, inside.lon2)).isFalse();
        assertThat(air.stateAt(outside.lat2, outside.lon2)).isEqualTo(NationalAirspace.NONE);
        assertThat(air.isInternational(outside.lat2, outside.lon2)).isTrue();

        NatoMembership.ByState nato = NatoMembership.defaults().bind(air);
        long now = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli() * 1_000_000L;
        assertThat(nato.isNato(air.stateAt(inside.lat2, inside.lon2), now)).isTrue();
        assertThat(nato.isNato(air.stateAt(outside.lat2, outside.lon2), now)).isFalse();
    }

    @Test
    void aTrackFlyingEastTowardsHiiumaaGetsItsTimeToEntry() {
        // 30 NM west of Ristna, 480 kt due east: the 12 NM line is about 18 NM ahead, 135 s
        GeodesicData start = along(58.940033, 22.055217, 270, 30 * NM);
        TimeToEntry tte = new TimeToEntry(air, NatoMembership.defaults().bind(air));
        long t = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli() * 1_000_000L;
        assertThat(tte.compute(start.lat2, start.lon2, 30_000, 90, 480, t, TimeToEntry.ANY_NATO, 600))
                .isTrue();
        assertThat(air.iso(tte.state)).isEqualTo("EE");
        double entryNm = 30 - tte.seconds * 480 / 3600.0; // distance of the entry point from the light
        assertThat(entryNm).isBetween(11.0, 13.0);
    }

    static long sink;

    @Test
    void lookupsWithAllOfEuropeLoadedAllocateNothing() {
        TimeToEntry tte = new TimeToEntry(air, NatoMembership.defaults().bind(air));
        long t = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli() * 1_000_000L;
        GeodesicData start = along(58.940033, 22.055217, 270, 30 * NM);
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        for (int round = 0; round < 3; round++) { // warm-up rounds first, measure the last
            long before = mx.getThreadAllocatedBytes(tid);
            for (int i = 0; i < 100_000; i++) {
                double lat = 35.0 + (i % 997) * 0.036;
                double lon = -20.0 + (i % 1009) * 0.06;
                sink += air.stateAt(lat, lon);
                if (air.inTerritorialSea(lat, lon)) sink++;
                if (air.isInternational(lat, lon)) sink++;
            }
            for (int i = 0; i < 200; i++) {
                if (tte.compute(start.lat2, start.lon2, 30000, 90, 480, t, TimeToEntry.ANY_NATO, 900)) sink++;
            }
            long allocated = mx.getThreadAllocatedBytes(tid) - before;
            if (round == 2) assertThat(allocated).isLessThan(2_000);
        }
        assertThat(sink).isNotZero();
    }

    @Test
    void statesAndCapitalsFromIcelandToTheCaucasus() {
        assertThat(isoAt(64.13, -21.94)).isEqualTo("IS"); // Reykjavík
        assertThat(isoAt(71.17, 25.78)).isEqualTo("NO"); // North Cape
        assertThat(isoAt(78.22, 15.65)).isEqualTo("NO"); // Longyearbyen, Svalbard
        assertThat(isoAt(60.10, 19.94)).isEqualTo("FI"); // Mariehamn, Åland
        assertThat(isoAt(62.01, -6.77)).isEqualTo("DK"); // Tórshavn, Faroe Islands
        assertThat(isoAt(59.44, 24.75)).isEqualTo("EE"); // Tallinn
        assertThat(isoAt(56.95, 24.11)).isEqualTo("LV"); // Riga
        assertThat(isoAt(54.69, 25.28)).isEqualTo("LT"); // Vilnius
        assertThat(isoAt(54.71, 20.51)).isEqualTo("RU"); // Kaliningrad
        assertThat(isoAt(51.51, -0.13)).isEqualTo("GB"); // London
        assertThat(isoAt(38.72, -9.14)).isEqualTo("PT"); // Lisbon
        assertThat(isoAt(36.14, -5.35)).isEqualTo("GB"); // Gibraltar
        assertThat(isoAt(35.90, 14.51)).isEqualTo("MT"); // Valletta
        assertThat(isoAt(36.75, 3.06)).isEqualTo("DZ"); // Algiers
        assertThat(isoAt(41.72, 44.79)).isEqualTo("GE"); // Tbilisi
        assertThat(isoAt(40.41, 49.87)).isEqualTo("AZ"); // Baku
        assertThat(isoAt(40.18, 44.51)).isEqualTo("AM"); // Yerevan
        assertThat(isoAt(35.17, 33.36)).isEqualTo("CY"); // Nicosia
    }

    @Test
    void landInTheNorthIsLand() {
        // Natural Earth's Eurasia ring crosses 180°; read naively it loses the land at 64–69° N
        assertThat(air.iso(air.landStateAt(67.8, 23.8))).isEqualTo("FI"); // Lapland, near Kolari
        assertThat(air.iso(air.landStateAt(68.0, 17.2))).isEqualTo("SE"); // Abisko area
        assertThat(air.iso(air.landStateAt(68.0, 35.0))).isEqualTo("RU"); // Kola peninsula
        assertThat(air.inTerritorialSea(67.8, 23.8)).isFalse();
        assertThat(air.land(air.indexOf("FI")).getArea()).isGreaterThan(55); // deg²; Finland is 338,000 km²
    }

    @Test
    void crimeaIsUkraine() {
        assertThat(isoAt(44.9521, 34.1024)).isEqualTo("UA"); // Simferopol
        assertThat(isoAt(44.6166, 33.5254)).isEqualTo("UA"); // Sevastopol
        assertThat(isoAt(45.3500, 36.4700)).isEqualTo("UA"); // Kerch
        assertThat(isoAt(45.0021, 37.3473)).isEqualTo("RU"); // Anapa
        assertThat(isoAt(55.7558, 37.6173)).isEqualTo("RU"); // Moscow
    }

    @Test
    void openSeasAreInternational() {
        assertThat(air.isInternational(57.5, 19.5)).isTrue(); // Baltic, between Gotland and Latvia
        assertThat(air.isInternational(43.0, 34.0)).isTrue(); // Black Sea
        assertThat(air.isInternational(56.0, 3.0)).isTrue(); // North Sea
        assertThat(air.isInternational(38.5, 25.0)).isTrue(); // Aegean, beyond Greece's 6 NM
        assertThat(air.isInternational(36.0, 18.0)).isTrue(); // Ionian Sea
        // Gulf of Riga, over 20 NM from the Latvian coast and 16 NM from Ruhnu: EEZ, not territorial sea
        assertThat(air.isInternational(57.6, 23.6)).isTrue();
        assertThat(isoAt(58.0, 23.5)).isEqualTo("EE"); // north of Ruhnu, behind Estonia's straight baselines
    }

    @Test
    void aegeanTerritorialSeaIsSixMiles() {
        // Psara (Greece): its west coast near 38.55 N 25.55 E; 4 NM west is Greek, 8 NM west is not
        // (12 NM would reach it). Measured from the island as the model draws it, so only the claim
        // is checked here, not the coastline.
        int gr = air.indexOf("GR");
        double[] coast = westmostCoastAt(gr, 38.55, 25.3, 25.8);
        GeodesicData at4 = along(38.55, coast[0], 270, 4 * NM);
        GeodesicData at8 = along(38.55, coast[0], 270, 8 * NM);
        assertThat(air.stateAt(at4.lat2, at4.lon2)).isEqualTo(gr);
        assertThat(air.stateAt(at8.lat2, at8.lon2)).isEqualTo(NationalAirspace.NONE);
        assertThat(air.territorialSeaNm(gr)).isEqualTo(6.0); // tools/airspace/territorial-sea.yaml
        assertThat(air.territorialSeaNm(air.indexOf("TR"))).isEqualTo(12.0); // 6 NM only in the Aegean
    }

    /** The westmost land longitude of a state at a latitude within [lon0, lon1] (0.001° steps). */
    private static double[] westmostCoastAt(int state, double lat, double lon0, double lon1) {
        for (double lon = lon0; lon <= lon1; lon += 0.001) {
            if (air.landStateAt(lat, lon) == state) return new double[] {lon};
        }
        throw new AssertionError("no land of state " + state + " at " + lat);
    }

    @Test
    void regionAndProvenance() {
        assertThat(air.covers(64.13, -21.94)).isTrue();
        assertThat(air.covers(30.0, 50.0)).isTrue();
        assertThat(air.covers(20.0, 10.0)).isFalse();
        assertThat(air.source()).contains("OpenStreetMap").contains("ODbL");
        assertThat(air.stateCount()).isGreaterThan(60);
        assertThat(NatoMembership.defaults().isNato("FI", LocalDate.of(2023, 4, 3)))
                .isFalse();
        assertThat(NatoMembership.defaults().isNato("FI", LocalDate.of(2023, 4, 4)))
                .isTrue();
        assertThat(NatoMembership.defaults().isNato("SE", LocalDate.of(2024, 3, 7)))
                .isTrue();
        assertThat(NatoMembership.defaults().isNato("SE", LocalDate.of(2024, 3, 6)))
                .isFalse();
    }

    @Test
    void fileRoundTripAndBadFiles() throws IOException {
        NationalAirspace ee = sample();
        assertThat(ee.stateCount()).isEqualTo(1);
        assertThat(ee.stateAt(59.44, 24.75)).isEqualTo(0);
        assertThat(ee.stateAt(57.5, 19.5)).isEqualTo(NationalAirspace.NONE);

        assertThatThrownBy(() -> NationalAirspace.read(new ByteArrayInputStream(new byte[] {1, 2, 3}), "junk"))
                .isInstanceOf(AirspaceDataException.class)
                .hasMessageContaining("junk");
        byte[] whole = sampleBytes();
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
        assertThatThrownBy(() -> NationalAirspace.read(new ByteArrayInputStream(cut), "cut.airspace.gz"))
                .isInstanceOf(AirspaceDataException.class)
                .hasMessageContaining("cut.airspace.gz");
    }

    private static byte[] sampleBytes() throws IOException {
        int ee = air.indexOf("EE");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AirspaceFile.write(
                out,
                new AirspaceFile.Contents(
                        "test",
                        "test",
                        new org.locationtech.jts.geom.Envelope(20, 30, 55, 61),
                        List.of(new AirspaceFile.State(
                                "EE", "Estonia", 12, air.nationalAirspace(ee), air.land(ee), air.territorialSea(ee)))));
        return out.toByteArray();
    }

    private static NationalAirspace sample() throws IOException {
        return NationalAirspace.read(new ByteArrayInputStream(sampleBytes()), "sample");
    }
}
