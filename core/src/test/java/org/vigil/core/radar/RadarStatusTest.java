package org.vigil.core.radar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RadarStatusTest {
    private static final long S = 1_000_000_000L;

    private static RadarSite site(int sac, int sic, String name) {
        return new RadarSite(sac, sic, name, 50, 4, 100, 4.8, 70, 0.0014, RadarSite.DEFAULT_ASSUMED_HEIGHT_METRES);
    }

    @Test
    void northMarkerIntervalsMeasureTheRotationPeriodButLostMarkersDoNot() {
        RadarStatus st = new RadarStatus(site(1, 2, "a"));
        assertThat(st.rotationPeriodSeconds()).isEqualTo(4.8); // configured until measured
        st.northMarker(100 * S, Double.NaN);
        assertThat(st.measuredRotationPeriodSeconds()).isNaN();
        st.northMarker(100 * S + 4_700_000_000L, Double.NaN);
        assertThat(st.measuredRotationPeriodSeconds()).isEqualTo(4.7);
        st.northMarker(100 * S + 4_700_000_000L + 9_400_000_000L, Double.NaN); // one marker lost
        assertThat(st.measuredRotationPeriodSeconds()).isEqualTo(4.7);
        st.northMarker(200 * S, 5.0); // I034/041 wins
        assertThat(st.rotationPeriodSeconds()).isEqualTo(5.0);
        assertThat(st.northMarkers()).isEqualTo(4);
        assertThat(st.lastTimeNanos()).isEqualTo(200 * S);
    }

    @Test
    void systemStatusGivesTheOperationalState() {
        RadarStatus st = new RadarStatus(site(1, 2, "a"));
        assertThat(st.state()).isEqualTo(OperationalState.UNKNOWN);
        st.systemStatus(0, 0, 0, 0, 0, 0);
        assertThat(st.state()).isEqualTo(OperationalState.OPERATIONAL);
        st.systemStatus(0, 1, 1, 0, 0, 0);
        assertThat(st.state()).isEqualTo(OperationalState.DEGRADED);
        assertThat(st.rdpOverload()).isTrue();
        assertThat(st.rdpResets()).isEqualTo(1);
        st.systemStatus(1, 0, 0, 0, 0, 0);
        assertThat(st.state()).isEqualTo(OperationalState.NOGO);
        st.systemStatus(-1, -1, -1, -1, -1, -1); // COM not sent: unchanged
        assertThat(st.state()).isEqualTo(OperationalState.NOGO);
    }

    @Test
    void networkFindsRadarsBySacSicAndRefusesDuplicates() {
        RadarNetwork net = new RadarNetwork(List.of(site(25, 10, "a"), site(25, 11, "b")));
        assertThat(net.radar(25, 11).site().name()).isEqualTo("b");
        assertThat(net.radar(25, 12)).isNull();
        assertThat(net.radar(-1, 300)).isNull();
        assertThatThrownBy(() -> new RadarNetwork(List.of(site(25, 10, "a"), site(25, 10, "b"))))
                .hasMessageContaining("share SAC/SIC 25/10");
    }

    @Test
    void siteValidationNamesTheProblem() {
        assertThatThrownBy(() -> new RadarSite(256, 1, "x", 0, 0, 0, 4, 1, 1, 1000))
                .hasMessageContaining("SAC/SIC");
        assertThatThrownBy(() -> new RadarSite(1, 1, "x", 91, 0, 0, 4, 1, 1, 1000))
                .hasMessageContaining("latitude");
        assertThatThrownBy(() -> new RadarSite(1, 1, "x", 0, 0, 0, 0, 1, 1, 1000))
                .hasMessageContaining("rotation");
    }

    @Test
    void resetForgetsEveryField() {
        RadarPlot p = new RadarPlot();
        p.sac = 1;
        p.sic = 2;
        p.timeNanos = 5;
        p.timeOfDaySeconds = 1;
        p.type = PlotType.COMBINED;
        p.rhoMetres = 1;
        p.thetaRad = 1;
        p.rangeSigmaMetres = 1;
        p.azimuthSigmaRad = 1;
        p.latDeg = 1;
        p.lonDeg = 1;
        p.groundRangeMetres = 1;
        p.projectionHeightMetres = 1;
        p.altitudeMetres = 1;
        p.mode3A = 1;
        p.mode3AValid = true;
        p.address = 1;
        p.callsign = 1;
        p.trackNumber = 1;
        p.flags = 1;
        p.reset();
        assertThat(p)
                .usingRecursiveComparison()
                .withEqualsForType(Double::equals, Double.class)
                .isEqualTo(new RadarPlot());
        RadarPlot q = new RadarPlot();
        p.sac = 9;
        p.callsign = 77;
        p.flags = RadarPlot.SPI;
        q.copyFrom(p);
        assertThat(q)
                .usingRecursiveComparison()
                .withEqualsForType(Double::equals, Double.class)
                .isEqualTo(p);
    }
}
