package org.vigil.bench;

import org.vigil.codec.modes.AdsbEncoder;
import org.vigil.codec.modes.Crc24;
import org.vigil.core.Callsigns;

/**
 * Frames that {@link AdsbEncoder} does not write but that every receiver hears: DF0 short ACAS
 * replies and DF20/DF21 Comm-B replies with plausible MB contents (BDS 2,0, 4,0, 5,0, 6,0, 1,0,
 * 1,7). Benchmark input only: the registers are filled with physically consistent values so that
 * the decoder's register inference does the work it does on real traffic.
 *
 * <p>MB bits are numbered 1..56 from the most significant, as in ICAO Doc 9871.
 */
final class Frames {
    private Frames() {}

    /** DF0: VS, SL, RI, AC13, AP = parity XOR address. Returns 7. */
    static int df0(byte[] out, int off, int icao, boolean onGround, int altitudeFt) {
        int sl = 7, ri = 3; // ACAS with vertical-only RA capability (RI 3), sensitivity level 7
        int ac13 = AdsbEncoder.altitudeCode13(altitudeFt);
        out[off] = (byte) ((onGround ? 1 : 0) << 2);
        out[off + 1] = (byte) (sl << 5 | ri >>> 1);
        out[off + 2] = (byte) ((ri & 1) << 7 | ac13 >>> 8);
        out[off + 3] = (byte) ac13;
        put24(out, off + 4, Crc24.remainder(out, off, 4) ^ icao);
        return 7;
    }

    /**
     * DF20 (altitude) or DF21 (identity) Comm-B reply: header as DF4/DF5, the 56-bit MB, and AP
     * = parity over the first 88 bits XOR the address. Returns 14.
     *
     * @param code13 AC13 for DF20, ID13 for DF21
     */
    static int commB(byte[] out, int off, int df, int icao, int flightStatus, int code13, long mb) {
        int dr = 0, um = 0;
        out[off] = (byte) (df << 3 | flightStatus);
        out[off + 1] = (byte) (dr << 3 | um >>> 3);
        out[off + 2] = (byte) ((um & 7) << 5 | code13 >>> 8);
        out[off + 3] = (byte) code13;
        for (int i = 0; i < 7; i++) out[off + 4 + i] = (byte) (mb >>> (48 - 8 * i));
        put24(out, off + 11, Crc24.remainder(out, off, 11) ^ icao);
        return 14;
    }

    static void put24(byte[] out, int off, int v) {
        out[off] = (byte) (v >>> 16);
        out[off + 1] = (byte) (v >>> 8);
        out[off + 2] = (byte) v;
    }

    /** value into MB bits first..first+n-1 (two's complement for negatives). */
    private static long put(long mb, int first, int n, long value) {
        long mask = (1L << n) - 1;
        return mb | (value & mask) << (56 - first - n + 1);
    }

    // ------------------------------------------------------------------ registers

    /** BDS 1,0 data link capability: register code, subnetwork version 5. */
    static long bds10() {
        long mb = put(0, 1, 8, 0x10);
        mb = put(mb, 17, 7, 5); // Mode S subnetwork version
        mb = put(mb, 24, 1, 1); // transponder level 5
        return put(mb, 25, 1, 1); // Mode S specific services capability
    }

    /** BDS 1,7 common-usage GICB capability: 2,0 4,0 5,0 6,0 supported. */
    static long bds17() {
        long mb = put(0, 7, 1, 1); // 2,0
        mb = put(mb, 10, 1, 1); // 4,0
        mb = put(mb, 17, 1, 1); // 5,0
        return put(mb, 24, 1, 1); // 6,0
    }

    /** BDS 2,0 aircraft identification. */
    static long bds20(long callsign) {
        return put(0, 1, 8, 0x20) | (callsign & 0xFFFF_FFFF_FFFFL);
    }

    /** BDS 4,0 selected vertical intention: MCP and FMS altitude (16 ft), QNH (0.1 hPa). */
    static long bds40(int selectedAltFt, double qnhHpa) {
        long mb = put(0, 1, 1, 1);
        mb = put(mb, 2, 12, selectedAltFt / 16);
        mb = put(mb, 14, 1, 1);
        mb = put(mb, 15, 12, selectedAltFt / 16);
        mb = put(mb, 27, 1, 1);
        mb = put(mb, 28, 12, Math.round((qnhHpa - 800) * 10));
        mb = put(mb, 48, 1, 1); // mode status
        mb = put(mb, 49, 3, 4); // VNAV
        return mb;
    }

    /** BDS 5,0 track and turn: roll, true track, ground speed, track rate (coordinated), TAS. */
    static long bds50(double rollDeg, double trackDeg, double gsKt, double tasKt) {
        double rate = tasKt >= 80 ? 1091.0 * Math.tan(Math.toRadians(rollDeg)) / tasKt : 0;
        double trk = trackDeg > 180 ? trackDeg - 360 : trackDeg;
        long mb = put(0, 1, 1, 1);
        mb = put(mb, 2, 10, Math.round(rollDeg * 256 / 45));
        mb = put(mb, 12, 1, 1);
        mb = put(mb, 13, 11, Math.round(trk * 512 / 90));
        mb = put(mb, 24, 1, 1);
        mb = put(mb, 25, 10, Math.min(1023, Math.round(gsKt / 2)));
        mb = put(mb, 35, 1, 1);
        mb = put(mb, 36, 10, Math.round(rate * 256 / 8));
        mb = put(mb, 46, 1, 1);
        return put(mb, 47, 10, Math.min(1023, Math.round(tasKt / 2)));
    }

    /** BDS 6,0 heading and speed: magnetic heading, IAS, Mach, baro and inertial vertical rate. */
    static long bds60(double headingDeg, double tasKt, int altitudeFt, int verticalRateFpm) {
        double mach = Isa.mach(tasKt, altitudeFt);
        double ias = Isa.casFromMach(mach, altitudeFt);
        double hdg = headingDeg > 180 ? headingDeg - 360 : headingDeg;
        long mb = put(0, 1, 1, 1);
        mb = put(mb, 2, 11, Math.round(hdg * 512 / 90));
        mb = put(mb, 13, 1, 1);
        mb = put(mb, 14, 10, Math.min(1023, Math.round(ias)));
        mb = put(mb, 24, 1, 1);
        mb = put(mb, 25, 10, Math.min(1023, Math.round(mach * 512 / 2.048)));
        mb = put(mb, 35, 1, 1);
        mb = put(mb, 36, 10, Math.round(verticalRateFpm / 32.0));
        mb = put(mb, 46, 1, 1);
        return put(mb, 47, 10, Math.round(verticalRateFpm / 32.0));
    }

    /** A random airline-style callsign, e.g. "DLH4AB". */
    static long callsign(java.util.SplittableRandom r) {
        String[] airlines = {"DLH", "AFR", "BAW", "KLM", "RYR", "EZY", "SAS", "AUA", "SWR", "NAX", "WZZ", "THY"};
        StringBuilder b = new StringBuilder(airlines[r.nextInt(airlines.length)]);
        b.append(1 + r.nextInt(9));
        for (int i = 0; i < 3; i++) b.append("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".charAt(r.nextInt(36)));
        return Callsigns.pack(b);
    }

    /** International Standard Atmosphere, enough for consistent airspeeds. */
    static final class Isa {
        private static final double A0_KT = 661.4786;

        private Isa() {}

        static double temperatureRatio(double altFt) {
            return altFt <= 36089 ? 1 - 6.8755856e-6 * altFt : 0.7518653;
        }

        static double pressureRatio(double altFt) {
            if (altFt <= 36089) return Math.pow(1 - 6.8755856e-6 * altFt, 5.2558797);
            return 0.2233609 * Math.exp(-4.806346e-5 * (altFt - 36089));
        }

        static double mach(double tasKt, double altFt) {
            return tasKt / (A0_KT * Math.sqrt(temperatureRatio(altFt)));
        }

        static double casFromMach(double mach, double altFt) {
            double qc = pressureRatio(altFt) * (Math.pow(1 + 0.2 * mach * mach, 3.5) - 1);
            return A0_KT * Math.sqrt(5 * (Math.pow(qc + 1, 2.0 / 7) - 1));
        }
    }
}
