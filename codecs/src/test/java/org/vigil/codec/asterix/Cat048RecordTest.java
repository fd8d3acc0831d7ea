package org.vigil.codec.asterix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.vigil.core.Callsigns;

/** Typed CAT048 view against the upstream-published values of cat048.raw and cat048ed1.15.bin. */
class Cat048RecordTest {
    private static final double NM = 1852.0;

    private static List<String> decodeWith(String sample, java.util.function.Function<AsterixRecord, String> f) {
        List<String> out = new ArrayList<>();
        byte[] b = Samples.bytes(sample);
        new AsterixDecoder().decode(b, 0, b.length, r -> out.add(f.apply(r)));
        return out;
    }

    @Test
    void croatiaControlCat048RawReadsAsPublished() {
        Cat048Record v = new Cat048Record();
        byte[] b = Samples.bytes("CroatiaControlLtd-asterix/cat048.raw");
        int[] seen = {0};
        new AsterixDecoder().decode(b, 0, b.length, r -> {
            v.wrap(r);
            seen[0]++;
            assertThat(v.sac()).isEqualTo(25);
            assertThat(v.sic()).isEqualTo(201);
            assertThat(v.timeOfDaySeconds()).isEqualTo(27354.6015625);
            assertThat(v.typ()).isEqualTo(5);
            assertThat(v.sim()).isZero();
            assertThat(v.tst()).isEqualTo(TypedRecord.ABSENT); // octet 2 of I048/020 not sent
            assertThat(v.rhoMetres()).isCloseTo(197.68359375 * NM, within(1e-6));
            assertThat(v.thetaDeg()).isEqualTo(340.13671875);
            assertThat(v.mode3A()).isEqualTo(01000);
            assertThat(v.flightLevel()).isEqualTo(330.0);
            assertThat(v.flightLevelFeet()).isEqualTo(33000.0);
            assertThat(v.address()).isEqualTo(0x3C660C);
            assertThat(Callsigns.unpack(v.callsign())).isEqualTo("DLH65A");
            assertThat(v.trackNumber()).isEqualTo(3563);
            assertThat(v.groundSpeedMps()).isCloseTo(0.12066650390625 * NM, within(1e-9));
            assertThat(v.headingDeg()).isEqualTo(124.002685546875);
            assertThat(v.rad()).isEqualTo(2);
            assertThat(v.bdsCount()).isEqualTo(1);
            assertThat(v.mbData(0)).isEqualTo(0xC0780031BC0000L);
            assertThat(v.bds1(0)).isEqualTo(4);
            assertThat(v.bds2(0)).isZero();
            assertThat(v.com()).isEqualTo(1);
            assertThat(v.b1b()).isEqualTo(5);
            assertThat(v.xMetres()).isNaN(); // I048/042 absent
        });
        assertThat(seen[0]).isEqualTo(1);
    }

    @Test
    void jasterixCat048ReadsAsRequired() {
        Cat048Record v = new Cat048Record();
        List<String> got = decodeWith("hpuhr-jASTERIX/cat048ed1.15.bin", r -> {
            v.wrap(r);
            return v.sac() + "/" + v.sic() + " " + v.timeOfDaySeconds() + " " + Callsigns.unpack(v.callsign())
                    + " " + Integer.toHexString(v.address()).toUpperCase(Locale.ROOT) + " bds=" + v.bdsCount()
                    + " " + v.bds1(0) + v.bds2(0) + " " + v.bds1(1) + v.bds2(1) + " " + v.bds1(2) + v.bds2(2)
                    + " sam=" + v.ssrAmplitudeDbm() + " m3a=" + Integer.toOctalString(v.mode3A()) + " fl="
                    + v.flightLevel();
        });
        assertThat(got).containsExactly("0/1 33499.8359375 RYR5XW AB4CBD bds=3 60 50 40 sam=-63.0 m3a=470 fl=370.0");
    }

    @Test
    void everyCat048SampleRecordMatchesTheGenericTree() {
        Cat048Record v = new Cat048Record();
        for (String sample : List.of(
                "CroatiaControlLtd-asterix/cat_034_048.pcap",
                "mokhtarimokhtar-goasterix/sample.ast",
                "jlgconsulting-JADE/NATS_CAT048_119bytes_TCAS.ff")) {
            byte[] b = Samples.bytes(sample);
            Recording.split(
                    b,
                    b.length,
                    Recording.detect(b, b.length),
                    (p, buf, off, len) -> new AsterixDecoder().decode(buf, off, len, r -> {
                        if (r.category() != 48) return;
                        var tree = AsterixTree.decode(r);
                        v.wrap(r);
                        if (tree.get("I048/040") instanceof java.util.Map<?, ?> pos) {
                            assertThat(v.rhoMetres()).isEqualTo((Double) pos.get("RHO") * NM);
                            assertThat(v.thetaDeg()).isEqualTo(pos.get("THETA"));
                        } else {
                            assertThat(v.rhoMetres()).isNaN();
                        }
                        if (tree.get("I048/090") instanceof java.util.Map<?, ?> fl) {
                            assertThat(v.flightLevel()).isEqualTo(fl.get("FL"));
                        }
                        if (tree.get("I048/070") instanceof java.util.Map<?, ?> m) {
                            assertThat(String.format("%04o", v.mode3A())).isEqualTo(m.get("MODE3A"));
                        }
                        if (tree.get("I048/130") instanceof java.util.Map<?, ?> pc && pc.get("SAM") != null) {
                            assertThat(v.ssrAmplitudeDbm()).isEqualTo(pc.get("SAM"));
                        }
                        if (tree.get("I048/161") instanceof java.util.Map<?, ?> t) {
                            assertThat((long) v.trackNumber()).isEqualTo(t.get("TRN"));
                        }
                    }));
        }
    }
}
