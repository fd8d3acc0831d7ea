package org.vigil.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrackQualityEvaluatorTest {
    private static final double LAT0 = 50.0, LON0 = 6.0;
    private static final double C = 10_000;

    // Metres north/east of (LAT0, LON0) to degrees, with the WGS-84 radii of curvature there.
    private static double lat(double northM) {
        double s = Math.sin(Math.toRadians(LAT0)), e2 = GatedAssignment.WGS84_E2;
        double meridian = GatedAssignment.WGS84_A * (1 - e2) / Math.pow(1 - e2 * s * s, 1.5);
        return LAT0 + Math.toDegrees(northM / meridian);
    }

    private static double lon(double eastM) {
        double s = Math.sin(Math.toRadians(LAT0)), e2 = GatedAssignment.WGS84_E2;
        double normal = GatedAssignment.WGS84_A / Math.sqrt(1 - e2 * s * s);
        return LON0 + Math.toDegrees(eastM / (normal * Math.cos(Math.toRadians(LAT0))));
    }

    private static TrackQualityEvaluator evaluator() {
        return new TrackQualityEvaluator(MetricsConfig.defaults());
    }

    private static void truth(TrackQualityEvaluator e, long id, double north, double east, String situation) {
        e.truth(id, lat(north), lon(east), 9000, situation);
    }

    private static void track(TrackQualityEvaluator e, long number, double north, double east) {
        e.track(number, lat(north), lon(east), 9000);
    }

    @Test
    void perfectTrackingScoresZeroEverywhere() {
        TrackQualityEvaluator e = evaluator();
        for (int t = 0; t < 10; t++) {
            e.beginInstant(t * 4.0);
            truth(e, 1, t * 800, 0, "radar+adsb");
            truth(e, 2, 0, 30_000 + t * 800, "adsb-only");
            track(e, 101, t * 800, 0);
            track(e, 102, 0, 30_000 + t * 800);
            e.endInstant();
        }
        QualityFigures f = e.result().overall();
        assertThat(f.ospaMeanM()).isCloseTo(0, within(1e-6));
        assertThat(f.gospaMean()).isCloseTo(0, within(1e-6));
        assertThat(f.trackBreaks()).isZero();
        assertThat(f.swaps()).isZero();
        assertThat(f.falseTracks()).isZero();
        assertThat(f.missedTruth()).isZero();
        assertThat(f.positionErrorMeanM()).isCloseTo(0, within(1e-6));
        assertThat(f.initiationLatencyMeanS()).isZero();
        assertThat(f.instantsScored()).isEqualTo(10);
        assertThat(f.truthInstants()).isEqualTo(20);
    }

    @Test
    void positionErrorIsTheGeodeticSeparation() {
        TrackQualityEvaluator e = evaluator();
        e.beginInstant(0);
        truth(e, 1, 0, 0, "radar-only");
        track(e, 7, 300, 400); // 500 m off
        QualityFigures f = e.result().overall();
        assertThat(f.positionErrorMeanM()).isCloseTo(500, within(0.05));
        assertThat(f.ospaMeanM()).isCloseTo(500, within(0.05));
        assertThat(f.gospaMean()).isCloseTo(500, within(0.05));
    }

    @Test
    void aNewTrackOnTheSameTruthIsOneBreakAndAGapIsNone() {
        TrackQualityEvaluator e = evaluator();
        for (int t = 0; t < 12; t++) {
            e.beginInstant(t);
            truth(e, 1, t * 200, 0, "radar-only");
            if (t < 4) track(e, 10, t * 200 + 50, 0);
            // t = 4: no track (a miss), then track 10 again: the same identity, no break
            if (t >= 5 && t < 8) track(e, 10, t * 200 + 50, 0);
            if (t >= 8) track(e, 11, t * 200 - 50, 0); // track 10 dropped, 11 takes over: one break
            e.endInstant();
        }
        QualityFigures f = e.result().overall();
        assertThat(f.trackBreaks()).isEqualTo(1);
        assertThat(f.swaps()).isZero();
        assertThat(f.missedTruth()).isEqualTo(1);
        assertThat(f.falseTracks()).isZero();
        assertThat(f.positionErrorMeanM()).isCloseTo(50, within(0.01));
        assertThat(e.result().bySituation().get("radar-only").trackBreaks()).isEqualTo(1);
    }

    @Test
    void returningToAnEarlierTrackIsAnotherBreak() {
        TrackQualityEvaluator e = evaluator();
        long[] sequence = {5, 5, 6, 6, 5, 5};
        for (int t = 0; t < sequence.length; t++) {
            e.beginInstant(t);
            truth(e, 1, 0, 0, "radar+adsb");
            track(e, sequence[t], 10, 0);
            e.endInstant();
        }
        assertThat(e.result().overall().trackBreaks()).isEqualTo(2);
    }

    @Test
    void twoTruthsExchangingTracksAreTwoSwapsAndTwoBreaks() {
        TrackQualityEvaluator e = evaluator();
        for (int t = 0; t < 10; t++) {
            e.beginInstant(t * 5.0);
            double a = 2000, b = 2000 + 3000; // parallel 3 km apart
            truth(e, 1, t * 1000, a, "radar+adsb");
            truth(e, 2, t * 1000, b, "radar-only");
            boolean swapped = t >= 6;
            track(e, 21, t * 1000, swapped ? b : a);
            track(e, 22, t * 1000, swapped ? a : b);
            e.endInstant();
        }
        TrackQualityResult r = e.result();
        assertThat(r.overall().swaps()).isEqualTo(2);
        assertThat(r.overall().trackBreaks()).isEqualTo(2);
        assertThat(r.overall().falseTracks()).isZero();
        assertThat(r.bySituation().get("radar+adsb").swaps()).isEqualTo(1);
        assertThat(r.bySituation().get("radar-only").swaps()).isEqualTo(1);
    }

    @Test
    void falseTracksFollowTheUnassignedShareOfTheirLife() {
        TrackQualityEvaluator e = evaluator();
        for (int t = 0; t < 10; t++) {
            e.beginInstant(t);
            truth(e, 1, 0, 0, "radar+adsb");
            truth(e, 2, 0, 100_000, "primary-only");
            track(e, 30, 50_000, 0); // never near a truth: false
            track(e, 31, 0, t < 6 ? 50 : 40_000); // on truth 1 60 %: kept
            track(e, 32, 0, t < 4 ? 100_050 : 140_000); // on truth 2 40 %: false
            truth(e, 3, 0, 200_000, "radar+adsb");
            track(e, 33, 0, t < 5 ? 200_050 : 240_000); // 50 %: not more than half, kept
            e.endInstant();
        }
        TrackQualityResult r = e.result();
        assertThat(r.overall().falseTracks()).isEqualTo(2);
        assertThat(r.bySituation().get(TrackQualityEvaluator.NO_TRUTH).falseTracks())
                .isEqualTo(1);
        assertThat(r.bySituation().get("primary-only").falseTracks()).isEqualTo(1);
        assertThat(r.bySituation().get("radar+adsb").falseTracks()).isZero();
        // The truths are missed once their tracks wander off: 4 + 6 + 5 instants.
        assertThat(r.overall().missedTruth()).isEqualTo(15);

        TrackQualityEvaluator strict =
                new TrackQualityEvaluator(MetricsConfig.defaults().withFalseTrackUnassignedFraction(0.3));
        for (int t = 0; t < 10; t++) {
            strict.beginInstant(t);
            truth(strict, 1, 0, 0, "radar+adsb");
            track(strict, 31, 0, t < 6 ? 50 : 40_000); // 40 % unassigned > 30 %: now false
            strict.endInstant();
        }
        assertThat(strict.result().overall().falseTracks()).isEqualTo(1);
    }

    @Test
    void missedTruthAndLatencyCountOnlyWhileDetectable() {
        TrackQualityEvaluator e = evaluator();
        // Truth 1: uncovered for t = 0..20 s, radar-only from 30 s, first tracked at 60 s.
        // Truth 2: adsb-only from 0 s, tracked from 10 s.  Truth 3: always uncovered, never tracked.
        for (int t = 0; t <= 100; t += 10) {
            e.beginInstant(t);
            truth(e, 1, t * 200, 0, t < 30 ? "uncovered" : "radar-only");
            truth(e, 2, 0, 50_000 + t * 200, "adsb-only");
            truth(e, 3, 90_000, 90_000, "uncovered");
            if (t >= 60) track(e, 1001, t * 200 + 100, 0);
            if (t >= 10) track(e, 1002, 0, 50_000 + t * 200);
            e.endInstant();
        }
        TrackQualityResult r = e.result();
        assertThat(r.overall().missedTruth()).isEqualTo(3 + 1); // truth 1 at 30, 40, 50; truth 2 at 0
        assertThat(r.overall().initiationLatencyMeanS()).isCloseTo((30 + 10) / 2.0, within(1e-9));
        assertThat(r.bySituation().get("radar-only").initiationLatencyMeanS()).isCloseTo(30, within(1e-9));
        assertThat(r.bySituation().get("adsb-only").initiationLatencyMeanS()).isCloseTo(10, within(1e-9));
        assertThat(r.overall().initiationLatencyMaxS()).isEqualTo(30);
        assertThat(r.bySituation().get("adsb-only").initiationLatencyMaxS()).isEqualTo(10);
        assertThat(r.bySituation().get("uncovered").missedTruth()).isZero();
        assertThat(r.bySituation().get("uncovered").initiationLatencyMeanS()).isNaN();
        assertThat(r.overall().truthsNeverTracked()).isZero(); // truth 3 was never detectable
    }

    @Test
    void aTruthNeverTrackedIsCountedAndHasNoLatency() {
        TrackQualityEvaluator e = evaluator();
        for (int t = 0; t < 5; t++) {
            e.beginInstant(t);
            truth(e, 1, 0, 0, "primary-only");
            e.endInstant();
        }
        QualityFigures f = e.result().overall();
        assertThat(f.truthsNeverTracked()).isEqualTo(1);
        assertThat(f.initiationLatencyMeanS()).isNaN();
        assertThat(f.missedTruth()).isEqualTo(5);
        assertThat(f.ospaMeanM()).isEqualTo(C);
        assertThat(f.gospaMean()).isCloseTo(Math.sqrt(C * C / 2), within(1e-6));
    }

    @Test
    void situationBreakdownScoresEachSituationsTruths() {
        TrackQualityEvaluator e = evaluator();
        e.beginInstant(0);
        truth(e, 1, 0, 0, "adsb-only");
        truth(e, 2, 0, 50_000, "radar-only"); // missed
        track(e, 1, 0, 0);
        track(e, 9, 0, 150_000); // false, belongs to no situation
        TrackQualityResult r = e.result();
        assertThat(r.bySituation().get("adsb-only").ospaMeanM()).isCloseTo(0, within(1e-6));
        assertThat(r.bySituation().get("radar-only").ospaMeanM()).isEqualTo(C);
        // Overall: 2 tracks, 2 truths, 1 pair at 0: OSPA = sqrt((0 + c²)/2), GOSPA = sqrt(2·c²/2) = c.
        assertThat(r.overall().ospaMeanM()).isCloseTo(Math.sqrt(C * C / 2), within(1e-6));
        assertThat(r.overall().gospaMean()).isCloseTo(C, within(1e-6));
    }

    @Test
    void undetectableTruthsAndTheirTracksStayOutOfTheRunWideSetMetricsUnlessAsked() {
        for (boolean include : new boolean[] {false, true}) {
            TrackQualityEvaluator e =
                    new TrackQualityEvaluator(MetricsConfig.defaults().withSetMetricsIncludeUndetectable(include));
            e.beginInstant(0);
            truth(e, 1, 0, 0, "radar-only");
            truth(e, 2, 0, 50_000, "uncovered"); // coasting track 2 follows it 1 km off
            truth(e, 3, 0, 90_000, "uncovered"); // nothing on it
            track(e, 1, 0, 0);
            track(e, 2, 0, 51_000);
            QualityFigures f = e.result().overall();
            if (include) {
                assertThat(f.ospaMeanM()).isCloseTo(Math.sqrt((1000.0 * 1000 + C * C) / 3), within(1e-3));
            } else {
                assertThat(f.ospaMeanM()).isCloseTo(0, within(1e-6));
            }
            assertThat(f.missedTruth()).isZero();
            assertThat(f.falseTracks()).isZero();
        }
    }

    @Test
    void matchesTheReferenceOspaAndGospaOnRandomPictures() {
        Random r = new Random(21);
        for (int round = 0; round < 60; round++) {
            double p = round % 2 == 0 ? 2 : 1;
            MetricsConfig config = MetricsConfig.defaults().withOrder(p);
            TrackQualityEvaluator e = new TrackQualityEvaluator(config);
            int truths = r.nextInt(12), tracks = r.nextInt(12);
            double[][] truthLatLon = new double[truths][], trackLatLon = new double[tracks][];
            e.beginInstant(0);
            for (int j = 0; j < truths; j++) { // crowded 40 km square: many overlapping gates
                truthLatLon[j] = new double[] {lat(r.nextDouble() * 40_000), lon(r.nextDouble() * 40_000)};
                e.truth(j, truthLatLon[j][0], truthLatLon[j][1], 0, "radar+adsb");
            }
            for (int i = 0; i < tracks; i++) {
                double[] near = truths > 0 && r.nextInt(4) > 0
                        ? truthLatLon[r.nextInt(truths)]
                        : new double[] {lat(r.nextDouble() * 40_000), lon(r.nextDouble() * 40_000)};
                trackLatLon[i] =
                        new double[] {near[0] + (r.nextDouble() - 0.5) * 0.08, near[1] + (r.nextDouble() - 0.5) * 0.12};
                e.track(100 + i, trackLatLon[i][0], trackLatLon[i][1], 0);
            }
            QualityFigures f = e.result().overall();
            double[] d = new double[tracks * truths];
            double[] a = new double[3], b = new double[3];
            for (int i = 0; i < tracks; i++) {
                GatedAssignment.toSurfaceEcef(trackLatLon[i][0], trackLatLon[i][1], a, 0);
                for (int j = 0; j < truths; j++) {
                    GatedAssignment.toSurfaceEcef(truthLatLon[j][0], truthLatLon[j][1], b, 0);
                    d[i * truths + j] = Math.sqrt(sq(a[0] - b[0]) + sq(a[1] - b[1]) + sq(a[2] - b[2]));
                }
            }
            if (tracks + truths == 0) {
                assertThat(f.instantsScored()).isZero();
                continue;
            }
            assertThat(f.ospaMeanM())
                    .as("round %d", round)
                    .isCloseTo(new Ospa(C, p).distance(d, tracks, truths), within(1e-6));
            GospaResult g = new Gospa(C, p).evaluate(d, tracks, truths);
            assertThat(f.gospaMean()).as("round %d", round).isCloseTo(g.distance(), within(1e-6));
            assertThat(f.missedTruth()).isEqualTo(g.missedCount());
        }
    }

    @Test
    void slantModeAddsTheVerticalSeparationAndIgnoresUnknownAltitudes() {
        TrackQualityEvaluator e =
                new TrackQualityEvaluator(MetricsConfig.defaults().withDistance(DistanceMode.SLANT));
        e.beginInstant(0);
        e.truth(1, lat(0), lon(0), 9000, "radar+adsb");
        e.track(1, lat(300), lon(0), 9400);
        e.truth(2, lat(0), lon(50_000), 9000, "primary-only");
        e.track(2, lat(0), lon(50_300), Double.NaN);
        QualityFigures f = e.result().overall();
        assertThat(f.positionErrorMeanM()).isCloseTo((500 + 300) / 2.0, within(0.05));
        TrackQualityEvaluator h = evaluator();
        h.beginInstant(0);
        h.truth(1, lat(0), lon(0), 9000, "radar+adsb");
        h.track(1, lat(300), lon(0), 9400);
        assertThat(h.result().overall().positionErrorMeanM()).isCloseTo(300, within(0.05));
    }

    @Test
    void badInputIsRefusedAndCountedByReason() {
        TrackQualityEvaluator e = evaluator();
        e.truth(1, LAT0, LON0, 0, "radar-only"); // outside an instant
        e.beginInstant(10);
        e.truth(1, Double.NaN, LON0, 0, "radar-only"); // bad position
        e.track(1, 95, LON0, 0); // bad position
        truth(e, 2, 0, 0, "radar-only");
        truth(e, 2, 100, 0, "radar-only"); // duplicate id
        track(e, 5, 0, 0);
        track(e, 5, 10, 0); // duplicate number
        e.track(6, lat(0), lon(0), 0, false); // tentative: ignored
        e.endInstant();
        e.beginInstant(10); // not later: the instant is refused
        truth(e, 3, 0, 0, "radar-only");
        e.endInstant();
        e.beginInstant(Double.NaN);
        e.endInstant();
        TrackQualityResult r = e.result();
        assertThat(r.rejections())
                .containsExactly(
                        Map.entry("bad_position", 2L),
                        Map.entry("duplicate_id", 2L),
                        Map.entry("instant_out_of_order", 2L),
                        Map.entry("outside_instant", 1L),
                        Map.entry("tentative_ignored", 1L));
        assertThat(r.overall().instantsScored()).isEqualTo(1);
        assertThat(r.overall().truthInstants()).isEqualTo(1);
        assertThat(r.overall().falseTracks()).isZero();
    }

    @Test
    void survivesRandomGarbageWithoutThrowing() {
        double[] odd = {
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1e300, 1e300, -90, 90, 0, 359.9, -180
        };
        Random r = new Random(99);
        for (MetricsConfig config : new MetricsConfig[] {
            MetricsConfig.defaults(),
            MetricsConfig.defaults().withDistance(DistanceMode.SLANT).withOrder(1)
        }) {
            TrackQualityEvaluator e = new TrackQualityEvaluator(config);
            for (int step = 0; step < 20_000; step++) {
                double v = r.nextInt(4) == 0 ? odd[r.nextInt(odd.length)] : r.nextDouble() * 0.1;
                switch (r.nextInt(6)) {
                    case 0 ->
                        e.beginInstant(
                                r.nextInt(5) == 0 ? (r.nextBoolean() ? Double.NaN : step * 0.5 - 10) : step * 0.5);
                    case 1 -> e.endInstant();
                    case 2 ->
                        e.truth(
                                r.nextInt(20),
                                LAT0 + v,
                                LON0 + r.nextDouble() * 0.1,
                                odd[r.nextInt(odd.length)],
                                r.nextBoolean() ? null : "s" + r.nextInt(3));
                    default ->
                        e.track(
                                r.nextInt(30),
                                LAT0 + r.nextDouble() * 0.1,
                                r.nextInt(3) == 0 ? v : LON0 + r.nextDouble() * 0.1,
                                odd[r.nextInt(odd.length)],
                                r.nextInt(8) != 0);
                }
            }
            TrackQualityResult result = e.result();
            assertThat(result.overall().truthInstants()).isPositive();
            assertThat(result.rejections().values()).allMatch(n -> n > 0);
            assertThat(result.overall().ospaMeanM()).isBetween(0.0, C);
            assertThat(result.overall().positionErrorMeanM()).as("%s", result).isBetween(0.0, C);
        }
    }

    @Test
    void writesTheIssuesJsonObjectInAFixedOrder() {
        TrackQualityEvaluator e = evaluator();
        e.beginInstant(0);
        truth(e, 1, 0, 0, "radar-only");
        truth(e, 2, 0, 40_000, "adsb-only");
        track(e, 1, 0, 0);
        Map<String, Object> json = e.result().toJsonMap();
        assertThat(json.keySet())
                .startsWith(
                        "ospa_mean_m",
                        "gospa_mean",
                        "track_breaks",
                        "swaps",
                        "false_tracks",
                        "missed_truth",
                        "position_error_mean_m",
                        "initiation_latency_mean_s");
        assertThat(json).containsKeys("by_situation", "rejected");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> bySituation = (Map<String, Map<String, Object>>) json.get("by_situation");
        assertThat(bySituation.keySet()).containsExactly("adsb-only", "radar-only");
        assertThat(bySituation.get("adsb-only").get("missed_truth")).isEqualTo(1L);
        assertThat(bySituation.get("adsb-only")).containsEntry("position_error_mean_m", null); // undefined mean
        assertThat(bySituation.get("adsb-only")).containsEntry("initiation_latency_mean_s", null);
        assertThat((Double) bySituation.get("radar-only").get("position_error_mean_m"))
                .isCloseTo(0, within(1e-6));
    }

    @Test
    void scalesToAFullPictureThroughGatedComponents() {
        TrackQualityEvaluator e = evaluator();
        Random r = new Random(1);
        int n = 5000;
        double[][] truthPos = new double[n][];
        for (int j = 0; j < n; j++) truthPos[j] = new double[] {r.nextDouble() * 1_000_000, r.nextDouble() * 1_000_000};
        long start = System.nanoTime();
        for (int t = 0; t < 3; t++) {
            e.beginInstant(t);
            for (int j = 0; j < n; j++) truth(e, j, truthPos[j][0], truthPos[j][1], "radar+adsb");
            for (int j = 0; j < n; j++)
                track(e, j, truthPos[j][0] + r.nextGaussian() * 100, truthPos[j][1] + r.nextGaussian() * 100);
            e.endInstant();
        }
        QualityFigures f = e.result().overall();
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(f.missedTruth()).isLessThan(n / 100); // 5,000 on a 1000 km square: a few crowded gates at most
        assertThat(f.positionErrorMeanM()).isBetween(100.0, 150.0); // Rayleigh mean of σ = 100 m is 125 m
        assertThat(ms).as("3 instants of 5,000 × 5,000").isLessThan(20_000);
    }

    private static double sq(double v) {
        return v * v;
    }
}
