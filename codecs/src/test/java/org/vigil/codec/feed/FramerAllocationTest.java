package org.vigil.codec.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.codec.feed.FeedTestSupport.*;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The framers are on the hot path: after warm-up, framing thousands of frames (with rejects mixed
 * in) must allocate nothing. Measured with the JVM's per-thread allocation counter.
 */
class FramerAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static long allocatedWhile(Runnable r) {
        long id = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(id);
        r.run();
        return THREADS.getThreadAllocatedBytes(id) - before;
    }

    private static long framingAllocation(FeedFramer framer, byte[] data) {
        for (int i = 0; i < 20; i++) framer.accept(data, 0, data.length, i); // warm-up
        return allocatedWhile(() -> {
            for (int i = 0; i < 10; i++) {
                for (int pos = 0; pos < data.length; pos += 1000)
                    framer.accept(data, pos, Math.min(1000, data.length - pos), i);
            }
        });
    }

    static volatile Object sink;

    @Test
    void theMeasurementSeesAllocation() {
        assertThat(allocatedWhile(() -> sink = new byte[100_000])).isGreaterThanOrEqualTo(100_000);
    }

    @Test
    void beastAvrAndSbsFramingAllocateNothingPerFrame() {
        List<byte[]> frames = shortFlights();
        ByteArrayOutputStream beast = new ByteArrayOutputStream();
        StringBuilder avr = new StringBuilder();
        StringBuilder sbs = new StringBuilder();
        int i = 0;
        for (byte[] f : frames) {
            beast.writeBytes(beast(f, 0x1A00001A0000L + i, 0x1A));
            if (i % 17 == 0) beast.writeBytes(ascii("junk"));
            String hex = HexFormat.of().withUpperCase().formatHex(f);
            avr.append(i % 2 == 0 ? "*" + hex : "@00000000" + String.format("%04X", i) + hex)
                    .append(";\r\n");
            if (i % 17 == 0) avr.append("*12Z;\n");
            sbs.append("MSG,3,1,1,")
                    .append(hex, 2, 8)
                    .append(",1,2019/12/10,19:10:46.320,2019/12/10,19:10:47.789,")
                    .append("ABC")
                    .append(i % 100)
                    .append(",")
                    .append(1000 + i)
                    .append(",452.5,123.4,51.1001,-10.1915,-64,7700,0,0,0,0\r\n");
            i++;
        }
        FeedCounters bc = new FeedCounters(), ac = new FeedCounters(), sc = new FeedCounters();
        long[] sum = new long[1];
        FrameSink sink = (buf, off, len, t, mlat, signal) -> sum[0] += buf[off] + mlat + signal;
        long beastBytes = framingAllocation(new BeastFramer(bc, sink), beast.toByteArray());
        long avrBytes = framingAllocation(new AvrFramer(ac, sink), ascii(avr.toString()));
        long sbsBytes = framingAllocation(
                new SbsParser(sc, m -> sum[0] += m.icao + (long) m.lat, true, 0), ascii(sbs.toString()));
        assertThat(bc.framesAccepted()).isEqualTo(30L * frames.size());
        assertThat(ac.framesAccepted()).isEqualTo(30L * frames.size());
        assertThat(sc.framesAccepted()).isEqualTo(30L * frames.size());
        assertThat(bc.rejects(RejectReason.GARBAGE)).isPositive();
        assertThat(ac.rejects(RejectReason.BAD_FIELD)).isPositive();
        // a few hundred bytes of slack for the measurement itself; per-frame allocation would be >100 KB
        assertThat(beastBytes).as("Beast").isLessThan(2_000);
        assertThat(avrBytes).as("AVR").isLessThan(2_000);
        assertThat(sbsBytes).as("SBS").isLessThan(2_000);
    }
}
