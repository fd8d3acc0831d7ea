package org.vigil.core.radar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.Test;

class RadarPlotProjectionTest {
    private static final double FT = 0.3048;
    /** A hypothetical radar at 50°N 4°E, antenna 100 m above sea level. */
    private static final RadarSite SITE = new RadarSite(
            25,
            10,
            "Test head",
            50.0,
            4.0,
            100.0,
            4.8,
            70,
            Math.toRadians(0.08),
            RadarSite.DEFAULT_ASSUMED_HEIGHT_METRES);

    /**
     * Hand-computed case: rho = 100 NM = 185 200 m, theta = 90°, FL350 = 10 668 m.
     * <pre>
     * WGS-84: a = 6 378 137, f = 1/298.257223563, e² = f(2 - f) = 0.00669437999014
     * At 50°N due east the normal section is the prime vertical:
     *   N = a / sqrt(1 - e² sin²50°) = 6 390 702.044 m
     * sin²(γ/2) = (rho² - (h_a - h_r)²) / (4 (N + h_r)(N + h_a))
     *           = (185200² - 10568²) / (4 · 6 390 802.044 · 6 401 370.044) = 2.0891866e-4
     * γ = 2 asin(sqrt(2.0891866e-4)) = 0.0289090446 rad
     * ground range s = N γ = 184 749.09 m   (law of cosines form gives the same to 1e-6 m)
     * Destination 184 749.09 m from (50°N, 4°E) at azimuth 90° on WGS-84 (GeographicLib Direct,
     * Karney's algorithm, run separately): 49.971398014°N, 6.575829785°E.
     * Cross-check on a sphere of radius N (great circle, by hand): 49.9714775°N, 6.5758298°E —
     * the same longitude and 9 m north, the meridian's flatter curvature that the ellipsoid adds.
     * </pre>
     */
    @Test
    void hundredNauticalMilesEastAtFl350() {
        RadarPlot p = new RadarPlot();
        p.rhoMetres = 100 * 1852.0;
        p.thetaRad = Math.toRadians(90);
        p.altitudeMetres = 35_000 * FT;

        assertThat(new PlotProjection().project(SITE, p)).isTrue();

        assertThat(p.groundRangeMetres).isCloseTo(184_749.09, within(0.05));
        assertThat(p.latDeg).isCloseTo(49.971398014, within(3e-5)); // 3e-5° ≈ 3 m
        assertThat(p.lonDeg).isCloseTo(6.575829785, within(4e-5)); // 4e-5° of longitude at 50° ≈ 3 m
        assertThat(metresBetween(p.latDeg, p.lonDeg, 49.971398014, 6.575829785)).isLessThan(0.01);
        assertThat(p.has(RadarPlot.ALTITUDE_ASSUMED)).isFalse();
        assertThat(p.projectionHeightMetres).isEqualTo(35_000 * FT);
        assertThat(p.rangeSigmaMetres).isEqualTo(70);
    }

    @Test
    void withoutModeCProjectsAtTheAssumedHeightAndFlagsIt() {
        RadarPlot p = new RadarPlot();
        p.rhoMetres = 100 * 1852.0;
        p.thetaRad = Math.toRadians(90);
        new PlotProjection().project(SITE, p);

        assertThat(p.has(RadarPlot.ALTITUDE_ASSUMED)).isTrue();
        assertThat(p.altitudeMetres).isNaN();
        assertThat(p.projectionHeightMetres).isEqualTo(25_000 * FT);
        // lower assumed height than FL350 => the slant range holds more ground range
        assertThat(p.groundRangeMetres).isGreaterThan(184_749.09).isLessThan(185_200);
    }

    @Test
    void groundRangeIsAtMostTheSlantRangeAndMatchesFlatGeometryNearby() {
        // 10 km slant, aircraft 3 km above the radar: flat earth says sqrt(10² - 3²) = 9.539 km; curvature
        // changes that by centimetres at this distance
        double s = PlotProjection.groundRange(50, 0, 3000, 10_000, 0);
        assertThat(s).isCloseTo(Math.sqrt(10_000.0 * 10_000 - 3000.0 * 3000), within(5.0));
        for (double rho = 0; rho < 500_000; rho += 7_777) {
            double g = PlotProjection.groundRange(50, 100, 10_000, Math.max(rho, 9_900), 1);
            assertThat(g).isLessThanOrEqualTo(Math.max(rho, 9_900));
        }
    }

    @Test
    void slantRangeShorterThanTheHeightDifferenceClampsToTheRadarPosition() {
        RadarPlot p = new RadarPlot();
        p.rhoMetres = 5_000;
        p.thetaRad = 1;
        p.altitudeMetres = 10_000;
        new PlotProjection().project(SITE, p);
        assertThat(p.has(RadarPlot.GROUND_RANGE_CLAMPED)).isTrue();
        assertThat(p.latDeg).isEqualTo(50.0);
        assertThat(p.lonDeg).isEqualTo(4.0);
    }

    @Test
    void missingMeasurementLeavesPositionAbsent() {
        RadarPlot p = new RadarPlot();
        p.thetaRad = 1;
        assertThat(new PlotProjection().project(SITE, p)).isFalse();
        assertThat(p.latDeg).isNaN();
        p.rhoMetres = Double.POSITIVE_INFINITY;
        assertThat(new PlotProjection().project(SITE, p)).isFalse();
    }

    @Test
    void projectionAllocatesNothing() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        PlotProjection projection = new PlotProjection();
        RadarPlot p = new RadarPlot();
        long tid = Thread.currentThread().getId();
        run(projection, p, 20_000); // warm up
        long before = mx.getThreadAllocatedBytes(tid);
        run(projection, p, 100_000);
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertThat(allocated).as("bytes allocated by 100 000 projections").isLessThan(1_000);
    }

    private static void run(PlotProjection projection, RadarPlot p, int n) {
        for (int i = 0; i < n; i++) {
            p.reset();
            p.rhoMetres = 1000 + i % 400_000;
            p.thetaRad = (i % 6283) / 1000.0;
            if ((i & 1) == 0) p.altitudeMetres = 3000 + i % 9000;
            projection.project(SITE, p);
        }
    }

    private static double metresBetween(double lat1, double lon1, double lat2, double lon2) {
        GeodesicData g = Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2);
        return g.s12;
    }
}
