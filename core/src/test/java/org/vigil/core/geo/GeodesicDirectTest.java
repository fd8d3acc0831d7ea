package org.vigil.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.Test;

/** Our Vincenty direct solution against GeographicLib (Karney), the reference implementation. */
class GeodesicDirectTest {

    @Test
    void agreesWithGeographicLibToAMillimetreOverRadarRanges() {
        GeodesicDirect ours = new GeodesicDirect();
        SplittableRandom rnd = new SplittableRandom(48);
        double worst = 0;
        for (int i = 0; i < 20_000; i++) {
            double lat = rnd.nextDouble(-85, 85);
            double lon = rnd.nextDouble(-180, 180);
            double az = rnd.nextDouble(0, 360);
            double s = rnd.nextDouble(0, 1_000_000); // beyond any radar's reach
            ours.solve(lat, lon, Math.toRadians(az), s);
            GeodesicData ref = Geodesic.WGS84.Direct(lat, lon, az, s);
            double miss = Geodesic.WGS84.Inverse(ours.latDeg, ours.lonDeg, ref.lat2, ref.lon2).s12;
            worst = Math.max(worst, miss);
        }
        assertThat(worst).as("largest disagreement, metres").isLessThan(1e-3);
    }

    @Test
    void crossesTheAntimeridianAndKeepsLongitudeNormalised() {
        GeodesicDirect g = new GeodesicDirect();
        g.solve(60, 179.9, Math.toRadians(90), 50_000);
        assertThat(g.lonDeg).isBetween(-180.0, -179.0);
        GeodesicData ref = Geodesic.WGS84.Direct(60, 179.9, 90, 50_000);
        assertThat(g.latDeg).isCloseTo(ref.lat2, within(1e-9));
        assertThat(g.lonDeg).isCloseTo(ref.lon2, within(1e-9));
    }

    @Test
    void zeroDistanceStaysPut() {
        GeodesicDirect g = new GeodesicDirect();
        g.solve(12.5, -3.25, 2, 0);
        assertThat(g.latDeg).isEqualTo(12.5);
        assertThat(g.lonDeg).isEqualTo(-3.25);
    }

    @Test
    void radiusOfCurvatureIsMeridianNorthAndPrimeVerticalEast() {
        assertThat(GeodesicDirect.radiusInAzimuth(0, 0))
                .isCloseTo(6_335_439.327, within(0.01)); // M at the equator = a(1-e²)
        assertThat(GeodesicDirect.radiusInAzimuth(0, Math.PI / 2)).isCloseTo(6_378_137.0, within(0.01)); // N = a
        assertThat(GeodesicDirect.radiusInAzimuth(50, Math.PI / 2)).isCloseTo(6_390_702.044, within(0.01));
    }
}
