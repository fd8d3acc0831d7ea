package org.vigil.server.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigil.codec.modes.ModeSMessage;
import org.vigil.core.radar.PlotType;
import org.vigil.core.radar.RadarPlot;
import org.vigil.core.track.Detection;
import org.vigil.core.track.SensorKind;

class TrackingAdaptersTest {
    static final long T0 = 1_650_445_200_000_000_000L;

    static ModeSMessage position(long t, int icao, int format, int cprLat, double lat, double lon) {
        ModeSMessage m = new ModeSMessage();
        m.timeNanos = t;
        m.df = 17;
        m.crcOk = true;
        m.icao = icao;
        m.tc = 11;
        m.nic = 8;
        m.cprFormat = format;
        m.cprLat = cprLat;
        m.cprLon = 4321;
        m.lat = lat;
        m.lon = lon;
        m.altitudeFt = 35_000;
        return m;
    }

    @Test
    void adsbPositionCarriesRememberedAccuracyCallsignAndSquawk() {
        ModeSDetections a = new ModeSDetections(TrackingPipeline.ADSB_SENSOR_ID);
        Detection d = new Detection();
        // first position: no NACp heard yet, accuracy from NIC 8 (Rc 0.1 NM)
        assertThat(a.toDetection(position(T0, 0x4B1234, 0, 1000, 43.0, 28.0), d))
                .isTrue();
        assertThat(d.kind).isEqualTo(SensorKind.ADSB);
        assertThat(d.horizontalSigmaMetres).isCloseTo(185.2 / 2.4477, org.assertj.core.data.Offset.offset(0.1));
        assertThat(d.altitudeMetres).isCloseTo(35_000 * 0.3048, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(d.mode3A).isEqualTo(Detection.ABSENT);

        ModeSMessage status = new ModeSMessage();
        status.timeNanos = T0 + 100_000_000;
        status.df = 17;
        status.crcOk = true;
        status.icao = 0x4B1234;
        status.tc = 31;
        status.nacP = 9;
        assertThat(a.toDetection(status, d)).isFalse();
        ModeSMessage reply = new ModeSMessage();
        reply.timeNanos = T0 + 200_000_000;
        reply.df = 5;
        reply.icao = 0x4B1234;
        reply.squawk = 7700;
        assertThat(a.toDetection(reply, d)).isFalse();
        ModeSMessage ident = new ModeSMessage();
        ident.timeNanos = T0 + 300_000_000;
        ident.df = 17;
        ident.crcOk = true;
        ident.icao = 0x4B1234;
        ident.tc = 4;
        ident.callsign = org.vigil.core.Callsigns.pack("THY1TK");
        assertThat(a.toDetection(ident, d)).isFalse();

        assertThat(a.toDetection(position(T0 + 1_000_000_000, 0x4B1234, 1, 2000, 43.01, 28.0), d))
                .isTrue();
        assertThat(d.horizontalSigmaMetres).isCloseTo(12.26, org.assertj.core.data.Offset.offset(0.05)); // NACp 9
        assertThat(d.mode3A).isEqualTo(07700);
        assertThat(d.callsign).isEqualTo(org.vigil.core.Callsigns.pack("THY1TK"));
        assertThat(a.rejected(ModeSDetections.Reason.NOT_A_POSITION)).isEqualTo(3);
    }

    @Test
    void sameTransmissionFromASecondReceiverIsDroppedAsDuplicate() {
        ModeSDetections a = new ModeSDetections(TrackingPipeline.ADSB_SENSOR_ID);
        Detection d = new Detection();
        assertThat(a.toDetection(position(T0, 0x4B1234, 0, 1000, 43.0, 28.0), d))
                .isTrue();
        assertThat(a.toDetection(position(T0 + 2_000_000, 0x4B1234, 0, 1000, 43.0, 28.0), d))
                .isFalse();
        assertThat(a.rejected(ModeSDetections.Reason.DUPLICATE)).isEqualTo(1);
        // the next transmission (other CPR values) is taken
        assertThat(a.toDetection(position(T0 + 500_000_000, 0x4B1234, 1, 1001, 43.001, 28.0), d))
                .isTrue();
        // the same CPR values again much later are a new report (a slow aircraft), not a copy
        assertThat(a.toDetection(position(T0 + 5_000_000_000L, 0x4B1234, 1, 1001, 43.001, 28.0), d))
                .isTrue();
    }

    @Test
    void refusesWhatIsNotAnAirbornePositionOfTheAircraftItself() {
        ModeSDetections a = new ModeSDetections(TrackingPipeline.ADSB_SENSOR_ID).setArea(43.5, 26, 1_000_000);
        Detection d = new Detection();
        ModeSMessage bad = position(T0, 0x4B1234, 0, 1, 43, 28);
        bad.crcOk = false;
        assertThat(a.toDetection(bad, d)).isFalse();
        ModeSMessage far = position(T0, 0x4B1234, 0, 2, -58.3, 65.6); // a wrong CPR decode
        assertThat(a.toDetection(far, d)).isFalse();
        ModeSMessage unresolved = position(T0, 0x4B1234, 0, 3, Double.NaN, Double.NaN);
        assertThat(a.toDetection(unresolved, d)).isFalse();
        ModeSMessage noAccuracy = position(T0, 0x4B1234, 0, 4, 43, 28);
        noAccuracy.nic = 0;
        assertThat(a.toDetection(noAccuracy, d)).isFalse();
        ModeSMessage surface = position(T0, 0x4B1234, 0, 5, 43, 28);
        surface.tc = 6;
        surface.surface = true;
        assertThat(a.toDetection(surface, d)).isFalse();
        ModeSMessage parityOnly = new ModeSMessage();
        parityOnly.df = 4;
        parityOnly.icao = 0x123456; // address from parity, never heard on ES: not trusted as an identity
        parityOnly.altitudeFt = 10_000;
        assertThat(a.toDetection(parityOnly, d)).isFalse();
        assertThat(a.rejected(ModeSDetections.Reason.NOT_TRUSTED)).isEqualTo(1);
        assertThat(a.rejected(ModeSDetections.Reason.OUT_OF_AREA)).isEqualTo(1);
        assertThat(a.rejected(ModeSDetections.Reason.UNRESOLVED)).isEqualTo(1);
        assertThat(a.rejected(ModeSDetections.Reason.NO_ACCURACY)).isEqualTo(1);
        assertThat(a.rejected(ModeSDetections.Reason.SURFACE)).isEqualTo(1);
        assertThat(a.rejected(ModeSDetections.Reason.NOT_A_POSITION)).isEqualTo(1);
        assertThat(a.detections()).isZero();
    }

    @Test
    void squawkDigitsBecomeTwelveBits() {
        assertThat(ModeSDetections.mode3AOf(7700)).isEqualTo(07700);
        assertThat(ModeSDetections.mode3AOf(1234)).isEqualTo(01234);
        assertThat(ModeSDetections.mode3AOf(0)).isZero();
        assertThat(ModeSDetections.mode3AOf(1280)).isEqualTo(-1); // 8 is not an octal digit
    }

    @Test
    void manyAircraftGrowTheTableWithoutLosingState() {
        ModeSDetections a = new ModeSDetections(TrackingPipeline.ADSB_SENSOR_ID);
        Detection d = new Detection();
        for (int i = 0; i < 5000; i++)
            assertThat(a.toDetection(position(T0 + i, 0x400000 + i, 0, i, 43, 28), d))
                    .isTrue();
        assertThat(a.aircraft()).isEqualTo(5000);
        // the duplicate memory survived the rehashes
        for (int i = 0; i < 5000; i += 97)
            assertThat(a.toDetection(position(T0 + i + 1000, 0x400000 + i, 0, i, 43, 28), d))
                    .isFalse();
    }

    @Test
    void radarPlotKeepsTheRadarsOwnMeasurement() {
        RadarPlotDetections a = new RadarPlotDetections();
        RadarPlot p = new RadarPlot();
        p.sac = 10;
        p.sic = 3;
        p.timeNanos = T0;
        p.type = PlotType.COMBINED;
        p.rhoMetres = 123_456;
        p.thetaRad = 1.25;
        p.rangeSigmaMetres = 50;
        p.azimuthSigmaRad = 0.0014;
        p.altitudeMetres = 10_000;
        p.mode3A = 01234;
        p.mode3AValid = true;
        p.latDeg = 43;
        p.lonDeg = 28;
        Detection d = new Detection();
        assertThat(a.toDetection(p, d)).isTrue();
        assertThat(d.sensorId).isEqualTo(10 << 8 | 3);
        assertThat(d.rangeMetres).isEqualTo(123_456);
        assertThat(d.azimuthRad).isEqualTo(1.25);
        assertThat(d.plotType).isEqualTo(Detection.PLOT_COMBINED);
        assertThat(d.mode3A).isEqualTo(01234);
        assertThat(d.icao).isEqualTo(Detection.ABSENT);
        assertThat(d.altitudeMetres).isEqualTo(10_000);

        p.mode3AValid = false; // garbled code: left out, the rest is used
        p.type = PlotType.PRIMARY;
        assertThat(a.toDetection(p, d)).isTrue();
        assertThat(d.mode3A).isEqualTo(Detection.ABSENT);
        assertThat(d.plotType).isEqualTo(Detection.PLOT_PRIMARY);

        p.type = PlotType.NO_DETECTION;
        assertThat(a.toDetection(p, d)).isFalse();
        p.type = PlotType.MODE_S;
        p.flags = RadarPlot.FIXED_TRANSPONDER;
        assertThat(a.toDetection(p, d)).isFalse();
        p.flags = 0;
        p.rhoMetres = Double.NaN;
        assertThat(a.toDetection(p, d)).isFalse();
        assertThat(a.rejected(RadarPlotDetections.Reason.NO_DETECTION)).isEqualTo(1);
        assertThat(a.rejected(RadarPlotDetections.Reason.NOT_AN_AIRCRAFT)).isEqualTo(1);
        assertThat(a.rejected(RadarPlotDetections.Reason.INCOMPLETE)).isEqualTo(1);
        assertThat(a.detections()).isEqualTo(2);
    }
}
