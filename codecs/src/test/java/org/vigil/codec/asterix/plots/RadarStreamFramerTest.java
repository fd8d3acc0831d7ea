package org.vigil.codec.asterix.plots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.codec.asterix.plots.RadarTestData.NOON;

import org.junit.jupiter.api.Test;
import org.vigil.core.radar.RadarNetwork;

class RadarStreamFramerTest {
    private final RadarNetwork network = RadarTestData.network();
    private final RadarTestData.Collect sink = new RadarTestData.Collect();
    private final PlotCounters counters = new PlotCounters();
    private final AsterixStreamFramer framer = new AsterixStreamFramer(new RadarPlotDecoder(network, sink, counters));

    private static byte[] stream() {
        return RadarTestData.concat(
                RadarTestData.northMarker(25, 10, 100, 4.8),
                RadarTestData.fl350East(25, 10, 101),
                RadarTestData.primary(25, 10, 102, 30_000, 200),
                RadarTestData.fl350East(25, 10, 103));
    }

    @Test
    void blocksSplitAnywhereAcrossReadsAllArrive() {
        byte[] s = stream();
        for (int cut = 1; cut < s.length; cut++) {
            RadarTestData.Collect c = new RadarTestData.Collect();
            PlotCounters k = new PlotCounters();
            AsterixStreamFramer f = new AsterixStreamFramer(new RadarPlotDecoder(RadarTestData.network(), c, k));
            f.accept(s, 0, cut, NOON);
            f.accept(s, cut, s.length - cut, NOON);
            f.endOfStream();
            assertThat(c.plots).as("cut at %d", cut).hasSize(3);
            assertThat(k.totalRejects()).isZero();
        }
    }

    @Test
    void oneByteAtATime() {
        byte[] s = stream();
        for (int i = 0; i < s.length; i++) framer.accept(s, i, 1, NOON);
        framer.endOfStream();
        assertThat(sink.plots).hasSize(3);
        assertThat(sink.messages).hasSize(1);
    }

    @Test
    void garbageAndABadLenBetweenBlocksDoNotDesynchroniseTheStream() {
        byte[] good = stream();
        byte[] zeroLen = {48, 0, 0, 7, 7}; // LEN 0
        byte[] hugeLen = {48, (byte) 0xF0, 0, 1, 2, 3, 4}; // LEN 61440: more than follows
        byte[] junk = {(byte) 0xFF, 1, 2, 48, 0, 1, 99, 34};
        byte[] all = RadarTestData.concat(good, zeroLen, good, hugeLen, junk, good);
        framer.accept(all, 0, all.length, NOON);
        framer.endOfStream();
        assertThat(sink.plots).hasSize(9);
        assertThat(counters.rejects(PlotRejection.BAD_LENGTH)).as("LEN 0").isEqualTo(1);
        assertThat(counters.rejects(PlotRejection.TRUNCATED))
                .as("LEN beyond the end of the data")
                .isEqualTo(1);
        assertThat(counters.resyncBytes()).isEqualTo(zeroLen.length + hugeLen.length + junk.length);
    }

    @Test
    void aTruncatedTailIsCountedAtEndOfStream() {
        byte[] s = stream();
        framer.accept(s, 0, s.length - 4, NOON);
        framer.endOfStream();
        assertThat(sink.plots).hasSize(2);
        assertThat(counters.rejects(PlotRejection.TRUNCATED)).isEqualTo(1);
    }

    @Test
    void dribbledStreamWithABadLenLosesOnlyTheBadBytes() {
        double tod = 45_296.5;
        byte[] good = RadarTestData.concat(
                RadarTestData.northMarker(25, 10, tod, 4.8),
                RadarTestData.fl350East(25, 10, tod),
                RadarTestData.fl350East(25, 10, tod + 1));
        byte[] badLen = {48, 0, 0, 1, 2, 3};
        byte[] s = RadarTestData.concat(good, badLen, good);
        for (int chunk = 1; chunk <= s.length; chunk++) {
            RadarTestData.Collect c = new RadarTestData.Collect();
            PlotCounters k = new PlotCounters();
            AsterixStreamFramer f = new AsterixStreamFramer(new RadarPlotDecoder(RadarTestData.network(), c, k));
            for (int i = 0; i < s.length; i += chunk) f.accept(s, i, Math.min(chunk, s.length - i), NOON);
            assertThat(c.plots).as("chunk %d: %s", chunk, k).hasSize(4);
            assertThat(k.rejects(PlotRejection.BAD_LENGTH))
                    .as("chunk %d: %s", chunk, k)
                    .isEqualTo(1);
            assertThat(k.resyncBytes()).as("chunk %d", chunk).isEqualTo(badLen.length);
        }
    }
}
