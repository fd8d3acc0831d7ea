package org.vigil.codec.asterix;

/**
 * Typed, allocation-free view of a CAT021 ADS-B target report. Units: s, degrees ({@code Deg}),
 * m, m/s; flight level in FL. The high-resolution position (I021/131) is preferred by
 * {@link #latitudeDeg()}/{@link #longitudeDeg()}, falling back to I021/130.
 */
public final class Cat021Record extends TypedRecord {
    private final FieldRef sac, sic, atp, arc, rc, rab, gbs, sim, tst, cl, ipc, cpr, rcf, ldpj;
    private final FieldRef tApplPos, tApplVel, tRecPos, tRecPosHp, tRecVel, tRecVelHp, tReport;
    private final FieldRef latHr, lonHr, lat, lon, fl, bvrRe, bvr, gvrRe, gvr, gsRe, gs, ta;
    private final FieldRef callsign, address, icf, lnav, me, ps, ss, m3a;

    public Cat021Record(CategorySpec spec) {
        super(spec, 21);
        sac = ref("010", "SAC");
        sic = ref("010", "SIC");
        atp = ref("040", "ATP");
        arc = ref("040", "ARC");
        rc = ref("040", "RC");
        rab = ref("040", "RAB");
        gbs = ref("040", "GBS");
        sim = ref("040", "SIM");
        tst = ref("040", "TST");
        cl = ref("040", "CL");
        ipc = ref("040", "IPC");
        cpr = ref("040", "CPR");
        rcf = ref("040", "RCF");
        ldpj = ref("040", "LDPJ");
        tApplPos = ref("071");
        tApplVel = ref("072");
        tRecPos = ref("073");
        tRecPosHp = ref("074", "TOMRP");
        tRecVel = ref("075");
        tRecVelHp = ref("076", "TOMRP"); // the spec names 076's element TOMRP too
        tReport = ref("077");
        latHr = ref("131", "LAT");
        lonHr = ref("131", "LON");
        lat = ref("130", "LAT");
        lon = ref("130", "LON");
        fl = ref("145");
        bvrRe = ref("155", "RE");
        bvr = ref("155", "BVR");
        gvrRe = ref("157", "RE");
        gvr = ref("157", "GVR");
        gsRe = ref("160", "RE");
        gs = ref("160", "GS");
        ta = ref("160", "TA");
        callsign = ref("170");
        address = ref("080");
        icf = ref("200", "ICF");
        lnav = ref("200", "LNAV");
        me = ref("200", "ME");
        ps = ref("200", "PS");
        ss = ref("200", "SS");
        m3a = ref("070", "MODE3A");
    }

    public Cat021Record() {
        this(AsterixSpecs.current(21));
    }

    @Override
    public Cat021Record wrap(AsterixRecord r) {
        super.wrap(r);
        return this;
    }

    public int sac() {
        return i(sac);
    }

    public int sic() {
        return i(sic);
    }
    // I021/040 target report descriptor
    public int addressType() {
        return i(atp);
    }

    public int altitudeReportingCapability() {
        return i(arc);
    }

    public int rangeCheck() {
        return i(rc);
    }

    public int rab() {
        return i(rab);
    }

    public int groundBit() {
        return i(gbs);
    }

    public int sim() {
        return i(sim);
    }

    public int tst() {
        return i(tst);
    }

    public int confidenceLevel() {
        return i(cl);
    }

    public int independentPositionCheck() {
        return i(ipc);
    }

    public int cprFailed() {
        return i(cpr);
    }

    public int rangeCheckFailed() {
        return i(rcf);
    }

    public int localDecodingPositionJump() {
        return i(ldpj);
    }
    // times of applicability / reception, s since UTC midnight
    public double timeOfApplicabilityPositionSeconds() {
        return d(tApplPos);
    }

    public double timeOfApplicabilityVelocitySeconds() {
        return d(tApplVel);
    }

    public double timeOfReceptionPositionSeconds() {
        return d(tRecPos);
    }
    /** I021/074 fraction of the second (the FSI bits are not applied). */
    public double timeOfReceptionPositionFractionSeconds() {
        return d(tRecPosHp);
    }

    public double timeOfReceptionVelocitySeconds() {
        return d(tRecVel);
    }

    public double timeOfReceptionVelocityFractionSeconds() {
        return d(tRecVelHp);
    }

    public double timeOfReportSeconds() {
        return d(tReport);
    }
    // position
    public double latitudeDeg() {
        double v = d(latHr);
        return Double.isNaN(v) ? d(lat) : v;
    }

    public double longitudeDeg() {
        double v = d(lonHr);
        return Double.isNaN(v) ? d(lon) : v;
    }

    public double flightLevel() {
        return d(fl);
    }
    /** Barometric vertical rate, NaN when absent or flagged out of range (RE = 1). */
    public double barometricVerticalRateMps() {
        return i(bvrRe) == 0 ? d(bvr) * FT_PER_MIN : Double.NaN;
    }

    public double geometricVerticalRateMps() {
        return i(gvrRe) == 0 ? d(gvr) * FT_PER_MIN : Double.NaN;
    }
    /** I021/160 ground speed, NaN when absent or flagged out of range. */
    public double groundSpeedMps() {
        return i(gsRe) == 0 ? d(gs) * NM : Double.NaN;
    }

    public double trackAngleDeg() {
        return d(ta);
    }

    public long callsign() {
        long v = l(callsign);
        return v == ABSENT ? 0 : v;
    }

    public int address() {
        return i(address);
    }

    public int mode3A() {
        return i(m3a);
    }
    // I021/200 target status
    public int intentChange() {
        return i(icf);
    }

    public int lnavMode() {
        return i(lnav);
    }

    public int militaryEmergency() {
        return i(me);
    }
    /** Priority status: 1 general emergency, ... 5 unlawful interference, 6 downed aircraft. */
    public int priorityStatus() {
        return i(ps);
    }

    public int surveillanceStatus() {
        return i(ss);
    }
}
