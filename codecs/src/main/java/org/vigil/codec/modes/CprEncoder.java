package org.vigil.codec.modes;

/**
 * Compact Position Reporting (CPR) encoding as specified in RTCA DO-260B / ICAO Doc 9871,
 * appendix A ("CPR encoding": YZ, Rlat, XZ). Our own implementation from the published formulas.
 *
 * <p>Airborne positions use 17-bit encoding (Nb = 17); surface positions 19-bit encoding of which
 * the low 17 bits are transmitted, equivalent to 17 bits over zones a quarter the size. The latitude zone size is
 * Dlat = 360/60 (even) or 360/59 (odd); the longitude zone size depends on NL(Rlat), the number of
 * longitude zones at the latitude the receiver will reconstruct (Rlat), not at the true latitude,
 * which is why Rlat is computed before XZ. Rounding is floor(x + 1/2) as in the standard.
 *
 * <p>Resolution (airborne): latitude 6 deg / 2^17 = 5.1 m (even) and 5.2 m (odd); longitude
 * 360 / (NL - i) / 2^17 degrees, e.g. 0.00006 deg = 6.4 m at 45 N (NL = 42). Surface: a quarter
 * of that. The decoded position is within half a resolution step of the input.
 *
 * <p>All methods are static, allocation free and deterministic; results are returned packed in a
 * long so the hot path needs no holder objects.
 */
public final class CprEncoder {
    /** Number of latitude zones between the equator and a pole (NZ). */
    public static final int NZ = 15;

    private static final double TWO_POW_17 = 131072.0;

    /**
     * TRANSITION[nl] is the latitude (degrees) at which the number of longitude zones drops from
     * nl to nl - 1, for nl = 2..59, from the closed form of NL in DO-260B A.1.7.2:
     * lat = acos(sqrt((1 - cos(pi / (2 NZ))) / (1 - cos(2 pi / nl)))).
     * Using the table rather than evaluating the NL formula at each call keeps the encoder's
     * zone choice monotonic and exact at the tabulated boundaries (the formula suffers rounding
     * right at them).
     */
    private static final double[] TRANSITION = new double[60];

    static {
        double a = 1 - Math.cos(Math.PI / (2 * NZ));
        for (int nl = 2; nl <= 59; nl++) {
            TRANSITION[nl] = Math.toDegrees(Math.acos(Math.sqrt(a / (1 - Math.cos(2 * Math.PI / nl)))));
        }
        // The standard pins the last boundary: NL = 2 up to and including 87 degrees, 1 beyond.
        TRANSITION[2] = 87.0;
    }

    private CprEncoder() {}

    /**
     * Number of longitude zones NL at a latitude: 59 at the equator, 2 up to 87 degrees, 1 beyond.
     * A latitude exactly at a transition belongs to the smaller NL, except 87 degrees itself,
     * which the standard gives NL = 2.
     */
    public static int nl(double lat) {
        double a = Math.abs(lat);
        if (a > 87.0) return 1;
        if (a == 87.0) return 2;
        // Binary search for the largest nl with a < TRANSITION[nl]: TRANSITION decreases with nl.
        int lo = 2, hi = 59;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (a < TRANSITION[mid]) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    /** Latitude (degrees, positive) where NL drops from nl to nl - 1; nl in 2..59. */
    public static double transitionLatitude(int nl) {
        return TRANSITION[nl];
    }

    /**
     * Encodes an airborne position (17-bit CPR).
     *
     * @param lat degrees, -90..90
     * @param lon degrees, any value (taken modulo 360)
     * @param odd false for the even frame (i = 0), true for the odd frame (i = 1)
     * @return (YZ << 17) | XZ, both 17-bit
     */
    public static long encodeAirborne(double lat, double lon, boolean odd) {
        return encode(lat, lon, odd, 360.0, TWO_POW_17);
    }

    /**
     * Encodes a surface position. The standard's 19-bit encoding over 360 degree zones keeps only
     * the low 17 bits, which is exactly 17-bit encoding over zones a quarter the size (90/60 and
     * 90/59 degrees); that is how it is computed here.
     * @return (YZ << 17) | XZ, both 17-bit
     */
    public static long encodeSurface(double lat, double lon, boolean odd) {
        return encode(lat, lon, odd, 90.0, TWO_POW_17);
    }

    /** 17-bit latitude part of a packed result. */
    public static int latBits(long packed) {
        return (int) (packed >>> 17) & 0x1FFFF;
    }

    /** 17-bit longitude part of a packed result. */
    public static int lonBits(long packed) {
        return (int) packed & 0x1FFFF;
    }

    private static long encode(double lat, double lon, boolean odd, double span, double scale) {
        int i = odd ? 1 : 0;
        double dlat = span / (4 * NZ - i);
        double yz = Math.floor(scale * mod(lat, dlat) / dlat + 0.5);
        double rlat = dlat * (yz / scale + Math.floor(lat / dlat));
        int zones = Math.max(nl(rlat) - i, 1);
        double dlon = span / zones;
        double xz = Math.floor(scale * mod(lon, dlon) / dlon + 0.5);
        // 17 bits are transmitted: YZ = 2^17 wraps to 0 (the next zone boundary).
        long y = (long) yz & 0x1FFFF;
        long x = (long) xz & 0x1FFFF;
        return (y << 17) | x;
    }

    /** MOD as defined by the standard: always non-negative for a positive divisor. */
    private static double mod(double x, double y) {
        return x - y * Math.floor(x / y);
    }
}
