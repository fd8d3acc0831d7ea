package org.vigil.core.aircraft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PositionGateTest {
    private static final long S = 1_000_000_000L;
    private static final long T0 = 1_753_827_785L * S;
    /** One nautical mile of latitude in degrees. */
    private static final double NM = 1.0 / 60.0;

    private final AircraftTable table = new AircraftTable();
    private final AircraftState a = table.findOrAdd(0x4CA123);

    @Test
    void firstPositionIsAccepted() {
        assertThat(table.offerPosition(a, 43.0, 27.9, 35000, false, T0)).isEqualTo(PositionOutcome.ACCEPTED);
        assertThat(a.lat()).isEqualTo(43.0);
        assertThat(a.lon()).isEqualTo(27.9);
        assertThat(a.positionNanos()).isEqualTo(T0);
    }

    @Test
    void fiftyMileJumpInOneSecondIsRejectedAndCounted() {
        table.offerPosition(a, 43.0, 27.9, 35000, false, T0);
        PositionOutcome o = table.offerPosition(a, 43.0 + 50 * NM, 27.9, 35000, false, T0 + S);
        assertThat(o).isEqualTo(PositionOutcome.REJECTED_IMPLAUSIBLE);
        assertThat(a.lat()).isEqualTo(43.0);
        assertThat(a.positionRejections()).isEqualTo(1);
        assertThat(table.positionsRejected()).isEqualTo(1);
        assertThat(a.trailSize()).isEqualTo(1);
    }

    @Test
    void normalAirlinerMotionIsAccepted() {
        table.offerPosition(a, 43.0, 27.9, 35000, false, T0);
        // 480 kt for 10 s = 1.33 NM
        assertThat(table.offerPosition(a, 43.0 + 1.333 * NM, 27.9, 35000, false, T0 + 10 * S))
                .isEqualTo(PositionOutcome.ACCEPTED);
        assertThat(table.positionsAccepted()).isEqualTo(2);
    }

    @Test
    void gateFollowsConfiguredSpeedAndTimeFloor() {
        // 1200 kt: 10 s allows 3.33 NM + 0.1 slack; 3.3 passes, 3.6 does not
        table.offerPosition(a, 43.0, 27.9, 35000, false, T0);
        assertThat(table.offerPosition(a, 43.0 + 3.3 * NM, 27.9, 35000, false, T0 + 10 * S))
                .isEqualTo(PositionOutcome.ACCEPTED);
        assertThat(table.offerPosition(a, 43.0 + 6.9 * NM, 27.9, 35000, false, T0 + 20 * S))
                .isEqualTo(PositionOutcome.REJECTED_IMPLAUSIBLE);
        // Two fixes in the same millisecond: the 1 s floor allows 0.43 NM
        assertThat(table.offerPosition(a, 43.0 + 3.6 * NM, 27.9, 35000, false, T0 + 10 * S + 1_000_000))
                .isEqualTo(PositionOutcome.ACCEPTED);
    }

    @Test
    void surfaceGateIsTighterButTakeOffUsesAirborneLimit() {
        table.offerPosition(a, 43.0, 27.9, AircraftState.ABSENT, true, T0);
        // 1 NM in 10 s on the surface = 360 kt: too fast for a surface movement
        assertThat(table.offerPosition(a, 43.0 + 1 * NM, 27.9, AircraftState.ABSENT, true, T0 + 10 * S))
                .isEqualTo(PositionOutcome.REJECTED_IMPLAUSIBLE);
        // the same jump reported as airborne passes the airborne limit
        assertThat(table.offerPosition(a, 43.0 + 1 * NM, 27.9, 1500, false, T0 + 10 * S))
                .isEqualTo(PositionOutcome.ACCEPTED);
    }

    @Test
    void consistentNewTrackIsAcceptedAfterThreeAgreeingFixes() {
        // A bad first fix (e.g. a wrong CPR zone) far from where the aircraft really is.
        table.offerPosition(a, 45.0, 25.0, 35000, false, T0);
        double lat = 43.0;
        PositionOutcome[] out = new PositionOutcome[4];
        for (int i = 0; i < 4; i++) {
            out[i] = table.offerPosition(a, lat + i * 0.1 * NM, 27.9, 35000, false, T0 + (i + 1) * S);
        }
        assertThat(out)
                .containsExactly(
                        PositionOutcome.REJECTED_IMPLAUSIBLE,
                        PositionOutcome.REJECTED_IMPLAUSIBLE,
                        PositionOutcome.RELOCATED,
                        PositionOutcome.ACCEPTED);
        assertThat(a.lat()).isCloseTo(43.0 + 0.3 * NM, within(1e-9));
        assertThat(a.relocations()).isEqualTo(1);
        assertThat(table.positionsRelocated()).isEqualTo(1);
    }

    @Test
    void scatteredOutliersNeverRelocate() {
        table.offerPosition(a, 43.0, 27.9, 35000, false, T0);
        // noise: each rejected fix far from the previous rejected one
        double[][] junk = {{46, 20}, {40, 33}, {47, 30}, {39, 21}, {45, 35}};
        for (int i = 0; i < junk.length; i++) {
            assertThat(table.offerPosition(a, junk[i][0], junk[i][1], 35000, false, T0 + (i + 1) * S))
                    .isEqualTo(PositionOutcome.REJECTED_IMPLAUSIBLE);
        }
        assertThat(a.lat()).isEqualTo(43.0);
    }

    @Test
    void goodFixBetweenOutliersResetsTheRelocationCount() {
        table.offerPosition(a, 43.0, 27.9, 35000, false, T0);
        table.offerPosition(a, 45.0, 25.0, 35000, false, T0 + S);
        table.offerPosition(a, 45.0, 25.0, 35000, false, T0 + 2 * S);
        assertThat(table.offerPosition(a, 43.0, 27.9, 35000, false, T0 + 3 * S)).isEqualTo(PositionOutcome.ACCEPTED);
        assertThat(table.offerPosition(a, 45.0, 25.0, 35000, false, T0 + 4 * S))
                .isEqualTo(PositionOutcome.REJECTED_IMPLAUSIBLE);
    }

    @Test
    void olderFixThanTheCurrentIsIgnoredAsLate() {
        table.offerPosition(a, 43.0, 27.9, 35000, false, T0 + 5 * S);
        assertThat(table.offerPosition(a, 43.01, 27.9, 35000, false, T0)).isEqualTo(PositionOutcome.IGNORED_LATE);
        assertThat(a.lat()).isEqualTo(43.0);
        assertThat(table.positionsLate()).isEqualTo(1);
    }

    @Test
    void invalidCoordinatesAreRejected() {
        assertThat(table.offerPosition(a, Double.NaN, 27.9, 0, false, T0)).isEqualTo(PositionOutcome.REJECTED_INVALID);
        assertThat(table.offerPosition(a, 91, 27.9, 0, false, T0)).isEqualTo(PositionOutcome.REJECTED_INVALID);
        assertThat(table.offerPosition(a, 43, 180.5, 0, false, T0)).isEqualTo(PositionOutcome.REJECTED_INVALID);
        assertThat(a.hasPosition()).isFalse();
        assertThat(table.positionsInvalid()).isEqualTo(3);
    }

    @Test
    void distanceIsGreatCircleNauticalMiles() {
        assertThat(AircraftState.distanceNm(0, 0, 1, 0)).isCloseTo(60.04, within(0.05));
        // across the antimeridian: 0.2 degrees of longitude at the equator, not 359.8
        assertThat(AircraftState.distanceNm(0, 179.9, 0, -179.9)).isCloseTo(12.0, within(0.05));
    }

    @Test
    void randomInputNeverThrowsAndTheTrailEndsAtTheCurrentPosition() {
        java.util.Random r = new java.util.Random(7);
        double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, -0.0, 90, -90, 180, -180, 1e300};
        for (int i = 0; i < 100_000; i++) {
            double lat = r.nextInt(10) == 0 ? specials[r.nextInt(specials.length)] : 43 + r.nextGaussian();
            double lon = r.nextInt(10) == 0 ? specials[r.nextInt(specials.length)] : 28 + r.nextGaussian();
            long t = T0 + r.nextInt(3_600) * S - (r.nextInt(20) == 0 ? Long.MAX_VALUE / 4 : 0);
            table.offerPosition(a, lat, lon, r.nextInt(50_000), r.nextBoolean(), t);
            if (a.hasPosition()) {
                assertThat(a.trailLat(a.trailSize() - 1)).isEqualTo(a.lat());
                assertThat(a.trailLon(a.trailSize() - 1)).isEqualTo(a.lon());
                assertThat(a.trailTimeNanos(a.trailSize() - 1)).isEqualTo(a.positionNanos());
            }
        }
        assertThat(table.positionsAccepted()
                        + table.positionsRelocated()
                        + table.positionsRejected()
                        + table.positionsLate()
                        + table.positionsInvalid())
                .isEqualTo(100_000);
    }
}
