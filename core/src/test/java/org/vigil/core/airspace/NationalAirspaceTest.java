package org.vigil.core.airspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The 12 NM line and the state table, checked against distances computed independently here:
 * Karney geodesics (GeographicLib) from the raw Natural Earth coast, not the model's projection
 * and buffer.
 */
class NationalAirspaceTest {
    static NationalAirspace air;
    static final double NM = 1852.0;

    @BeforeAll
    static void build() {
        long t0 = System.nanoTime();
        air = BlackSeaTestAirspace.nationalAirspace();
        System.out.printf("national airspace built in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private String isoAt(double lat, double lon) {
        int s = air.stateAt(lat, lon);
        return s == NationalAirspace.NONE ? "none" : air.iso(s);
    }

    @Test
    void landmarksBelongToTheRightState() {
        assertThat(isoAt(42.6967, 23.4114)).isEqualTo("BG"); // Sofia
        assertThat(isoAt(44.5711, 26.0850)).isEqualTo("RO"); // Otopeni
        assertThat(isoAt(41.2753, 28.7519)).isEqualTo("TR"); // Istanbul airport
        assertThat(isoAt(41.0082, 28.9784)).isEqualTo("TR"); // Istanbul, Sultanahmet
        assertThat(isoAt(46.4268, 30.6765)).isEqualTo("UA"); // Odesa
        assertThat(isoAt(43.4499, 39.9566)).isEqualTo("RU"); // Sochi
        assertThat(isoAt(41.6103, 41.5997)).isEqualTo("GE"); // Batumi
        assertThat(isoAt(46.9277, 28.9310)).isEqualTo("MD"); // Chisinau
    }

    @Test
    void crimeaIsUkraine() {
        assertThat(isoAt(45.0522, 33.9751)).isEqualTo("UA"); // Simferopol
        assertThat(isoAt(44.6890, 33.5710)).isEqualTo("UA"); // Belbek / Sevastopol
        assertThat(isoAt(45.0930, 33.5950)).isEqualTo("UA"); // Saki
        assertThat(isoAt(45.3500, 36.4700)).isEqualTo("UA"); // Kerch
        assertThat(isoAt(45.0021, 37.3473)).isEqualTo("RU"); // Anapa
    }

    @Test
    void middleOfTheBlackSeaIsInternational() {
        assertThat(air.stateAt(43.0, 34.0)).isEqualTo(NationalAirspace.NONE);
        assertThat(air.isInternational(43.0, 34.0)).isTrue();
        assertThat(air.inTerritorialSea(43.0, 34.0)).isFalse();
        assertThat(air.isInternational(42.6967, 23.4114)).isFalse();
        // outside the modelled region: neither a state nor international
        assertThat(air.covers(55, 37)).isFalse();
        assertThat(air.isInternational(55, 37)).isFalse();
        assertThat(air.stateAt(Double.NaN, 30)).isEqualTo(NationalAirspace.NONE);
    }

    @Test
    void offVarnaTheTwelveMileLineIsWhereTheCoastDistanceSaysSo() {
        checkTwelveMileLine(
                "BG", 43.06,
                100); // straight coast 10 km south of Varna Bay (the bay and Cape Kaliakra bend the line further north)
    }

    @Test
    void offConstantaTheTwelveMileLineIsWhereTheCoastDistanceSaysSo() {
        checkTwelveMileLine("RO", 44.17, 90);
    }

    /**
     * From the easternmost raw coast vertex of {@code iso} near {@code lat}, go seaward at 11 and
     * 13 NM (inside / outside), then find by bisection the distance along the same line at which
     * the independent coast distance is exactly 12 NM, and check the model 150 m either side.
     */
    private void checkTwelveMileLine(String iso, double lat, double azimuth) {
        int state = air.indexOf(iso);
        List<double[]> coast = densifiedBoundary(air.land(state), 100);
        double[] start = null;
        for (double[] p : coast) {
            if (Math.abs(p[1] - lat) < 0.01 && (start == null || p[0] > start[0])) start = p;
        }
        assertThat(start).as("coast vertex near %s", lat).isNotNull();

        double[] at11 = along(start, azimuth, 11 * NM);
        double[] at13 = along(start, azimuth, 13 * NM);
        assertThat(coastDistance(coast, at11)).isLessThan(11.5 * NM);
        assertThat(coastDistance(coast, at13)).isGreaterThan(12.5 * NM);
        assertThat(air.stateAt(at11[1], at11[0])).isEqualTo(state);
        assertThat(air.inTerritorialSea(at11[1], at11[0])).isTrue();
        assertThat(air.stateAt(at13[1], at13[0])).isEqualTo(NationalAirspace.NONE);
        assertThat(air.isInternational(at13[1], at13[0])).isTrue();

        double lo = 8 * NM, hi = 16 * NM; // coast distance(lo) < 12 NM < coast distance(hi)
        for (int i = 0; i < 40; i++) {
            double mid = (lo + hi) / 2;
            if (coastDistance(coast, along(start, azimuth, mid)) < 12 * NM) lo = mid;
            else hi = mid;
        }
        double[] justIn = along(start, azimuth, lo - 150);
        double[] justOut = along(start, azimuth, lo + 150);
        assertThat(air.stateAt(justIn[1], justIn[0]))
                .as("150 m inside the line")
                .isEqualTo(state);
        assertThat(air.stateAt(justOut[1], justOut[0]))
                .as("150 m outside the line")
                .isEqualTo(NationalAirspace.NONE);
    }

    @Test
    void nationalAirspacesDoNotOverlap() {
        for (int i = 0; i < air.stateCount(); i++) {
            for (int j = i + 1; j < air.stateCount(); j++) {
                Geometry a = air.nationalAirspace(i), b = air.nationalAirspace(j);
                if (!a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())) continue;
                assertThat(a.intersection(b).getArea())
                        .as("%s ∩ %s", air.iso(i), air.iso(j))
                        .isLessThan(1e-6);
            }
        }
    }

    @Test
    void overlappingSeasAreSplitNearTheMedianLine() {
        // Kerch Strait: roughly 2-4 NM wide, both shores within 12 NM; mid-strait points go to the nearer shore
        int ua = air.indexOf("UA"), ru = air.indexOf("RU");
        assertThat(air.stateAt(45.33, 36.55)).isIn(ua, ru);
        // BG-RO sea border: a point 10 NM off the coast right on the land-border latitude belongs to one of them
        assertThat(air.stateAt(43.74, 28.75)).isIn(air.indexOf("BG"), air.indexOf("RO"));
        // well south of the border off Kaliakra the nearer coast is Bulgarian
        assertThat(isoAt(43.30, 28.70)).isEqualTo("BG");
        assertThat(isoAt(44.00, 28.80)).isEqualTo("RO");
    }

    @Test
    void stateTableIsConsistent() {
        assertThat(air.stateCount()).isEqualTo(19);
        for (int i = 0; i < air.stateCount(); i++) {
            assertThat(air.indexOf(air.iso(i))).isEqualTo(i);
            assertThat(air.territorialSeaNm(i)).isEqualTo(12.0);
        }
        assertThat(air.indexOf("ZZ")).isEqualTo(NationalAirspace.NONE);
        assertThat(air.name(air.indexOf("UA"))).isEqualTo("Ukraine");
    }

    // ---- independent geometry ----

    static double[] along(double[] lonLat, double azimuth, double metres) {
        GeodesicData d = Geodesic.WGS84.Direct(lonLat[1], lonLat[0], azimuth, metres);
        return new double[] {d.lon2, d.lat2};
    }

    /** Minimum geodesic distance (metres) from p to the sampled boundary, within 1° of p. */
    static double coastDistance(List<double[]> boundary, double[] p) {
        return coastDistance(boundary, p, 1);
    }

    /** Same, looking only at boundary points within {@code windowDeg} of p in lat and lon. */
    static double coastDistance(List<double[]> boundary, double[] p, double windowDeg) {
        double best = Double.MAX_VALUE;
        for (double[] q : boundary) {
            if (Math.abs(q[0] - p[0]) > windowDeg || Math.abs(q[1] - p[1]) > windowDeg) continue;
            best = Math.min(best, Geodesic.WGS84.Inverse(p[1], p[0], q[1], q[0]).s12);
        }
        return best;
    }

    /** The raw boundary of a lon/lat polygon, resampled every {@code stepM} metres (approximately). */
    static List<double[]> densifiedBoundary(Geometry land, double stepM) {
        List<double[]> out = new ArrayList<>();
        for (int p = 0; p < land.getNumGeometries(); p++) {
            Polygon poly = (Polygon) land.getGeometryN(p);
            Coordinate[] ring = poly.getExteriorRing().getCoordinates();
            for (int k = 0; k + 1 < ring.length; k++) {
                double len = Geodesic.WGS84.Inverse(ring[k].y, ring[k].x, ring[k + 1].y, ring[k + 1].x).s12;
                int n = Math.max(1, (int) Math.ceil(len / stepM));
                for (int s = 0; s < n; s++) {
                    double f = (double) s / n;
                    out.add(new double[] {
                        ring[k].x + f * (ring[k + 1].x - ring[k].x), ring[k].y + f * (ring[k + 1].y - ring[k].y)
                    });
                }
            }
        }
        return out;
    }
}
