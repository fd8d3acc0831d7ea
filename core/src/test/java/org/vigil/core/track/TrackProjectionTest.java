package org.vigil.core.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.Test;

/** The area projection against GeographicLib (Karney) geodesics on WGS-84. */
class TrackProjectionTest {
    @Test
    void roundTripIsExact() {
        AreaProjection p = new AreaProjection(51, 6);
        Random rnd = new Random(1);
        for (int i = 0; i < 1000; i++) {
            double lat = 51 + (rnd.nextDouble() - 0.5) * 8;
            double lon = 6 + (rnd.nextDouble() - 0.5) * 12;
            p.forward(lat, lon);
            p.inverse(p.x, p.y);
            assertThat(p.latDeg).isCloseTo(lat, within(1e-9));
            assertThat(p.lonDeg).isCloseTo(lon, within(1e-9));
        }
        p.forward(51, 6);
        assertThat(p.x).isCloseTo(0, within(1e-6));
        assertThat(p.y).isCloseTo(0, within(1e-6));
    }

    @Test
    void planeDistancesMatchGeodesicsToTheDocumentedScale() {
        AreaProjection p = new AreaProjection(51, 6);
        Random rnd = new Random(2);
        for (int i = 0; i < 500; i++) {
            double lat1 = 51 + (rnd.nextDouble() - 0.5) * 4;
            double lon1 = 6 + (rnd.nextDouble() - 0.5) * 6;
            double az = rnd.nextDouble() * 360;
            double dist = 1000 + rnd.nextDouble() * 200_000;
            GeodesicData g = Geodesic.WGS84.Direct(lat1, lon1, az, dist);
            p.forward(lat1, lon1);
            double x1 = p.x;
            double y1 = p.y;
            p.forward(g.lat2, g.lon2);
            double plane = Math.hypot(p.x - x1, p.y - y1);
            // plane distance = geodesic distance x mean scale (within 2e-5 relative)
            Measurement m = new Measurement();
            m.rx = x1;
            m.ry = y1;
            m.invFourR2 = 1 / (4 * p.sphereRadius() * p.sphereRadius());
            double k = m.meanScale(p.x, p.y);
            assertThat(plane / k / dist)
                    .as("pair %d at %.0f km", i, dist / 1000)
                    .isCloseTo(1, within(2e-5));
            // azimuth: grid bearing - convergence at the start = true azimuth (within 0.01° + chord-arc)
            double grid = Math.toDegrees(Math.atan2(p.x - x1, p.y - y1));
            double conv = Math.toDegrees(p.convergenceRad(lat1, lon1));
            double diff = ((grid - conv - az) % 360 + 540) % 360 - 180;
            assertThat(Math.abs(diff)).as("azimuth error, deg").isLessThan(0.02);
        }
    }
}
