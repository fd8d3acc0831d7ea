package org.vigil.codec.asterix;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes: the decoder, the typed views and the generic tree never throw, never hang, and
 * every record view stays inside the input. Framing (pcap/final/raw) is fuzzed too.
 */
class AsterixDecoderFuzzTest {
    private static final AsterixDecoder DECODER = new AsterixDecoder();
    private static final Cat048Record V048 = new Cat048Record();
    private static final Cat034Record V034 = new Cat034Record();
    private static final Cat021Record V021 = new Cat021Record();
    private static final Cat062Record V062 = new Cat062Record();

    @FuzzTest(maxDuration = "30s")
    void decoderNeverThrows(FuzzedDataProvider data) {
        boolean tree = data.consumeBoolean();
        byte[] b = data.consumeRemainingAsBytes();
        RecordHandler h = r -> {
            assertThat(r.start()).isBetween(0, b.length);
            assertThat(r.end()).isBetween(r.start() + 1, b.length);
            for (int i = 0; i < r.spec().uapSize(); i++) {
                if (r.has(i)) assertThat(r.offset(i) + r.length(i)).isLessThanOrEqualTo(r.end());
            }
            switch (r.category()) {
                case 48 -> {
                    V048.wrap(r);
                    V048.rhoMetres();
                    V048.callsign();
                    V048.ssrAmplitudeDbm();
                    V048.tentative();
                    V048.bdsCount();
                    V048.foeFri();
                }
                case 34 -> {
                    V034.wrap(r);
                    V034.noGo();
                    V034.sensorLatitudeDeg();
                }
                case 21 -> {
                    V021.wrap(r);
                    V021.latitudeDeg();
                    V021.rangeCheckFailed();
                }
                case 62 -> {
                    V062.wrap(r);
                    V062.address();
                    V062.emergencyStatus();
                }
                default -> {}
            }
            if (tree) Json.write(AsterixTree.decode(r));
        };
        Recording.split(
                b, b.length, Recording.detect(b, b.length), (p, buf, off, len) -> DECODER.decode(buf, off, len, h));
        DECODER.decode(b, 0, b.length, h);
    }
}
