package org.vigil.codec.asterix;

/**
 * Typed, allocation-free view of a CAT048 monoradar target report. Element positions and LSBs
 * are resolved from the loaded edition at construction. Units (SI unless the name says):
 * distances m, speeds m/s, times s since UTC midnight, angles in degrees clockwise from north
 * (names end in {@code Deg}; {@link #thetaRad} for radians), flight level in FL (100 ft) and
 * {@link #flightLevelFeet}. Absent: {@link #ABSENT} for ints/longs, NaN for doubles.
 * Reuse one instance per decoder thread: {@code view.wrap(record)} in the record callback.
 */
public final class Cat048Record extends TypedRecord {
    private final FieldRef sac, sic, tod, typ, sim, rdp, spi, rab, tst, err, xpp, me, mi, foeFri;
    private final FieldRef rho, theta, x, y, m3aV, m3aG, m3aL, m3a, flV, flG, fl;
    private final FieldRef srl, srr, sam, prl, pam, rpd, apd;
    private final FieldRef trn, cnf, rad, dou, mah, cdm, tre, gho, sup, tcc, gsp, hdg, address, callsign;
    private final FieldRef com, stat, si, mssc, arc, aic, b1a, b1b;
    /** RE/ERR (REF 1.13); null when the loaded spec has no REF or its REF lacks ERR. */
    private final FieldRef extendedRange;

    private final int bdsIndex;

    public Cat048Record(CategorySpec spec) {
        super(spec, 48);
        sac = ref("010", "SAC");
        sic = ref("010", "SIC");
        tod = ref("140");
        typ = ref("020", "TYP");
        sim = ref("020", "SIM");
        rdp = ref("020", "RDP");
        spi = ref("020", "SPI");
        rab = ref("020", "RAB");
        tst = ref("020", "TST");
        err = ref("020", "ERR");
        xpp = ref("020", "XPP");
        me = ref("020", "ME");
        mi = ref("020", "MI");
        foeFri = ref("020", "FOEFRI");
        rho = ref("040", "RHO");
        theta = ref("040", "THETA");
        x = ref("042", "X");
        y = ref("042", "Y");
        m3aV = ref("070", "V");
        m3aG = ref("070", "G");
        m3aL = ref("070", "L");
        m3a = ref("070", "MODE3A");
        flV = ref("090", "V");
        flG = ref("090", "G");
        fl = ref("090", "FL");
        srl = ref("130", "SRL");
        srr = ref("130", "SRR");
        sam = ref("130", "SAM");
        prl = ref("130", "PRL");
        pam = ref("130", "PAM");
        rpd = ref("130", "RPD");
        apd = ref("130", "APD");
        trn = ref("161", "TRN");
        cnf = ref("170", "CNF");
        rad = ref("170", "RAD");
        dou = ref("170", "DOU");
        mah = ref("170", "MAH");
        cdm = ref("170", "CDM");
        tre = ref("170", "TRE");
        gho = ref("170", "GHO");
        sup = ref("170", "SUP");
        tcc = ref("170", "TCC");
        gsp = ref("200", "GSP");
        hdg = ref("200", "HDG");
        address = ref("220");
        callsign = ref("240");
        com = ref("230", "COM");
        stat = ref("230", "STAT");
        si = ref("230", "SI");
        mssc = ref("230", "MSSC");
        arc = ref("230", "ARC");
        aic = ref("230", "AIC");
        b1a = ref("230", "B1A");
        b1b = ref("230", "B1B");
        bdsIndex = spec.indexOf("250");
        extendedRange = optionalRef("RE", "ERR");
    }

    private FieldRef optionalRef(String item, String... names) {
        try {
            return ref(item, names);
        } catch (IllegalArgumentException e) { // edition or REF without it: reads as absent
            return null;
        }
    }

    /** A view for the current edition (CAT048 1.32). */
    public Cat048Record() {
        this(AsterixSpecs.current(48));
    }

    @Override
    public Cat048Record wrap(AsterixRecord r) {
        super.wrap(r);
        return this;
    }

    // I048/010 data source
    public int sac() {
        return i(sac);
    }

    public int sic() {
        return i(sic);
    }
    // I048/140
    public double timeOfDaySeconds() {
        return d(tod);
    }
    // I048/020 target report descriptor
    public int typ() {
        return i(typ);
    }

    public int sim() {
        return i(sim);
    }

    public int rdp() {
        return i(rdp);
    }

    public int spi() {
        return i(spi);
    }

    public int rab() {
        return i(rab);
    }

    public int tst() {
        return i(tst);
    }
    /** 1 when extended range is present (RHO beyond 256 NM is then in RE/ERR). */
    public int err() {
        return i(err);
    }

    public int xpp() {
        return i(xpp);
    }

    public int militaryEmergency() {
        return i(me);
    }

    public int militaryIdentification() {
        return i(mi);
    }
    /** Mode 4: 0 no interrogation, 1 friendly, 2 unknown, 3 no reply. */
    public int foeFri() {
        return i(foeFri);
    }
    // I048/040 measured position (slant range, azimuth)
    public double rhoMetres() {
        return d(rho) * NM;
    }

    public double thetaDeg() {
        return d(theta);
    }

    public double thetaRad() {
        return Math.toRadians(d(theta));
    }
    /** RE/ERR extended range report (targets at 256 NM and beyond), m; NaN when not sent. */
    public double extendedRangeMetres() {
        return extendedRange == null ? Double.NaN : d(extendedRange) * NM;
    }
    /**
     * The measured slant range to use: RE/ERR when I048/020 ERR says it is present (RHO then only
     * holds its saturated 0xFFFF), else RHO; NaN when ERR is flagged but RE/ERR is missing, as a
     * saturated RHO is no range at all, or when I048/040 is absent.
     */
    public double rangeMetres() {
        return err() == 1 ? extendedRangeMetres() : rhoMetres();
    }
    // I048/042 calculated Cartesian position
    public double xMetres() {
        return d(x) * NM;
    }

    public double yMetres() {
        return d(y) * NM;
    }
    // I048/070 Mode 3/A
    /** The 12-bit code (A4..D1); print with {@code %04o} to get the usual four octal digits. */
    public int mode3A() {
        return i(m3a);
    }

    public int mode3AInvalid() {
        return i(m3aV);
    }

    public int mode3AGarbled() {
        return i(m3aG);
    }

    public int mode3ASmoothed() {
        return i(m3aL);
    }
    // I048/090 flight level (Mode C)
    public double flightLevel() {
        return d(fl);
    }

    public double flightLevelFeet() {
        return d(fl) * 100;
    }

    public int flightLevelInvalid() {
        return i(flV);
    }

    public int flightLevelGarbled() {
        return i(flG);
    }
    // I048/130 plot characteristics
    public double ssrRunLengthDeg() {
        return d(srl);
    }

    public int ssrReplies() {
        return i(srr);
    }

    public double ssrAmplitudeDbm() {
        return d(sam);
    }

    public double psrRunLengthDeg() {
        return d(prl);
    }

    public double psrAmplitudeDbm() {
        return d(pam);
    }

    public double rangeDifferenceMetres() {
        return d(rpd) * NM;
    }

    public double azimuthDifferenceDeg() {
        return d(apd);
    }
    // I048/161
    public int trackNumber() {
        return i(trn);
    }
    // I048/170 track status
    public int tentative() {
        return i(cnf);
    }

    public int rad() {
        return i(rad);
    }

    public int doubtful() {
        return i(dou);
    }

    public int manoeuvre() {
        return i(mah);
    }

    public int climbDescent() {
        return i(cdm);
    }

    public int trackEnded() {
        return i(tre);
    }

    public int ghost() {
        return i(gho);
    }

    public int sup() {
        return i(sup);
    }

    public int tcc() {
        return i(tcc);
    }
    // I048/200 track velocity
    public double groundSpeedMps() {
        return d(gsp) * NM;
    }

    public double headingDeg() {
        return d(hdg);
    }
    // I048/220, I048/240
    /** 24-bit ICAO address, ABSENT when not sent. */
    public int address() {
        return i(address);
    }
    /** Callsign packed 6 bits a character as {@link org.vigil.core.Callsigns}; 0 when absent. */
    public long callsign() {
        long v = l(callsign);
        return v == ABSENT ? 0 : v;
    }
    // I048/230 communications capability and flight status
    public int com() {
        return i(com);
    }

    public int flightStatus() {
        return i(stat);
    }

    public int si() {
        return i(si);
    }

    public int mssc() {
        return i(mssc);
    }

    public int arc() {
        return i(arc);
    }

    public int aic() {
        return i(aic);
    }

    public int b1a() {
        return i(b1a);
    }

    public int b1b() {
        return i(b1b);
    }

    // I048/250 Mode S MB data: REP, then n x (MB 56 bits, BDS1 4, BDS2 4)
    public int bdsCount() {
        int off = record.offset(bdsIndex);
        return off < 0 ? 0 : record.buffer()[off] & 0xFF;
    }

    /** The 56-bit MB field of repetition {@code i} (0-based). */
    public long mbData(int i) {
        return Bits.read(record.buffer(), bdsEntry(i), 0, 56);
    }

    public int bds1(int i) {
        return (record.buffer()[bdsEntry(i) + 7] >>> 4) & 0xF;
    }

    public int bds2(int i) {
        return record.buffer()[bdsEntry(i) + 7] & 0xF;
    }

    private int bdsEntry(int i) {
        if (i < 0 || i >= bdsCount()) throw new IndexOutOfBoundsException(i);
        return record.offset(bdsIndex) + 1 + 8 * i;
    }
}
