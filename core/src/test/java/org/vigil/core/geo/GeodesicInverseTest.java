package org.vigil.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.Test;

class GeodesicInverseTest {
    @Test
    void agreesWithGeographicLibOverRegionalDistances() {
        Random rnd = new Random(8);
        GeodesicInverse inv = new GeodesicInverse();
        for (int i = 0; i < 2000; i++) {
            double lat1 = -70 + 140 * rnd.nextDouble(), lon1 = -180 + 360 * rnd.nextDouble();
            double lat2 = Math.max(-89, Math.min(89, lat1 + (rnd.nextDouble() - 0.5) * 40));
            double lon2 = lon1 + (rnd.nextDouble() - 0.5) * 60;
            GeodesicData ref = Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2);
            inv.solve(lat1, lon1, lat2, lon2);
            assertThat(inv.converged).isTrue();
            assertThat(inv.distanceM).as("distance %d", i).isCloseTo(ref.s12, within(1e-3));
            assertThat(angleDiff(Math.toDegrees(inv.azimuth1Rad), ref.azi1))
                    .as("azi1 %d", i)
                    .isLessThan(1e-7);
            assertThat(angleDiff(Math.toDegrees(inv.azimuth2Rad), ref.azi2))
                    .as("azi2 %d", i)
                    .isLessThan(1e-7);
        }
    }

    @Test
    void coincidentPointsAndEquator() {
        GeodesicInverse inv = new GeodesicInverse();
        inv.solve(44, 28, 44, 28);
        assertThat(inv.distanceM).isZero();
        inv.solve(0, 0, 0, 5);
        assertThat(inv.distanceM).isCloseTo(6_378_137.0 * Math.toRadians(5), within(1e-6));
        assertThat(Math.toDegrees(inv.azimuth1Rad)).isCloseTo(90, within(1e-9));
    }

    private static double angleDiff(double a, double b) {
        double d = Math.abs(a - b) % 360;
        return Math.min(d, 360 - d);
    }
}
