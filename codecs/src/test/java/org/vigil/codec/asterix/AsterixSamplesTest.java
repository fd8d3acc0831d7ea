package org.vigil.codec.asterix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every shared sample decodes to its {@code .asterix-specs.json}, all items and leaves. */
class AsterixSamplesTest {
    static final List<String> SAMPLES = Samples.WITH_SPECS_JSON;

    @ParameterizedTest
    @FieldSource("SAMPLES")
    void decodesToAsterixSpecsJson(String sample) {
        JsonNode expected = Samples.json(sample + ".asterix-specs.json");
        Samples.Decoded d = Samples.decode(sample);

        List<String> expectedBlocks = new ArrayList<>();
        List<JsonNode> expectedRecords = new ArrayList<>();
        List<String> expectedUnknown = new ArrayList<>();
        for (JsonNode block : expected.get("blocks")) {
            expectedBlocks.add(block.get("CAT").asInt() + "/" + block.get("LEN").asInt());
            if (block.has("undecoded"))
                expectedUnknown.add(block.get("undecoded").asText());
            if (block.has("records")) block.get("records").forEach(expectedRecords::add);
        }
        assertThat(d.framingErrors).as("framing errors").isZero();
        assertThat(d.rejections).as("rejections").allMatch(r -> r.contains(":unknown_category@"));
        assertThat(d.stats.rejectedTotal())
                .isEqualTo(d.stats.rejected(Rejection.UNKNOWN_CATEGORY))
                .isEqualTo(expectedUnknown.size());
        assertThat(d.blocks).isEqualTo(expectedBlocks);
        assertThat(d.unknown).isEqualTo(expectedUnknown);
        assertThat(d.records).hasSize(expectedRecords.size());
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < expectedRecords.size(); i++) {
            JsonNode actual = Samples.MAPPER.valueToTree(d.records.get(i));
            for (String s : Samples.diff(d.recordSpecs.get(i), expectedRecords.get(i), actual))
                diffs.add("record " + i + s);
        }
        assertThat(diffs).isEmpty();
    }

    /**
     * Decode then encode gives back the same bytes. Two documented exceptions, both checked:
     * a sender's non-minimal compound primary subfield (trailing all-zero octet, which the value
     * tree does not carry; our encoding must then be shorter and decode to the same tree), and
     * ICAO characters outside the character set (shown as '?', not re-encodable).
     */
    @ParameterizedTest
    @FieldSource("SAMPLES")
    void decodeThenEncodeGivesBackTheSameBytes(String sample) {
        Samples.Decoded d = Samples.decode(sample);
        assertThat(d.records).isNotEmpty();
        int exact = 0;
        for (int i = 0; i < d.records.size(); i++) {
            byte[] original = d.recordBytes.get(i);
            if (Samples.MAPPER.valueToTree(d.records.get(i)).toString().contains("?")) continue;
            byte[] encoded = AsterixTree.encodeRecord(d.recordSpecs.get(i), d.records.get(i));
            if (java.util.Arrays.equals(encoded, original)) {
                exact++;
                continue;
            }
            assertThat(encoded.length)
                    .as(
                            "record %d: %s vs %s",
                            i,
                            AsterixTree.hex(original, 0, original.length),
                            AsterixTree.hex(encoded, 0, encoded.length))
                    .isLessThan(original.length);
            Samples.Decoded again = Samples.decode(
                    AsterixTree.encodeBlock(d.recordSpecs.get(i), List.of(d.records.get(i))), new AsterixDecoder());
            Map<String, Object> want = new java.util.LinkedHashMap<>(d.records.get(i));
            want.remove("FSPEC");
            assertThat(again.records).hasSize(1);
            again.records.get(0).remove("FSPEC");
            assertThat(again.records.get(0)).isEqualTo(want);
        }
        assertThat(exact).as("records re-encoded byte for byte").isGreaterThanOrEqualTo(d.records.size() - 2);
    }

    @Test
    void thirtyMinuteCat062RecordingDecodesWithoutErrors() {
        Samples.Decoded d = Samples.decode("jlgconsulting-JADE/final_frame_062_30min.ff");
        assertThat(d.framingErrors).isZero();
        assertThat(d.rejections).isEmpty();
        assertThat(d.stats.blocks()).isEqualTo(34_957);
        assertThat(d.blocks).allMatch(b -> b.startsWith("62/"));
        assertThat(d.stats.records()).isEqualTo(34_957);
    }
}
