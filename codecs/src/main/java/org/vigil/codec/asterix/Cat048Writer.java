package org.vigil.codec.asterix;

import org.vigil.core.geo.Units;

/**
 * Writes CAT048 target reports (edition 1.32 layout; the items written are unchanged since 1.27)
 * into a caller's buffer, allocation-free, for the scenario simulator and tests.
 * Usage: {@code startBlock(buf, off)}; per report {@code clear()}, setters, {@code endRecord()} (-1,
 * nothing written, when the buffer is too small or no item is set; fields stay set for the next report);
 * finally {@code endBlock()} patches LEN and returns the block length.
 * Values are rounded to the nearest LSB and clamped to the field's range; range beyond 256 NM
 * sets I048/020 ERR, RHO = 0xFFFF and writes RE/ERR (REF 1.13). The output is minimal (shortest
 * FSPEC, extended items without trailing empty octets), so it decodes and re-encodes unchanged.
 * This class knows the byte layout of the items it writes; the data-driven decoder is the check
 * (see Cat048WriterTest).
 */
public final class Cat048Writer extends AsterixBlockWriter {
    private static final double NM = Units.NM;
    // FRN - 1 of the items written
    private static final int I010 = 0,
            I140 = 1,
            I020 = 2,
            I040 = 3,
            I070 = 4,
            I090 = 5,
            I220 = 7,
            I240 = 8,
            I161 = 10,
            I042 = 11,
            I200 = 12,
            I170 = 13,
            I230 = 20,
            RE = 27;
    private int typ, flags020, flags020b, rho, theta, m3a, m3aFlags, fl, flFlags;
    private int address, trackNumber, x, y, gsp, hdg, status170, status170b, com230;
    private long callsign;
    private int extendedRho;

    /** Reports keep their fields for the next one ({@link #clear} forgets them); the largest is 42 octets. */
    public Cat048Writer() {
        super(48, 64, true);
    }

    /** Starts a block at {@code buf[off]}; the header is patched by {@link #endBlock}. */
    public Cat048Writer startBlock(byte[] buf, int off) {
        begin(buf, off);
        return clear();
    }

    /** Forgets the current report's fields. */
    public Cat048Writer clear() {
        present = 0;
        typ = 0;
        flags020 = 0;
        flags020b = 0;
        return this;
    }

    public Cat048Writer dataSource(int sac, int sic) {
        sacSic(sac, sic);
        set(I010);
        return this;
    }

    /** Seconds since UTC midnight; wraps at 2^24 / 128 s like the field. */
    public Cat048Writer timeOfDay(double seconds) {
        setTimeOfDay(seconds);
        set(I140);
        return this;
    }

    /** I048/020: TYP (0..7) and SIM, RDP, SPI, RAB bits (0/1). */
    public Cat048Writer descriptor(int typ, int sim, int rdp, int spi, int rab) {
        this.typ = typ & 7;
        flags020 = ((sim & 1) << 4) | ((rdp & 1) << 3) | ((spi & 1) << 2) | ((rab & 1) << 1);
        set(I020);
        return this;
    }

    /** I048/020 second octet: TST, XPP, ME, MI, FOE/FRI (ERR is set by {@link #polar}). */
    public Cat048Writer descriptorMilitary(int tst, int xpp, int me, int mi, int foeFri) {
        flags020b = (flags020b & 0x40)
                | ((tst & 1) << 7)
                | ((xpp & 1) << 5)
                | ((me & 1) << 4)
                | ((mi & 1) << 3)
                | ((foeFri & 3) << 1);
        return this;
    }

    /** I048/040: slant range (m) and azimuth (degrees clockwise from north). */
    public Cat048Writer polar(double rhoMetres, double thetaDeg) {
        long r = Math.round(rhoMetres / NM * 256);
        if (r < 0) r = 0;
        if (r > 0xFFFF) {
            rho = 0xFFFF;
            extendedRho = (int) Math.min(r, 0xFFFFFF);
            flags020b |= 0x40;
            set(RE);
        } else {
            rho = (int) r;
            flags020b &= ~0x40;
            unset(RE);
        }
        double t = thetaDeg % 360.0;
        if (t < 0) t += 360.0;
        theta = (int) (Math.round(t / 360.0 * 65536) & 0xFFFF);
        set(I040);
        return this;
    }

    /** I048/070: the 12-bit code (e.g. {@code 07700}), V (not validated), G (garbled), L (smoothed). */
    public Cat048Writer mode3A(int code, int v, int g, int l) {
        m3a = code & 0xFFF;
        m3aFlags = ((v & 1) << 15) | ((g & 1) << 14) | ((l & 1) << 13);
        set(I070);
        return this;
    }

    /** I048/090: flight level (FL, 1/4 FL steps), V and G. */
    public Cat048Writer flightLevel(double fl, int v, int g) {
        long q = Math.round(fl * 4);
        q = Math.max(-8192, Math.min(8191, q));
        this.fl = (int) (q & 0x3FFF);
        flFlags = ((v & 1) << 15) | ((g & 1) << 14);
        set(I090);
        return this;
    }

    public Cat048Writer address(int icao24) {
        address = icao24 & 0xFFFFFF;
        set(I220);
        return this;
    }

    /** Callsign packed as {@link org.vigil.core.Callsigns#pack}. */
    public Cat048Writer callsign(long packed) {
        callsign = packed & 0xFFFF_FFFF_FFFFL;
        set(I240);
        return this;
    }

    public Cat048Writer trackNumber(int trn) {
        trackNumber = trn & 0xFFF;
        set(I161);
        return this;
    }

    /** I048/042 in metres in the radar plane (1/128 NM steps, clamped). */
    public Cat048Writer cartesian(double xMetres, double yMetres) {
        x = clamp16(Math.round(xMetres / NM * 128));
        y = clamp16(Math.round(yMetres / NM * 128));
        set(I042);
        return this;
    }

    /** I048/200: ground speed (m/s) and heading (degrees). */
    public Cat048Writer velocity(double groundSpeedMps, double headingDeg) {
        long g = Math.round(groundSpeedMps / NM * 16384);
        gsp = (int) Math.max(0, Math.min(0xFFFF, g));
        double h = headingDeg % 360.0;
        if (h < 0) h += 360.0;
        hdg = (int) (Math.round(h / 360.0 * 65536) & 0xFFFF);
        set(I200);
        return this;
    }

    /** I048/170 first octet (CNF, RAD, DOU, MAH, CDM) and second (TRE, GHO, SUP, TCC; 0 = not sent). */
    public Cat048Writer trackStatus(int cnf, int rad, int dou, int mah, int cdm, int tre, int gho, int sup, int tcc) {
        status170 = ((cnf & 1) << 7) | ((rad & 3) << 5) | ((dou & 1) << 4) | ((mah & 1) << 3) | ((cdm & 3) << 1);
        status170b = ((tre & 1) << 7) | ((gho & 1) << 6) | ((sup & 1) << 5) | ((tcc & 1) << 4);
        set(I170);
        return this;
    }

    /** I048/230: COM, STAT, SI, MSSC, ARC, AIC, B1A, B1B. */
    public Cat048Writer commsCapability(int com, int stat, int si, int mssc, int arc, int aic, int b1a, int b1b) {
        com230 = ((com & 7) << 13)
                | ((stat & 7) << 10)
                | ((si & 1) << 9)
                | ((mssc & 1) << 7)
                | ((arc & 1) << 6)
                | ((aic & 1) << 5)
                | ((b1a & 1) << 4)
                | (b1b & 0xF);
        set(I230);
        return this;
    }

    /** ERR (set by a range beyond 256 NM) is carried in I048/020, so the item is sent. */
    @Override
    protected void completeItems() {
        if (has(I040) && (flags020b & 0x40) != 0) set(I020);
    }

    @Override
    protected void writeItem(int i) {
        switch (i) {
            case I010 -> putSacSic();
            case I140 -> putTimeOfDay();
            case I020 -> {
                if (flags020b != 0) {
                    put8((typ << 5) | flags020 | 1);
                    put8(flags020b);
                } else put8((typ << 5) | flags020);
            }
            case I040 -> {
                put16(rho);
                put16(theta);
            }
            case I070 -> put16(m3aFlags | m3a);
            case I090 -> put16(flFlags | fl);
            case I220 -> put24(address);
            case I240 -> put48(callsign);
            case I161 -> put16(trackNumber);
            case I042 -> {
                put16(x);
                put16(y);
            }
            case I200 -> {
                put16(gsp);
                put16(hdg);
            }
            case I170 -> {
                if (status170b != 0) {
                    put8(status170 | 1);
                    put8(status170b);
                } else put8(status170);
            }
            case I230 -> put16(com230);
            case RE -> { // REF 1.13: indicator bit of ERR
                put8(5);
                put8(0x08);
                put24(extendedRho);
            }
            default -> throw new IllegalStateException("item not written by this writer: FRN " + (i + 1));
        }
    }
}
