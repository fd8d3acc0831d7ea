package org.vigil.codec.modes;

/**
 * Compact Position Reporting (CPR) arithmetic: the number-of-longitude-zones function, global
 * decoding of an even/odd pair and local decoding against a reference, airborne and surface.
 * Pure functions; results go into a caller-owned {@code double[2]} ({lat, lon}) so nothing is
 * allocated. Raw CPR values are the 17-bit fields (0 .. 131071).
 *
 * <p>Why the care with remainders: {@code a mod b} is always computed as
 * {@code a - b*floor(a/b)}, so that it agrees with the floor used for the zone index even when
 * the reference sits exactly on a zone boundary (see {@code docs/DECODE.md}).
 */
public final class Cpr {
    private Cpr() {}

    /** Latitude zones per hemisphere quarter (NZ). */
    public static final int NZ = 15;

    private static final double SCALE = 131072.0; // 2^17

    /**
     * Transition latitudes: NL(lat) = 59 for |lat| below TRANSITION[0], decreasing by one at each
     * entry, 1 above 87 degrees. Computed once from the closed formula.
     */
    private static final double[] TRANSITION = new double[58];

    static {
        for (int nl = 59; nl >= 2; nl--) {
            // latitude where the zone count drops from nl to nl-1
            double a = 1 - Math.cos(Math.PI / (2 * NZ));
            double b = 1 - Math.cos(2 * Math.PI / nl);
            TRANSITION[59 - nl] = Math.toDegrees(Math.acos(Math.sqrt(a / b)));
        }
    }

    /** Number of longitude zones at a latitude (1..59). */
    public static int nl(double lat) {
        double a = Math.abs(lat);
        // DO-260B: NL is 2 up to and including 87 degrees, 1 beyond (the closed formula's last
        // transition evaluates to 87 only up to rounding, so pin it).
        if (a > 87.0) return 1;
        if (a >= TRANSITION[TRANSITION.length - 1]) return 2;
        if (Double.isNaN(a)) return 1;
        // NL = 59 - (index of the first transition above a); TRANSITION ascends, so binary search
        // (6 steps instead of up to 58; called twice per global decode).
        int lo = 0, hi = TRANSITION.length - 1; // a < TRANSITION[hi] holds here
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a < TRANSITION[mid]) hi = mid;
            else lo = mid + 1;
        }
        return 59 - lo;
    }

    /** a mod b for b &gt; 0, always in [0, b), consistent with floor(a / b). */
    static double mod(double a, double b) {
        return a - b * Math.floor(a / b);
    }

    static int mod(int a, int b) {
        int r = a % b;
        return r < 0 ? r + b : r;
    }

    /** Latitude zone index j of a pair. */
    public static int latitudeIndex(int latEven, int latOdd) {
        return (int) Math.floor((59 * latEven - 60 * latOdd) / SCALE + 0.5);
    }

    /** Longitude zone index m of a pair at a latitude whose NL is {@code nl}. */
    public static int longitudeIndex(int lonEven, int lonOdd, int nl) {
        return (int) Math.floor((lonEven * (nl - 1) - lonOdd * nl) / SCALE + 0.5);
    }

    /**
     * The two latitudes of a pair before any longitude work: {rlatEven, rlatOdd}. Airborne
     * results are in [-90, 90] when valid; surface results are the northern-hemisphere
     * solutions in [0, 90] (the hemisphere is chosen later against a reference).
     */
    public static void pairLatitudes(int latEven, int latOdd, boolean surface, double[] out) {
        int j = latitudeIndex(latEven, latOdd);
        double span = surface ? 90.0 : 360.0;
        double rlatE = span / 60 * (mod(j, 60) + latEven / SCALE);
        double rlatO = span / 59 * (mod(j, 59) + latOdd / SCALE);
        if (!surface) {
            if (rlatE >= 270) rlatE -= 360;
            if (rlatO >= 270) rlatO -= 360;
        }
        out[0] = rlatE;
        out[1] = rlatO;
    }

    /**
     * Global airborne decode. {@code oddLatest} selects which frame's position is returned.
     * @return false when the two frames straddle a latitude-zone boundary (NL mismatch) or the
     *         latitude is out of range; {@code out} then holds garbage
     */
    public static boolean globalAirborne(
            int latEven, int lonEven, int latOdd, int lonOdd, boolean oddLatest, double[] out) {
        pairLatitudes(latEven, latOdd, false, out);
        return finishGlobal(out[0], out[1], lonEven, lonOdd, oddLatest, false, Double.NaN, out);
    }

    /**
     * Global surface decode. Surface CPR covers only a quarter of the globe per zone set, so the
     * reference (receiver or last known position) chooses the hemisphere and the 90-degree
     * longitude quadrant: the candidate closest to the reference wins.
     */
    public static boolean globalSurface(
            int latEven,
            int lonEven,
            int latOdd,
            int lonOdd,
            boolean oddLatest,
            double refLat,
            double refLon,
            double[] out) {
        if (Double.isNaN(refLat) || Double.isNaN(refLon)) return false;
        pairLatitudes(latEven, latOdd, true, out);
        double shift = closestLatShift(oddLatest ? out[1] : out[0], refLat);
        return finishGlobal(out[0] + shift, out[1] + shift, lonEven, lonOdd, oddLatest, true, refLon, out);
    }

    private static boolean finishGlobal(
            double rlatE,
            double rlatO,
            int lonEven,
            int lonOdd,
            boolean oddLatest,
            boolean surface,
            double refLon,
            double[] out) {
        if (rlatE < -90 || rlatE > 90 || rlatO < -90 || rlatO > 90) return false;
        int nl = nl(rlatE);
        if (nl != nl(rlatO)) return false;
        int i = oddLatest ? 1 : 0;
        int ni = Math.max(nl - i, 1);
        int m = longitudeIndex(lonEven, lonOdd, nl);
        double span = surface ? 90.0 : 360.0;
        double lon = (span / ni) * (mod(m, ni) + (oddLatest ? lonOdd : lonEven) / SCALE);
        out[0] = oddLatest ? rlatO : rlatE;
        out[1] = surface ? closestLongitude(lon, refLon) : normaliseLon(lon);
        return true;
    }

    /** Which of lat-90, lat, lat+90 (kept within +-90) is closest to the reference, as a shift. */
    private static double closestLatShift(double lat, double refLat) {
        double best = 0;
        double bestDist = Double.MAX_VALUE;
        for (int k = -1; k <= 1; k++) {
            double c = lat + 90.0 * k;
            if (c < -90 || c > 90) continue;
            double d = Math.abs(c - refLat);
            if (d < bestDist) {
                bestDist = d;
                best = 90.0 * k;
            }
        }
        return best;
    }

    /** The longitude lon + k*90 (normalised to [-180, 180)) closest to the reference. */
    private static double closestLongitude(double lon, double refLon) {
        double best = lon;
        double bestDist = Double.MAX_VALUE;
        for (int k = 0; k < 4; k++) {
            double c = normaliseLon(lon + 90.0 * k);
            double d = Math.abs(normaliseLon(c - refLon));
            if (d < bestDist - 1e-12) {
                bestDist = d;
                best = c;
            }
        }
        return best;
    }

    /** Longitude into [-180, 180). */
    public static double normaliseLon(double lon) {
        return mod(lon + 180.0, 360.0) - 180.0;
    }

    /** Latitude zone size in degrees (Dlat). */
    public static double latitudeZoneSize(boolean odd, boolean surface) {
        return (surface ? 90.0 : 360.0) / (odd ? 59 : 60);
    }

    /** Longitude zone size in degrees (Dlon) at a decoded latitude. */
    public static double longitudeZoneSize(double lat, boolean odd, boolean surface) {
        return (surface ? 90.0 : 360.0) / Math.max(nl(lat) - (odd ? 1 : 0), 1);
    }

    /** Zone index j of a local decode: the zone whose centre band holds the reference. */
    public static int localLatitudeIndex(int cprLat, boolean odd, boolean surface, double refLat) {
        double dLat = latitudeZoneSize(odd, surface);
        return (int) (Math.floor(refLat / dLat) + Math.floor(0.5 + mod(refLat, dLat) / dLat - cprLat / SCALE));
    }

    /** Zone index m of a local decode at the decoded latitude {@code lat}. */
    public static int localLongitudeIndex(int cprLon, boolean odd, boolean surface, double lat, double refLon) {
        double dLon = longitudeZoneSize(lat, odd, surface);
        return (int) (Math.floor(refLon / dLon) + Math.floor(0.5 + mod(refLon, dLon) / dLon - cprLon / SCALE));
    }

    /**
     * Local decode of one frame against a reference position that is known to be within half
     * a zone (about 180 NM airborne, 45 NM surface) of the aircraft.
     */
    public static void local(
            int cprLat, int cprLon, boolean odd, boolean surface, double refLat, double refLon, double[] out) {
        int j = localLatitudeIndex(cprLat, odd, surface, refLat);
        double lat = latitudeZoneSize(odd, surface) * (j + cprLat / SCALE);
        int m = localLongitudeIndex(cprLon, odd, surface, lat, refLon);
        out[0] = lat;
        out[1] = normaliseLon(longitudeZoneSize(lat, odd, surface) * (m + cprLon / SCALE));
    }

    private static final double EARTH_RADIUS_NM = 3440.065;

    /**
     * True only when {@code distanceNm(lat1, lon1, lat2, lon2) <= limitNm} certainly holds,
     * decided without trigonometry; false means "not certain" and the caller computes the
     * distance. Why it is safe: the great circle is no longer than the path along the meridian
     * and then the parallel, R(|dlat| + |dlon|) in radians, and the margins (1e-9 relative and
     * absolute) exceed the rounding of {@link #distanceNm} by orders of magnitude. Lets the
     * position-jump check skip sin/cos/asin for the usual few-mile step between two positions.
     */
    public static boolean certainlyWithinNm(double lat1, double lon1, double lat2, double lon2, double limitNm) {
        double dLat = Math.abs(lat2 - lat1);
        double dLon = Math.abs(lon2 - lon1);
        if (!(dLon <= 360) || !(dLat <= 180)) return false; // also NaN: not certain
        if (dLon > 180) dLon = 360 - dLon;
        double bound = EARTH_RADIUS_NM * Math.toRadians(dLat + dLon);
        return bound * (1 + 1e-9) + 1e-9 < limitNm;
    }

    /** Great-circle distance in nautical miles (for plausibility checks). */
    public static double distanceNm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2);
        double dp = p2 - p1, dl = Math.toRadians(lon2 - lon1);
        double h =
                Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_NM * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
