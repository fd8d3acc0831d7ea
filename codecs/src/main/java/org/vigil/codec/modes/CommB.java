package org.vigil.codec.modes;

import org.vigil.core.Callsigns;

/**
 * Comm-B register (MB field) decoding and register inference for DF20/DF21 replies and for
 * ASTERIX I048/250, which carries the same 56-bit MB field.
 *
 * <p>A Comm-B reply does not say which register (BDS) it answers: the interrogator knows, a
 * passive receiver does not. The register is therefore inferred. Every supported register is
 * tried against the 56 bits; a register survives when its structure holds (register code in the
 * first byte where the register has one, reserved bits zero, every value field zero when its
 * status bit says "not available") and its values are physically plausible (see {@code is..}
 * methods). Registers that still compete are then checked against what else is known about the
 * aircraft: pressure altitude (from the DF20 reply itself or from the caller) and ground speed /
 * track (from the caller, e.g. from ADS-B). When exactly one register remains it is chosen and
 * decoded; when several remain the answer is honestly ambiguous: {@code bds = ABSENT},
 * {@code bdsAmbiguous = true}, {@code bdsCandidates} lists them, and no register field is filled
 * (decoding a guess would put a wrong number in front of an operator).
 *
 * <p>MB bit numbering in comments and helpers is the one of ICAO Doc 9871: bit 1 is the most
 * significant of the 56 MB bits.
 *
 * <p>Hot path: nothing is allocated, nothing is thrown; bad input leaves a named constant in
 * {@link ModeSMessage#error}.
 */
public final class CommB {
    // Candidate bits for ModeSMessage.bdsCandidates (one bit per register this class knows).
    public static final int CANDIDATE_10 = 1;
    public static final int CANDIDATE_17 = 1 << 1;
    public static final int CANDIDATE_20 = 1 << 2;
    public static final int CANDIDATE_30 = 1 << 3;
    public static final int CANDIDATE_40 = 1 << 4;
    public static final int CANDIDATE_44 = 1 << 5;
    public static final int CANDIDATE_45 = 1 << 6;
    public static final int CANDIDATE_50 = 1 << 7;
    public static final int CANDIDATE_60 = 1 << 8;

    /** Registers in candidate-bit order, as 0xXY codes (BDS X,Y). */
    private static final int[] REGISTERS = {0x10, 0x17, 0x20, 0x30, 0x40, 0x44, 0x45, 0x50, 0x60};

    // Plausibility limits. Deliberately generous: a limit that rejects a real aircraft produces a
    // wrong register, a generous one only leaves an honest ambiguity.
    static final double MAX_ROLL_DEG = 50;
    static final double MIN_TAS_KT = 80, MAX_TAS_KT = 600;
    static final double MAX_GS_KT = 700;
    /** Largest wind assumed between ground speed and true airspeed (jet stream cores reach ~250 kt). */
    static final double MAX_WIND_KT = 250;

    static final double MAX_IAS_KT = 500;
    static final double MIN_MACH = 0.1, MAX_MACH = 0.99;
    static final int MAX_VERTICAL_RATE_FPM = 8000;
    /** Baro vs inertial vertical rate of one aircraft at one instant cannot differ much. */
    static final int MAX_VERTICAL_RATE_SPLIT_FPM = 2000;
    /** IAS vs calibrated airspeed computed from Mach and pressure altitude (position error, rounding). */
    static final double MAX_IAS_MISMATCH_KT = 25;
    /** Temperature may differ from ISA at the altitude by this much (hot/cold extremes). */
    static final double MAX_ISA_DEVIATION_C = 40;

    static final double MIN_SAT_C = -85, MAX_SAT_C = 60;
    /** Coordinated-turn check: |reported track rate - g tan(roll) / V| above this rejects 5,0. */
    static final double MAX_TURN_RATE_MISMATCH_DPS = 0.6;

    static final double MIN_BARO_SETTING_HPA = 900, MAX_BARO_SETTING_HPA = 1100;
    static final int MAX_SELECTED_ALTITUDE_FT = 50000;
    static final int MIN_STATIC_PRESSURE_HPA = 100, MAX_STATIC_PRESSURE_HPA = 1085;
    static final double MAX_PRESSURE_MISMATCH_HPA = 30;
    /** Radio altimeters report up to ~5000 ft; the margin covers baro vs. true height. */
    static final int MAX_RADIO_HEIGHT_FT = 8000, RADIO_HEIGHT_MARGIN_FT = 3000;

    static final int MICROBURST_CEILING_FT = 10000;
    static final int ABOVE_ANY_AIRPORT_FT = 15000;
    static final int ICING_CEILING_FT = 30000;
    static final int MIN_ALTITUDE_FT = -2000, MAX_ALTITUDE_FT = 70000;
    /** Reference checks (caller's known ground speed/track, possibly a few seconds old). */
    static final double REF_GS_TOLERANCE_KT = 40, REF_TRACK_TOLERANCE_DEG = 20;

    static final double REF_HEADING_TOLERANCE_DEG = 45; // heading vs track: wind drift
    static final double REF_TAS_VS_GS_KT = MAX_WIND_KT;

    private CommB() {}

    /**
     * Decodes the MB field of a 14-byte DF20/DF21 reply starting at {@code off}. For DF20 the
     * pressure altitude of the reply (Q-bit 25 ft coding) helps inference; when the decoder has
     * already filled {@code m.altitudeFt} that value is used.
     */
    public static void decode(byte[] frame, int off, ModeSMessage m) {
        if (frame == null || off < 0 || off > frame.length - 14) {
            m.error = DecodeFailure.TRUNCATED; // shorter than 14 bytes
            return;
        }
        int df = (frame[off] & 0xFF) >>> 3;
        if (df != 20 && df != 21) {
            m.error = DecodeFailure.UNKNOWN_DF; // not DF20/21
            return;
        }
        long mb = 0;
        for (int i = 4; i < 11; i++) mb = (mb << 8) | (frame[off + i] & 0xFF);
        int alt = m.altitudeFt;
        if (alt == ModeSMessage.ABSENT && df == 20) alt = altitudeQ25(frame, off);
        decodeMB(mb, Double.NaN, Double.NaN, alt, m);
    }

    /** Infers and decodes a 56-bit MB field with nothing else known (ASTERIX without BDS code). */
    public static void decodeMB(long mb56, ModeSMessage m) {
        decodeMB(mb56, Double.NaN, Double.NaN, ModeSMessage.ABSENT, m);
    }

    /**
     * Infers and decodes a 56-bit MB field using what is known about the aircraft: ground speed
     * (kt) and track (deg) NaN when unknown, pressure altitude (ft) {@link ModeSMessage#ABSENT}
     * when unknown. Sets bds / bdsCandidates / bdsAmbiguous always; register fields only for a
     * single surviving register.
     */
    public static void decodeMB(
            long mb56, double knownGroundspeedKt, double knownTrackDeg, int knownAltitudeFt, ModeSMessage m) {
        long mb = mb56 & 0xFFFFFFFFFFFFFFL;
        // An altitude no aircraft flies at is a garbled reference: ignore it rather than trust it.
        if (knownAltitudeFt < MIN_ALTITUDE_FT || knownAltitudeFt > MAX_ALTITUDE_FT)
            knownAltitudeFt = ModeSMessage.ABSENT;
        int cands = candidates(mb, knownAltitudeFt);
        if (Integer.bitCount(cands) > 1) {
            cands = narrowByReference(mb, cands, knownGroundspeedKt, knownTrackDeg, knownAltitudeFt);
        }
        m.dirty |= ModeSMessage.G_REGISTER;
        m.bdsCandidates = cands;
        if (Integer.bitCount(cands) == 1) {
            m.bdsAmbiguous = false;
            decodeRegister(mb, REGISTERS[Integer.numberOfTrailingZeros(cands)], m);
        } else {
            m.bds = ModeSMessage.ABSENT;
            m.bdsAmbiguous = cands != 0;
        }
    }

    /**
     * Every register the MB field could be (structure and plausibility only), as CANDIDATE_*
     * bits. An all-zero MB ("no data") has no candidate. {@code altitudeFt} may be ABSENT.
     */
    public static int candidates(long mb, int altitudeFt) {
        if (mb == 0) return 0;
        int c = 0;
        if (is10(mb)) c |= CANDIDATE_10;
        if (is17(mb)) c |= CANDIDATE_17;
        if (is20(mb)) c |= CANDIDATE_20;
        if (is30(mb)) c |= CANDIDATE_30;
        if (is40(mb)) c |= CANDIDATE_40;
        if (is44(mb, altitudeFt)) c |= CANDIDATE_44;
        if (is45(mb, altitudeFt)) c |= CANDIDATE_45;
        if (is50(mb)) c |= CANDIDATE_50;
        if (is60(mb, altitudeFt)) c |= CANDIDATE_60;
        return c;
    }

    /** The register code (0xXY) of a single CANDIDATE_* bit. */
    public static int registerOf(int candidateBit) {
        return REGISTERS[Integer.numberOfTrailingZeros(candidateBit)];
    }

    /** The CANDIDATE_* bit of a register code 0xXY, 0 when this class does not know the register. */
    public static int candidateOf(int bds) {
        for (int i = 0; i < REGISTERS.length; i++) if (REGISTERS[i] == bds) return 1 << i;
        return 0;
    }

    /**
     * Keeps the candidates that agree with the caller's known ground speed / track. Only ever
     * removes candidates that are testable and disagree; if that would remove all of them the
     * references are not trusted and the set is returned unchanged.
     */
    static int narrowByReference(long mb, int cands, double gs, double trk, int alt) {
        boolean haveGs = !Double.isNaN(gs), haveTrk = !Double.isNaN(trk);
        if (!haveGs && !haveTrk) return cands;
        int keep = cands;
        if ((cands & CANDIDATE_50) != 0 && !agrees50(mb, gs, trk)) keep &= ~CANDIDATE_50;
        if ((cands & CANDIDATE_60) != 0 && !agrees60(mb, gs, trk, alt)) keep &= ~CANDIDATE_60;
        return keep == 0 ? cands : keep;
    }

    private static boolean agrees50(long mb, double gs, double trk) {
        if (!Double.isNaN(gs)) {
            if (bit(mb, 24) == 1 && Math.abs(gs50(mb) - gs) > REF_GS_TOLERANCE_KT) return false;
            if (bit(mb, 46) == 1 && Math.abs(tas50(mb) - gs) > REF_TAS_VS_GS_KT) return false;
        }
        if (!Double.isNaN(trk) && bit(mb, 12) == 1 && angleBetween(track50(mb), trk) > REF_TRACK_TOLERANCE_DEG)
            return false;
        return true;
    }

    private static boolean agrees60(long mb, double gs, double trk, int alt) {
        if (!Double.isNaN(trk) && bit(mb, 1) == 1 && angleBetween(heading60(mb), trk) > REF_HEADING_TOLERANCE_DEG)
            return false;
        if (!Double.isNaN(gs) && alt != ModeSMessage.ABSENT && bit(mb, 24) == 1) {
            double tas = mach60(mb) * speedOfSoundKt(alt);
            if (Math.abs(tas - gs) > REF_TAS_VS_GS_KT) return false;
        }
        return true;
    }

    // ------------------------------------------------------------------ register decoding

    /**
     * Decodes the MB field as the given register (0xXY) without inference, e.g. for ASTERIX
     * I048/250 where the radar states the register. Unknown registers only set {@code bds}.
     */
    public static void decodeRegister(long mb, int bds, ModeSMessage m) {
        m.dirty |= ModeSMessage.G_REGISTER | groupOf(bds);
        m.bds = bds;
        m.bdsCandidates = candidateOf(bds);
        m.bdsAmbiguous = false;
        switch (bds) {
            case 0x10 -> {
                m.bds10ConfigFlag = bit(mb, 9);
                m.bds10Subnetwork = bits(mb, 17, 23);
            }
            case 0x17 -> m.commonUsageCaps = bits(mb, 1, 24);
            case 0x20 -> m.callsign = mb & 0xFFFFFFFFFFFFL;
            case 0x30 -> {
                m.araBits = bits(mb, 9, 22);
                m.racBits = bits(mb, 23, 26);
                m.raTerminated = bit(mb, 27);
                m.multipleThreat = bit(mb, 28);
                if (bits(mb, 29, 30) == 1) m.threatIcao = bits(mb, 31, 54);
            }
            case 0x40 -> decode40(mb, m);
            case 0x44 -> decode44(mb, m);
            case 0x45 -> decode45(mb, m);
            case 0x50 -> decode50(mb, m);
            case 0x60 -> decode60(mb, m);
            default -> {}
        }
    }

    /** The ModeSMessage field group a register's fields belong to (see ModeSMessage.reset()). */
    private static int groupOf(int bds) {
        return switch (bds) {
            case 0x10, 0x17 -> ModeSMessage.G_CAPABILITY_REPORTS;
            case 0x20 -> ModeSMessage.G_IDENTIFICATION;
            case 0x30 -> ModeSMessage.G_STATUS;
            case 0x40 -> ModeSMessage.G_TARGET;
            case 0x44, 0x45 -> ModeSMessage.G_METEO;
            case 0x50 -> ModeSMessage.G_TRACK_TURN;
            case 0x60 -> ModeSMessage.G_HEADING_SPEED;
            default -> 0;
        };
    }

    private static void decode40(long mb, ModeSMessage m) {
        if (bit(mb, 1) == 1) m.mcpSelectedAltitudeFt = bits(mb, 2, 13) * 16;
        if (bit(mb, 14) == 1) m.fmsSelectedAltitudeFt = bits(mb, 15, 26) * 16;
        if (bit(mb, 27) == 1) m.baroSettingHpa = baro40(mb);
        if (bit(mb, 48) == 1) {
            m.vnav = bit(mb, 49);
            m.altitudeHold = bit(mb, 50);
            m.approach = bit(mb, 51);
        }
        if (bit(mb, 54) == 1) m.selectedAltitudeSource = bits(mb, 55, 56);
    }

    private static void decode44(long mb, ModeSMessage m) {
        m.meteoSource = bits(mb, 1, 4);
        if (bit(mb, 5) == 1) {
            m.windSpeedKt = bits(mb, 6, 14);
            m.windDirectionDeg = bits(mb, 15, 23) * (180.0 / 256);
        }
        m.staticAirTemperatureC = sat44(mb);
        if (bit(mb, 35) == 1) m.staticPressureHpa = bits(mb, 36, 46);
        if (bit(mb, 47) == 1) m.turbulence = bits(mb, 48, 49);
        if (bit(mb, 50) == 1) m.humidityPct = (int) Math.round(bits(mb, 51, 56) * (100.0 / 64));
    }

    private static void decode45(long mb, ModeSMessage m) {
        if (bit(mb, 1) == 1) m.turbulence = bits(mb, 2, 3);
        if (bit(mb, 4) == 1) m.windShear = bits(mb, 5, 6);
        if (bit(mb, 7) == 1) m.microburst = bits(mb, 8, 9);
        if (bit(mb, 10) == 1) m.icing = bits(mb, 11, 12);
        if (bit(mb, 13) == 1) m.wakeVortex = bits(mb, 14, 15);
        if (bit(mb, 16) == 1) m.staticAirTemperatureC = sat45(mb);
        if (bit(mb, 27) == 1) m.staticPressureHpa = bits(mb, 28, 38);
        if (bit(mb, 39) == 1) m.radioHeightFt = bits(mb, 40, 51) * 16;
    }

    private static void decode50(long mb, ModeSMessage m) {
        if (bit(mb, 1) == 1) m.rollDeg = roll50(mb);
        if (bit(mb, 12) == 1) m.trueTrackDeg = track50(mb);
        if (bit(mb, 24) == 1) m.groundspeedKt = gs50(mb);
        if (bit(mb, 35) == 1) m.trackRateDps = trackRate50(mb);
        if (bit(mb, 46) == 1) m.trueAirspeedKt = tas50(mb);
    }

    private static void decode60(long mb, ModeSMessage m) {
        if (bit(mb, 1) == 1) m.magneticHeadingDeg = heading60(mb);
        if (bit(mb, 13) == 1) m.indicatedAirspeedKt = ias60(mb);
        if (bit(mb, 24) == 1) m.mach = mach60(mb);
        if (bit(mb, 35) == 1) m.baroVerticalRateFpm = baroRate60(mb);
        if (bit(mb, 46) == 1) m.inertialVerticalRateFpm = inertialRate60(mb);
    }

    // ------------------------------------------------------------------ register tests

    /** BDS 1,0 data link capability: code 0x10, reserved bits 10-14 zero, defined subnetwork version. */
    static boolean is10(long mb) {
        if (bits(mb, 1, 8) != 0x10 || bits(mb, 10, 14) != 0) return false;
        // Subnetwork versions 0..5 are defined (Annex 10 Vol III); 6 allowed for newer avionics.
        return bits(mb, 17, 23) <= 6;
    }

    /**
     * BDS 1,7 common-usage GICB capability: bits 25-56 reserved zero, and BDS 2,0 must be
     * supported (every transponder that answers 1,7 does elementary surveillance).
     */
    static boolean is17(long mb) {
        return bits(mb, 25, 56) == 0 && bit(mb, 7) == 1;
    }

    /** BDS 2,0 identification: code 0x20, eight valid characters, not starting with a space. */
    static boolean is20(long mb) {
        if (bits(mb, 1, 8) != 0x20) return false;
        long cs = mb & 0xFFFFFFFFFFFFL;
        return Callsigns.isValid(cs) && ((cs >>> 42) & 0x3F) != 32;
    }

    /**
     * BDS 3,0 ACAS active RA: code 0x30, ACAS III bits (16-22) zero, threat type 3 is not
     * defined, no threat identity without a threat type, an address threat leaves bits 55-56 zero.
     */
    static boolean is30(long mb) {
        if (bits(mb, 1, 8) != 0x30 || bits(mb, 16, 22) != 0) return false;
        int tti = bits(mb, 29, 30);
        if (tti == 3) return false;
        if (tti == 0 && bits(mb, 31, 56) != 0) return false;
        return tti != 1 || bits(mb, 55, 56) == 0;
    }

    /** BDS 4,0 selected vertical intention. */
    static boolean is40(long mb) {
        if (!statusOk(mb, 1, 2, 13)
                || !statusOk(mb, 14, 15, 26)
                || !statusOk(mb, 27, 28, 39)
                || !statusOk(mb, 48, 49, 51)
                || !statusOk(mb, 54, 55, 56)) return false;
        if (bits(mb, 40, 47) != 0 || bits(mb, 52, 53) != 0) return false;
        if (bit(mb, 1) == 1 && bits(mb, 2, 13) * 16 > MAX_SELECTED_ALTITUDE_FT) return false;
        if (bit(mb, 14) == 1 && bits(mb, 15, 26) * 16 > MAX_SELECTED_ALTITUDE_FT) return false;
        if (bit(mb, 27) == 1) {
            double qnh = baro40(mb);
            if (qnh < MIN_BARO_SETTING_HPA || qnh > MAX_BARO_SETTING_HPA) return false;
        }
        return true;
    }

    /** BDS 4,4 meteorological routine air report. */
    static boolean is44(long mb, int alt) {
        if (bits(mb, 1, 4) > 4) return false; // figure of merit 5..15 reserved
        if (!statusOk(mb, 5, 6, 23)
                || !statusOk(mb, 35, 36, 46)
                || !statusOk(mb, 47, 48, 49)
                || !statusOk(mb, 50, 51, 56)) return false;
        if (bit(mb, 5) == 1 && bits(mb, 6, 14) > MAX_WIND_KT) return false;
        if (bit(mb, 35) == 1 && !pressurePlausible(bits(mb, 36, 46), alt)) return false;
        return satPlausible(sat44(mb), alt);
    }

    /** BDS 4,5 meteorological hazard report. */
    static boolean is45(long mb, int alt) {
        if (!statusOk(mb, 1, 2, 3)
                || !statusOk(mb, 4, 5, 6)
                || !statusOk(mb, 7, 8, 9)
                || !statusOk(mb, 10, 11, 12)
                || !statusOk(mb, 13, 14, 15)
                || !statusOk(mb, 16, 17, 26)
                || !statusOk(mb, 27, 28, 38)
                || !statusOk(mb, 39, 40, 51)) return false;
        if (bits(mb, 52, 56) != 0) return false;
        // A genuine hazard report rarely holds more than one severe hazard; capability-style bit
        // patterns (BDS 1,7 read as 4,5) typically show several.
        int severe = 0;
        for (int status = 1; status <= 13; status += 3) {
            if (bit(mb, status) == 1 && bits(mb, status + 1, status + 2) == 3) severe++;
        }
        if (severe > 1) return false;
        // Microburst is a low-level phenomenon: a moderate or severe one at height is not a report.
        if (alt != ModeSMessage.ABSENT && alt > MICROBURST_CEILING_FT && bit(mb, 7) == 1 && bits(mb, 8, 9) >= 2)
            return false;
        // Supercooled water, hence icing, is gone below about -40 C, i.e. high in the ISA sky.
        if (alt != ModeSMessage.ABSENT && alt > ICING_CEILING_FT && bit(mb, 10) == 1 && bits(mb, 11, 12) >= 2)
            return false;
        if (bit(mb, 16) == 1 && !satPlausible(sat45(mb), alt)) return false;
        if (bit(mb, 27) == 1 && !pressurePlausible(bits(mb, 28, 38), alt)) return false;
        if (bit(mb, 39) == 1) {
            int rh = bits(mb, 40, 51) * 16;
            if (rh > MAX_RADIO_HEIGHT_FT) return false;
            if (alt != ModeSMessage.ABSENT && rh > alt + RADIO_HEIGHT_MARGIN_FT) return false;
        }
        return true;
    }

    /** BDS 5,0 track and turn report. */
    static boolean is50(long mb) {
        if (!statusOk(mb, 1, 3, 11)
                || !statusOk(mb, 12, 13, 23)
                || !statusOk(mb, 24, 25, 34)
                || !statusOk(mb, 35, 36, 45)
                || !statusOk(mb, 46, 47, 56)) return false;
        boolean hasRoll = bit(mb, 1) == 1,
                hasGs = bit(mb, 24) == 1,
                hasRate = bit(mb, 35) == 1,
                hasTas = bit(mb, 46) == 1;
        double roll = roll50(mb), gs = gs50(mb), tas = tas50(mb);
        if (hasRoll && Math.abs(roll) > MAX_ROLL_DEG) return false;
        if (hasGs && gs > MAX_GS_KT) return false;
        if (hasTas && (tas < MIN_TAS_KT || tas > MAX_TAS_KT)) return false;
        if (hasGs && hasTas && Math.abs(gs - tas) > MAX_WIND_KT) return false;
        if (hasRoll && hasRate && (hasTas || hasGs)) {
            // Coordinated turn: rate (deg/s) = g tan(roll) / V; 1091 = g / (1 kt in m/s) in deg.
            double v = hasTas ? tas : gs;
            if (v >= MIN_TAS_KT) {
                double expected = 1091.0 * TAN_ROLL[bits(mb, 2, 11)] / v;
                if (Math.abs(trackRate50(mb) - expected) > MAX_TURN_RATE_MISMATCH_DPS) return false;
            }
        }
        return true;
    }

    /** BDS 6,0 heading and speed report. */
    static boolean is60(long mb, int alt) {
        if (!statusOk(mb, 1, 2, 12)
                || !statusOk(mb, 13, 14, 23)
                || !statusOk(mb, 24, 25, 34)
                || !statusOk(mb, 35, 36, 45)
                || !statusOk(mb, 46, 47, 56)) return false;
        boolean hasIas = bit(mb, 13) == 1,
                hasMach = bit(mb, 24) == 1,
                hasBaro = bit(mb, 35) == 1,
                hasIner = bit(mb, 46) == 1;
        double ias = ias60(mb), mach = mach60(mb);
        if (hasIas && ias > MAX_IAS_KT) return false;
        // Above any airport an aircraft is flying: a near-zero airspeed is not a 6,0 reading.
        if (hasIas && alt != ModeSMessage.ABSENT && alt > ABOVE_ANY_AIRPORT_FT && ias < MIN_TAS_KT) return false;
        if (hasMach && (mach < MIN_MACH || mach > MAX_MACH)) return false;
        int baro = baroRate60(mb), iner = inertialRate60(mb);
        if (hasBaro && Math.abs(baro) > MAX_VERTICAL_RATE_FPM) return false;
        if (hasIner && Math.abs(iner) > MAX_VERTICAL_RATE_FPM) return false;
        if (hasBaro && hasIner && Math.abs(baro - iner) > MAX_VERTICAL_RATE_SPLIT_FPM) return false;
        if (hasIas && hasMach) {
            int iasCode = bits(mb, 14, 23), machCode = bits(mb, 25, 34);
            if (alt != ModeSMessage.ABSENT) {
                if (!iasMatchesMach(iasCode, machCode, alt)) return false;
            } else {
                if (!impliesFlightLevel(iasCode, machCode)) return false;
            }
        }
        return true;
    }

    /**
     * {@code |casFromMach(mach, alt) - ias| <= MAX_IAS_MISMATCH_KT}, decided without the three
     * {@code Math.pow} calls (about 100 ns per BDS 6,0 candidate) and with exactly the same outcome.
     * Why it is exact: CAS grows monotonically with the impact pressure ratio
     * {@code x = qc/p0 + 1}, so "CAS within IAS +- 25 kt" is "x between the ratios of IAS - 25 and
     * IAS + 25 kt", tabulated per IAS code; x itself comes from tables holding the very values the
     * formula computes (pressure ratio per 25 ft, Mach term per Mach code). Only an x within a
     * relative 1e-9 of a bound (rounding differences are ~1e-15) is settled by the original formula.
     */
    static boolean iasMatchesMach(int iasCode, int machCode, int alt) {
        double x = pressureRatioAt(alt) * MACH_IMPACT[machCode] + 1;
        double hi = CAS_RATIO_ABOVE[iasCode], lo = CAS_RATIO_BELOW[iasCode];
        if (x > 1 && x < hi * (1 - GUARD) && x > lo * (1 + GUARD)) return true;
        if (x > hi * (1 + GUARD) || (x > 1 && x < lo * (1 - GUARD))) return false;
        return !(Math.abs(casFromMach(machCode * (2.048 / 512), alt) - iasCode) > MAX_IAS_MISMATCH_KT);
    }

    /**
     * {@code altitudeFromCasMach(ias, mach)} strictly between -2,000 and 60,000 ft, without its
     * three {@code Math.pow} calls and with the same outcome: the implied altitude falls
     * monotonically with the pressure ratio {@code delta}, so the test is delta between the ISA
     * ratios at 60,000 and -2,000 ft; delta's two terms come from tables holding the values the
     * formula computes. Near a bound (relative 1e-9) the original formula decides.
     */
    static boolean impliesFlightLevel(int iasCode, int machCode) {
        double delta = IAS_IMPACT[iasCode] / MACH_IMPACT[machCode];
        if (delta > RATIO_AT_60000_FT * (1 + GUARD) && delta < RATIO_AT_MINUS_2000_FT * (1 - GUARD)) return true;
        if (delta < RATIO_AT_60000_FT * (1 - GUARD) || delta > RATIO_AT_MINUS_2000_FT * (1 + GUARD)) return false;
        double implied = altitudeFromCasMach(iasCode, machCode * (2.048 / 512));
        return implied > -2000 && implied < 60000;
    }

    // ------------------------------------------------------------------ field extraction

    static double baro40(long mb) {
        return 800 + bits(mb, 28, 39) * 0.1;
    }

    static double sat44(long mb) {
        return signed(bits(mb, 24, 34), 11) * 0.25;
    }

    static double sat45(long mb) {
        return signed(bits(mb, 17, 26), 10) * 0.25;
    }

    static double roll50(long mb) {
        return signed(bits(mb, 2, 11), 10) * (45.0 / 256);
    }

    static double track50(long mb) {
        double t = signed(bits(mb, 13, 23), 11) * (90.0 / 512);
        return t < 0 ? t + 360 : t;
    }

    static double gs50(long mb) {
        return bits(mb, 25, 34) * 2;
    }

    static double trackRate50(long mb) {
        return signed(bits(mb, 36, 45), 10) * (8.0 / 256);
    }

    static double tas50(long mb) {
        return bits(mb, 47, 56) * 2;
    }

    static double heading60(long mb) {
        double h = signed(bits(mb, 2, 12), 11) * (90.0 / 512);
        return h < 0 ? h + 360 : h;
    }

    static double ias60(long mb) {
        return bits(mb, 14, 23);
    }

    static double mach60(long mb) {
        return bits(mb, 25, 34) * (2.048 / 512);
    }

    static int baroRate60(long mb) {
        return signed(bits(mb, 36, 45), 10) * 32;
    }

    static int inertialRate60(long mb) {
        return signed(bits(mb, 47, 56), 10) * 32;
    }

    // ------------------------------------------------------------------ atmosphere (ISA)

    private static final double A0_KT = 661.4786; // speed of sound at sea level, ISA

    // Tables of values the inference formulas would compute per message (Math.pow, Math.tan cost
    // tens of ns each). Each entry is computed by the same expression as the formula it replaces,
    // so the values, and hence every decision, are bit for bit those of the formulas.

    /** A relative margin around a decision bound inside which the original formula decides. */
    private static final double GUARD = 1e-9;

    private static final int CODES = 1024; // 10-bit codes: BDS 6,0 IAS and Mach, BDS 5,0 roll
    /** (1 + 0.2 M^2)^3.5 - 1 (qc/p) of the Mach number of each BDS 6,0 Mach code. */
    private static final double[] MACH_IMPACT = new double[CODES];
    /** qc/p0 of each BDS 6,0 IAS code taken as calibrated airspeed (as altitudeFromCasMach computes it). */
    private static final double[] IAS_IMPACT = new double[CODES];
    /** qc/p0 + 1 at which the CAS is IAS + 25 kt / IAS - 25 kt (-infinity when IAS - 25 <= 0), per IAS code. */
    private static final double[] CAS_RATIO_ABOVE = new double[CODES], CAS_RATIO_BELOW = new double[CODES];
    /** tan(roll) of each BDS 5,0 roll code. */
    static final double[] TAN_ROLL = new double[CODES];

    private static final int RATIO_MIN_FT = MIN_ALTITUDE_FT, RATIO_MAX_FT = MAX_ALTITUDE_FT, RATIO_STEP_FT = 25;
    /** Pressure ratio at every 25 ft (Mode S altitudes are multiples of 25 or 100 ft). */
    private static final double[] PRESSURE_RATIO = new double[(RATIO_MAX_FT - RATIO_MIN_FT) / RATIO_STEP_FT + 1];

    private static final double RATIO_AT_60000_FT = pressureRatio(60000), RATIO_AT_MINUS_2000_FT = pressureRatio(-2000);

    static {
        for (int c = 0; c < CODES; c++) {
            double mach = c * (2.048 / 512); // as mach60
            MACH_IMPACT[c] = Math.pow(1 + 0.2 * mach * mach, 3.5) - 1;
            double r = (double) c / A0_KT; // as altitudeFromCasMach with cas = ias60
            IAS_IMPACT[c] = Math.pow(1 + 0.2 * r * r, 3.5) - 1;
            CAS_RATIO_ABOVE[c] = impactRatioOfCas(c + MAX_IAS_MISMATCH_KT);
            CAS_RATIO_BELOW[c] =
                    c - MAX_IAS_MISMATCH_KT > 0 ? impactRatioOfCas(c - MAX_IAS_MISMATCH_KT) : Double.NEGATIVE_INFINITY;
            TAN_ROLL[c] = Math.tan(Math.toRadians(signed(c, 10) * (45.0 / 256))); // as roll50 in is50
        }
        for (int i = 0; i < PRESSURE_RATIO.length; i++)
            PRESSURE_RATIO[i] = pressureRatio(RATIO_MIN_FT + i * RATIO_STEP_FT);
    }

    /** qc/p0 + 1 of a calibrated airspeed: the inverse of casFromMach's last line. */
    private static double impactRatioOfCas(double casKt) {
        double r = casKt / A0_KT;
        return Math.pow(1 + 0.2 * r * r, 3.5);
    }

    /** {@link #pressureRatio} of an integer altitude, from the table when it is on the 25 ft grid. */
    static double pressureRatioAt(int altFt) {
        int i = altFt - RATIO_MIN_FT;
        if (i >= 0 && altFt <= RATIO_MAX_FT && i % RATIO_STEP_FT == 0) return PRESSURE_RATIO[i / RATIO_STEP_FT];
        return pressureRatio(altFt);
    }

    /** Pressure ratio p/p0 at a pressure altitude (ISA troposphere and lower stratosphere). */
    static double pressureRatio(double altFt) {
        if (altFt <= 36089) return Math.pow(1 - 6.8755856e-6 * altFt, 5.2558797);
        return 0.2233609 * Math.exp(-4.806346e-5 * (altFt - 36089));
    }

    static double isaTemperatureC(double altFt) {
        return altFt <= 36089 ? 15 - 1.9812e-3 * altFt : -56.5;
    }

    static double speedOfSoundKt(double altFt) {
        return A0_KT * Math.sqrt((isaTemperatureC(altFt) + 273.15) / 288.15);
    }

    /** Calibrated airspeed (kt) of a Mach number at a pressure altitude. */
    static double casFromMach(double mach, double altFt) {
        double qcOverP0 = pressureRatio(altFt) * (Math.pow(1 + 0.2 * mach * mach, 3.5) - 1);
        return A0_KT * Math.sqrt(5 * (Math.pow(qcOverP0 + 1, 2.0 / 7) - 1));
    }

    /** Pressure altitude (ft) at which a calibrated airspeed and a Mach number coincide. */
    static double altitudeFromCasMach(double cas, double mach) {
        double r = cas / A0_KT;
        double qcOverP0 = Math.pow(1 + 0.2 * r * r, 3.5) - 1;
        double qcOverP = Math.pow(1 + 0.2 * mach * mach, 3.5) - 1;
        if (qcOverP <= 0) return Double.NaN;
        double delta = qcOverP0 / qcOverP;
        if (delta >= 0.2233609) return (1 - Math.pow(delta, 1 / 5.2558797)) / 6.8755856e-6;
        return 36089 + Math.log(delta / 0.2233609) / -4.806346e-5;
    }

    /**
     * Static pressure defines pressure altitude, so with the altitude known the reported pressure
     * must match the ISA pressure there; without it, it must be a pressure found in flight.
     */
    private static boolean pressurePlausible(int hpa, int alt) {
        if (hpa < MIN_STATIC_PRESSURE_HPA || hpa > MAX_STATIC_PRESSURE_HPA) return false;
        return alt == ModeSMessage.ABSENT
                || Math.abs(hpa - 1013.25 * pressureRatioAt(alt)) <= MAX_PRESSURE_MISMATCH_HPA;
    }

    private static boolean satPlausible(double sat, int alt) {
        if (sat < MIN_SAT_C || sat > MAX_SAT_C) return false;
        return alt == ModeSMessage.ABSENT || Math.abs(sat - isaTemperatureC(alt)) <= MAX_ISA_DEVIATION_C;
    }

    // ------------------------------------------------------------------ bits

    /** MB bit n (1 = most significant of 56). */
    static int bit(long mb, int n) {
        return (int) (mb >>> (56 - n)) & 1;
    }

    /** MB bits first..last inclusive as an unsigned value. */
    static int bits(long mb, int first, int last) {
        return (int) ((mb >>> (56 - last)) & ((1L << (last - first + 1)) - 1));
    }

    /** A value whose top bit (of {@code width}) is a two's-complement sign. */
    private static int signed(int v, int width) {
        return (v & (1 << (width - 1))) != 0 ? v - (1 << width) : v;
    }

    /** A status bit of 0 ("not available") requires its value field to be all zero. */
    private static boolean statusOk(long mb, int status, int first, int last) {
        return bit(mb, status) == 1 || bits(mb, first, last) == 0;
    }

    private static double angleBetween(double a, double b) {
        double d = Math.abs(a - b) % 360;
        return d > 180 ? 360 - d : d;
    }

    /**
     * DF20 pressure altitude from the AC field when it uses 25 ft (Q-bit) coding; ABSENT for
     * metric (M bit) or 100 ft Gillham coding, which the Mode S decoder handles.
     */
    static int altitudeQ25(byte[] f, int off) {
        int ac = ((f[off + 2] & 0x1F) << 8) | (f[off + 3] & 0xFF); // 13 bits, frame bits 20-32
        if (ac == 0 || (ac & 0x40) != 0 || (ac & 0x10) == 0) return ModeSMessage.ABSENT;
        int n = ((ac & 0x1F80) >>> 2) | ((ac & 0x20) >>> 1) | (ac & 0x0F);
        return n * 25 - 1000;
    }
}
