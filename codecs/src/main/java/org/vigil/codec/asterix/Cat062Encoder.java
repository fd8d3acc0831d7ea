package org.vigil.codec.asterix;

/**
 * Encodes system tracks as CAT062 records (edition 1.21 layout; the items written are unchanged since
 * 1.18) into a caller's buffer, allocation-free: what Vigil publishes as an ANSP tracker would
 * (docs/INTEROP.md "ASTERIX CAT062"). Items: I062/010 data source, /015 service, /070 time of track,
 * /105 WGS-84 position, /100 Cartesian position, /185 Cartesian velocity, /060 Mode 3/A, /245 target
 * identification, /380 Mode S address (ADR), /040 track number, /080 track status (first octet: MON,
 * SRC, CNF), /290 track age (TRK), /136 measured flight level, /220 rate of climb/descent.
 * Usage: {@code startBlock(buf, off)}, one {@link #track} per track, {@code endBlock()} patches LEN.
 * Values are rounded to the nearest LSB and clamped to the field's range. The data-driven decoder
 * ({@link AsterixDecoder}, {@link Cat062Record}) is the check (Cat062EncoderTest).
 */
public final class Cat062Encoder {
    /** Value of an absent integer argument (Mode 3/A, address). */
    public static final int ABSENT = -1;
    /** The largest record this encoder writes, in octets. */
    public static final int MAX_RECORD = 64;

    // FRN - 1 of the items written
    private static final int I010 = 0,
            I015 = 2,
            I070 = 3,
            I105 = 4,
            I100 = 5,
            I185 = 6,
            I060 = 8,
            I245 = 9,
            I380 = 10,
            I040 = 11,
            I080 = 12,
            I290 = 13,
            I136 = 16,
            I220 = 19;
    private static final double LATLON_LSB = 180.0 / (1 << 25);

    private byte[] buf;
    private int blockStart;
    private int pos;
    private int records;

    /** Starts a block at {@code buf[off]}; its header is patched by {@link #endBlock}. */
    public Cat062Encoder startBlock(byte[] buf, int off) {
        this.buf = buf;
        this.blockStart = off;
        this.pos = off + 3;
        this.records = 0;
        return this;
    }

    /**
     * Appends one system track.
     *
     * @param todSeconds     time of track information, seconds since UTC midnight
     * @param xMetres        Cartesian position in the SDPS's plane (east), metres
     * @param yMetres        ... (north), metres
     * @param vxMps          Cartesian velocity, m/s
     * @param mode3A         12-bit Mode 3/A code, or {@link #ABSENT}
     * @param callsign       callsign packed as {@code core.Callsigns.pack}, or 0
     * @param address        ICAO 24-bit address, or {@link #ABSENT}
     * @param tentative      I062/080 CNF
     * @param monosensor     I062/080 MON
     * @param trackAgeS      I062/290 TRK: seconds since the last update of the track
     * @param flightLevel    measured flight level (FL), or NaN
     * @param rocdFtPerMin   rate of climb/descent, ft/min, or NaN
     * @return the record's length, or -1 (nothing written) when the buffer has no room
     */
    public int track(
            int sac,
            int sic,
            int service,
            double todSeconds,
            double latDeg,
            double lonDeg,
            double xMetres,
            double yMetres,
            double vxMps,
            double vyMps,
            int mode3A,
            long callsign,
            int address,
            int trackNumber,
            boolean tentative,
            boolean monosensor,
            double trackAgeS,
            double flightLevel,
            double rocdFtPerMin) {
        if (pos + MAX_RECORD > buf.length) return -1;
        long present = 1L << I010
                | 1L << I015
                | 1L << I070
                | 1L << I105
                | 1L << I100
                | 1L << I185
                | 1L << I040
                | 1L << I080
                | 1L << I290;
        if (mode3A != ABSENT) present |= 1L << I060;
        if (callsign != 0) present |= 1L << I245;
        if (address != ABSENT) present |= 1L << I380;
        if (!Double.isNaN(flightLevel)) present |= 1L << I136;
        if (!Double.isNaN(rocdFtPerMin)) present |= 1L << I220;
        int start = pos;
        int last = 63 - Long.numberOfLeadingZeros(present);
        int fspecLen = last / 7 + 1;
        for (int o = 0; o < fspecLen; o++) buf[pos + o] = (byte) (o < fspecLen - 1 ? 1 : 0);
        for (int i = 0; i <= last; i++) if ((present & (1L << i)) != 0) buf[pos + i / 7] |= (byte) (0x80 >>> (i % 7));
        pos += fspecLen;
        put8(sac);
        put8(sic);
        put8(service);
        put24(Math.round(todSeconds * 128) & 0xFFFFFF);
        put32(clamp(Math.round(latDeg / LATLON_LSB), 32));
        put32(clamp(Math.round(lonDeg / LATLON_LSB), 32));
        put24(clamp(Math.round(xMetres * 2), 24));
        put24(clamp(Math.round(yMetres * 2), 24));
        put16(clamp(Math.round(vxMps * 4), 16));
        put16(clamp(Math.round(vyMps * 4), 16));
        if (mode3A != ABSENT) put16(mode3A & 0xFFF);
        if (callsign != 0) {
            put8(0); // STI 0: callsign downlinked from the aircraft
            put24((int) (callsign >>> 24) & 0xFFFFFF);
            put24((int) callsign & 0xFFFFFF);
        }
        if (address != ABSENT) {
            put8(0x80); // subfield ADR only
            put24(address & 0xFFFFFF);
        }
        put16(trackNumber & 0xFFFF);
        put8((monosensor ? 0x80 : 0) | (tentative ? 0x02 : 0));
        put8(0x80); // subfield TRK only
        put8((int) Math.min(255, Math.max(0, Math.round(trackAgeS * 4))));
        if (!Double.isNaN(flightLevel)) put16(clamp(Math.round(flightLevel * 4), 16));
        if (!Double.isNaN(rocdFtPerMin)) put16(clamp(Math.round(rocdFtPerMin / 6.25), 16));
        records++;
        return pos - start;
    }

    /** Patches CAT and LEN; returns the block length (0 if no record was written). */
    public int endBlock() {
        if (records == 0) return 0;
        int len = pos - blockStart;
        buf[blockStart] = 62;
        buf[blockStart + 1] = (byte) (len >>> 8);
        buf[blockStart + 2] = (byte) len;
        return len;
    }

    /** Octets written so far in the block, header included. */
    public int blockLength() {
        return pos - blockStart;
    }

    private static int clamp(long v, int bits) {
        long max = (1L << (bits - 1)) - 1;
        return (int) Math.max(-max - 1, Math.min(max, v));
    }

    private void put8(int v) {
        buf[pos++] = (byte) v;
    }

    private void put16(int v) {
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    private void put24(long v) {
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    private void put32(int v) {
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }
}
