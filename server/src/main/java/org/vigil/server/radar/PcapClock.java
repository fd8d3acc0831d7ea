package org.vigil.server.radar;

import org.vigil.core.radar.TimeOfDay;

/**
 * Capture timestamps of a classic pcap file held in memory, by packet number, read in step with
 * {@code Recording.split} (which numbers packets but does not pass their time). Walks the 16-octet
 * record headers forwards only; asking for packets in increasing order costs O(1) each. Any bytes
 * are safe: a short or damaged file gives {@link TimeOfDay#UNKNOWN}, never an exception. Public so
 * that every pcap reader (live file source, replay) dates packets the same way.
 */
public final class PcapClock {
    private final byte[] b;
    private final int len;
    private final boolean swapped;
    private final boolean nanos;
    private int packet;
    private int offset = 24;

    /** The pcap in {@code b[0, len)}, global header included. */
    public PcapClock(byte[] b, int len) {
        this.b = b;
        this.len = Math.min(len, b.length);
        int magic = this.len >= 24 ? be32(0) : 0; // too short for a header: every time is unknown
        swapped = magic == 0xD4C3B2A1 || magic == 0x4D3CB2A1;
        nanos = magic == 0xA1B23C4D || magic == 0x4D3CB2A1;
    }

    /**
     * Capture time of packet {@code k} (from 0, as {@code Recording.split} numbers them) in ns since
     * the epoch; {@link TimeOfDay#UNKNOWN} when it is not there or {@code k} is below the last asked.
     */
    public long timeNanos(int k) {
        while (packet < k) {
            if (offset + 16 > len) return TimeOfDay.UNKNOWN;
            int caplen = u32(offset + 8);
            if (caplen < 0 || offset + 16L + caplen > len) return TimeOfDay.UNKNOWN;
            offset += 16 + caplen;
            packet++;
        }
        if (packet != k || offset + 16 > len) return TimeOfDay.UNKNOWN;
        long sec = u32(offset) & 0xFFFF_FFFFL;
        long frac = u32(offset + 4) & 0xFFFF_FFFFL;
        return sec * 1_000_000_000L + (nanos ? frac : frac * 1000);
    }

    private int be32(int p) {
        return ((b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
    }

    private int u32(int p) {
        return swapped ? Integer.reverseBytes(be32(p)) : be32(p);
    }
}
