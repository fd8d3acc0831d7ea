package org.vigil.codec.asterix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.core.Callsigns;

/** The typed writers produce what the data-driven decoder reads back, minimally encoded. */
class Cat048WriterTest {

    @Test
    void targetReportsDecodeBackThroughTheSpec() {
        byte[] buf = new byte[1500];
        Cat048Writer w = new Cat048Writer().startBlock(buf, 10);
        w.dataSource(25, 201)
                .timeOfDay(27354.6015625)
                .descriptor(5, 0, 0, 0, 0)
                .polar(197.68359375 * 1852, 340.13671875)
                .mode3A(01000, 0, 0, 0)
                .flightLevel(330, 0, 0)
                .address(0x3C660C)
                .callsign(Callsigns.pack("DLH65A"))
                .trackNumber(3563)
                .velocity(0.12066650390625 * 1852, 124.002685546875)
                .trackStatus(0, 2, 0, 0, 0, 0, 0, 0, 0)
                .commsCapability(1, 0, 0, 1, 1, 1, 1, 5);
        assertThat(w.endRecord()).isPositive();
        w.clear()
                .dataSource(25, 201)
                .timeOfDay(86399.99)
                .descriptor(2, 1, 0, 1, 0)
                .descriptorMilitary(0, 0, 1, 1, 2)
                .polar(300 * 1852.0, -10)
                .cartesian(-1000, 2000)
                .mode3A(07700, 1, 0, 1)
                .flightLevel(-5.25, 0, 1);
        assertThat(w.endRecord()).isPositive();
        int len = w.endBlock();
        assertThat(len).isEqualTo(w.blockLength());

        Cat048Record v = new Cat048Record();
        Samples.Decoded d = Samples.decode(java.util.Arrays.copyOfRange(buf, 10, 10 + len), new AsterixDecoder());
        assertThat(d.rejections).isEmpty();
        assertThat(d.records).hasSize(2);
        Map<String, Object> first = d.records.get(0);
        // the same items and values as the CroatiaControl sample record, minus 250 (not written)
        Map<String, Object> sample =
                Samples.decode("CroatiaControlLtd-asterix/cat048.raw").records.get(0);
        for (String k : List.of(
                "I048/010",
                "I048/140",
                "I048/020",
                "I048/040",
                "I048/070",
                "I048/090",
                "I048/220",
                "I048/240",
                "I048/161",
                "I048/200",
                "I048/230")) {
            assertThat(first.get(k)).as(k).isEqualTo(sample.get(k));
        }
        assertThat(((Map<?, ?>) first.get("I048/170")).get("RAD")).isEqualTo(2L);

        byte[] blk = java.util.Arrays.copyOfRange(buf, 10, 10 + len);
        new AsterixDecoder().decode(blk, 0, blk.length, r -> {
            v.wrap(r);
            if (v.sic() == 201 && v.typ() == 2) {
                assertThat(v.timeOfDaySeconds()).isCloseTo(86399.99, within(1 / 256.0));
                assertThat(v.err()).isEqualTo(1);
                assertThat(v.rhoMetres()).isEqualTo(0xFFFF / 256.0 * 1852);
                assertThat(v.extendedRangeMetres()).isEqualTo(300 * 1852.0);
                assertThat(v.rangeMetres()).isEqualTo(300 * 1852.0);
                assertThat(v.thetaDeg()).isCloseTo(350, within(360 / 65536.0));
                assertThat(v.militaryEmergency()).isEqualTo(1);
                assertThat(v.foeFri()).isEqualTo(2);
                assertThat(v.mode3A()).isEqualTo(07700);
                assertThat(v.mode3AInvalid()).isEqualTo(1);
                assertThat(v.mode3ASmoothed()).isEqualTo(1);
                assertThat(v.flightLevel()).isEqualTo(-5.25);
                assertThat(v.xMetres()).isCloseTo(-1000, within(1852 / 256.0));
                assertThat(v.yMetres()).isCloseTo(2000, within(1852 / 256.0));
                var tree = AsterixTree.decode(r);
                assertThat(tree.get("I048/RE")).isEqualTo(Map.of("REF", Map.of("ERR", 300.0), "_len", 5L));
            }
        });
        // minimal encoding: the generic encoder reproduces the writer's bytes exactly
        for (int i = 0; i < d.records.size(); i++) {
            assertThat(AsterixTree.encodeRecord(AsterixSpecs.current(48), d.records.get(i)))
                    .isEqualTo(d.recordBytes.get(i));
        }
    }

    @Test
    void writerRefusesWhenTheBufferIsFull() {
        byte[] buf = new byte[40];
        Cat048Writer w = new Cat048Writer().startBlock(buf, 0);
        assertThat(w.dataSource(1, 2).endRecord()).isEqualTo(-1);
        assertThat(w.endBlock()).isZero();
    }

    @Test
    void cat034NorthMarkersAndSectorCrossingsDecodeBack() {
        byte[] buf = new byte[64];
        Cat034Writer w = new Cat034Writer();
        int n1 = w.northMarker(buf, 0, 25, 13, 27356.5, 4.0);
        int n2 = w.sectorCrossing(buf, n1, 25, 13, 27357.0, 90.5);
        assertThat(n1).isEqualTo(12);
        assertThat(n2).isEqualTo(11);
        Cat034Record v = new Cat034Record();
        StringBuilder sb = new StringBuilder();
        AsterixDecoder dec = new AsterixDecoder();
        dec.decode(buf, 0, n1 + n2, r -> {
            v.wrap(r);
            sb.append(v.sac())
                    .append('/')
                    .append(v.sic())
                    .append(' ')
                    .append(v.messageType())
                    .append(' ')
                    .append(v.timeOfDaySeconds())
                    .append(' ')
                    .append(v.antennaRotationPeriodSeconds())
                    .append(' ')
                    .append(v.sectorAzimuthDeg())
                    .append(';');
        });
        assertThat(dec.stats().rejectedTotal()).isZero();
        assertThat(sb).hasToString("25/13 1 27356.5 4.0 NaN;25/13 2 27357.0 NaN 90.0;");
        // The sector crossing has the CroatiaControl capture's layout (FSPEC F0)
        Samples.Decoded d = Samples.decode(java.util.Arrays.copyOfRange(buf, n1, n1 + n2), new AsterixDecoder());
        assertThat(d.records.get(0).get("FSPEC")).isEqualTo("F0");
    }
}
