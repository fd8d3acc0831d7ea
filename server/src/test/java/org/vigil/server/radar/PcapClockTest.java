package org.vigil.server.radar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.vigil.core.radar.TimeOfDay;

class PcapClockTest {
    /** A pcap with packets of 3 and 5 octets at the given (seconds, fraction) pairs. */
    private static byte[] pcap(int magic, ByteOrder order, long sec0, long frac0, long sec1, long frac1) {
        ByteBuffer b = ByteBuffer.allocate(24 + 16 + 3 + 16 + 5).order(order);
        b.putInt(magic)
                .putShort((short) 2)
                .putShort((short) 4)
                .putInt(0)
                .putInt(0)
                .putInt(65535)
                .putInt(1);
        b.putInt((int) sec0).putInt((int) frac0).putInt(3).putInt(3).put(new byte[3]);
        b.putInt((int) sec1).putInt((int) frac1).putInt(5).putInt(5).put(new byte[5]);
        return b.array();
    }

    @Test
    void microsecondCaptureBigEndian() {
        byte[] f = pcap(0xA1B2C3D4, ByteOrder.BIG_ENDIAN, 1_700_000_000L, 250_000, 1_700_000_001L, 999_999);
        PcapClock c = new PcapClock(f, f.length);
        assertThat(c.timeNanos(0)).isEqualTo(1_700_000_000_250_000_000L);
        assertThat(c.timeNanos(1)).isEqualTo(1_700_000_001_999_999_000L);
        assertThat(c.timeNanos(2)).isEqualTo(TimeOfDay.UNKNOWN);
    }

    @Test
    void nanosecondCaptureLittleEndianAndSecondsPast2038() {
        // written little-endian, the magic reads as 0x4D3CB2A1 in network order: swapped, ns resolution
        byte[] f = pcap(0xA1B23C4D, ByteOrder.LITTLE_ENDIAN, 0xF000_0000L, 7, 0xF000_0001L, 999_999_999);
        PcapClock c = new PcapClock(f, f.length);
        assertThat(c.timeNanos(1)).isEqualTo(0xF000_0001L * 1_000_000_000L + 999_999_999);
        assertThat(c.timeNanos(0)).as("backwards").isEqualTo(TimeOfDay.UNKNOWN);
    }

    @Test
    void shortOrCutFilesGiveUnknownNotExceptions() {
        byte[] f = pcap(0xA1B2C3D4, ByteOrder.BIG_ENDIAN, 1, 0, 2, 0);
        for (int n = 0; n < f.length; n++) {
            PcapClock c = new PcapClock(f, n);
            for (int k = 0; k < 3; k++) {
                long t = c.timeNanos(k);
                if (t != TimeOfDay.UNKNOWN) assertThat(t).isEqualTo((k + 1) * 1_000_000_000L);
            }
        }
        assertThat(new PcapClock(new byte[3], 3).timeNanos(0)).isEqualTo(TimeOfDay.UNKNOWN);
        assertThat(new PcapClock(f, 24 + 16 + 2).timeNanos(1)).isEqualTo(TimeOfDay.UNKNOWN);
    }
}
