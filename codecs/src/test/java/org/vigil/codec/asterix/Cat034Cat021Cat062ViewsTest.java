package org.vigil.codec.asterix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.vigil.core.Callsigns;

/** CAT034, CAT021 and CAT062 typed views against values published for the samples. */
class Cat034Cat021Cat062ViewsTest {

    private static List<AsterixRecord> each(String sample, java.util.function.Consumer<AsterixRecord> f) {
        byte[] b = Samples.bytes(sample);
        List<AsterixRecord> none = new ArrayList<>();
        Recording.split(
                b,
                b.length,
                Recording.detect(b, b.length),
                (p, buf, off, len) -> new AsterixDecoder().decode(buf, off, len, f::accept));
        return none;
    }

    @Test
    void cat034() {
        Cat034Record v = new Cat034Record();
        StringBuilder sb = new StringBuilder();
        each("hpuhr-jASTERIX/cat034ed1.26.bin", r -> {
            v.wrap(r);
            sb.append(v.sac())
                    .append('/')
                    .append(v.sic())
                    .append(' ')
                    .append(v.messageType())
                    .append(' ')
                    .append(v.timeOfDaySeconds())
                    .append(' ')
                    .append(v.sectorAzimuthDeg())
                    .append(' ')
                    .append(v.hasSystemConfiguration())
                    .append(' ')
                    .append(v.noGo())
                    .append(' ')
                    .append(v.psrAntenna());
        });
        var t = Samples.decode("hpuhr-jASTERIX/cat034ed1.26.bin").records.get(0);
        assertThat(sb.toString())
                .isEqualTo(t.get("I034/010").toString().replaceAll("\\{SAC=(\\d+), SIC=(\\d+)}", "$1/$2")
                        + " " + t.get("I034/000") + " " + t.get("I034/030") + " " + t.get("I034/020") + " true "
                        + ((java.util.Map<?, ?>) ((java.util.Map<?, ?>) t.get("I034/050")).get("COM")).get("NOGO") + " "
                        + ((java.util.Map<?, ?>) ((java.util.Map<?, ?>) t.get("I034/050")).get("PSR")).get("ANT"));
    }

    @Test
    void cat021() {
        Cat021Record v = new Cat021Record();
        StringBuilder sb = new StringBuilder();
        each("hpuhr-jASTERIX/cat021ed2.1.bin", r -> {
            v.wrap(r);
            sb.append(Callsigns.unpack(v.callsign()))
                    .append(' ')
                    .append(Integer.toHexString(v.address()).toUpperCase(Locale.ROOT))
                    .append(' ')
                    .append(v.flightLevel());
        });
        assertThat(sb).hasToString("EZS14ZH 1A4B65 350.0");
        List<String> re = new ArrayList<>();
        each("CroatiaControlLtd-asterix/cat21_re.ast", r -> {
            v.wrap(r);
            re.add(v.address() + " " + v.latitudeDeg() + " " + v.groundBit() + " "
                    + v.timeOfReceptionPositionSeconds());
        });
        assertThat(re).containsExactly("1 61.47532939910889 1 28802.921875", "2 61.47524356842041 1 28803.1640625");
    }

    @Test
    void cat062() {
        Cat062Record v = new Cat062Record();
        List<String> got = new ArrayList<>();
        each("jlgconsulting-JADE/final_frame_cat062_one_packet.ff", r -> {
            v.wrap(r);
            got.add(v.sac() + "/" + v.sic() + " " + v.trackNumber() + " " + v.timeOfTrackSeconds() + " "
                    + Integer.toOctalString(v.mode3A()) + " " + v.latitudeDeg() + " " + v.longitudeDeg() + " "
                    + v.xMetres() + " " + v.yMetres() + " " + v.vxMps() + " " + v.vyMps() + " "
                    + v.measuredFlightLevel()
                    + " " + Math.round(v.rateOfClimbMps() / TypedRecord.FT_PER_MIN * 100) / 100.0);
        });
        assertThat(got)
                .containsExactly("70/16 1473 53081.8203125 5414 51.46114647388458 16.025367379188538 "
                        + "-545376.5 -405676.5 -161.75 155.0 363.0 -943.75");
        List<String> adr = new ArrayList<>();
        each("CroatiaControlLtd-asterix/cat_062_065.pcap", r -> {
            if (r.category() != 62) return;
            v.wrap(r);
            adr.add(Integer.toHexString(v.address()).toUpperCase(Locale.ROOT) + " "
                    + Callsigns.unpack(v.downlinkedId()));
        });
        assertThat(adr).first().isEqualTo("4CA7A8 RYR174C");
    }
}
