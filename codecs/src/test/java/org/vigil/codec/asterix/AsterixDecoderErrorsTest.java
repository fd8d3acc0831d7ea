package org.vigil.codec.asterix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Malformed input is counted with a named reason and never costs the following blocks. */
class AsterixDecoderErrorsTest {
    private final byte[] good = Samples.bytes("CroatiaControlLtd-asterix/cat048.raw"); // 1 block, 1 record

    private List<String> run(byte[] b, AsterixDecoder d) {
        List<String> events = new ArrayList<>();
        d.decode(b, 0, b.length, new RecordHandler() {
            @Override
            public void record(AsterixRecord r) {
                events.add("record " + r.category());
            }

            @Override
            public void rejected(int category, Rejection why, int offset) {
                events.add(why.code + " " + category + "@" + offset);
            }
        });
        return events;
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    @Test
    void truncatedItemCostsOnlyItsBlock() {
        byte[] bad = good.clone();
        bad[2] = 20; // LEN 20: the record's items run past the block
        byte[] cut = java.util.Arrays.copyOf(bad, 20);
        AsterixDecoder d = new AsterixDecoder();
        assertThat(run(concat(cut, good), d)).containsExactly("truncated 48@3", "record 48");
        assertThat(d.stats().rejected(Rejection.TRUNCATED)).isEqualTo(1);
        assertThat(d.stats().blocks()).isEqualTo(2);
    }

    @Test
    void badBlockLengthStopsTheDatagram() {
        byte[] bad = good.clone();
        bad[1] = 0x7F; // LEN far beyond the datagram
        assertThat(run(bad, new AsterixDecoder())).containsExactly("bad_length 48@0");
        assertThat(run(new byte[] {48, 0, 2, 0}, new AsterixDecoder())).containsExactly("bad_length 48@0");
        assertThat(run(concat(good, new byte[] {48, 0}), new AsterixDecoder()))
                .containsExactly("record 48", "truncated 48@48");
    }

    @Test
    void unknownCategoryIsSkippedByLen() {
        byte[] other = {(byte) 250, 0, 5, 1, 2};
        AsterixDecoder d = new AsterixDecoder();
        assertThat(run(concat(other, good), d)).containsExactly("unknown_category 250@0", "record 48");
    }

    @Test
    void fspecOverrunAndUnusedFrn() {
        // CAT048 has 28 FRNs = 4 FSPEC octets; a 5th is an overrun
        byte[] overrun = {48, 0, 9, 1, 1, 1, 1, 1, 0};
        assertThat(run(concat(overrun, good), new AsterixDecoder())).containsExactly("fspec_overrun 48@3", "record 48");
        // CAT062 FRN 2 is unused
        byte[] unused = {62, 0, 5, 0x40, 0};
        assertThat(run(unused, new AsterixDecoder())).containsExactly("fspec_overrun 62@3");
    }

    @Test
    void badExplicitLengthAndEmptyRecord() {
        // CAT048 FRN 28 (RE) with length octet 0
        byte[] re = {48, 0, 8, 1, 1, 1, 0x02, 0};
        assertThat(run(re, new AsterixDecoder())).containsExactly("bad_item 48@3");
        byte[] padding = concat(good, new byte[] {48, 0, 5, 0, 0});
        assertThat(run(padding, new AsterixDecoder())).containsExactly("record 48", "empty_record 48@51");
    }

    @Test
    void twoRecordsInOneBlockAreBothDelivered() {
        byte[] two = AsterixTree.encodeBlock(
                AsterixSpecs.current(48),
                List.of(
                        Samples.decode("CroatiaControlLtd-asterix/cat048.raw")
                                .records
                                .get(0),
                        Samples.decode("CroatiaControlLtd-asterix/cat048.raw")
                                .records
                                .get(0)));
        AsterixDecoder d = new AsterixDecoder();
        assertThat(run(two, d)).containsExactly("record 48", "record 48");
        assertThat(d.stats().records()).isEqualTo(2);
    }
}
