package org.vigil.codec.asterix;

/**
 * Writes CAT062 system track updates (edition 1.21 layout; the items written are the same in
 * 1.20) as another tracker (an air navigation service provider's SDPS) sends them, for the
 * scenario simulator and tests: I062/010, /015, /070, /105, /185, /060, /245, /380 ADR, /040,
 * /080, /136, /500 APC. Allocation-free. Usage: {@link #startBlock}; per update setters then
 * {@link #endRecord}; {@link #endBlock} patches LEN. Values are rounded to the LSB and clamped.
 * The data-driven decoder ({@link Cat062Record}) is the check (Cat021Cat062WriterTest). Named for
 * the simulator's needs; an encoder of Vigil's own system tracks may write more items.
 */
public final class Cat062Writer extends AsterixBlockWriter {
    // FRN - 1 of the items written (UAP of editions 1.20 and 1.21)
    private static final int I010 = 0,
            I015 = 2,
            I070 = 3,
            I105 = 4,
            I185 = 6,
            I060 = 8,
            I245 = 9,
            I380 = 10,
            I040 = 11,
            I080 = 12,
            I136 = 16,
            I500 = 26;
    private int sac, sic, service, tod, lat, lon, vx, vy, m3a, address, trackNumber, fl, apcX, apcY;
    private long callsign;
    private boolean monosensor, tentative;

    public Cat062Writer() {
        super(62, 80);
    }

    public Cat062Writer startBlock(byte[] buf, int off) {
        begin(buf, off);
        return this;
    }

    /** I062/010 and I062/015: the SDPS and its service. */
    public Cat062Writer dataSource(int sac, int sic, int serviceId) {
        this.sac = sac & 0xFF;
        this.sic = sic & 0xFF;
        this.service = serviceId & 0xFF;
        set(I010);
        set(I015);
        return this;
    }

    /** I062/070: time of track information, s since UTC midnight. */
    public Cat062Writer timeOfTrack(double seconds) {
        tod = tod128(seconds);
        set(I070);
        return this;
    }

    /** I062/105: WGS-84 position in 180/2^25 degree steps. */
    public Cat062Writer position(double latDeg, double lonDeg) {
        lat = (int) Math.round(latDeg / 180.0 * (1L << 25));
        lon = (int) Math.round(lonDeg / 180.0 * (1L << 25));
        set(I105);
        return this;
    }

    /** I062/185: velocity east and north, m/s in 1/4 steps. */
    public Cat062Writer velocity(double eastMps, double northMps) {
        vx = clamp16(Math.round(eastMps * 4));
        vy = clamp16(Math.round(northMps * 4));
        set(I185);
        return this;
    }

    /** I062/060: the 12-bit Mode 3/A code, validated, not garbled, unchanged. */
    public Cat062Writer mode3A(int code) {
        m3a = code & 0xFFF;
        set(I060);
        return this;
    }

    /** I062/245: callsign packed as {@link org.vigil.core.Callsigns#pack} (STI 1: as downlinked). */
    public Cat062Writer callsign(long packed) {
        callsign = packed & 0xFFFF_FFFF_FFFFL;
        set(I245);
        return this;
    }

    /** I062/380 ADR: the Mode S address. */
    public Cat062Writer address(int icao24) {
        address = icao24 & 0xFFFFFF;
        set(I380);
        return this;
    }

    /** I062/040 and I062/080: the SDPS's track number, whether one sensor alone updates it, tentative. */
    public Cat062Writer track(int number, boolean monosensor, boolean tentative) {
        trackNumber = number & 0xFFFF;
        this.monosensor = monosensor;
        this.tentative = tentative;
        set(I040);
        set(I080);
        return this;
    }

    /** I062/136: measured flight level in 1/4 FL steps. */
    public Cat062Writer flightLevel(double fl) {
        this.fl = clamp16(Math.round(fl * 4));
        set(I136);
        return this;
    }

    /** I062/500 APC: the estimated accuracy (one standard deviation) of the position in x and y, m in 1/2 steps. */
    public Cat062Writer accuracy(double sigmaXMetres, double sigmaYMetres) {
        apcX = (int) Math.max(0, Math.min(0xFFFF, Math.round(sigmaXMetres * 2)));
        apcY = (int) Math.max(0, Math.min(0xFFFF, Math.round(sigmaYMetres * 2)));
        set(I500);
        return this;
    }

    @Override
    protected void writeItem(int i) {
        switch (i) {
            case I010 -> {
                put8(sac);
                put8(sic);
            }
            case I015 -> put8(service);
            case I070 -> put24(tod);
            case I105 -> {
                put32(lat);
                put32(lon);
            }
            case I185 -> {
                put16(vx);
                put16(vy);
            }
            case I060 -> put16(m3a);
            case I245 -> {
                put8(1 << 6); // STI 1: callsign downlinked from the aircraft
                put48(callsign);
            }
            case I380 -> {
                put8(0x80); // ADR only
                put24(address);
            }
            case I040 -> put16(trackNumber);
            case I080 -> put8((monosensor ? 0x80 : 0) | (tentative ? 0x02 : 0)); // SRC 0, no FX
            case I136 -> put16(fl);
            case I500 -> {
                put8(0x80); // APC only
                put16(apcX);
                put16(apcY);
            }
            default -> throw new IllegalStateException("item not written by this writer: FRN " + (i + 1));
        }
    }
}
