package org.vigil.codec.modes;

import java.util.Locale;

/**
 * Operator-facing text for coded Mode S values, for JSON and displays (not the hot path: some
 * methods build strings). Kept beside the decoder so that every consumer names things alike.
 */
public final class ModeSText {
    private ModeSText() {}

    private static final String[][] CATEGORY = new String[4][8];

    static {
        for (int set = 0; set < 4; set++) {
            for (int c = 0; c < 8; c++) CATEGORY[set][c] = "" + (char) ('A' + set) + c;
        }
    }

    /** Emitter category code such as "A3" from the identification type code (1..4) and number; null when unknown. */
    public static String categoryCode(int tc, int category) {
        if (tc < 1 || tc > 4 || category < 0 || category > 7) return null;
        return CATEGORY[4 - tc][category];
    }

    /** Register as "4,0"; null when ABSENT. */
    public static String register(int bds) {
        if (bds == ModeSMessage.ABSENT || bds < 0 || bds > 0xFF) return null;
        return REGISTERS[bds];
    }

    private static final String[] REGISTERS = new String[256];

    static {
        for (int i = 0; i < 256; i++)
            REGISTERS[i] = Integer.toHexString(i >>> 4).toUpperCase(Locale.ROOT) + ","
                    + Integer.toHexString(i & 15).toUpperCase(Locale.ROOT);
    }

    /** What kind of source a DF18 message comes from, by its control field. */
    public static String addressType(int cf) {
        return switch (cf) {
            case 0, 1 -> "ADS-B"; // non-transponder device (1: anonymous, non-ICAO address)
            case 2, 3, 4, 5 -> "TIS-B"; // ground re-broadcast of radar/multilateration tracks
            case 6 -> "ADS-R"; // re-broadcast of UAT ADS-B
            case 7 -> "unknown"; // reserved
            default -> null;
        };
    }

    /** DF18 control fields whose 24-bit address is not an ICAO aircraft address. */
    public static boolean nonIcaoAddress(int cf) {
        return cf == 1 || cf == 5;
    }

    public static String airGround(int airGround) {
        if (airGround == 0) return "airborne";
        if (airGround == 1) return "ground";
        return null;
    }

    public static String airspeedType(int type) {
        if (type == 0) return "IAS";
        if (type == 1) return "TAS";
        return null;
    }

    /** Vertical-rate source, ME bit 36: 0 GNSS (geometric), 1 barometric. */
    public static String vrSource(int bit) {
        if (bit == 0) return "GNSS";
        if (bit == 1) return "baro";
        return null;
    }

    public static String selectedAltitudeSource(int bit) {
        if (bit == 0) return "MCP/FCU";
        if (bit == 1) return "FMS";
        return null;
    }

    /** SIL supplement: probability per flight hour (0) or per sample (1). */
    public static String silPer(int bit) {
        if (bit == 0) return "hour";
        if (bit == 1) return "sample";
        return null;
    }

    /** Horizontal reference direction: 0 true north, 1 magnetic north. */
    public static String hrd(int bit) {
        if (bit == 0) return "true north";
        if (bit == 1) return "magnetic north";
        return null;
    }

    /** Squawk as four octal digits ("0400"); null when ABSENT. */
    public static String squawk(int squawk) {
        if (squawk == ModeSMessage.ABSENT || squawk < 0 || squawk > 7777) return null;
        char[] c = {
            (char) ('0' + squawk / 1000),
            (char) ('0' + squawk / 100 % 10),
            (char) ('0' + squawk / 10 % 10),
            (char) ('0' + squawk % 10)
        };
        return new String(c);
    }

    /** Address as six upper-case hex digits. */
    public static String hex24(int address) {
        if (address == ModeSMessage.ABSENT) return null;
        String h = Integer.toHexString(address & 0xFFFFFF).toUpperCase(Locale.ROOT);
        return "000000".substring(h.length()) + h;
    }

    /**
     * TC 31 capability classes present, space separated (ACAS, ES_IN, ARV, TS, TC=n, UAT_IN for
     * airborne; POA, CDTI, B2_LOW, UAT_IN, NACV=n, NIC_C for surface); empty when none.
     */
    public static String capabilityClasses(int cc, boolean surface) {
        if (cc == ModeSMessage.ABSENT) return null;
        StringBuilder sb = new StringBuilder();
        if (!surface) {
            // bit n of the standard's 16-bit field (1-based from its first bit) = cc >>> (16 - n)
            if (bit(cc, 16, 3) != 0) add(sb, "ACAS");
            if (bit(cc, 16, 4) != 0) add(sb, "ES_IN");
            if (bit(cc, 16, 7) != 0) add(sb, "ARV");
            if (bit(cc, 16, 8) != 0) add(sb, "TS");
            int tcCap = (cc >>> (16 - 10)) & 3;
            if (tcCap != 0) add(sb, "TC=" + tcCap);
            if (bit(cc, 16, 11) != 0) add(sb, "UAT_IN");
        } else {
            if (bit(cc, 12, 3) != 0) add(sb, "POA");
            if (bit(cc, 12, 4) != 0) add(sb, "ES_IN");
            if (bit(cc, 12, 5) != 0) add(sb, "B2_LOW");
            if (bit(cc, 12, 6) != 0) add(sb, "UAT_IN");
            int nacV = (cc >>> (12 - 9)) & 7;
            if (nacV != 0) add(sb, "NACV=" + nacV);
            if (bit(cc, 12, 12) != 0) add(sb, "NIC_C");
        }
        return sb.toString();
    }

    /** TC 31 operational modes present: TCAS_RA, IDENT, SAF (single antenna), SDA=n. */
    public static String operationalModes(int om) {
        if (om == ModeSMessage.ABSENT) return null;
        StringBuilder sb = new StringBuilder();
        if (bit(om, 16, 3) != 0) add(sb, "TCAS_RA");
        if (bit(om, 16, 4) != 0) add(sb, "IDENT");
        if (bit(om, 16, 6) != 0) add(sb, "SAF");
        add(sb, "SDA=" + ((om >>> (16 - 8)) & 3));
        return sb.toString();
    }

    private static int bit(int v, int width, int n) {
        return (v >>> (width - n)) & 1;
    }

    private static void add(StringBuilder sb, String s) {
        if (sb.length() > 0) sb.append(' ');
        sb.append(s);
    }
}
