package org.vigil.codec.asterix;

import org.vigil.core.geo.Units;

/**
 * Writes CAT021 ADS-B target reports (edition 2.7 layout; the items written are the same in 2.6)
 * as an ADS-B ground station sends them, for the scenario simulator and tests: I021/010, /040
 * (24-bit ICAO address, 100 ft altitude reporting), /071 (time of applicability of the position),
 * /131 (high-resolution position), /080, /073 (time of reception), /090 (NIC, NACp), /070, /145,
 * /155, /160, /170. Allocation-free. Usage: {@link #startBlock}; per report setters then
 * {@link #endRecord}; {@link #endBlock} patches LEN. Values are rounded to the LSB and clamped.
 * The data-driven decoder ({@link Cat021Record}) is the check (Cat021Cat062WriterTest).
 */
public final class Cat021Writer extends AsterixBlockWriter {
    // FRN - 1 of the items written (UAP of editions 2.6 and 2.7)
    private static final int I010 = 0,
            I040 = 1,
            I071 = 4,
            I131 = 6,
            I080 = 10,
            I073 = 11,
            I090 = 16,
            I070 = 18,
            I145 = 20,
            I155 = 23,
            I160 = 25,
            I170 = 28;
    private int todReception, lat, lon, address, nic, nacp, m3a, fl, bvr, gs, ta;
    private long callsign;

    public Cat021Writer() {
        super(21, 64);
    }

    public Cat021Writer startBlock(byte[] buf, int off) {
        begin(buf, off);
        return this;
    }

    public Cat021Writer dataSource(int sac, int sic) {
        sacSic(sac, sic);
        set(I010);
        set(I040); // the descriptor is mandatory: 24-bit ICAO address, 100 ft altitude reporting
        return this;
    }

    /** Time of applicability of the position (I021/071) and of its reception (I021/073), s since UTC midnight. */
    public Cat021Writer time(double applicabilitySeconds, double receptionSeconds) {
        setTimeOfDay(applicabilitySeconds);
        todReception = tod128(receptionSeconds);
        set(I071);
        set(I073);
        return this;
    }

    /** I021/131: WGS-84 position in 180/2^30 degree steps. */
    public Cat021Writer position(double latDeg, double lonDeg) {
        lat = (int) Math.round(latDeg / 180.0 * (1L << 30));
        lon = (int) Math.round(lonDeg / 180.0 * (1L << 30));
        set(I131);
        return this;
    }

    public Cat021Writer address(int icao24) {
        address = icao24 & 0xFFFFFF;
        set(I080);
        return this;
    }

    /** I021/090: NIC (0..15) and NACp (0..15). */
    public Cat021Writer quality(int nic, int nacp) {
        this.nic = nic & 0xF;
        this.nacp = nacp & 0xF;
        set(I090);
        return this;
    }

    /** I021/070: the 12-bit Mode 3/A code (e.g. {@code 07700}). */
    public Cat021Writer mode3A(int code) {
        m3a = code & 0xFFF;
        set(I070);
        return this;
    }

    /** I021/145: flight level in 1/4 FL steps. */
    public Cat021Writer flightLevel(double fl) {
        this.fl = clamp16(Math.round(fl * 4));
        set(I145);
        return this;
    }

    /** I021/155: barometric vertical rate, 6.25 ft/min steps. */
    public Cat021Writer verticalRate(double feetPerMinute) {
        bvr = (int) (Math.max(-16384, Math.min(16383, Math.round(feetPerMinute / 6.25))) & 0x7FFF);
        set(I155);
        return this;
    }

    /** I021/160: ground speed (m/s, 2^-14 NM/s steps) and track angle (degrees). */
    public Cat021Writer groundVector(double speedMps, double trackDeg) {
        gs = (int) Math.max(0, Math.min(0x7FFF, Math.round(speedMps / Units.NM * 16384)));
        double t = trackDeg % 360.0;
        if (t < 0) t += 360.0;
        ta = (int) (Math.round(t / 360.0 * 65536) & 0xFFFF);
        set(I160);
        return this;
    }

    /** I021/170: callsign packed as {@link org.vigil.core.Callsigns#pack}. */
    public Cat021Writer callsign(long packed) {
        callsign = packed & 0xFFFF_FFFF_FFFFL;
        set(I170);
        return this;
    }

    @Override
    protected void writeItem(int i) {
        switch (i) {
            case I010 -> putSacSic();
            case I040 -> put8(1 << 3); // ATP 0 (24-bit ICAO), ARC 1 (100 ft), RC 0, RAB 0, FX 0
            case I071 -> putTimeOfDay();
            case I131 -> {
                put32(lat);
                put32(lon);
            }
            case I080 -> put24(address);
            case I073 -> put24(todReception);
            case I090 -> {
                put8((nic << 1) | 1); // NUCr/NACv 0, NUCp/NIC, FX
                put8(nacp << 1); // NICbaro 0, SIL 0, NACp, no FX
            }
            case I070 -> put16(m3a);
            case I145 -> put16(fl);
            case I155 -> put16(bvr); // RE 0
            case I160 -> {
                put16(gs); // RE 0
                put16(ta);
            }
            case I170 -> put48(callsign);
            default -> throw new IllegalStateException("item not written by this writer: FRN " + (i + 1));
        }
    }
}
