package org.vigil.server.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.codec.asterix.AsterixDecoder;
import org.vigil.codec.asterix.AsterixRecord;
import org.vigil.codec.asterix.Cat048Record;
import org.vigil.codec.asterix.RecordHandler;
import org.vigil.codec.asterix.Rejection;
import org.vigil.core.radar.PlotProjection;
import org.vigil.core.radar.RadarPlot;
import org.vigil.core.radar.RadarSite;
import org.vigil.core.sim.Scenario;

/**
 * Every CAT048 record converts back to the truth within the configured noise. The plots are put
 * on the map by the radar engineer's {@link PlotProjection} (independent of the simulator's
 * geometry) and compared with the truth interpolated at the plot time; the error is split into
 * a radial and a cross-range part. With a fixed seed and about 1,080 plots: the standard deviation
 * of each part is within 10 % (4.6 standard errors) of the configured sigma (range 120 m; azimuth 0.1 deg, i.e. cross
 * range / ground range), the means are within 4 sigma/sqrt(n) plus 15 m (range) or 0.01 deg
 * (azimuth) of zero, and every single plot is within 5 sigma. Detection probability 0.9 shows as a
 * hit ratio of 0.9 +- 0.03 over the scans each target spent in cover; 2 clutter plots per scan
 * arrive as primary-only reports without codes.
 */
class SimRadarStatisticsTest {
    static final double SIGMA_RANGE = 120, SIGMA_AZ_DEG = 0.1, PD = 0.9, ROTATION = 4;

    static final String SCENARIO = """
            name: radar-statistics
            start: 2022-04-20T10:00:00Z
            duration: 10m
            seed: 48
            area: {south: 40, north: 47, west: 22, east: 32}
            radars:
              - {name: Test, sac: 7, sic: 9, position: [43.5, 27.0], height: 400, range: 200, rotation: 4s,
                 pd: 0.9, range-noise: 120, azimuth-noise: 0.1, primary: true, secondary: mode-s, clutter: 2}
            flights:
            """ + flights();

    private static String flights() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            double brg = i * 45 + 10, dist = 0.5 + 0.25 * i; // degrees of arc, 55-220 km
            double lat = 43.5 + dist * Math.cos(Math.toRadians(brg));
            double lon = 27.0 + dist * Math.sin(Math.toRadians(brg)) / Math.cos(Math.toRadians(43.5));
            b.append(String.format(
                    java.util.Locale.ROOT,
                    "  - {callsign: TST%d, icao: 00A00%d, type: A320, squawk: \"100%d\", route: [[%.4f, %.4f], [%.4f, %.4f]], altitude: FL%d}%n",
                    i,
                    i,
                    i,
                    lat,
                    lon,
                    lat + (i % 2 == 0 ? 1.0 : -1.0),
                    lon + 1.2,
                    200 + 20 * i));
        }
        return b.toString();
    }

    @Test
    void plotsConvertBackToTheTruthWithinTheConfiguredNoise(@TempDir Path dir) throws Exception {
        Scenario sc = ScenarioLoader.parse(SCENARIO, "radar-statistics.yaml");
        SimRunner.run(sc, dir, sc.durationSeconds(), null);
        Map<String, List<SimTestRun.State>> truth = SimTestRun.truth(dir);
        RadarSite site = new RadarSite(
                7,
                9,
                "Test",
                43.5,
                27.0,
                400,
                ROTATION,
                SIGMA_RANGE,
                Math.toRadians(SIGMA_AZ_DEG),
                RadarSite.DEFAULT_ASSUMED_HEIGHT_METRES);
        PlotProjection projection = new PlotProjection();
        RadarPlot plot = new RadarPlot();
        List<double[]> residuals = new ArrayList<>(); // radial m, cross-range deg
        int[] clutter = {0}, markers = {0}, rejected = {0};
        Cat048Record v = new Cat048Record();
        long startTod = sc.startEpochSeconds() % 86400;
        byte[] bytes = Files.readAllBytes(dir.resolve("radar-7-9.ast"));
        new AsterixDecoder().decode(bytes, 0, bytes.length, new RecordHandler() {
            @Override
            public void record(AsterixRecord r) {
                if (r.category() == 34) {
                    markers[0]++;
                    return;
                }
                v.wrap(r);
                if (v.typ() == 1) {
                    assertThat(v.mode3A()).isEqualTo(RadarPlot.ABSENT);
                    clutter[0]++;
                    return;
                }
                assertThat(v.typ()).isEqualTo(7);
                String icao = String.format("%06X", v.address());
                double t = v.timeOfDaySeconds() - startTod;
                SimTestRun.State s = SimTestRun.at(truth.get(icao), t);
                if (s == null) return;
                plot.rhoMetres = v.rhoMetres();
                plot.thetaRad = v.thetaRad();
                plot.altitudeMetres = v.flightLevelFeet() * 0.3048;
                assertThat(projection.project(site, plot)).isTrue();
                // truth in polar around the radar, by the same local frame as the residual
                double az = bearing(site.latDeg(), site.lonDeg(), s.lat(), s.lon());
                double dn = Math.toRadians(plot.latDeg - s.lat()) * 6_371_000;
                double de = Math.toRadians(plot.lonDeg - s.lon()) * 6_371_000 * Math.cos(Math.toRadians(s.lat()));
                double radial = dn * Math.cos(az) + de * Math.sin(az);
                double cross = -dn * Math.sin(az) + de * Math.cos(az);
                residuals.add(new double[] {radial, Math.toDegrees(cross / plot.groundRangeMetres)});
            }

            @Override
            public void rejected(int category, Rejection why, int offset) {
                rejected[0]++;
            }
        });
        assertThat(rejected[0]).isZero();
        int n = residuals.size();
        assertThat(n).isGreaterThan(1000); // 8 targets x 150 scans x Pd 0.9 = 1,080 expected
        double[] mean = new double[2], sd = new double[2];
        for (double[] r : residuals) for (int k = 0; k < 2; k++) mean[k] += r[k] / n;
        for (double[] r : residuals) for (int k = 0; k < 2; k++) sd[k] += (r[k] - mean[k]) * (r[k] - mean[k]) / (n - 1);
        sd[0] = Math.sqrt(sd[0]);
        sd[1] = Math.sqrt(sd[1]);
        assertThat(sd[0]).isBetween(SIGMA_RANGE * 0.9, SIGMA_RANGE * 1.1);
        assertThat(sd[1]).isBetween(SIGMA_AZ_DEG * 0.9, SIGMA_AZ_DEG * 1.1);
        assertThat(Math.abs(mean[0])).isLessThan(4 * SIGMA_RANGE / Math.sqrt(n) + 15);
        assertThat(Math.abs(mean[1])).isLessThan(4 * SIGMA_AZ_DEG / Math.sqrt(n) + 0.01);
        for (double[] r : residuals) {
            assertThat(Math.abs(r[0])).isLessThan(5 * SIGMA_RANGE + 20);
            assertThat(Math.abs(r[1])).isLessThan(5 * SIGMA_AZ_DEG + 0.01);
        }
        // 8 targets always in cover for 600 s at one scan per 4 s: 1,200 chances
        double expectedScans = 8 * 600 / ROTATION;
        assertThat(n / expectedScans).isBetween(PD - 0.03, PD + 0.03);
        assertThat(markers[0]).isBetween(149, 151);
        assertThat(clutter[0]).isBetween(200, 400); // Poisson mean 300
    }

    private static double bearing(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2), dl = Math.toRadians(lon2 - lon1);
        return Math.atan2(
                Math.sin(dl) * Math.cos(p2), Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl));
    }
}
