package org.vigil.codec.asterix.plots;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.vigil.core.radar.RadarNetwork;
import org.vigil.core.radar.RadarPlot;
import org.vigil.core.radar.RadarPlotSink;

/**
 * Arbitrary bytes through the datagram path and the stream path: nothing escapes, the framer ends,
 * and every plot delivered has a finite, in-range position and a known time.
 */
class RadarPlotDecoderFuzzTest {
    private static final RadarNetwork NETWORK = RadarTestData.network();

    @FuzzTest(maxDuration = "30s")
    void anyBytesGiveCountedOutcomesAndSanePlots(FuzzedDataProvider data) {
        int chunk = data.consumeInt(1, 300);
        boolean useRef = data.consumeBoolean();
        byte[] bytes = data.consumeRemainingAsBytes();
        long ref = useRef ? RadarTestData.NOON : Long.MIN_VALUE;
        RadarPlotSink check = new RadarPlotSink() {
            @Override
            public void onPlot(RadarPlot p) {
                assertThat(p.latDeg).isBetween(-90.0, 90.0);
                assertThat(p.lonDeg).isBetween(-180.0, 180.0);
                assertThat(p.groundRangeMetres).isBetween(0.0, p.rhoMetres + 1);
                assertThat(p.timeNanos).isNotEqualTo(Long.MIN_VALUE);
            }
        };
        PlotCounters counters = new PlotCounters();
        RadarPlotDecoder decoder = new RadarPlotDecoder(NETWORK, check, counters);
        decoder.seedReference(RadarTestData.NOON);
        decoder.decode(bytes, 0, bytes.length, ref);

        AsterixStreamFramer framer = new AsterixStreamFramer(decoder);
        for (int off = 0; off < bytes.length; off += chunk) {
            framer.accept(bytes, off, Math.min(chunk, bytes.length - off), ref);
        }
        framer.endOfStream();
        assertThat(counters.sinkErrors()).as("a plot failed the checks").isZero();
    }
}
