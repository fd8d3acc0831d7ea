package org.vigil.codec.asterix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recording.split with the format forced (not detected): short or foreign input is counted, not thrown. */
class RecordingTest {
    @Test
    void forcedFormatsOnShortInputCountAnErrorAndNeverThrow() {
        for (Recording.Format f : Recording.Format.values()) {
            for (int n = 1; n < 30; n++) {
                byte[] b = new byte[n];
                java.util.Arrays.fill(b, (byte) 0xA1);
                List<Integer> packets = new ArrayList<>();
                int errors = Recording.split(b, n, f, (p, buf, off, len) -> packets.add(len));
                if (f == Recording.Format.RAW) assertThat(packets).containsExactly(n);
                else if (f == Recording.Format.PCAP && n == 24)
                    assertThat(errors).isZero(); // a header, no packets
                else assertThat(errors).as(f + " on " + n + " octets").isPositive(); // incl. a cut record header
            }
        }
    }

    @Test
    void aPcapHeaderAloneIsNoErrorAndNoPacket() {
        byte[] header = {
            (byte) 0xA1,
            (byte) 0xB2,
            (byte) 0xC3,
            (byte) 0xD4,
            0,
            2,
            0,
            4,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            (byte) 0xFF,
            (byte) 0xFF,
            0,
            0,
            0,
            1
        };
        assertThat(Recording.split(header, header.length, Recording.Format.PCAP, (p, buf, off, len) -> {
                    throw new AssertionError("no packet expected");
                }))
                .isZero();
    }
}
