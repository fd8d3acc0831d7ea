package org.vigil.server.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Locale;

/**
 * What the console shows about one aircraft: a read-only snapshot taken once per push.
 *
 * <p>This is the contract between the air picture and the browser: component names become the
 * JSON keys in snake_case ({@code altitude_ft}, {@code last_seen}, ...), and every component that is
 * null is left out of the JSON, so "absent" never looks like "zero". The console reads exactly
 * these keys.
 *
 * <p>Invariants, checked here so that a bad adapter fails at once rather than in the browser:
 * {@code icao} is 6 upper-case hex digits; {@code squawk}, when present, is 4 octal digits;
 * {@code lat}/{@code lon} are both present or both absent and within WGS84 range; NaN in a
 * floating-point field means absent and is turned into null; {@code trail} is immutable, oldest
 * point first.
 *
 * @param icao              ICAO 24-bit address, 6 hex digits, upper case
 * @param callsign          flight identification, trimmed, or null
 * @param squawk            Mode A code as 4 octal digits ("7700"), or null
 * @param lat               latitude in degrees WGS84, or null when no position
 * @param lon               longitude in degrees WGS84, or null when no position
 * @param altitudeFt        barometric altitude in feet, or null
 * @param gnssAltitudeFt    GNSS (geometric) altitude in feet, or null
 * @param groundspeedKt     ground speed in knots, or null
 * @param trackDeg          track over ground in degrees true [0, 360), or null
 * @param verticalRateFpm   vertical rate in feet per minute (climb positive), or null
 * @param category          emitter category such as "A3", or null
 * @param emergency         emergency state reported by the aircraft ("general", "nordo",
 *                          "unlawful", ...), or null when none
 * @param version           ADS-B version (0, 1, 2), or null
 * @param nacP              navigation accuracy category for position, or null
 * @param sil               source integrity level, or null
 * @param messages          number of messages received from this aircraft
 * @param lastSeen          time of the last message, epoch milliseconds (message time, not wall clock)
 * @param positionAgeS      seconds since the last position fix, or null when no position
 * @param trail             past positions, oldest first, or null when not sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AircraftView(
        String icao,
        String callsign,
        String squawk,
        Double lat,
        Double lon,
        Integer altitudeFt,
        Integer gnssAltitudeFt,
        Double groundspeedKt,
        Double trackDeg,
        Integer verticalRateFpm,
        String category,
        String emergency,
        Integer version,
        Integer nacP,
        Integer sil,
        long messages,
        long lastSeen,
        Double positionAgeS,
        List<TrailPoint> trail) {

    public AircraftView {
        if (icao == null || icao.length() != 6 || !isHex(icao)) {
            throw new IllegalArgumentException("icao must be 6 hex digits: " + icao);
        }
        icao = icao.toUpperCase(Locale.ROOT);
        if (callsign != null) {
            callsign = callsign.strip();
            if (callsign.isEmpty()) {
                callsign = null;
            }
        }
        if (squawk != null && !(squawk.length() == 4 && isOctal(squawk))) {
            throw new IllegalArgumentException("squawk must be 4 octal digits: " + squawk);
        }
        lat = nanToNull(lat);
        lon = nanToNull(lon);
        if ((lat == null) != (lon == null)) {
            throw new IllegalArgumentException("lat and lon must be both present or both absent");
        }
        if (lat != null && (lat < -90 || lat > 90 || lon < -180 || lon > 180)) {
            throw new IllegalArgumentException("position outside WGS84 range: " + lat + ", " + lon);
        }
        groundspeedKt = nanToNull(groundspeedKt);
        trackDeg = nanToNull(trackDeg);
        positionAgeS = nanToNull(positionAgeS);
        trail = trail == null ? null : withoutRepeats(trail);
    }

    /** Points looked back at for a repeat: copies of one fix from several receivers arrive close together. */
    static final int REPEAT_WINDOW = 4;

    /**
     * The trail without repeated fixes: one position message heard by several receivers is taken
     * once per receiver (same coordinates and altitude, a few ms apart), which made most points of
     * a merged feed's trail exact copies. A point equal to one of the {@link #REPEAT_WINDOW} kept
     * before it is left out; the trail stays in time order.
     */
    static List<TrailPoint> withoutRepeats(List<TrailPoint> trail) {
        java.util.ArrayList<TrailPoint> kept = new java.util.ArrayList<>(trail.size());
        for (TrailPoint p : trail) {
            boolean repeat = false;
            for (int i = kept.size() - 1; i >= Math.max(0, kept.size() - REPEAT_WINDOW) && !repeat; i--) {
                repeat = kept.get(i).equals(p);
            }
            if (!repeat) kept.add(p);
        }
        return List.copyOf(kept);
    }

    /** A builder, because nineteen positional arguments invite mix-ups in adapters and tests. */
    public static Builder builder(String icao) {
        return new Builder(icao);
    }

    /** True when the squawk is one of the three emergency codes (hijack, radio failure, emergency). */
    public boolean emergencySquawk() {
        return "7500".equals(squawk) || "7600".equals(squawk) || "7700".equals(squawk);
    }

    private static Double nanToNull(Double d) {
        return d == null || d.isNaN() ? null : d;
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isOctal(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '7') {
                return false;
            }
        }
        return true;
    }

    /** Mutable builder for {@link AircraftView}; every field starts absent. Not thread-safe. */
    public static final class Builder {
        private final String icao;
        private String callsign;
        private String squawk;
        private Double lat;
        private Double lon;
        private Integer altitudeFt;
        private Integer gnssAltitudeFt;
        private Double groundspeedKt;
        private Double trackDeg;
        private Integer verticalRateFpm;
        private String category;
        private String emergency;
        private Integer version;
        private Integer nacP;
        private Integer sil;
        private long messages;
        private long lastSeen;
        private Double positionAgeS;
        private List<TrailPoint> trail;

        private Builder(String icao) {
            this.icao = icao;
        }

        public Builder callsign(String v) {
            callsign = v;
            return this;
        }

        public Builder squawk(String v) {
            squawk = v;
            return this;
        }

        public Builder position(double latDeg, double lonDeg) {
            lat = latDeg;
            lon = lonDeg;
            return this;
        }

        public Builder altitudeFt(Integer v) {
            altitudeFt = v;
            return this;
        }

        public Builder gnssAltitudeFt(Integer v) {
            gnssAltitudeFt = v;
            return this;
        }

        public Builder groundspeedKt(Double v) {
            groundspeedKt = v;
            return this;
        }

        public Builder trackDeg(Double v) {
            trackDeg = v;
            return this;
        }

        public Builder verticalRateFpm(Integer v) {
            verticalRateFpm = v;
            return this;
        }

        public Builder category(String v) {
            category = v;
            return this;
        }

        public Builder emergency(String v) {
            emergency = v;
            return this;
        }

        public Builder version(Integer v) {
            version = v;
            return this;
        }

        public Builder nacP(Integer v) {
            nacP = v;
            return this;
        }

        public Builder sil(Integer v) {
            sil = v;
            return this;
        }

        public Builder messages(long v) {
            messages = v;
            return this;
        }

        public Builder lastSeen(long epochMs) {
            lastSeen = epochMs;
            return this;
        }

        public Builder positionAgeS(Double v) {
            positionAgeS = v;
            return this;
        }

        public Builder trail(List<TrailPoint> v) {
            trail = v;
            return this;
        }

        public AircraftView build() {
            return new AircraftView(
                    icao,
                    callsign,
                    squawk,
                    lat,
                    lon,
                    altitudeFt,
                    gnssAltitudeFt,
                    groundspeedKt,
                    trackDeg,
                    verticalRateFpm,
                    category,
                    emergency,
                    version,
                    nacP,
                    sil,
                    messages,
                    lastSeen,
                    positionAgeS,
                    trail);
        }
    }
}
