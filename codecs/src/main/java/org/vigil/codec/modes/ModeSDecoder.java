package org.vigil.codec.modes;

import org.vigil.core.Callsigns;
import org.vigil.core.aircraft.Emergency;

/**
 * Decodes one Mode S reply (7 or 14 bytes) or Mode A/C reply (2 bytes) into a reused
 * {@link ModeSMessage}. Stateless and allocation-free; positions need {@link CprResolver}.
 *
 * <p>Contract: {@link #decode} always {@code reset()}s the message first (clearing only the
 * field groups the previous message wrote: every write below is preceded by marking its group in
 * {@code out.dirty}, see {@link ModeSMessage}). It returns true when the
 * frame is usable. It returns false with {@code out.error} set to a {@link DecodeFailure}; on
 * {@link DecodeFailure#BAD_CRC} the fields are still filled as far as the bits allow (so that
 * diagnostics and the {@code decode} command can show them) but must not be trusted.
 * Address/parity formats (DF0/4/5/16/20/21/24) cannot be checked: their address is the CRC
 * syndrome ({@code icaoFromParity = true}, {@code crcOk = false}) and the caller should accept
 * them only for addresses already confirmed by DF11/17/18.
 */
public final class ModeSDecoder {
    private ModeSDecoder() {}

    /**
     * @param buf       frame bytes
     * @param off       offset of the first byte
     * @param len       2, 7 or 14
     * @param timeNanos receive time (nanoseconds since the Unix epoch), copied into the message
     * @param out       message to fill (reset first)
     * @return true when the message decoded and its parity checks (or cannot be checked: AP formats)
     */
    public static boolean decode(byte[] buf, int off, int len, long timeNanos, ModeSMessage out) {
        out.startDecoding(); // from here on every group written is marked in out.dirty
        out.timeNanos = timeNanos;
        out.frame = buf;
        out.frameOffset = off;
        out.frameLength = len;
        if (buf == null || off < 0 || len < 0 || off > buf.length - len) return fail(out, DecodeFailure.TRUNCATED);
        if (len == 2) return decodeModeAC(buf, off, out);
        if (len < 1) return fail(out, DecodeFailure.TRUNCATED);
        int df = (buf[off] & 0xFF) >>> 3;
        if (df > 24) df = 24; // only the first two bits '11' name Comm-D (DF24)
        out.df = df;
        int need = df >= 16 ? 14 : 7;
        if (len < need) return fail(out, DecodeFailure.TRUNCATED);
        if (len != need) return fail(out, DecodeFailure.BAD_LENGTH);
        int syndrome = Crc24.syndrome(buf, off, len);
        out.crcRemainder = syndrome;
        int b0 = buf[off] & 0xFF;
        switch (df) {
            case 0, 16 -> { // short and long air-air surveillance share the first 32 bits
                out.dirty |= ModeSMessage.G_AIR_AIR;
                ap(out, syndrome);
                out.verticalStatus = (b0 >>> 2) & 1;
                out.airGround = out.verticalStatus;
                out.sensitivityLevel = (buf[off + 1] & 0xFF) >>> 5;
                out.replyInformation = ((buf[off + 1] & 0x07) << 1) | ((buf[off + 2] & 0xFF) >>> 7);
                out.altitudeFt = AltitudeCode.ac13ToFeet(field13(buf, off));
                return true;
            }
            case 4, 20 -> {
                ap(out, syndrome);
                surveillanceHeader(buf, off, out);
                out.altitudeFt = AltitudeCode.ac13ToFeet(field13(buf, off));
                if (df == 20) CommB.decode(buf, off, out);
                return true;
            }
            case 5, 21 -> {
                ap(out, syndrome);
                surveillanceHeader(buf, off, out);
                out.squawk = AltitudeCode.id13ToSquawk(field13(buf, off));
                if (df == 21) CommB.decode(buf, off, out);
                return true;
            }
            case 24 -> {
                ap(out, syndrome);
                return true;
            }
            case 11 -> {
                out.dirty |= ModeSMessage.G_CAPABILITY;
                out.ca = b0 & 7;
                out.airGround = airGroundFromCa(out.ca);
                out.icao = address(buf, off);
                // parity = CRC XOR interrogator identifier, which sits in the low 7 bits
                out.crcOk = (syndrome & ~0x7F) == 0;
                if (!out.crcOk) return fail(out, DecodeFailure.BAD_CRC);
                out.interrogatorCode = syndrome;
                return true;
            }
            case 17, 18 -> {
                out.dirty |= ModeSMessage.G_CAPABILITY;
                out.icao = address(buf, off);
                out.crcOk = syndrome == 0;
                boolean meOk;
                if (df == 17) {
                    out.ca = b0 & 7;
                    out.airGround = airGroundFromCa(out.ca);
                    meOk = decodeExtendedSquitter(buf, off, out);
                } else {
                    out.cf = b0 & 7;
                    // CF 0,1: ADS-B from non-transponder devices; 2,5: fine TIS-B; 6: ADS-R.
                    // CF 3 (coarse TIS-B) uses another ME layout, 4 is management, 7 reserved.
                    int cf = out.cf;
                    meOk = cf == 3 || cf == 4 || cf == 7 || decodeExtendedSquitter(buf, off, out);
                }
                if (!out.crcOk) return fail(out, DecodeFailure.BAD_CRC);
                if (!meOk) return fail(out, DecodeFailure.BAD_FIELD);
                return true;
            }
            default -> {
                return fail(out, DecodeFailure.UNKNOWN_DF);
            }
        }
    }

    private static boolean fail(ModeSMessage out, DecodeFailure reason) {
        if (out.error == null) out.error = reason;
        return false;
    }

    private static void ap(ModeSMessage out, int syndrome) {
        out.icao = syndrome;
        out.icaoFromParity = true;
        out.crcOk = false; // cannot be checked without knowing the address
    }

    /** FS, DR, UM of DF4/5/20/21; FS also tells air/ground (0,2 airborne; 1,3 ground). */
    private static void surveillanceHeader(byte[] buf, int off, ModeSMessage out) {
        out.dirty |= ModeSMessage.G_SURVEILLANCE;
        int fs = buf[off] & 7;
        out.flightStatus = fs;
        if (fs == 0 || fs == 2) out.airGround = 0;
        else if (fs == 1 || fs == 3) out.airGround = 1;
        out.downlinkRequest = ((buf[off + 1] & 0xFF) >>> 3) & 0x1F;
        out.utilityMessage = ((buf[off + 1] & 7) << 3) | ((buf[off + 2] & 0xFF) >>> 5);
    }

    private static int airGroundFromCa(int ca) {
        if (ca == 4) return 1;
        if (ca == 5) return 0;
        return ModeSMessage.ABSENT;
    }

    /** Bits 20-32 of the frame: AC13 or ID13. */
    private static int field13(byte[] buf, int off) {
        return ((buf[off + 2] & 0x1F) << 8) | (buf[off + 3] & 0xFF);
    }

    private static int address(byte[] buf, int off) {
        return ((buf[off + 1] & 0xFF) << 16) | ((buf[off + 2] & 0xFF) << 8) | (buf[off + 3] & 0xFF);
    }

    private static boolean decodeModeAC(byte[] buf, int off, ModeSMessage out) {
        out.modeAC = true;
        int v = ((buf[off] & 0xFF) << 8) | (buf[off + 1] & 0xFF);
        if (v == 0) return fail(out, DecodeFailure.HEARTBEAT);
        out.squawk = AltitudeCode.modeAToSquawk(v);
        if (out.squawk == ModeSMessage.ABSENT) return fail(out, DecodeFailure.BAD_FIELD);
        out.altitudeFt = AltitudeCode.modeCToFeet(v);
        out.crcOk = false; // Mode A/C has no parity
        return true;
    }

    // ------------------------------------------------------------------ extended squitter

    /** ME bits {@code first..first+n-1} (1-based, as the standards number them). */
    private static int me(long me, int first, int n) {
        return (int) ((me >>> (56 - first - n + 1)) & ((1L << n) - 1));
    }

    /** @return false when a field is illegal (the message is then rejected with BAD_FIELD). */
    private static boolean decodeExtendedSquitter(byte[] buf, int off, ModeSMessage out) {
        long me = 0;
        for (int i = 4; i < 11; i++) me = (me << 8) | (buf[off + i] & 0xFF);
        int tc = me(me, 1, 5);
        out.dirty |= ModeSMessage.G_REGISTER;
        out.tc = tc;
        out.bds = esRegister(tc);
        if (tc >= 1 && tc <= 4) return identification(me, out);
        if (tc >= 5 && tc <= 8) {
            surfacePosition(me, tc, out);
            return true;
        }
        if (tc >= 9 && tc <= 18 || tc >= 20 && tc <= 22) {
            airbornePosition(me, tc, out);
            return true;
        }
        if (tc == 0) {
            // no position; the altitude may still be present
            out.altitudeFt = AltitudeCode.ac12ToFeet(me(me, 9, 12));
            return true;
        }
        return switch (tc) {
            case 19 -> velocity(me, out);
            case 28 -> aircraftStatus(me, out);
            case 29 -> targetState(me, out);
            case 31 -> operationalStatus(me, out);
            default -> true; // 23 test, 24 surface system status, 25-27 and 30 reserved: type code only
        };
    }

    /** The transponder register an ES type code mirrors (0x05 = BDS 0,5 ...), ABSENT when none. */
    public static int esRegister(int tc) {
        if (tc >= 1 && tc <= 4) return 0x08;
        if (tc >= 5 && tc <= 8) return 0x06;
        if (tc >= 9 && tc <= 18 || tc >= 20 && tc <= 22) return 0x05;
        return switch (tc) {
            case 19 -> 0x09;
            case 28 -> 0x61;
            case 29 -> 0x62;
            case 31 -> 0x65;
            default -> ModeSMessage.ABSENT;
        };
    }

    private static boolean identification(long me, ModeSMessage out) {
        out.dirty |= ModeSMessage.G_IDENTIFICATION;
        out.category = me(me, 6, 3);
        long cs = me & 0xFFFFFFFFFFFFL;
        if (!Callsigns.isValid(cs)) return false; // an illegal character: corrupted or a phantom
        out.callsign = cs;
        return true;
    }

    private static void surfacePosition(long me, int tc, ModeSMessage out) {
        out.dirty |= ModeSMessage.G_POSITION;
        out.surface = true;
        out.airGround = 1;
        out.nic = tc == 5 ? 11 : tc == 6 ? 10 : tc == 7 ? 8 : 0;
        int mov = me(me, 6, 7);
        out.movementCode = mov;
        out.groundspeedKt = movementToKnots(mov);
        if (me(me, 13, 1) == 1) out.trackDeg = me(me, 14, 7) * 360.0 / 128.0;
        out.timeFlag = me(me, 21, 1);
        out.cprFormat = me(me, 22, 1);
        out.cprLat = me(me, 23, 17);
        out.cprLon = me(me, 40, 17);
    }

    /** Surface movement code to knots (lower bound of each quantisation step); NaN when unknown. */
    static double movementToKnots(int m) {
        if (m == 0 || m >= 125) return Double.NaN; // no information / reserved
        if (m == 1) return 0.0; // stopped
        if (m <= 8) return 0.125 * (m - 1); // 0.125 .. 0.875 kt
        if (m <= 12) return 1.0 + 0.25 * (m - 9); // 1 .. 1.75 kt
        if (m <= 38) return 2.0 + 0.5 * (m - 13); // 2 .. 14.5 kt
        if (m <= 93) return 15.0 + (m - 39); // 15 .. 69 kt
        if (m <= 108) return 70.0 + 2.0 * (m - 94); // 70 .. 98 kt
        if (m <= 123) return 100.0 + 5.0 * (m - 109); // 100 .. 170 kt
        return 175.0; // 124: 175 kt or more
    }

    private static void airbornePosition(long me, int tc, ModeSMessage out) {
        out.dirty |= ModeSMessage.G_POSITION;
        out.airGround = 0;
        out.surveillanceStatus = me(me, 6, 2);
        out.nic = switch (tc) {
            case 9, 20 -> 11;
            case 10, 21 -> 10;
            case 11 -> 8;
            case 12 -> 7;
            case 13 -> 6;
            case 14 -> 5;
            case 15 -> 4;
            case 16 -> 2;
            case 17 -> 1;
            default -> 0;
        };
        int ac12 = me(me, 9, 12);
        // TC 20-22 carry GNSS height in the same 12-bit code (FA dump1090 and the standard's layout)
        if (tc >= 20) out.gnssAltitudeFt = AltitudeCode.ac12ToFeet(ac12);
        else out.altitudeFt = AltitudeCode.ac12ToFeet(ac12);
        out.timeFlag = me(me, 21, 1);
        out.cprFormat = me(me, 22, 1);
        out.cprLat = me(me, 23, 17);
        out.cprLon = me(me, 40, 17);
    }

    private static boolean velocity(long me, ModeSMessage out) {
        out.dirty |= ModeSMessage.G_VELOCITY;
        int st = me(me, 6, 3);
        out.subtype = st;
        out.velocitySubtype = st;
        if (st < 1 || st > 4) return true; // reserved subtypes: nothing more to read
        out.airGround = 0;
        out.intentChange = me(me, 9, 1);
        out.nacV = me(me, 11, 3);
        int factor = (st == 2 || st == 4) ? 4 : 1; // supersonic subtypes count in 4 kt
        if (st <= 2) {
            int vew = me(me, 15, 10), vns = me(me, 26, 10);
            if (vew != 0 && vns != 0) {
                double ew = (vew - 1) * factor * (me(me, 14, 1) == 1 ? -1 : 1);
                double ns = (vns - 1) * factor * (me(me, 25, 1) == 1 ? -1 : 1);
                out.groundspeedKt = Math.sqrt(ew * ew + ns * ns);
                double trk = Math.toDegrees(Math.atan2(ew, ns));
                out.trackDeg = trk < 0 ? trk + 360.0 : trk;
            }
        } else {
            if (me(me, 14, 1) == 1) out.headingDeg = me(me, 15, 10) * 360.0 / 1024.0;
            int as = me(me, 26, 10);
            out.airspeedType = me(me, 25, 1); // 0 IAS, 1 TAS
            if (as != 0) out.airspeedKt = (as - 1) * factor;
        }
        // ME bit 36: 0 = GNSS (geometric), 1 = barometric (Riddle, dump1090)
        out.vrSource = me(me, 36, 1);
        int vr = me(me, 38, 9);
        if (vr != 0) out.verticalRateFpm = (vr - 1) * 64 * (me(me, 37, 1) == 1 ? -1 : 1);
        int dif = me(me, 50, 7);
        if (dif != 0) out.geoMinusBaroFt = (dif - 1) * 25 * (me(me, 49, 1) == 1 ? -1 : 1);
        return true;
    }

    private static boolean aircraftStatus(long me, ModeSMessage out) {
        out.dirty |= ModeSMessage.G_STATUS;
        int st = me(me, 6, 3);
        out.subtype = st;
        if (st == 1) {
            out.emergency = Emergency.of(me(me, 9, 3));
            out.squawk = AltitudeCode.id13ToSquawk(me(me, 12, 13));
        } else if (st == 2) {
            // ACAS resolution advisory broadcast (same layout as BDS 3,0 after the subtype)
            out.araBits = me(me, 9, 14);
            out.racBits = me(me, 23, 4);
            out.raTerminated = me(me, 27, 1);
            out.multipleThreat = me(me, 28, 1);
            int tti = me(me, 29, 2);
            if (tti == 1) out.threatIcao = me(me, 31, 24);
            out.tcasRaActive = (out.araBits & 0x2000) != 0 || out.multipleThreat == 1 ? 1 : 0;
        }
        return true;
    }

    private static boolean targetState(long me, ModeSMessage out) {
        out.dirty |= ModeSMessage.G_TARGET;
        int st = me(me, 6, 2);
        out.subtype = st;
        if (st == 1) {
            // version 2 layout (DO-260B)
            if (me(me, 55, 2) != 0) return false; // reserved bits set: not a valid v2 message
            out.silSupplement = me(me, 8, 1);
            out.selectedAltitudeSource = me(me, 9, 1);
            int alt = me(me, 10, 11);
            if (alt != 0) out.selectedAltitudeFt = (alt - 1) * 32;
            int baro = me(me, 21, 9);
            if (baro != 0) out.baroSettingHpa = 800.0 + (baro - 1) * 0.8;
            if (me(me, 30, 1) == 1) out.selectedHeadingDeg = me(me, 31, 9) * 180.0 / 256.0;
            out.nacP = me(me, 40, 4);
            out.nicBaro = me(me, 44, 1);
            out.sil = me(me, 45, 2);
            if (me(me, 47, 1) == 1) {
                // mode bits valid only when the status bit says so
                out.autopilot = me(me, 48, 1);
                out.vnav = me(me, 49, 1);
                out.altitudeHold = me(me, 50, 1);
                out.approach = me(me, 52, 1);
                out.lnav = me(me, 54, 1);
            }
            out.tcasOperational = me(me, 53, 1);
            return true;
        }
        if (st == 0) {
            // version 1 layout (DO-260A target state and status)
            int vda = me(me, 8, 2);
            out.targetAltitudeType = me(me, 10, 1);
            if (vda != 0) {
                out.selectedAltitudeFt = me(me, 16, 10) * 100 - 1000;
                out.selectedAltitudeSource = vda == 2 ? 0 : vda == 3 ? 1 : ModeSMessage.ABSENT;
            }
            int hda = me(me, 26, 2);
            if (hda != 0) out.selectedHeadingDeg = me(me, 28, 9);
            out.nacP = me(me, 40, 4);
            out.nicBaro = me(me, 44, 1);
            out.sil = me(me, 45, 2);
            out.emergency = Emergency.of(me(me, 54, 3));
            return true;
        }
        return true; // subtypes 2, 3 reserved
    }

    private static boolean operationalStatus(long me, ModeSMessage out) {
        out.dirty |= ModeSMessage.G_OPERATIONAL;
        int st = me(me, 6, 3);
        out.subtype = st;
        if (st > 1) return true; // reserved subtypes
        boolean airborne = st == 0;
        out.version = me(me, 41, 3);
        if (airborne) {
            out.capabilityClass = me(me, 9, 16);
        } else {
            out.capabilityClass = me(me, 9, 12);
            out.lengthWidthCode = me(me, 21, 4);
            out.airGround = 1;
        }
        out.operationalMode = me(me, 25, 16);
        if (out.version == 0) return true; // version 0 carries no quality fields here
        out.nicSupplementA = me(me, 44, 1);
        out.nacP = me(me, 45, 4);
        out.sil = me(me, 51, 2);
        out.hrd = me(me, 54, 1);
        if (airborne) out.nicBaro = me(me, 53, 1);
        else out.trackAngleOrHeading = me(me, 53, 1);
        if (out.version >= 2) {
            if (airborne) out.gva = me(me, 49, 2);
            else out.nicSupplementC = me(me, 20, 1);
            out.silSupplement = me(me, 55, 1);
        }
        return true;
    }
}
