package org.vigil.codec.asterix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vigil.core.Callsigns;

/** The simulator's CAT021 and CAT062 writers, checked by the data-driven decoder and the typed views. */
class Cat021Cat062WriterTest {
    @Test
    void cat021ReportsDecodeToWhatWasWritten() {
        byte[] buf = new byte[1024];
        Cat021Writer w = new Cat021Writer().startBlock(buf, 0);
        for (int i = 0; i < 2; i++) {
            w.dataSource(25, 101 + i)
                    .time(32_400.25 + i, 32_400.5 + i)
                    .position(43.123456, -28.654321)
                    .address(0x4BA9C1)
                    .quality(8, 9)
                    .mode3A(07700)
                    .flightLevel(350.25)
                    .verticalRate(-1500)
                    .groundVector(230.0, 271.5)
                    .callsign(Callsigns.pack("THY1TK"));
            assertThat(w.endRecord()).isPositive();
        }
        int len = w.endBlock();
        Cat021Record v = new Cat021Record();
        FieldRef nacp = FieldRef.resolve(AsterixSpecs.current(21), "090", "NACP");
        FieldRef nic = FieldRef.resolve(AsterixSpecs.current(21), "090", "NUCPNIC");
        AtomicInteger n = new AtomicInteger();
        int records = new AsterixDecoder().decode(buf, 0, len, r -> {
            v.wrap(r);
            int i = n.getAndIncrement();
            assertThat(v.sac()).isEqualTo(25);
            assertThat(v.sic()).isEqualTo(101 + i);
            assertThat(v.addressType()).isZero();
            assertThat(v.timeOfApplicabilityPositionSeconds()).isEqualTo(32_400.25 + i);
            assertThat(v.timeOfReceptionPositionSeconds()).isEqualTo(32_400.5 + i);
            assertThat(v.latitudeDeg()).isCloseTo(43.123456, offset(1e-6));
            assertThat(v.longitudeDeg()).isCloseTo(-28.654321, offset(1e-6));
            assertThat(v.address()).isEqualTo(0x4BA9C1);
            assertThat(v.mode3A()).isEqualTo(07700);
            assertThat(v.flightLevel()).isEqualTo(350.25);
            assertThat(v.barometricVerticalRateMps()).isCloseTo(-1500 * TypedRecord.FT_PER_MIN, offset(1e-9));
            assertThat(v.groundSpeedMps()).isCloseTo(230.0, offset(0.1));
            assertThat(v.trackAngleDeg()).isCloseTo(271.5, offset(0.01));
            assertThat(v.callsign()).isEqualTo(Callsigns.pack("THY1TK"));
            assertThat(nacp.raw(r, -1)).isEqualTo(9);
            assertThat(nic.raw(r, -1)).isEqualTo(8);
        });
        assertThat(records).isEqualTo(2);
    }

    @Test
    void cat062UpdatesDecodeToWhatWasWritten() {
        byte[] buf = new byte[1024];
        Cat062Writer w = new Cat062Writer().startBlock(buf, 0);
        w.dataSource(25, 200, 1)
                .timeOfTrack(32_404.5)
                .position(43.5, 28.25)
                .velocity(-120.25, 200.5)
                .mode3A(04521)
                .callsign(Callsigns.pack("ROT263"))
                .address(0x4A8263)
                .track(4095, false, false)
                .flightLevel(300)
                .accuracy(75.5, 80);
        assertThat(w.endRecord()).isPositive();
        w.dataSource(25, 200, 1).timeOfTrack(32_404.5).position(44, 29).track(17, true, true);
        assertThat(w.endRecord()).isPositive();
        int len = w.endBlock();
        Cat062Record v = new Cat062Record();
        FieldRef apcX = FieldRef.resolve(AsterixSpecs.current(62), "500", "APC", "X");
        FieldRef apcY = FieldRef.resolve(AsterixSpecs.current(62), "500", "APC", "Y");
        AtomicInteger n = new AtomicInteger();
        int records = new AsterixDecoder().decode(buf, 0, len, r -> {
            v.wrap(r);
            if (n.getAndIncrement() == 0) {
                assertThat(v.sac()).isEqualTo(25);
                assertThat(v.sic()).isEqualTo(200);
                assertThat(v.serviceId()).isEqualTo(1);
                assertThat(v.timeOfTrackSeconds()).isEqualTo(32_404.5);
                assertThat(v.latitudeDeg()).isCloseTo(43.5, offset(1e-5));
                assertThat(v.longitudeDeg()).isCloseTo(28.25, offset(1e-5));
                assertThat(v.vxMps()).isEqualTo(-120.25);
                assertThat(v.vyMps()).isEqualTo(200.5);
                assertThat(v.mode3A()).isEqualTo(04521);
                assertThat(v.mode3AInvalid()).isZero();
                assertThat(v.callsign()).isEqualTo(Callsigns.pack("ROT263"));
                assertThat(v.address()).isEqualTo(0x4A8263);
                assertThat(v.trackNumber()).isEqualTo(4095);
                assertThat(v.monosensor()).isZero();
                assertThat(v.tentative()).isZero();
                assertThat(v.measuredFlightLevel()).isEqualTo(300);
                assertThat(apcX.value(r)).isEqualTo(75.5);
                assertThat(apcY.value(r)).isEqualTo(80);
            } else {
                assertThat(v.trackNumber()).isEqualTo(17);
                assertThat(v.monosensor()).isEqualTo(1);
                assertThat(v.tentative()).isEqualTo(1);
                assertThat(v.address()).isEqualTo(TypedRecord.ABSENT);
                assertThat(apcX.present(r)).isFalse();
            }
        });
        assertThat(records).isEqualTo(2);
    }
}
