package org.vigil.core.airspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.time.Instant;
import java.util.List;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.Test;

/**
 * Time to entry against an independent computation: Karney geodesics along the path and the
 * geodesic distance to the raw Natural Earth coast, solved for 12 NM by bisection.
 */
class TimeToEntryTest {
    static final NationalAirspace AIR = BlackSeaTestAirspace.nationalAirspace();
    static final NatoMembership.ByState NATO = NatoMembership.defaults().bind(AIR);
    static final long SCENARIO = Instant.parse("2022-04-06T10:00:00Z").getEpochSecond() * 1_000_000_000L;

    @Test
    void westboundAt480KnotsTowardsBulgaria() {
        double lat = 43.0, lon = 29.6, track = 268, kt = 480;
        assertThat(AIR.isInternational(lat, lon)).isTrue();
        TimeToEntry tte = new TimeToEntry(AIR, NATO);
        int bg = AIR.indexOf("BG");
        assertThat(tte.compute(lat, lon, 30000, track, kt, SCENARIO, bg, 3600)).isTrue();
        assertThat(tte.alreadyInside).isFalse();
        assertThat(tte.state).isEqualTo(bg);

        double expected = independentEntrySeconds(AIR.land(bg), lat, lon, track, kt);
        System.out.printf("time to entry: model %.2f s, independent %.2f s%n", tte.seconds, expected);
        assertThat(tte.seconds).isCloseTo(expected, offset(3.0));
        // the entry point is where the track is at that time
        GeodesicData p = Geodesic.WGS84.Direct(lat, lon, track, kt * 1852 / 3600 * tte.seconds);
        assertThat(tte.latDeg).isCloseTo(p.lat2, offset(1e-6));
        assertThat(tte.lonDeg).isCloseTo(p.lon2, offset(1e-6));

        // "any NATO state" finds the same entry; with a horizon too short, nothing
        assertThat(tte.compute(lat, lon, 30000, track, kt, SCENARIO, TimeToEntry.ANY_NATO, 3600))
                .isTrue();
        assertThat(tte.state).isEqualTo(bg);
        assertThat(tte.seconds).isCloseTo(expected, offset(3.0));
        assertThat(tte.compute(lat, lon, 30000, track, kt, SCENARIO, bg, expected - 10))
                .isFalse();
        assertThat(tte.seconds).isNaN();
    }

    @Test
    void headingAwayOrForAnotherStateNeverEnters() {
        TimeToEntry tte = new TimeToEntry(AIR, NATO);
        assertThat(tte.compute(43.0, 29.6, 30000, 90, 480, SCENARIO, AIR.indexOf("BG"), 1800))
                .isFalse();
        assertThat(tte.state).isEqualTo(NationalAirspace.NONE);
        // north-east from the middle of the sea reaches Crimea (Ukraine): not NATO
        assertThat(tte.compute(43.5, 32.5, 30000, 20, 480, SCENARIO, TimeToEntry.ANY_NATO, 1200))
                .isFalse();
        assertThat(tte.compute(43.5, 32.5, 30000, 20, 480, SCENARIO, AIR.indexOf("UA"), 1200))
                .isTrue();
        assertThat(tte.compute(43.0, 29.6, 30000, 268, 0, SCENARIO, AIR.indexOf("BG"), 1800))
                .as("zero speed")
                .isFalse();
        assertThat(tte.compute(Double.NaN, 29.6, 30000, 268, 480, SCENARIO, AIR.indexOf("BG"), 1800))
                .isFalse();
    }

    @Test
    void alreadyInside() {
        TimeToEntry tte = new TimeToEntry(AIR, NATO);
        assertThat(tte.compute(43.2321, 27.8251, 3000, 90, 250, SCENARIO, TimeToEntry.ANY_NATO, 600))
                .isTrue();
        assertThat(tte.alreadyInside).isTrue();
        assertThat(tte.seconds).isZero();
    }

    @Test
    void finlandOnlyCountsAfterItJoined() {
        // Finland lies outside the modelled region: the membership is checked through an
        // in-region state instead, with a table where Bulgaria joins in the middle of the flight
        NatoMembership late = NatoMembership.defaults();
        assertThat(late.isNato("FI", java.time.LocalDate.parse("2023-04-03"))).isFalse();
        long bgJoin = Instant.parse("2004-03-29T00:00:00Z").getEpochSecond() * 1_000_000_000L;
        TimeToEntry tte = new TimeToEntry(AIR, NATO);
        // entry at about 7 min: starting 1 min before Bulgaria joins, the entry counts
        assertThat(tte.compute(43.0, 29.6, 30000, 268, 480, bgJoin - 60_000_000_000L, TimeToEntry.ANY_NATO, 3600))
                .isTrue();
        // starting a day earlier, Bulgaria is not yet a member when the track gets there; the next
        // NATO airspace on this line is beyond the horizon
        assertThat(tte.compute(43.0, 29.6, 30000, 268, 480, bgJoin - 86_400_000_000_000L, TimeToEntry.ANY_NATO, 1200))
                .isFalse();
    }

    /** Seconds until the geodesic distance to the coast first drops to 12 NM. */
    static double independentEntrySeconds(
            org.locationtech.jts.geom.Geometry land, double lat, double lon, double track, double kt) {
        List<double[]> coast = NationalAirspaceTest.densifiedBoundary(land, 100);
        double v = kt * 1852 / 3600;
        double before = 0, after = -1;
        for (double t = 0; t < 3600; t += 5) {
            GeodesicData p = Geodesic.WGS84.Direct(lat, lon, track, v * t);
            if (NationalAirspaceTest.coastDistance(coast, new double[] {p.lon2, p.lat2}) < 12 * 1852) {
                after = t;
                break;
            }
            before = t;
        }
        assertThat(after).as("independent entry found").isPositive();
        while (after - before > 0.01) {
            double mid = (before + after) / 2;
            GeodesicData p = Geodesic.WGS84.Direct(lat, lon, track, v * mid);
            if (NationalAirspaceTest.coastDistance(coast, new double[] {p.lon2, p.lat2}) < 12 * 1852) after = mid;
            else before = mid;
        }
        return after;
    }
}
