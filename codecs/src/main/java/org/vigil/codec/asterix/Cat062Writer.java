package org.vigil.codec.asterix;

/**
 * Writes CAT062 system track updates (edition 1.21 layout; the items written are unchanged since
 * 1.18) into a caller's buffer, allocation-free: the one CAT062 writer, used by the scenario
 * simulator (another tracker, an ANSP's SDPS) and by Vigil's own output of its system tracks
 * (docs/INTEROP.md "ASTERIX CAT062"). Items: I062/010 data source, /015 service, /070 time of
 * track, /105 WGS-84 position, /100 Cartesian position, /185 Cartesian velocity, /060 Mode 3/A,
 * /245 target identification, /380 ADR (Mode S address), /040 track number, /080 track status
 * (first octet: MON, SRC, CNF), /290 TRK (track age), /136 measured flight level, /220 rate of
 * climb/descent, /500 APC (position accuracy). Usage: {@link #startBlock}; per track setters then
 * {@link #endRecord} (each record starts empty); {@link #endBlock} patches LEN. Values are rounded
 * to the nearest LSB and clamped to the field's range. The data-driven decoder
 * ({@link Cat062Record}) is the check (Cat062WriterTest, Cat021Cat062WriterTest), and Wireshark's
 * dissector (Cat062WriterTest).
 */
public final class Cat062Writer extends AsterixBlockWriter {
    /** The largest record this writer makes, in octets (57 with every item). */
    public static final int MAX_RECORD = 64;

    // FRN - 1 of the items written (UAP of editions 1.20 and 1.21)
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
            I220 = 19,
            I500 = 26;
    private int service, lat, lon, x, y, vx, vy, m3a, address, trackNumber, age, fl, rocd, apcX, apcY;
    private long callsign;
    private boolean monosensor, tentative;

    public Cat062Writer() {
        super(62, MAX_RECORD);
    }

    public Cat062Writer startBlock(byte[] buf, int off) {
        begin(buf, off);
        return this;
    }

    /** I062/010 and I062/015: the SDPS and its service. */
    public Cat062Writer dataSource(int sac, int sic, int serviceId) {
        sacSic(sac, sic);
        this.service = serviceId & 0xFF;
        set(I010);
        set(I015);
        return this;
    }

    /** I062/070: time of track information, s since UTC midnight. */
    public Cat062Writer timeOfTrack(double seconds) {
        setTimeOfDay(seconds);
        set(I070);
        return this;
    }

    /** I062/105: WGS-84 position in 180/2^25 degree steps. */
    public Cat062Writer position(double latDeg, double lonDeg) {
        lat = clampSigned(Math.round(latDeg / 180.0 * (1L << 25)), 32);
        lon = clampSigned(Math.round(lonDeg / 180.0 * (1L << 25)), 32);
        set(I105);
        return this;
    }

    /** I062/100: position in the SDPS's Cartesian plane (x east, y north), m in 1/2 steps. */
    public Cat062Writer cartesian(double xMetres, double yMetres) {
        x = clampSigned(Math.round(xMetres * 2), 24);
        y = clampSigned(Math.round(yMetres * 2), 24);
        set(I100);
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

    /**
     * I062/245: callsign packed as {@link org.vigil.core.Callsigns#pack}, STI 0 (callsign downlinked
     * from the target: the simulator's and Vigil's callsigns come from Mode S/ADS-B).
     */
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

    /** I062/290 TRK: seconds since the track was last updated by a sensor, 1/4 s steps (at most 63.75). */
    public Cat062Writer trackAge(double seconds) {
        age = clampUnsigned(Math.round(seconds * 4), 8);
        set(I290);
        return this;
    }

    /** I062/136: measured flight level in 1/4 FL steps. */
    public Cat062Writer flightLevel(double fl) {
        this.fl = clamp16(Math.round(fl * 4));
        set(I136);
        return this;
    }

    /** I062/220: rate of climb (positive) or descent, ft/min in 6.25 steps. */
    public Cat062Writer rateOfClimb(double ftPerMin) {
        rocd = clamp16(Math.round(ftPerMin / 6.25));
        set(I220);
        return this;
    }

    /** I062/500 APC: the estimated accuracy (one standard deviation) of the position in x and y, m in 1/2 steps. */
    public Cat062Writer accuracy(double sigmaXMetres, double sigmaYMetres) {
        apcX = clampUnsigned(Math.round(sigmaXMetres * 2), 16);
        apcY = clampUnsigned(Math.round(sigmaYMetres * 2), 16);
        set(I500);
        return this;
    }

    @Override
    protected void writeItem(int i) {
        switch (i) {
            case I010 -> putSacSic();
            case I015 -> put8(service);
            case I070 -> putTimeOfDay();
            case I105 -> {
                put32(lat);
                put32(lon);
            }
            case I100 -> {
                put24(x);
                put24(y);
            }
            case I185 -> {
                put16(vx);
                put16(vy);
            }
            case I060 -> put16(m3a);
            case I245 -> {
                put8(0); // STI 0, spare
                put48(callsign);
            }
            case I380 -> {
                put8(0x80); // ADR only
                put24(address);
            }
            case I040 -> put16(trackNumber);
            case I080 -> put8((monosensor ? 0x80 : 0) | (tentative ? 0x02 : 0)); // SRC 0, no FX
            case I290 -> {
                put8(0x80); // TRK only
                put8(age);
            }
            case I136 -> put16(fl);
            case I220 -> put16(rocd);
            case I500 -> {
                put8(0x80); // APC only
                put16(apcX);
                put16(apcY);
            }
            default -> throw new IllegalStateException("item not written by this writer: FRN " + (i + 1));
        }
    }
}
