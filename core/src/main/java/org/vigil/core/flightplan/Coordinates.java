package org.vigil.core.flightplan;

/**
 * ICAO coordinate points as written in routes and item 18: "4530N02830E" (degrees and minutes,
 * 11 characters) and "45N028E" (whole degrees, 7 characters). Static and allocation-free.
 */
public final class Coordinates {
    private Coordinates() {}

    /**
     * Parses {@code s} into out[0] latitude and out[1] longitude (degrees).
     * @return false when {@code s} is not a coordinate point or is out of range (minutes over 59,
     *         latitude over 90, longitude over 180)
     */
    public static boolean parse(CharSequence s, double[] out) {
        int n = s.length();
        int latDigits, lonDigits;
        if (n == 7) {
            latDigits = 2;
            lonDigits = 3;
        } else if (n == 11) {
            latDigits = 4;
            lonDigits = 5;
        } else return false;
        int lat = digits(s, 0, latDigits);
        char ns = s.charAt(latDigits);
        int lon = digits(s, latDigits + 1, lonDigits);
        char ew = s.charAt(n - 1);
        if (lat < 0 || lon < 0 || (ns != 'N' && ns != 'S') || (ew != 'E' && ew != 'W')) return false;
        double latDeg, lonDeg;
        if (n == 7) {
            latDeg = lat;
            lonDeg = lon;
        } else {
            if (lat % 100 > 59 || lon % 100 > 59) return false;
            int latWhole = lat / 100; // DDMM: whole degrees, then minutes
            latDeg = latWhole + (lat % 100) / 60.0;
            int lonWhole = lon / 100;
            lonDeg = lonWhole + (lon % 100) / 60.0;
        }
        if (latDeg > 90 || lonDeg > 180) return false;
        out[0] = ns == 'S' ? -latDeg : latDeg;
        out[1] = ew == 'W' ? -lonDeg : lonDeg;
        return true;
    }

    /** True when {@code s} has the shape and range of a coordinate point. */
    public static boolean isCoordinate(CharSequence s) {
        return parse(s, new double[2]);
    }

    /** Writes a position as an 11-character ICAO coordinate (rounded to the minute). */
    public static String format(double lat, double lon) {
        long la = Math.round(Math.abs(lat) * 60), lo = Math.round(Math.abs(lon) * 60);
        return String.format(
                java.util.Locale.ROOT,
                "%02d%02d%c%03d%02d%c",
                la / 60,
                la % 60,
                lat < 0 ? 'S' : 'N',
                lo / 60,
                lo % 60,
                lon < 0 ? 'W' : 'E');
    }

    /** Value of {@code count} decimal digits at {@code from}, or -1 if any is not a digit. */
    static int digits(CharSequence s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
