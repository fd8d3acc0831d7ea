package org.vigil.server.radar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.codec.asterix.Cat021Writer;
import org.vigil.codec.asterix.Cat062Writer;
import org.vigil.codec.asterix.plots.PlotCounters;
import org.vigil.codec.asterix.plots.RadarPlotDecoder;
import org.vigil.codec.modes.ModeSMessage;
import org.vigil.core.Callsigns;
import org.vigil.core.radar.RadarNetwork;
import org.vigil.core.track.Detection;
import org.vigil.core.track.SensorKind;

/** CAT021 and CAT062 routed by the radar decoder: what reaches the picture, and what is refused. */
class SurveillanceReportsTest {
    static final long NOON = 1_650_456_000_000_000_000L; // 2022-04-20T12:00:00Z

    final List<ModeSMessage> reports = new ArrayList<>();
    final List<Detection> updates = new ArrayList<>();
    final List<Integer> numbers = new ArrayList<>();
    final RadarPlotDecoder decoder = new RadarPlotDecoder(new RadarNetwork(List.of()), p -> {}, new PlotCounters());
    final SurveillanceReports router = SurveillanceReports.attach(decoder, new ReportSink() {
        @Override
        public void onAdsbReport(ModeSMessage m) {
            reports.add(SurveillanceReports.copyReport(m, new ModeSMessage()));
        }

        @Override
        public void onSystemTrack(Detection d, int number) {
            updates.add(new Detection().copyFrom(d));
            numbers.add(number);
        }
    });

    @Test
    void cat021BecomesAReceiverDecodedMessage() {
        byte[] buf = new byte[256];
        Cat021Writer w = new Cat021Writer().startBlock(buf, 0);
        w.dataSource(0, 3)
                .time(43_200.5, 43_200.6)
                .position(43.25, 28.5)
                .address(0x4BA9C1)
                .quality(8, 9)
                .mode3A(07700)
                .flightLevel(350)
                .groundVector(231.5, 90)
                .callsign(Callsigns.pack("THY1TK"))
                .endRecord();
        decoder.decode(buf, 0, w.endBlock(), NOON);
        assertThat(reports).hasSize(1);
        ModeSMessage m = reports.get(0);
        assertThat(m.df).isEqualTo(ModeSMessage.ABSENT); // decoded by the ground station, as SBS
        assertThat(m.crcOk).isTrue();
        assertThat(m.icao).isEqualTo(0x4BA9C1);
        assertThat(m.timeNanos).isEqualTo(NOON + 500_000_000L);
        assertThat(m.lat).isCloseTo(43.25, offset(1e-7));
        assertThat(m.altitudeFt).isEqualTo(35_000);
        assertThat(m.squawk).isEqualTo(7700);
        assertThat(m.nacP).isEqualTo(9);
        assertThat(m.nic).isEqualTo(8);
        assertThat(m.groundspeedKt).isCloseTo(450, offset(0.1));
        assertThat(m.callsign).isEqualTo(Callsigns.pack("THY1TK"));
        assertThat(decoder.counters().otherCategory()).isZero();
    }

    @Test
    void cat062BecomesAPositionMeasurementWithItsStatedAccuracy() {
        byte[] buf = new byte[256];
        Cat062Writer w = new Cat062Writer().startBlock(buf, 0);
        w.dataSource(25, 200, 1)
                .timeOfTrack(43_204)
                .position(44.0, 29.0)
                .track(812, false, false)
                .mode3A(04521)
                .address(0x4A8263)
                .flightLevel(300)
                .accuracy(60, 80)
                .endRecord();
        w.dataSource(25, 200, 1)
                .timeOfTrack(43_204)
                .position(44.1, 29.1)
                .track(813, true, true)
                .endRecord();
        decoder.decode(buf, 0, w.endBlock(), NOON);
        assertThat(updates).hasSize(1); // the tentative track is not a measurement
        Detection d = updates.get(0);
        assertThat(d.kind).isEqualTo(SensorKind.MLAT);
        assertThat(d.sensorId).isEqualTo(SurveillanceReports.SYSTEM_TRACK_SENSOR_BASE | 25 << 8 | 200);
        assertThat(d.timeNanos).isEqualTo(NOON + 4_000_000_000L);
        assertThat(d.horizontalSigmaMetres).isCloseTo(Math.sqrt((60 * 60 + 80 * 80) / 2.0), offset(1e-9));
        assertThat(d.icao).isEqualTo(0x4A8263);
        assertThat(d.mode3A).isEqualTo(04521);
        assertThat(d.altitudeMetres).isCloseTo(30_000 * 0.3048, offset(1e-6));
        assertThat(numbers).containsExactly(812);
        assertThat(router.rejects(SurveillanceReports.Reason.TENTATIVE_TRACK)).isEqualTo(1);
    }

    @Test
    void otherCategoriesAreCountedNotLost() {
        byte[] block = {1, 0, 6, (byte) 0x80, 0, 1}; // CAT001, one record with I001/010 only
        decoder.decode(block, 0, block.length, NOON);
        assertThat(reports).isEmpty();
        assertThat(updates).isEmpty();
        assertThat(router.rejects(SurveillanceReports.Reason.OTHER_CATEGORY)
                        + decoder.counters().totalRejects())
                .isPositive();
    }
}
