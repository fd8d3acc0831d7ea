package org.vigil.core.flightplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicLine;
import net.sf.geographiclib.GeodesicMask;
import org.junit.jupiter.api.Test;

/**
 * Cross-track and along-track distances of {@link ExpandedRoute} against an independent
 * computation on the WGS-84 ellipsoid with GeographicLib: the distance from a point to a leg is
 * the minimum geodesic distance to points sampled every 0.05 NM along the leg's geodesic.
 */
class RouteGeometryTest {
    private static final Geodesic WGS84 = Geodesic.WGS84;

    /** Minimum ellipsoidal distance (NM) from p to the geodesic leg a-b, and the along-track distance there. */
    private static double[] geodesicCrossTrack(double[] a, double[] b, double lat, double lon) {
        GeodesicLine line = WGS84.InverseLine(a[0], a[1], b[0], b[1], GeodesicMask.ALL);
        double len = line.Distance();
        double step = 0.05 * 1852, best = Double.MAX_VALUE, bestS = 0;
        for (double s = 0; s <= len + step; s += step) {
            GeodesicData q = line.Position(Math.min(s, len));
            double d = WGS84.Inverse(q.lat2, q.lon2, lat, lon, GeodesicMask.DISTANCE).s12;
            if (d < best) {
                best = d;
                bestS = Math.min(s, len);
            }
        }
        return new double[] {best / 1852, bestS / 1852};
    }

    @Test
    void crossTrackAgreesWithTheEllipsoidWithinHalfAPercent() {
        Random rnd = new Random(42);
        RouteProximity out = new RouteProximity();
        double worstRel = 0;
        int legs = 0;
        for (int k = 0; k < 40; k++) {
            // legs of 50-300 NM across the Black Sea, points 2-60 NM off the leg's middle
            double[] a = {41 + rnd.nextDouble() * 5, 27 + rnd.nextDouble() * 8};
            double[] b = {41 + rnd.nextDouble() * 5, 27 + rnd.nextDouble() * 8};
            ExpandedRoute route = ExpandedRoute.of(a, b);
            if (route.lengthNm() < 50 || route.lengthNm() > 300) continue;
            legs++;
            double lat = (a[0] + b[0]) / 2 + (rnd.nextDouble() - 0.5) * 1.5;
            double lon = (a[1] + b[1]) / 2 + (rnd.nextDouble() - 0.5) * 1.5;
            route.measure(lat, lon, out);
            double[] ref = geodesicCrossTrack(a, b, lat, lon);
            assertThat(out.crossTrackNm).as("leg %s", k).isCloseTo(ref[0], within(0.005 * ref[0] + 0.1));
            assertThat(out.alongTrackNm).as("leg %s", k).isCloseTo(ref[1], within(0.005 * ref[1] + 0.3));
            if (ref[0] > 5) worstRel = Math.max(worstRel, Math.abs(out.crossTrackNm - ref[0]) / ref[0]);
        }
        assertThat(legs).isGreaterThan(15);
        assertThat(worstRel).isLessThan(0.005);
    }

    @Test
    void knownCaseOnTheEquatorAndSign() {
        // leg due east along the equator: a point 1 degree north is 60.04 NM left of track (sphere)
        ExpandedRoute r = ExpandedRoute.of(new double[] {0, 0}, new double[] {0, 10});
        RouteProximity out = new RouteProximity();
        r.measure(1, 5, out);
        double oneDegreeNm = Math.toRadians(1) * ExpandedRoute.EARTH_RADIUS_M / 1852;
        assertThat(out.crossTrackNm).isCloseTo(oneDegreeNm, within(1e-6));
        assertThat(out.signedCrossTrackNm).isCloseTo(-oneDegreeNm, within(1e-6)); // left is negative
        assertThat(out.alongTrackNm).isCloseTo(5 * oneDegreeNm, within(1e-6));
        assertThat(out.progress).isCloseTo(0.5, within(1e-9));
        r.measure(-1, 5, out);
        assertThat(out.signedCrossTrackNm).isCloseTo(oneDegreeNm, within(1e-6));
    }

    @Test
    void beyondTheEndsTheDistanceIsToTheEndPoint() {
        ExpandedRoute r = ExpandedRoute.of(new double[] {43, 28}, new double[] {43, 30}, new double[] {44, 30});
        RouteProximity out = new RouteProximity();
        r.measure(43, 27, out); // before the first point, on the extension of the first leg
        double ref = WGS84.Inverse(43, 27, 43, 28).s12 / 1852;
        assertThat(out.crossTrackNm).isCloseTo(ref, within(0.005 * ref));
        assertThat(out.alongTrackNm).isZero();
        assertThat(out.legIndex).isZero();
        r.measure(44.2, 30, out); // past the last point
        assertThat(out.legIndex).isEqualTo(1);
        assertThat(out.progress).isCloseTo(1.0, within(1e-9));
        // the corner: nearest is the second leg for a point east of it
        r.measure(43.5, 30.3, out);
        assertThat(out.legIndex).isEqualTo(1);
        assertThat(out.alongTrackNm).isGreaterThan(r.distanceToNm(1));
    }

    @Test
    void measuringAllocatesNothing() {
        ExpandedRoute r = ExpandedRoute.of(new double[] {43, 28}, new double[] {43, 30}, new double[] {44, 30});
        RouteProximity out = new RouteProximity();
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) r.measure(43 + i * 1e-5, 29, out); // warm up (JIT)
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++) r.measure(43 + i * 1e-5, 29, out);
        long after = mx.getCurrentThreadAllocatedBytes();
        assertThat(after - before).isLessThan(1024);
    }
}
