package org.vigil.codec.modes;

import org.vigil.core.Callsigns;
import org.vigil.core.aircraft.Emergency;

/**
 * Writes complete Mode S downlink frames (parity included) into a caller's buffer: DF17 extended
 * squitters (identification, airborne and surface position, velocity, aircraft status,
 * operational status) and the short replies DF4 (altitude), DF5 (identity) and DF11 (all-call).
 * Used by the synthetic traffic, by simulators and by round-trip tests of the decoder.
 *
 * <p>Field layouts follow ICAO Doc 9871 / RTCA DO-260B (version 2 extended squitter); the bit
 * positions below are given as ME bits 1..56 as in those documents.
 *
 * <p>Contract: every method is static, allocates nothing and returns the number of bytes written
 * (14 for DF17, 7 for the short replies). Physical values outside what a field can carry are
 * handled as the standard says a transponder does: speeds and rates saturate at the field's top
 * code ("more than"), an altitude the field cannot express is sent as "no altitude" (0), NaN or
 * {@link ModeSMessage#ABSENT} inputs are sent as "no information". Arguments that no transponder
 * could send (address wider than 24 bits, type code or category out of range, a non-octal squawk,
 * a latitude outside +-90) are programming errors and throw {@link IllegalArgumentException}.
 *
 * <p>Capability (CA) is 5 ("level 2+, airborne") for airborne messages and 4 ("on ground") for the
 * surface position; the time flag T is 0 (not UTC-coupled).
 */
public final class AdsbEncoder {
    public static final int LONG_FRAME_BYTES = 14;
    public static final int SHORT_FRAME_BYTES = 7;
    public static final int CA_ON_GROUND = 4;
    public static final int CA_AIRBORNE = 5;
    /** NIC used when the caller has none: 8 (Rc &lt; 0.1 NM), TC 11, typical of GNSS airliners. */
    public static final int DEFAULT_NIC = 8;

    /** Surveillance status (position messages, ME bits 6-7). */
    public static final int SS_NO_CONDITION = 0, SS_PERMANENT_ALERT = 1, SS_TEMPORARY_ALERT = 2, SS_SPI = 3;
    /** Vertical rate source (ME bit 36), Riddle/dump1090 mapping: 0 GNSS, 1 barometric. */
    public static final int VR_SOURCE_GNSS = 0, VR_SOURCE_BARO = 1;

    /** Highest altitude the 25 ft (Q = 1) code reaches: 2047 * 25 - 1000. */
    public static final int MAX_Q_ALTITUDE_FT = 50175;
    /** Gillham (100 ft) range of the altitude code. */
    public static final int MIN_GILLHAM_ALTITUDE_FT = -1200, MAX_GILLHAM_ALTITUDE_FT = 126700;

    /** Velocity component above which subtype 1/3 saturate and subtype 2/4 (4 kt units) is used. */
    private static final int SUBSONIC_MAX_KT = 1021;
    /** Eight space characters (code 32) packed like a callsign. */
    private static final long EIGHT_SPACES = 0x820820820820L;

    private AdsbEncoder() {}

    // ------------------------------------------------------------------ DF17 messages

    /**
     * Aircraft identification and category (TC 1-4): ME 1-5 TC, 6-8 category, 9-56 callsign.
     *
     * @param typeCode 4 = set A, 3 = set B, 2 = set C, 1 = set D
     * @param category 0..7 within the set (e.g. TC 4 / 3 = "A3", large aircraft)
     * @param callsign packed by {@link Callsigns#pack}; 0 (none) is sent as eight spaces, which
     *                 is what a transponder without a flight identity transmits (a raw 0 would be
     *                 eight invalid '#' codes)
     */
    public static int identification(byte[] out, int off, int icao, int typeCode, int category, long callsign) {
        checkIcao(icao);
        if (typeCode < 1 || typeCode > 4) throw new IllegalArgumentException("identification type code must be 1..4");
        if (category < 0 || category > 7) throw new IllegalArgumentException("emitter category must be 0..7");
        long chars = callsign == 0 ? EIGHT_SPACES : callsign & 0xFFFF_FFFF_FFFFL;
        long me = ((long) typeCode << 51) | ((long) category << 48) | chars;
        return extendedSquitter(out, off, CA_AIRBORNE, icao, me);
    }

    /**
     * Airborne position with barometric altitude (TC 9-18):
     * ME 1-5 TC, 6-7 SS, 8 NIC supplement B, 9-20 altitude, 21 T, 22 F, 23-39 lat, 40-56 lon.
     *
     * @param altitudeFt barometric altitude; {@link ModeSMessage#ABSENT} or out of range sends "no altitude"
     * @param odd        CPR format F: false even, true odd
     * @param nic        navigation integrity category 0..11 choosing TC and NIC supplement B; use
     *                   {@link #DEFAULT_NIC} when unknown. NIC 9 and 3 also need NIC supplement A = 1
     *                   in the operational status ({@link #nicSupplementAFor}).
     */
    public static int airbornePosition(
            byte[] out,
            int off,
            int icao,
            double lat,
            double lon,
            int altitudeFt,
            boolean odd,
            int nic,
            int surveillanceStatus) {
        checkIcao(icao);
        checkPosition(lat, lon);
        int tc = airborneTypeCodeFor(nic);
        long cpr = CprEncoder.encodeAirborne(lat, lon, odd);
        long me = (long) tc << 51
                | (long) (surveillanceStatus & 3) << 49
                | (long) nicSupplementBFor(nic) << 48
                | (long) altitudeCode12(altitudeFt) << 36
                | (odd ? 1L : 0L) << 34
                | (long) CprEncoder.latBits(cpr) << 17
                | CprEncoder.lonBits(cpr);
        return extendedSquitter(out, off, CA_AIRBORNE, icao, me);
    }

    /**
     * Surface position (TC 5-8): ME 1-5 TC, 6-12 movement, 13 track status, 14-20 track,
     * 21 T, 22 F, 23-39 lat, 40-56 lon (19-bit CPR, low 17 bits). Decoding needs a reference
     * position within 45 degrees (receiver or airport).
     *
     * @param groundspeedKt NaN for "no information"; quantised by the non-linear movement code
     * @param trackDeg      NaN when the track is not valid (status bit 0)
     */
    public static int surfacePosition(
            byte[] out,
            int off,
            int icao,
            double lat,
            double lon,
            double groundspeedKt,
            double trackDeg,
            boolean odd,
            int nic) {
        checkIcao(icao);
        checkPosition(lat, lon);
        int tc = nic >= 11 ? 5 : nic == 10 ? 6 : nic >= 8 ? 7 : 8;
        long cpr = CprEncoder.encodeSurface(lat, lon, odd);
        boolean trackValid = !Double.isNaN(trackDeg);
        int track = trackValid ? (int) Math.floor(mod360(trackDeg) * 128.0 / 360.0 + 0.5) & 0x7F : 0;
        long me = (long) tc << 51
                | (long) movementCode(groundspeedKt) << 44
                | (trackValid ? 1L : 0L) << 43
                | (long) track << 36
                | (odd ? 1L : 0L) << 34
                | (long) CprEncoder.latBits(cpr) << 17
                | CprEncoder.lonBits(cpr);
        return extendedSquitter(out, off, CA_ON_GROUND, icao, me);
    }

    /**
     * Airborne velocity over ground (TC 19 subtype 1, or 2 when a component exceeds 1021 kt):
     * ME 1-5 TC, 6-8 ST, 9 intent change, 10 IFR, 11-13 NACv, 14 east/west sign (1 = west),
     * 15-24 |Vew| + 1, 25 north/south sign (1 = south), 26-35 |Vns| + 1, 36 VR source, 37 VR sign
     * (1 = down), 38-46 |VR| / 64 + 1, 47-48 reserved, 49 sign of GNSS - baro (1 = below), 50-56
     * |diff| / 25 + 1.
     *
     * @param groundspeedKt NaN for no velocity information
     * @param trackDeg      true track over ground, degrees
     * @param verticalRateFpm ft/min, positive up; {@link ModeSMessage#ABSENT} for none
     * @param vrSource      {@link #VR_SOURCE_GNSS} or {@link #VR_SOURCE_BARO}
     * @param geoMinusBaroFt GNSS altitude minus baro altitude; ABSENT for none
     * @param nacV          0..4
     */
    public static int groundVelocity(
            byte[] out,
            int off,
            int icao,
            double groundspeedKt,
            double trackDeg,
            int verticalRateFpm,
            int vrSource,
            int geoMinusBaroFt,
            int nacV) {
        checkIcao(icao);
        long ew = 0, ns = 0;
        boolean west = false, south = false, supersonic = false;
        if (!Double.isNaN(groundspeedKt) && !Double.isNaN(trackDeg)) {
            double t = Math.toRadians(trackDeg);
            double vew = groundspeedKt * Math.sin(t);
            double vns = groundspeedKt * Math.cos(t);
            west = vew < 0;
            south = vns < 0;
            long aew = Math.round(Math.abs(vew));
            long ans = Math.round(Math.abs(vns));
            supersonic = aew > SUBSONIC_MAX_KT || ans > SUBSONIC_MAX_KT;
            ew = speedCode(Math.abs(vew), supersonic);
            ns = speedCode(Math.abs(vns), supersonic);
        }
        long me = 19L << 51
                | (long) (supersonic ? 2 : 1) << 48
                | (long) (nacV & 7) << 43
                | (west ? 1L : 0L) << 42
                | ew << 32
                | (south ? 1L : 0L) << 31
                | ns << 21
                | verticalAndDiff(verticalRateFpm, vrSource, geoMinusBaroFt);
        return extendedSquitter(out, off, CA_AIRBORNE, icao, me);
    }

    /**
     * Airborne velocity as airspeed and heading (TC 19 subtype 3, or 4 above 1021 kt):
     * ME 14 heading status, 15-24 heading (360/1024 deg), 25 airspeed type (0 IAS, 1 TAS),
     * 26-35 airspeed + 1; the rest as {@link #groundVelocity}.
     *
     * @param airspeedKt NaN for no airspeed information
     * @param headingDeg magnetic heading; NaN when not available (status 0)
     */
    public static int airVelocity(
            byte[] out,
            int off,
            int icao,
            double airspeedKt,
            boolean trueAirspeed,
            double headingDeg,
            int verticalRateFpm,
            int vrSource,
            int geoMinusBaroFt,
            int nacV) {
        checkIcao(icao);
        boolean headingValid = !Double.isNaN(headingDeg);
        int heading = headingValid ? (int) Math.floor(mod360(headingDeg) * 1024.0 / 360.0 + 0.5) & 0x3FF : 0;
        boolean supersonic = false;
        long speed = 0;
        if (!Double.isNaN(airspeedKt)) {
            supersonic = Math.round(Math.abs(airspeedKt)) > SUBSONIC_MAX_KT;
            speed = speedCode(Math.abs(airspeedKt), supersonic);
        }
        long me = 19L << 51
                | (long) (supersonic ? 4 : 3) << 48
                | (long) (nacV & 7) << 43
                | (headingValid ? 1L : 0L) << 42
                | (long) heading << 32
                | (trueAirspeed ? 1L : 0L) << 31
                | speed << 21
                | verticalAndDiff(verticalRateFpm, vrSource, geoMinusBaroFt);
        return extendedSquitter(out, off, CA_AIRBORNE, icao, me);
    }

    /**
     * Aircraft status, emergency/priority (TC 28 subtype 1): ME 9-11 emergency state,
     * 12-24 Mode A code (same bit order as the DF5 identity code), 25-56 reserved.
     *
     * @param squawk four octal digits written as a decimal number, e.g. 7700
     */
    public static int aircraftStatus(byte[] out, int off, int icao, Emergency emergency, int squawk) {
        checkIcao(icao);
        if (emergency == null) throw new IllegalArgumentException("emergency state needed");
        long me = 28L << 51 | 1L << 48 | (long) emergency.code() << 45 | (long) identityCode13(squawk) << 32;
        return extendedSquitter(out, off, CA_AIRBORNE, icao, me);
    }

    /**
     * Airborne operational status, version 2 (TC 31 subtype 0) with capability class "ACAS
     * operational" and operational mode "SDA 2"; see the full form for the layout.
     */
    public static int operationalStatus(
            byte[] out, int off, int icao, int nicSupplementA, int nacP, int sil, int gva, int nicBaro) {
        return operationalStatus(
                out,
                off,
                icao,
                DEFAULT_CAPABILITY_CLASS,
                DEFAULT_OPERATIONAL_MODE,
                nicSupplementA,
                nacP,
                sil,
                gva,
                nicBaro);
    }

    /** Capability class (ME 9-24) the short form sends: ME bit 11, ACAS operational. */
    public static final int DEFAULT_CAPABILITY_CLASS = 0x2000;
    /** Operational mode (ME 25-40) the short form sends: system design assurance (ME 31-32) = 2. */
    public static final int DEFAULT_OPERATIONAL_MODE = 0x0200;

    /**
     * Airborne operational status, version 2 (TC 31 subtype 0): ME 9-24 capability class codes,
     * 25-40 operational mode codes (both raw, 16 bits, ME 9 / ME 25 in the top bit), 41-43 version
     * = 2, 44 NIC supplement A, 45-48 NACp, 49-50 GVA, 51-52 SIL, 53 NICbaro, 54 HRD (0 = true
     * north), 55 SIL supplement (0 = per hour), 56 reserved.
     */
    public static int operationalStatus(
            byte[] out,
            int off,
            int icao,
            int capabilityClass,
            int operationalMode,
            int nicSupplementA,
            int nacP,
            int sil,
            int gva,
            int nicBaro) {
        checkIcao(icao);
        long me = 31L << 51
                | (long) (capabilityClass & 0xFFFF) << 32
                | (long) (operationalMode & 0xFFFF) << 16
                | 2L << 13
                | (long) (nicSupplementA & 1) << 12
                | (long) (nacP & 0xF) << 8
                | (long) (gva & 3) << 6
                | (long) (sil & 3) << 4
                | (long) (nicBaro & 1) << 3;
        return extendedSquitter(out, off, CA_AIRBORNE, icao, me);
    }

    // ------------------------------------------------------------------ short replies

    /**
     * DF4 surveillance altitude reply: DF 5, FS 3, DR 5, UM 6, AC 13, AP 24 where
     * AP = parity of the first 32 bits XOR the aircraft address.
     */
    public static int altitudeReply(
            byte[] out, int off, int icao, int flightStatus, int downlinkRequest, int utilityMessage, int altitudeFt) {
        return shortSurveillance(
                out, off, 4, icao, flightStatus, downlinkRequest, utilityMessage, altitudeCode13(altitudeFt));
    }

    /** DF5 surveillance identity reply: as DF4 with the 13-bit identity (squawk) code. */
    public static int identityReply(
            byte[] out, int off, int icao, int flightStatus, int downlinkRequest, int utilityMessage, int squawk) {
        return shortSurveillance(
                out, off, 5, icao, flightStatus, downlinkRequest, utilityMessage, identityCode13(squawk));
    }

    /**
     * DF11 all-call reply: DF 5, CA 3, AA 24, PI 24 where PI = parity XOR interrogator code.
     *
     * @param interrogatorCode 0 for a squitter or II 0..15; SI codes as 16 + SI (as decoders report
     *                         the syndrome), at most 79
     */
    public static int allCallReply(byte[] out, int off, int icao, int ca, int interrogatorCode) {
        checkIcao(icao);
        if (ca < 0 || ca > 7) throw new IllegalArgumentException("capability must be 0..7");
        if (interrogatorCode < 0 || interrogatorCode > 79)
            throw new IllegalArgumentException("interrogator code must be 0..79");
        int head = 11 << 27 | ca << 24 | icao;
        putInt32(out, off, head);
        put24(out, off + 4, Crc24.remainder(out, off, 4) ^ interrogatorCode);
        return SHORT_FRAME_BYTES;
    }

    // ------------------------------------------------------------------ field codes (public for tests and other
    // encoders)

    /** TC for an airborne position with baro altitude carrying this NIC (DO-260B table 2-14). */
    public static int airborneTypeCodeFor(int nic) {
        switch (nic) {
            case 11:
                return 9;
            case 10:
                return 10;
            case 9:
            case 8:
                return 11;
            case 7:
                return 12;
            case 6:
                return 13;
            case 5:
                return 14;
            case 4:
                return 15;
            case 3:
            case 2:
                return 16;
            case 1:
                return 17;
            case 0:
                return 18;
            default:
                throw new IllegalArgumentException("NIC must be 0..11");
        }
    }

    /** NIC supplement B (position message ME bit 8) for a NIC: 1 only for NIC 9 and NIC 3. */
    public static int nicSupplementBFor(int nic) {
        return nic == 9 || nic == 3 ? 1 : 0;
    }

    /** NIC supplement A (operational status ME bit 44) a transmitter of this NIC sends. */
    public static int nicSupplementAFor(int nic) {
        return nic == 9 || nic == 3 ? 1 : 0;
    }

    /**
     * 12-bit ES altitude field (AC13 without the M bit): 25 ft steps with Q = 1 from -1000 to
     * 50175 ft, above that Gillham 100 ft steps up to 126700 ft; 0 (no altitude) when absent or
     * outside those ranges. Rounds to the nearest step.
     */
    public static int altitudeCode12(int altitudeFt) {
        int ac13 = altitudeCode13(altitudeFt);
        // Drop the M bit (AC13 bit value 0x40): 12-bit = AC13 bits 12..7 then 5..0.
        return ((ac13 & 0x1F80) >>> 1) | (ac13 & 0x3F);
    }

    /**
     * 13-bit altitude code (DF4/20 AC field): C1 A1 C2 A2 C4 A4 M B1 Q B2 D2 B4 D4, M = 0 (feet).
     * 25 ft steps (Q = 1) up to 50175 ft, Gillham above; 0 when absent or out of range.
     */
    public static int altitudeCode13(int altitudeFt) {
        if (altitudeFt == ModeSMessage.ABSENT) return 0;
        if (altitudeFt >= -1000 - 12 && altitudeFt <= MAX_Q_ALTITUDE_FT + 12) {
            int n = Math.max(0, Math.min(2047, Math.floorDiv(altitudeFt + 1000 + 12, 25)));
            // N bits 10..5 go to AC bits 12..7, N bit 4 to AC bit 5 (skipping M), Q = AC bit 4.
            return ((n & 0x7E0) << 2) | ((n & 0x10) << 1) | 0x10 | (n & 0xF);
        }
        if (altitudeFt >= MIN_GILLHAM_ALTITUDE_FT - 50 && altitudeFt < MAX_GILLHAM_ALTITUDE_FT + 50) {
            return gillham(Math.floorDiv(altitudeFt + 50, 100));
        }
        return 0;
    }

    /**
     * Gillham (Mode C) code for an altitude in hundreds of feet (-12..1267), in the AC13 bit layout
     * with M = Q = 0. The 500 ft count is Gray coded in D2 D4 A1 A2 A4 B1 B2 B4; the 100 ft step
     * within it in C1 C2 C4, counting 1..5 (as Gray code with 5 sent as binary 7) and reflected
     * when the 500 ft count is odd.
     */
    static int gillham(int hundreds) {
        int n = hundreds + 12; // 0 at -1200 ft
        int fiveHundreds = n / 5;
        int oneHundreds = n % 5 + 1; // 1..5
        if ((fiveHundreds & 1) != 0) oneHundreds = 6 - oneHundreds;
        int gray500 = fiveHundreds ^ (fiveHundreds >>> 1); // bits D2 D4 A1 A2 A4 B1 B2 B4, MSB first
        int c = oneHundreds == 5 ? 7 : oneHundreds;
        int gray100 = c ^ (c >>> 1); // bits C1 C2 C4, MSB first
        int d2 = bit(gray500, 7),
                d4 = bit(gray500, 6),
                a1 = bit(gray500, 5),
                a2 = bit(gray500, 4),
                a4 = bit(gray500, 3),
                b1 = bit(gray500, 2),
                b2 = bit(gray500, 1),
                b4 = bit(gray500, 0);
        int c1 = bit(gray100, 2), c2 = bit(gray100, 1), c4 = bit(gray100, 0);
        return c1 << 12 | a1 << 11 | c2 << 10 | a2 << 9 | c4 << 8 | a4 << 7 | b1 << 5 | b2 << 3 | d2 << 2 | b4 << 1
                | d4;
    }

    /**
     * 13-bit identity code (DF5 ID field, TC 28 Mode A): C1 A1 C2 A2 C4 A4 X B1 D1 B2 D2 B4 D4.
     * @param squawk four octal digits written as a decimal number, e.g. 7700 or 1200
     */
    public static int identityCode13(int squawk) {
        if (squawk < 0 || squawk > 7777) throw new IllegalArgumentException("squawk must be four octal digits");
        int a = squawk / 1000, b = squawk / 100 % 10, c = squawk / 10 % 10, d = squawk % 10;
        if (a > 7 || b > 7 || c > 7 || d > 7) throw new IllegalArgumentException("squawk must be four octal digits");
        return bit(c, 0) << 12
                | bit(a, 0) << 11
                | bit(c, 1) << 10
                | bit(a, 1) << 9
                | bit(c, 2) << 8
                | bit(a, 2) << 7
                | bit(b, 0) << 5
                | bit(d, 0) << 4
                | bit(b, 1) << 3
                | bit(d, 1) << 2
                | bit(b, 2) << 1
                | bit(d, 2);
    }

    /**
     * Surface movement code (ME 6-12): 1 stopped, then 1/8 kt steps to 1 kt, 1/4 kt to 2, 1/2 kt to
     * 15, 1 kt to 70, 2 kt to 100, 5 kt to 175, 124 for 175 kt and more; 0 when unknown. A speed
     * goes to the step whose lower bound it reaches.
     */
    public static int movementCode(double groundspeedKt) {
        double v = groundspeedKt;
        if (Double.isNaN(v) || v < 0) return 0;
        if (v < 0.125) return 1;
        if (v < 1) return 2 + (int) ((v - 0.125) / 0.125);
        if (v < 2) return 9 + (int) ((v - 1) / 0.25);
        if (v < 15) return 13 + (int) ((v - 2) / 0.5);
        if (v < 70) return 39 + (int) (v - 15);
        if (v < 100) return 94 + (int) ((v - 70) / 2);
        if (v < 175) return 109 + (int) ((v - 100) / 5);
        return 124;
    }

    // ------------------------------------------------------------------ internals

    private static int extendedSquitter(byte[] out, int off, int ca, int icao, long me) {
        out[off] = (byte) (17 << 3 | ca);
        out[off + 1] = (byte) (icao >>> 16);
        out[off + 2] = (byte) (icao >>> 8);
        out[off + 3] = (byte) icao;
        for (int i = 0; i < 7; i++) out[off + 4 + i] = (byte) (me >>> (48 - 8 * i));
        put24(out, off + 11, Crc24.remainder(out, off, 11));
        return LONG_FRAME_BYTES;
    }

    private static int shortSurveillance(byte[] out, int off, int df, int icao, int fs, int dr, int um, int code13) {
        checkIcao(icao);
        if (fs < 0 || fs > 7 || dr < 0 || dr > 31 || um < 0 || um > 63) {
            throw new IllegalArgumentException("FS 0..7, DR 0..31, UM 0..63");
        }
        putInt32(out, off, df << 27 | fs << 24 | dr << 19 | um << 13 | code13);
        put24(out, off + 4, Crc24.remainder(out, off, 4) ^ icao);
        return SHORT_FRAME_BYTES;
    }

    /** ME bits 36-56: vertical rate source, sign, rate, reserved, GNSS-baro sign and difference. */
    private static long verticalAndDiff(int verticalRateFpm, int vrSource, int geoMinusBaroFt) {
        long vr = 0, vrDown = 0;
        if (verticalRateFpm != ModeSMessage.ABSENT) {
            vrDown = verticalRateFpm < 0 ? 1 : 0;
            vr = Math.min(511, Math.round(Math.abs((double) verticalRateFpm) / 64.0) + 1);
        }
        long diff = 0, below = 0;
        if (geoMinusBaroFt != ModeSMessage.ABSENT) {
            below = geoMinusBaroFt < 0 ? 1 : 0;
            diff = Math.min(127, Math.round(Math.abs((double) geoMinusBaroFt) / 25.0) + 1);
        }
        return (long) (vrSource & 1) << 20 | vrDown << 19 | vr << 10 | below << 7 | diff;
    }

    /** 10-bit speed field: value + 1 in 1 kt (or 4 kt when supersonic) units, 1023 = "more than". */
    private static long speedCode(double kt, boolean supersonic) {
        return Math.min(1023, Math.round(supersonic ? kt / 4.0 : kt) + 1);
    }

    private static int bit(int v, int n) {
        return (v >>> n) & 1;
    }

    private static double mod360(double deg) {
        double m = deg % 360.0;
        return m < 0 ? m + 360.0 : m;
    }

    private static void putInt32(byte[] out, int off, int v) {
        out[off] = (byte) (v >>> 24);
        out[off + 1] = (byte) (v >>> 16);
        out[off + 2] = (byte) (v >>> 8);
        out[off + 3] = (byte) v;
    }

    private static void put24(byte[] out, int off, int v) {
        out[off] = (byte) (v >>> 16);
        out[off + 1] = (byte) (v >>> 8);
        out[off + 2] = (byte) v;
    }

    private static void checkIcao(int icao) {
        if ((icao & ~0xFFFFFF) != 0) throw new IllegalArgumentException("address must fit 24 bits");
    }

    private static void checkPosition(double lat, double lon) {
        if (!(lat >= -90 && lat <= 90) || Double.isNaN(lon) || Double.isInfinite(lon)) {
            throw new IllegalArgumentException("latitude must be within +-90 and longitude finite");
        }
    }
}
