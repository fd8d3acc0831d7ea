package org.vigil.codec.asterix;

/**
 * Splits a recording held in memory into ASTERIX payloads (each one or more data blocks):
 * bare blocks end to end, EUROCONTROL "final" frames (.ff: 2-octet frame length, board, line,
 * day, 3-octet time, payload, A5A5A5A5), or classic pcap of UDP over IPv4 on Ethernet (optionally
 * 802.1Q tagged) or Linux cooked capture (SLL, SLL2). Malformed framing is counted, not thrown.
 */
public final class Recording {
    public enum Format {
        RAW,
        FINAL,
        PCAP
    }

    /** Receives one payload; {@code packet} numbers frames/packets from 0. */
    public interface PayloadSink {
        void payload(int packet, byte[] buf, int off, int len);
    }

    private Recording() {}

    /** Guesses the format from the first octets. */
    public static Format detect(byte[] b, int len) {
        if (len >= 24) {
            int m = be32(b, 0);
            if (m == 0xA1B2C3D4 || m == 0xD4C3B2A1 || m == 0xA1B23C4D || m == 0x4D3CB2A1) return Format.PCAP;
        }
        if (len >= 12) {
            int n = ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
            if (n >= 15
                    && n <= len
                    && (b[n - 1] & 0xFF) == 0xA5
                    && (b[n - 2] & 0xFF) == 0xA5
                    && (b[n - 3] & 0xFF) == 0xA5
                    && (b[n - 4] & 0xFF) == 0xA5) return Format.FINAL;
        }
        return Format.RAW;
    }

    /** Splits {@code b[0, len)}; returns the number of framing errors (bad frame, non-UDP packet, ...). */
    public static int split(byte[] b, int len, Format format, PayloadSink sink) {
        return switch (format) {
            case RAW -> {
                sink.payload(0, b, 0, len);
                yield 0;
            }
            case FINAL -> finalFrames(b, len, sink);
            case PCAP -> pcap(b, len, sink);
        };
    }

    private static int finalFrames(byte[] b, int len, PayloadSink sink) {
        int p = 0;
        int packet = 0;
        int errors = 0;
        while (p + 2 <= len) {
            int n = ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
            if (n < 12 || (long) p + n > len) {
                errors++;
                break; // lost framing; the rest cannot be trusted
            }
            boolean trailer = (b[p + n - 1] & b[p + n - 2] & b[p + n - 3] & b[p + n - 4] & 0xFF) == 0xA5;
            if (!trailer) errors++;
            else sink.payload(packet, b, p + 8, n - 12);
            packet++;
            p += n;
        }
        if (p < len && p + 2 > len) errors++;
        return errors;
    }

    private static int pcap(byte[] b, int len, PayloadSink sink) {
        if (len < 24) return len == 0 ? 0 : 1; // no complete global header (format forced on a short file)
        int magic = be32(b, 0);
        boolean swapped = magic == 0xD4C3B2A1 || magic == 0x4D3CB2A1;
        int linkType = u32(b, 20, swapped);
        int p = 24;
        int packet = 0;
        int errors = 0;
        while (p + 16 <= len) {
            int caplen = u32(b, p + 8, swapped);
            int start = p + 16;
            if (caplen < 0 || (long) start + caplen > len) { // long: a huge caplen must not wrap around
                errors++;
                break;
            }
            if (!udpPayload(b, start, caplen, linkType, packet, sink)) errors++;
            packet++;
            p = start + caplen;
        }
        if (p < len && p + 16 > len) errors++; // a record header cut short at the end of the file
        return errors;
    }

    /** Finds the UDP payload of one captured frame; false when it is not IPv4/UDP or is cut short. */
    private static boolean udpPayload(byte[] b, int off, int caplen, int linkType, int packet, PayloadSink sink) {
        int end = off + caplen;
        int p;
        int etherType;
        switch (linkType) {
            case 1 -> { // Ethernet
                if (caplen < 14) return false;
                etherType = be16(b, off + 12);
                p = off + 14;
                while (etherType == 0x8100 || etherType == 0x88A8) { // VLAN tags
                    if (p + 4 > end) return false;
                    etherType = be16(b, p + 2);
                    p += 4;
                }
            }
            case 113 -> { // Linux cooked capture v1
                if (caplen < 16) return false;
                etherType = be16(b, off + 14);
                p = off + 16;
            }
            case 276 -> { // Linux cooked capture v2
                if (caplen < 20) return false;
                etherType = be16(b, off);
                p = off + 20;
            }
            case 101, 228 -> { // raw IPv4
                etherType = 0x0800;
                p = off;
            }
            default -> {
                return false;
            }
        }
        if (etherType != 0x0800 || p + 20 > end) return false;
        int ihl = (b[p] & 0x0F) * 4;
        if ((b[p] & 0xF0) != 0x40 || ihl < 20 || (b[p + 9] & 0xFF) != 17) return false;
        int fragment = be16(b, p + 6) & 0x3FFF;
        if (fragment != 0) return false; // fragments are not reassembled
        int ipLen = be16(b, p + 2);
        int ipEnd = Math.min(end, p + ipLen);
        int u = p + ihl;
        if (u + 8 > ipEnd) return false;
        int udpLen = be16(b, u + 4);
        int payloadEnd = Math.min(ipEnd, u + udpLen);
        if (payloadEnd < u + 8) return false;
        sink.payload(packet, b, u + 8, payloadEnd - u - 8);
        return true;
    }

    private static int be16(byte[] b, int p) {
        return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
    }

    private static int be32(byte[] b, int p) {
        return ((b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
    }

    private static int u32(byte[] b, int p, boolean swapped) {
        return swapped ? Integer.reverseBytes(be32(b, p)) : be32(b, p);
    }
}
