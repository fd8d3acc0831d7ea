package org.vigil.codec.modes;

import org.vigil.core.aircraft.Emergency;

/**
 * One decoded Mode S / ADS-B message. A single instance is reused for every message on the hot
 * path: {@link #reset()} clears it, the decoder fills it, consumers copy what they need before
 * the next message. Absent values are {@code NaN} (doubles) or {@link #ABSENT} (ints); the
 * callsign is packed six bits a character (the ICAO character set) into a long, 0 when absent,
 * so that nothing is allocated per message.
 *
 * <p>Invariant: after {@code reset()} every field is absent; the decoder only sets fields the
 * message really carries. reset() clears only what may have been written since the last reset
 * (see the group notes above it): code other than the decoder must call reset() before writing
 * into a message the decoder filled.
 */
public final class ModeSMessage {
    public static final int ABSENT = Integer.MIN_VALUE;

    // --- frame ---
    /** Time of reception, nanoseconds since the Unix epoch, as given by the feed adapter. */
    public long timeNanos;
    /** Raw frame (7 or 14 bytes) is referenced, not copied: valid only during the callback. */
    public byte[] frame;

    public int frameOffset;
    public int frameLength;
    public int df = ABSENT;
    /** 24-bit address: from the AA field (DF11/17/18) or recovered from address/parity. */
    public int icao = ABSENT;
    /** true when the address came from the AP field (DF0/4/5/16/20/21), i.e. it is not CRC-proven. */
    public boolean icaoFromParity;
    /** CRC over the frame (DF11/17/18: syndrome 0, DF11 also with interrogator code in the low bits). */
    public boolean crcOk;
    /** Syndrome of the CRC (0 when the parity checks). */
    public int crcRemainder;
    /** Why the message could not be decoded; null when fine. */
    public DecodeFailure error;

    public int ca = ABSENT; // DF11/17 capability
    public int cf = ABSENT; // DF18 control field
    public int interrogatorCode = ABSENT; // DF11 II/SI
    public int flightStatus = ABSENT; // DF4/5/20/21 FS
    public int downlinkRequest = ABSENT; // DR
    public int utilityMessage = ABSENT; // UM
    public int verticalStatus = ABSENT; // DF0/16 VS (1 = on ground)
    public int sensitivityLevel = ABSENT; // DF0/16 SL
    public int replyInformation = ABSENT; // DF0/16 RI

    // --- common values ---
    public int altitudeFt = ABSENT; // barometric (AC13 or ES AC12)
    public int gnssAltitudeFt = ABSENT; // TC 20-22
    public int squawk = ABSENT; // 13-bit identity as 4 octal digits packed as decimal value e.g. 7700
    public long callsign; // packed by Callsigns (first char in bits 47..42); 0 = absent
    /**
     * Emitter category number 0..7 within the set named by the type code (tc 4 = set A,
     * 3 = B, 2 = C, 1 = D); e.g. tc 4 with category 3 is "A3". ABSENT when not sent.
     */
    public int category = ABSENT;

    public int tc = ABSENT; // ES type code (DF17/18)

    // --- position (CPR, raw) ---
    public int cprFormat = ABSENT; // 0 even, 1 odd
    public int cprLat = ABSENT; // 17-bit
    public int cprLon = ABSENT; // 17-bit
    public boolean surface; // surface position (TC 5-8)
    public int nic = ABSENT; // NIC from TC (with supplements when known)
    public int timeFlag = ABSENT; // T bit
    public int surveillanceStatus = ABSENT;
    /** Decoded position, set by the CPR resolver (global pair or local reference), NaN when unknown. */
    public double lat = Double.NaN;

    public double lon = Double.NaN;

    // --- surface movement ---
    public double groundspeedKt = Double.NaN; // TC 19 sub 1/2 and surface movement
    public double trackDeg = Double.NaN;

    // --- velocity (TC 19) ---
    public int velocitySubtype = ABSENT;
    public double airspeedKt = Double.NaN;
    /** 0 = IAS, 1 = TAS; ABSENT when none. */
    public int airspeedType = ABSENT;

    public double headingDeg = Double.NaN;
    public int verticalRateFpm = ABSENT;
    /** 0 = GNSS (geometric), 1 = barometric (Riddle/dump1090 mapping of ME bit 36). */
    public int vrSource = ABSENT;

    public int geoMinusBaroFt = ABSENT;
    public int nacV = ABSENT;
    public int intentChange = ABSENT;

    // --- TC 28 aircraft status ---
    public Emergency emergency; // ADS-B emergency/priority status; null when absent
    public int tcasRaActive = ABSENT; // 1 when TC28 subtype 2 carries an RA
    public int araBits = ABSENT; // active resolution advisories (14 bits)
    public int racBits = ABSENT;
    public int raTerminated = ABSENT;
    public int multipleThreat = ABSENT;
    public int threatIcao = ABSENT;

    // --- TC 29 target state and status ---
    public int selectedAltitudeFt = ABSENT;
    public int selectedAltitudeSource = ABSENT; // 0 MCP/FCU, 1 FMS
    public double baroSettingHpa = Double.NaN;
    public double selectedHeadingDeg = Double.NaN;
    public int autopilot = ABSENT,
            vnav = ABSENT,
            altitudeHold = ABSENT,
            approach = ABSENT,
            lnav = ABSENT,
            tcasOperational = ABSENT;

    // --- TC 31 operational status (and quality carried in 29) ---
    public int version = ABSENT;
    public int nicSupplementA = ABSENT;
    public int nicSupplementC = ABSENT;
    public int nacP = ABSENT;
    public int sil = ABSENT;
    public int silSupplement = ABSENT;
    public int gva = ABSENT;
    public int nicBaro = ABSENT;
    public int hrd = ABSENT;

    // --- Comm-B (DF20/21, also ASTERIX I048/250) ---
    /** Inferred register as 0xXY (e.g. 0x40 for BDS 4,0); ABSENT when unknown; see {@link #bdsAmbiguous}. */
    public int bds = ABSENT;
    /** Bitmask of candidate registers when ambiguous (see CommB.CANDIDATE_* constants). */
    public int bdsCandidates;

    public boolean bdsAmbiguous;
    public double rollDeg = Double.NaN;
    public double trueTrackDeg = Double.NaN;
    public double trackRateDps = Double.NaN;
    public double trueAirspeedKt = Double.NaN;
    public double magneticHeadingDeg = Double.NaN;
    public double indicatedAirspeedKt = Double.NaN;
    public double mach = Double.NaN;
    public int baroVerticalRateFpm = ABSENT;
    public int inertialVerticalRateFpm = ABSENT;
    public int mcpSelectedAltitudeFt = ABSENT;
    public int fmsSelectedAltitudeFt = ABSENT;
    public double windSpeedKt = Double.NaN;
    public double windDirectionDeg = Double.NaN;
    public double staticAirTemperatureC = Double.NaN;
    public double staticPressureHpa = Double.NaN;
    public int humidityPct = ABSENT;
    /** BDS 1,7 capability bitmask (bit 23 - n for register n in the standard order). */
    public int commonUsageCaps = ABSENT;
    /** BDS 1,0 data-link capability fields. */
    public int bds10ConfigFlag = ABSENT;

    public int bds10Subnetwork = ABSENT;
    /** BDS 4,4 figure of merit / source (0 invalid, 1 INS, 2 GNSS, 3 DME/DME, 4 VOR/DME). */
    public int meteoSource = ABSENT;
    /** BDS 4,4 / 4,5 hazard levels, 0 nil, 1 light, 2 moderate, 3 severe; ABSENT when not reported. */
    public int turbulence = ABSENT, windShear = ABSENT, microburst = ABSENT, icing = ABSENT, wakeVortex = ABSENT;
    /** BDS 4,5 radio height. */
    public int radioHeightFt = ABSENT;

    // --- Mode A/C (Beast type '1') ---
    public boolean modeAC;

    // --- added by the Mode S decoder ---
    /** 0 airborne, 1 on the ground, ABSENT when the message does not say (CA, FS, VS, surface TC). */
    public int airGround = ABSENT;
    /** ES subtype for TC 19, 28, 29 and 31 (TC 19 also in {@link #velocitySubtype}). */
    public int subtype = ABSENT;
    /** TC 5-8 movement code (0..127) as sent; groundspeedKt is its decoded value. */
    public int movementCode = ABSENT;
    /** TC 31 capability class bits as sent (airborne 16 bits, surface 12 bits). */
    public int capabilityClass = ABSENT;
    /** TC 31 operational mode bits as sent (16 bits). */
    public int operationalMode = ABSENT;
    /** TC 31 surface: aircraft length/width code (4 bits). */
    public int lengthWidthCode = ABSENT;
    /** TC 31 surface: 0 = track angle, 1 = heading reported in surface positions. */
    public int trackAngleOrHeading = ABSENT;
    /** TC 29 subtype 0 (version 1): 0 = target altitude is FL, 1 = MSL. */
    public int targetAltitudeType = ABSENT;
    /**
     * How lat/lon were found (set by CprResolver): {@link #POSITION_GLOBAL} from an even/odd pair,
     * {@link #POSITION_LOCAL} against the aircraft's last position, {@link #POSITION_RECEIVER}
     * against the receiver (provisional: wrong if the aircraft is beyond half a CPR zone).
     */
    public int positionSource = ABSENT;

    public static final int POSITION_GLOBAL = 0, POSITION_LOCAL = 1, POSITION_RECEIVER = 2;

    // ------------------------------------------------------------------ reset by dirty groups
    //
    // Why: reset() runs once per message and a full clear is ~100 stores, a quarter of the cost
    // of decoding a short reply. Fields are therefore grouped by the code that writes them; the
    // decoder family (ModeSDecoder, CommB) marks each group it writes in `dirty`, and reset()
    // clears the always-cleared fields plus only the dirty groups.
    //
    // Invariant (checked by ModeSMessageResetTest over every public field and every kind of
    // message): every field is either cleared unconditionally below or belongs to the group of
    // every writer that may set it, and a writer marks its group before returning. A field shared
    // by several writers (groundspeedKt, callsign, nacP ...) is cleared by each of their groups.
    //
    // Writers outside the decoder family do not know about groups, so reset() leaves every group
    // dirty: whatever is written next is cleared by the next reset(). Only the decoder, having
    // just reset the message itself, starts from "nothing dirty" (startDecoding()). Hence the
    // one rule for other code: do not write into a message the decoder has filled without
    // calling reset() first (CprResolver writes only lat/lon/positionSource, which are always
    // cleared).

    /** DF0/16 short air-air surveillance fields. */
    static final int G_AIR_AIR = 1;
    /** DF4/5/20/21 surveillance header. */
    static final int G_SURVEILLANCE = 1 << 1;
    /** DF11/17/18 capability / control field, DF11 interrogator code. */
    static final int G_CAPABILITY = 1 << 2;
    /** ES type code and subtype; transponder register (ES or Comm-B). */
    static final int G_REGISTER = 1 << 3;
    /** TC 1-4 identification (callsign also from BDS 2,0). */
    static final int G_IDENTIFICATION = 1 << 4;
    /** TC 0, 5-8, 9-18, 20-22 positions. */
    static final int G_POSITION = 1 << 5;
    /** TC 19 velocity. */
    static final int G_VELOCITY = 1 << 6;
    /** TC 28 aircraft status and BDS 3,0 ACAS resolution advisory. */
    static final int G_STATUS = 1 << 7;
    /** TC 29 target state and BDS 4,0 selected vertical intention. */
    static final int G_TARGET = 1 << 8;
    /** TC 31 operational status. */
    static final int G_OPERATIONAL = 1 << 9;
    /** BDS 1,0 and 1,7 capability registers. */
    static final int G_CAPABILITY_REPORTS = 1 << 10;
    /** BDS 4,4 and 4,5 meteorological reports. */
    static final int G_METEO = 1 << 11;
    /** BDS 5,0 track and turn. */
    static final int G_TRACK_TURN = 1 << 12;
    /** BDS 6,0 heading and speed. */
    static final int G_HEADING_SPEED = 1 << 13;

    static final int G_ALL = (1 << 14) - 1;

    /** Groups possibly holding a value; see the invariant above. Not a public field on purpose. */
    int dirty = G_ALL;

    public ModeSMessage reset() {
        // always cleared: set by every decode path, or by writers outside the decoder family
        timeNanos = 0;
        frame = null;
        frameOffset = 0;
        frameLength = 0;
        df = ABSENT;
        icao = ABSENT;
        icaoFromParity = false;
        crcOk = false;
        crcRemainder = 0;
        error = null;
        airGround = ABSENT;
        altitudeFt = ABSENT;
        squawk = ABSENT;
        modeAC = false;
        lat = Double.NaN;
        lon = Double.NaN;
        positionSource = ABSENT;
        int d = dirty;
        if (d != 0) clearGroups(d);
        dirty = G_ALL;
        return this;
    }

    /** reset() for the decoder, which marks every group it then writes. */
    ModeSMessage startDecoding() {
        reset();
        dirty = 0;
        return this;
    }

    private void clearGroups(int d) {
        if ((d & G_AIR_AIR) != 0) {
            verticalStatus = ABSENT;
            sensitivityLevel = ABSENT;
            replyInformation = ABSENT;
        }
        if ((d & G_SURVEILLANCE) != 0) {
            flightStatus = ABSENT;
            downlinkRequest = ABSENT;
            utilityMessage = ABSENT;
        }
        if ((d & G_CAPABILITY) != 0) {
            ca = ABSENT;
            cf = ABSENT;
            interrogatorCode = ABSENT;
        }
        if ((d & G_REGISTER) != 0) {
            tc = ABSENT;
            subtype = ABSENT;
            bds = ABSENT;
            bdsCandidates = 0;
            bdsAmbiguous = false;
        }
        if ((d & G_IDENTIFICATION) != 0) {
            category = ABSENT;
            callsign = 0;
        }
        if ((d & G_POSITION) != 0) {
            surface = false;
            nic = ABSENT;
            movementCode = ABSENT;
            groundspeedKt = Double.NaN;
            trackDeg = Double.NaN;
            timeFlag = ABSENT;
            cprFormat = ABSENT;
            cprLat = ABSENT;
            cprLon = ABSENT;
            surveillanceStatus = ABSENT;
            gnssAltitudeFt = ABSENT;
        }
        if ((d & G_VELOCITY) != 0) {
            velocitySubtype = ABSENT;
            intentChange = ABSENT;
            nacV = ABSENT;
            groundspeedKt = Double.NaN;
            trackDeg = Double.NaN;
            headingDeg = Double.NaN;
            airspeedType = ABSENT;
            airspeedKt = Double.NaN;
            vrSource = ABSENT;
            verticalRateFpm = ABSENT;
            geoMinusBaroFt = ABSENT;
        }
        if ((d & G_STATUS) != 0) {
            emergency = null;
            araBits = ABSENT;
            racBits = ABSENT;
            raTerminated = ABSENT;
            multipleThreat = ABSENT;
            threatIcao = ABSENT;
            tcasRaActive = ABSENT;
        }
        if ((d & G_TARGET) != 0) {
            silSupplement = ABSENT;
            selectedAltitudeSource = ABSENT;
            selectedAltitudeFt = ABSENT;
            baroSettingHpa = Double.NaN;
            selectedHeadingDeg = Double.NaN;
            nacP = ABSENT;
            nicBaro = ABSENT;
            sil = ABSENT;
            autopilot = ABSENT;
            vnav = ABSENT;
            altitudeHold = ABSENT;
            approach = ABSENT;
            lnav = ABSENT;
            tcasOperational = ABSENT;
            targetAltitudeType = ABSENT;
            emergency = null;
            mcpSelectedAltitudeFt = ABSENT;
            fmsSelectedAltitudeFt = ABSENT;
        }
        if ((d & G_OPERATIONAL) != 0) {
            version = ABSENT;
            capabilityClass = ABSENT;
            lengthWidthCode = ABSENT;
            operationalMode = ABSENT;
            nicSupplementA = ABSENT;
            nicSupplementC = ABSENT;
            nacP = ABSENT;
            sil = ABSENT;
            silSupplement = ABSENT;
            gva = ABSENT;
            nicBaro = ABSENT;
            hrd = ABSENT;
            trackAngleOrHeading = ABSENT;
        }
        if ((d & G_CAPABILITY_REPORTS) != 0) {
            commonUsageCaps = ABSENT;
            bds10ConfigFlag = ABSENT;
            bds10Subnetwork = ABSENT;
        }
        if ((d & G_METEO) != 0) {
            meteoSource = ABSENT;
            windSpeedKt = Double.NaN;
            windDirectionDeg = Double.NaN;
            staticAirTemperatureC = Double.NaN;
            staticPressureHpa = Double.NaN;
            humidityPct = ABSENT;
            turbulence = ABSENT;
            windShear = ABSENT;
            microburst = ABSENT;
            icing = ABSENT;
            wakeVortex = ABSENT;
            radioHeightFt = ABSENT;
        }
        if ((d & G_TRACK_TURN) != 0) {
            rollDeg = Double.NaN;
            trueTrackDeg = Double.NaN;
            groundspeedKt = Double.NaN;
            trackRateDps = Double.NaN;
            trueAirspeedKt = Double.NaN;
        }
        if ((d & G_HEADING_SPEED) != 0) {
            magneticHeadingDeg = Double.NaN;
            indicatedAirspeedKt = Double.NaN;
            mach = Double.NaN;
            baroVerticalRateFpm = ABSENT;
            inertialVerticalRateFpm = ABSENT;
        }
    }

    /**
     * Makes this message a whole copy of {@code from}, for handing one to another thread (the decoder
     * reuses its message): every field and the groups' invariant, the frame's bytes (if any) into
     * {@code frameBuffer} (at least {@link AdsbEncoder#LONG_FRAME_BYTES} bytes), which this message then
     * refers to. No allocation. {@code ModeSMessageCopyTest} checks by reflection that no public field
     * is left out, so a field added above fails it until it is copied here too.
     */
    public ModeSMessage copyFrom(ModeSMessage from, byte[] frameBuffer) {
        if (from.frame != null && from.frameLength > 0 && from.frameLength <= frameBuffer.length) {
            System.arraycopy(from.frame, from.frameOffset, frameBuffer, 0, from.frameLength);
            frame = frameBuffer;
            frameOffset = 0;
            frameLength = from.frameLength;
        } else {
            frame = null;
            frameOffset = 0;
            frameLength = 0;
        }
        timeNanos = from.timeNanos;
        df = from.df;
        icao = from.icao;
        icaoFromParity = from.icaoFromParity;
        crcOk = from.crcOk;
        crcRemainder = from.crcRemainder;
        error = from.error;
        ca = from.ca;
        cf = from.cf;
        interrogatorCode = from.interrogatorCode;
        flightStatus = from.flightStatus;
        downlinkRequest = from.downlinkRequest;
        utilityMessage = from.utilityMessage;
        verticalStatus = from.verticalStatus;
        sensitivityLevel = from.sensitivityLevel;
        replyInformation = from.replyInformation;
        altitudeFt = from.altitudeFt;
        gnssAltitudeFt = from.gnssAltitudeFt;
        squawk = from.squawk;
        callsign = from.callsign;
        category = from.category;
        tc = from.tc;
        cprFormat = from.cprFormat;
        cprLat = from.cprLat;
        cprLon = from.cprLon;
        surface = from.surface;
        nic = from.nic;
        timeFlag = from.timeFlag;
        surveillanceStatus = from.surveillanceStatus;
        lat = from.lat;
        lon = from.lon;
        groundspeedKt = from.groundspeedKt;
        trackDeg = from.trackDeg;
        velocitySubtype = from.velocitySubtype;
        airspeedKt = from.airspeedKt;
        airspeedType = from.airspeedType;
        headingDeg = from.headingDeg;
        verticalRateFpm = from.verticalRateFpm;
        vrSource = from.vrSource;
        geoMinusBaroFt = from.geoMinusBaroFt;
        nacV = from.nacV;
        intentChange = from.intentChange;
        emergency = from.emergency;
        tcasRaActive = from.tcasRaActive;
        araBits = from.araBits;
        racBits = from.racBits;
        raTerminated = from.raTerminated;
        multipleThreat = from.multipleThreat;
        threatIcao = from.threatIcao;
        selectedAltitudeFt = from.selectedAltitudeFt;
        selectedAltitudeSource = from.selectedAltitudeSource;
        baroSettingHpa = from.baroSettingHpa;
        selectedHeadingDeg = from.selectedHeadingDeg;
        autopilot = from.autopilot;
        vnav = from.vnav;
        altitudeHold = from.altitudeHold;
        approach = from.approach;
        lnav = from.lnav;
        tcasOperational = from.tcasOperational;
        version = from.version;
        nicSupplementA = from.nicSupplementA;
        nicSupplementC = from.nicSupplementC;
        nacP = from.nacP;
        sil = from.sil;
        silSupplement = from.silSupplement;
        gva = from.gva;
        nicBaro = from.nicBaro;
        hrd = from.hrd;
        bds = from.bds;
        bdsCandidates = from.bdsCandidates;
        bdsAmbiguous = from.bdsAmbiguous;
        rollDeg = from.rollDeg;
        trueTrackDeg = from.trueTrackDeg;
        trackRateDps = from.trackRateDps;
        trueAirspeedKt = from.trueAirspeedKt;
        magneticHeadingDeg = from.magneticHeadingDeg;
        indicatedAirspeedKt = from.indicatedAirspeedKt;
        mach = from.mach;
        baroVerticalRateFpm = from.baroVerticalRateFpm;
        inertialVerticalRateFpm = from.inertialVerticalRateFpm;
        mcpSelectedAltitudeFt = from.mcpSelectedAltitudeFt;
        fmsSelectedAltitudeFt = from.fmsSelectedAltitudeFt;
        windSpeedKt = from.windSpeedKt;
        windDirectionDeg = from.windDirectionDeg;
        staticAirTemperatureC = from.staticAirTemperatureC;
        staticPressureHpa = from.staticPressureHpa;
        humidityPct = from.humidityPct;
        commonUsageCaps = from.commonUsageCaps;
        bds10ConfigFlag = from.bds10ConfigFlag;
        bds10Subnetwork = from.bds10Subnetwork;
        meteoSource = from.meteoSource;
        turbulence = from.turbulence;
        windShear = from.windShear;
        microburst = from.microburst;
        icing = from.icing;
        wakeVortex = from.wakeVortex;
        radioHeightFt = from.radioHeightFt;
        modeAC = from.modeAC;
        airGround = from.airGround;
        subtype = from.subtype;
        movementCode = from.movementCode;
        capabilityClass = from.capabilityClass;
        operationalMode = from.operationalMode;
        lengthWidthCode = from.lengthWidthCode;
        trackAngleOrHeading = from.trackAngleOrHeading;
        targetAltitudeType = from.targetAltitudeType;
        positionSource = from.positionSource;
        dirty = from.dirty;
        return this;
    }

    public boolean hasPosition() {
        return !Double.isNaN(lat);
    }
}
