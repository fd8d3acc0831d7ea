package org.vigil.server.radar;

/**
 * Capture timestamps of a classic pcap file held in memory, by packet number, read in step with
 * {@code Recording.split} (which numbers packets but does not pass their time). Walks the 16-octet
 * record headers forwards only; asking for packets in increasing order costs O(1) each.
 */
final class PcapClock {
    private final byte[] b;
    private final int len;
    private final boolean swapped;
    private final boolean nanos;
    private int packet;
    private int offset = 24;

    PcapClock(byte[] b, int len) {
        this.b = b;
        this.len = len;
        int magic = be32(0);
        swapped = magic == 0xD4C3B2A1 || magic == 0x4D3CB2A1;
        nanos = magic == 0xA1B23C4D || magic == 0x4D3CB2A1;
    }

    /** Capture time of packet {@code k} (from 0) in ns since the epoch; Long.MIN_VALUE when it is not there. */
    long timeNanos(int k) {
        while (packet < k) {
            if (offset + 16 > len) return Long.MIN_VALUE;
            int caplen = u32(offset + 8);
            if (caplen < 0 || offset + 16L + caplen > len) return Long.MIN_VALUE;
            offset += 16 + caplen;
            packet++;
        }
        if (packet != k || offset + 16 > len) return Long.MIN_VALUE;
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
