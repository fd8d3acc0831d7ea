package org.vigil.codec.asterix.plots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.vigil.codec.asterix.plots.RadarTestData.NOON;

import org.junit.jupiter.api.Test;
import org.vigil.core.radar.OperationalState;
import org.vigil.core.radar.PlotType;
import org.vigil.core.radar.RadarNetwork;
import org.vigil.core.radar.RadarPlot;
import org.vigil.core.radar.ServiceMessage;
import org.vigil.core.radar.TimeOfDay;

class RadarPlotDecoderTest {
    private final RadarNetwork network = RadarTestData.network();
    private final RadarTestData.Collect sink = new RadarTestData.Collect();
    private final PlotCounters counters = new PlotCounters();
    private final RadarPlotDecoder decoder = new RadarPlotDecoder(network, sink, counters);

    @Test
    void cat048ReportBecomesAPlacedPlot() {
        byte[] block = RadarTestData.fl350East(25, 10, 12 * 3600 + 0.5);
        assertThat(decoder.decode(block, 0, block.length, NOON + 2_000_000_000L))
                .isEqualTo(1);

        RadarPlot p = sink.plots.get(0);
        assertThat(p.sac).isEqualTo(25);
        assertThat(p.sic).isEqualTo(10);
        assertThat(p.timeNanos).isEqualTo(NOON + 500_000_000L);
        assertThat(p.type).isEqualTo(PlotType.COMBINED);
        assertThat(p.mode3A).isEqualTo(01234);
        assertThat(p.mode3AValid).isTrue();
        assertThat(p.address).isEqualTo(0x3C6586);
        assertThat(p.trackNumber).isEqualTo(77);
        assertThat(p.altitudeMetres).isCloseTo(35_000 * 0.3048, within(1e-6));
        assertThat(p.has(RadarPlot.ALTITUDE_ASSUMED)).isFalse();
        // the hand-computed case of RadarPlotProjectionTest (core): 49.971398014°N 6.575829785°E;
        // rho 100 NM and theta 90° are exact in the CAT048 LSBs (1/256 NM, 360/65536°)
        assertThat(p.latDeg).isCloseTo(49.971398014, within(3e-5));
        assertThat(p.lonDeg).isCloseTo(6.575829785, within(4e-5));
        assertThat(counters.plots()).isEqualTo(1);
        assertThat(network.radar(25, 10).plots()).isEqualTo(1);
        assertThat(network.radar(25, 10).lastTimeNanos()).isEqualTo(NOON + 500_000_000L);
    }

    @Test
    void primaryPlotWithoutModeCIsFlaggedAndProjectedAtTheAssumedHeight() {
        byte[] block = RadarTestData.primary(25, 10, 100, 50_000, 45);
        decoder.decode(block, 0, block.length, NOON);
        RadarPlot p = sink.plots.get(0);
        assertThat(p.type).isEqualTo(PlotType.PRIMARY);
        assertThat(p.altitudeMetres).isNaN();
        assertThat(p.has(RadarPlot.ALTITUDE_ASSUMED)).isTrue();
        assertThat(p.mode3A).isEqualTo(RadarPlot.ABSENT);
        assertThat(p.address).isEqualTo(RadarPlot.ABSENT);
        assertThat(p.latDeg).isGreaterThan(50.0);
        assertThat(p.lonDeg).isGreaterThan(4.0);
    }

    @Test
    void unknownRadarIsCountedAndNamed() {
        byte[] block = RadarTestData.fl350East(25, 99, 100);
        assertThat(decoder.decode(block, 0, block.length, NOON)).isZero();
        assertThat(counters.rejects(PlotRejection.UNKNOWN_SAC_SIC)).isEqualTo(1);
        assertThat(counters.lastUnknownSensor()).isEqualTo("25/99");
        assertThat(sink.plots).isEmpty();
    }

    @Test
    void withoutAnyTimeReferenceTheSeedOrTheRadarsLastTimeGivesTheDate() {
        byte[] block = RadarTestData.fl350East(25, 10, 12 * 3600);
        decoder.decode(block, 0, block.length, TimeOfDay.UNKNOWN);
        assertThat(counters.rejects(PlotRejection.NO_TIME_REFERENCE)).isEqualTo(1);

        decoder.seedReference(NOON - 3_600_000_000_000L);
        decoder.decode(block, 0, block.length, TimeOfDay.UNKNOWN);
        assertThat(sink.plots.get(0).timeNanos).isEqualTo(NOON);

        // across midnight with only the radar's own history as reference
        byte[] late = RadarTestData.fl350East(25, 10, 86_399);
        decoder.decode(late, 0, late.length, TimeOfDay.UNKNOWN); // 23:59:59 on the 10th (within 12 h of noon)
        byte[] early = RadarTestData.fl350East(25, 10, 1);
        decoder.decode(early, 0, early.length, TimeOfDay.UNKNOWN);
        assertThat(sink.plots.get(2).timeNanos - sink.plots.get(1).timeNanos).isEqualTo(2_000_000_000L);
    }

    @Test
    void northMarkersMeasureRotationAndReachTheSink() {
        byte[] first = RadarTestData.northMarker(25, 10, 100, 0);
        decoder.decode(first, 0, first.length, NOON);
        byte[] second = RadarTestData.northMarker(25, 10, 104.75, 0);
        decoder.decode(second, 0, second.length, NOON);
        assertThat(network.radar(25, 10).measuredRotationPeriodSeconds()).isCloseTo(4.75, within(1e-9));
        assertThat(network.radar(25, 10).northMarkers()).isEqualTo(2);
        assertThat(sink.messages).containsExactly(ServiceMessage.NORTH_MARKER, ServiceMessage.NORTH_MARKER);
        assertThat(counters.serviceMessages()).isEqualTo(2);
    }

    @Test
    void systemStatusNogoFromCat034Item050() {
        // CAT034, LEN 13: FSPEC E4 = I034/010, /000, /030, /050; 010 = 25/10; 000 = 1 (north marker);
        // 030 = 100 s × 128; 050 = primary subfield 80 (COM only), COM = 80 (NOGO)
        byte[] block = {34, 0, 13, (byte) 0xE4, 25, 10, 1, 0, 0x32, 0x00, (byte) 0x80, (byte) 0x80};
        block = java.util.Arrays.copyOf(block, 12);
        block[2] = 12;
        decoder.decode(block, 0, block.length, NOON);
        assertThat(counters.totalRejects()).isZero();
        assertThat(network.radar(25, 10).state()).isEqualTo(OperationalState.NOGO);
        block[11] = 0;
        decoder.decode(block, 0, block.length, NOON);
        assertThat(network.radar(25, 10).state()).isEqualTo(OperationalState.OPERATIONAL);
    }

    @Test
    void reportWithoutMeasuredPositionOrTimeIsRejectedByReason() {
        byte[] buf = new byte[256];
        org.vigil.codec.asterix.Cat048Writer w = new org.vigil.codec.asterix.Cat048Writer().startBlock(buf, 0);
        w.clear().dataSource(25, 10).timeOfDay(5).descriptor(2, 0, 0, 0, 0).mode3A(07000, 0, 0, 0);
        w.endRecord();
        w.clear().dataSource(25, 10).descriptor(2, 0, 0, 0, 0).polar(1000, 1);
        w.endRecord();
        int n = w.endBlock();
        decoder.decode(buf, 0, n, NOON);
        assertThat(counters.totalRejects()).as(counters.toString()).isEqualTo(2);
        assertThat(counters.rejects(PlotRejection.NO_POSITION)).isEqualTo(1);
        assertThat(counters.rejects(PlotRejection.NO_TIME)).isEqualTo(1);
        assertThat(network.radar(25, 10).plotsRejected()).isEqualTo(2);
    }

    @Test
    void extendedRangeBeyond256NmIsReadFromReErr() {
        byte[] far = RadarTestData.primary(25, 10, 100, 300 * 1852.0, 90);
        byte[] near = RadarTestData.primary(25, 10, 100, 200 * 1852.0, 90);
        decoder.decode(far, 0, far.length, NOON);
        decoder.decode(near, 0, near.length, NOON);
        assertThat(counters.totalRejects()).as(counters.toString()).isZero();
        RadarPlot p = sink.plots.get(0);
        assertThat(p.rhoMetres).isEqualTo(300 * 1852.0); // not the saturated RHO of 255.996 NM
        // due east of the radar, 300 NM slant range lands well east of the 200 NM plot
        assertThat(p.lonDeg).isGreaterThan(sink.plots.get(1).lonDeg + 2);
    }

    @Test
    void extendedRangeFlaggedWithoutReErrIsRejectedByName() {
        // CAT048 LEN 15, FSPEC F0 = I048/010, /140, /020, /040; 020 = TYP 1 + FX, then ERR; RHO saturated
        byte[] block = {48, 0, 15, (byte) 0xF0, 25, 10, 0, 0x32, 0x00, 0x21, 0x40, (byte) 0xFF, (byte) 0xFF, 0x40, 0x00
        };
        assertThat(decoder.decode(block, 0, block.length, NOON)).isZero();
        assertThat(counters.rejects(PlotRejection.EXTENDED_RANGE)).isEqualTo(1);
        assertThat(sink.plots).isEmpty();
    }

    @Test
    void malformedBlocksAreCountedAndTheNextDatagramDecodes() {
        byte[] bad = {48, 0, 2, 1, 2, 3};
        decoder.decode(bad, 0, bad.length, NOON);
        byte[] trunc = {48, 0, 5, (byte) 0x80, 25}; // I048/010 cut short
        decoder.decode(trunc, 0, trunc.length, NOON);
        byte[] good = RadarTestData.fl350East(25, 10, 10);
        decoder.decode(good, 0, good.length, NOON);
        assertThat(counters.rejects(PlotRejection.BAD_LENGTH)).isEqualTo(1);
        assertThat(counters.rejects(PlotRejection.TRUNCATED)).isEqualTo(1);
        assertThat(counters.plots()).isEqualTo(1);
    }

    @Test
    void decodingAllocatesNothingPerPlot() {
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        RadarPlotDecoder quiet = new RadarPlotDecoder(network, plot -> {}, new PlotCounters());
        byte[] block = RadarTestData.fl350East(25, 10, 10);
        for (int i = 0; i < 20_000; i++) quiet.decode(block, 0, block.length, NOON);
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 50_000; i++) quiet.decode(block, 0, block.length, NOON);
        assertThat(mx.getThreadAllocatedBytes(tid) - before)
                .as("bytes for 50 000 plots")
                .isLessThan(1_000);
    }
}
