package org.vigil.server.radar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.radar.RadarPlot;

class AsterixFileSourceTest {
    @TempDir
    Path dir;

    @Test
    void rawRecordingIsDatedFromTheGivenDateAndFollowsMidnight() throws Exception {
        byte[] raw = RadarBlocks.concat(RadarBlocks.fl350East(10, 86_399), RadarBlocks.fl350East(10, 2));
        Path f = Files.write(dir.resolve("rec.ast"), raw);
        RadarBlocks.Collect sink = new RadarBlocks.Collect();
        try (AsterixFileSource src = new AsterixFileSource(
                "rec",
                f,
                AsterixFileSource.Format.AUTO,
                LocalDate.of(2024, 3, 10),
                RadarBlocks.network(),
                sink,
                new Object())) {
            src.start();
            assertThat(src.awaitEnd(10, TimeUnit.SECONDS)).isTrue();
            assertThat(src.status().state()).isEqualTo("eof");
            assertThat(src.status().format()).isEqualTo("asterix-raw");
        }
        assertThat(sink.plots())
                .extracting(p -> p.timeNanos)
                .containsExactly(RadarBlocks.nanos("2024-03-10T23:59:59Z"), RadarBlocks.nanos("2024-03-11T00:00:02Z"));
    }

    @Test
    void pcapPacketTimesDateThePlots() throws Exception {
        long t0 = RadarBlocks.nanos("2024-07-01T00:00:03Z");
        byte[] p1 = RadarBlocks.fl350East(10, 86_398); // 23:59:58 the day before the capture time
        byte[] p2 = RadarBlocks.concat(RadarBlocks.northMarker(3), RadarBlocks.fl350East(10, 3));
        Path f = Files.write(dir.resolve("cap.pcap"), pcap(t0, p1, p2));
        RadarBlocks.Collect sink = new RadarBlocks.Collect();
        try (AsterixFileSource src = new AsterixFileSource(
                "cap", f, AsterixFileSource.Format.AUTO, null, RadarBlocks.network(), sink, new Object())) {
            src.start();
            assertThat(src.awaitEnd(10, TimeUnit.SECONDS)).isTrue();
            assertThat(src.status().format()).isEqualTo("asterix-pcap");
            assertThat(src.counters().serviceMessages()).isEqualTo(1);
        }
        assertThat(sink.plots())
                .extracting(p -> p.timeNanos)
                .containsExactly(RadarBlocks.nanos("2024-06-30T23:59:58Z"), RadarBlocks.nanos("2024-07-01T00:00:03Z"));
        RadarPlot p = sink.plots().get(1);
        assertThat(p.latDeg).isBetween(49.97, 49.98);
    }

    /** A little-endian microsecond pcap, Ethernet, IPv4/UDP to port 8600, one packet a second from t0. */
    private static byte[] pcap(long t0, byte[]... payloads) {
        ByteBuffer b = ByteBuffer.allocate(24 + payloads.length * 100 + 2000).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xA1B2C3D4)
                .putShort((short) 2)
                .putShort((short) 4)
                .putInt(0)
                .putInt(0)
                .putInt(65535)
                .putInt(1);
        long t = t0;
        for (byte[] p : payloads) {
            int frame = 14 + 20 + 8 + p.length;
            b.putInt((int) (t / 1_000_000_000L))
                    .putInt((int) (t % 1_000_000_000L / 1000))
                    .putInt(frame)
                    .putInt(frame);
            ByteBuffer e = ByteBuffer.allocate(frame); // network order
            e.put(new byte[12]).putShort((short) 0x0800);
            e.put((byte) 0x45)
                    .put((byte) 0)
                    .putShort((short) (20 + 8 + p.length))
                    .putInt(0)
                    .put((byte) 64)
                    .put((byte) 17)
                    .putShort((short) 0)
                    .putInt(0x0A000001)
                    .putInt(0xEF010203);
            e.putShort((short) 40000)
                    .putShort((short) 8600)
                    .putShort((short) (8 + p.length))
                    .putShort((short) 0);
            e.put(p);
            b.put(e.array());
            t += 1_000_000_000L;
        }
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }
}
