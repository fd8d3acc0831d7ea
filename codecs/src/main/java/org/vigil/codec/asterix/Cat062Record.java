package org.vigil.codec.asterix;

/**
 * Typed, allocation-free view of a CAT062 system track. Units: s, m, m/s, degrees ({@code Deg});
 * flight level in FL. Cartesian X/Y are in the SDPS's own plane (origin configured per SDPS).
 */
public final class Cat062Record extends TypedRecord {
    private final FieldRef sac, sic, service, trackNumber, m3aV, m3aG, m3aCh, m3a, tod, lat, lon, x, y, vx, vy;
    private final FieldRef mfl, rocd, sti, callsign, adr, acid, mhg, tas, mon, spi, cnf, sim, tse, tsb, me, mi, ems;

    public Cat062Record(CategorySpec spec) {
        super(spec, 62);
        sac = ref("010", "SAC");
        sic = ref("010", "SIC");
        service = ref("015");
        trackNumber = ref("040");
        m3aV = ref("060", "V");
        m3aG = ref("060", "G");
        m3aCh = ref("060", "CH");
        m3a = ref("060", "MODE3A");
        tod = ref("070");
        x = ref("100", "X");
        y = ref("100", "Y");
        lat = ref("105", "LAT");
        lon = ref("105", "LON");
        vx = ref("185", "VX");
        vy = ref("185", "VY");
        mfl = ref("136");
        rocd = ref("220");
        sti = ref("245", "STI");
        callsign = ref("245", "CHR");
        adr = ref("380", "ADR");
        acid = ref("380", "ID");
        mhg = ref("380", "MHG");
        tas = ref("380", "TAS");
        mon = ref("080", "MON");
        spi = ref("080", "SPI");
        cnf = ref("080", "CNF");
        sim = ref("080", "SIM");
        tse = ref("080", "TSE");
        tsb = ref("080", "TSB");
        me = ref("080", "ME");
        mi = ref("080", "MI");
        ems = ref("080", "EMS");
    }

    public Cat062Record() {
        this(AsterixSpecs.current(62));
    }

    @Override
    public Cat062Record wrap(AsterixRecord r) {
        super.wrap(r);
        return this;
    }

    public int sac() {
        return i(sac);
    }

    public int sic() {
        return i(sic);
    }

    public int serviceId() {
        return i(service);
    }

    public int trackNumber() {
        return i(trackNumber);
    }

    public int mode3A() {
        return i(m3a);
    }

    public int mode3AInvalid() {
        return i(m3aV);
    }

    public int mode3AGarbled() {
        return i(m3aG);
    }

    public int mode3AChanged() {
        return i(m3aCh);
    }

    public double timeOfTrackSeconds() {
        return d(tod);
    }

    public double xMetres() {
        return d(x);
    }

    public double yMetres() {
        return d(y);
    }

    public double latitudeDeg() {
        return d(lat);
    }

    public double longitudeDeg() {
        return d(lon);
    }

    public double vxMps() {
        return d(vx);
    }

    public double vyMps() {
        return d(vy);
    }

    public double measuredFlightLevel() {
        return d(mfl);
    }

    public double rateOfClimbMps() {
        return d(rocd) * FT_PER_MIN;
    }

    public int callsignSource() {
        return i(sti);
    }
    /** I062/245 callsign, packed as {@link org.vigil.core.Callsigns}; 0 when absent. */
    public long callsign() {
        long v = l(callsign);
        return v == ABSENT ? 0 : v;
    }
    /** I062/380 ADR, the Mode S address. */
    public int address() {
        return i(adr);
    }
    /** I062/380 ID, the downlinked identification (packed). */
    public long downlinkedId() {
        long v = l(acid);
        return v == ABSENT ? 0 : v;
    }

    public double magneticHeadingDeg() {
        return d(mhg);
    }

    public double trueAirspeedMps() {
        return d(tas) * KT;
    }
    // I062/080 track status
    public int monosensor() {
        return i(mon);
    }

    public int spi() {
        return i(spi);
    }

    public int tentative() {
        return i(cnf);
    }

    public int sim() {
        return i(sim);
    }

    public int trackEnded() {
        return i(tse);
    }

    public int trackBegun() {
        return i(tsb);
    }

    public int militaryEmergency() {
        return i(me);
    }

    public int militaryIdentification() {
        return i(mi);
    }
    /** Emergency status: 1 general, 2 medical, 3 minimum fuel, 4 no comms, 5 unlawful interference, 6 downed. */
    public int emergencyStatus() {
        return i(ems);
    }
}
