package org.vigil.server.tracking;

import static org.vigil.core.geo.Units.FT;
import static org.vigil.core.geo.Units.KT;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.List;
import org.vigil.core.Callsigns;
import org.vigil.core.track.AreaProjection;
import org.vigil.core.track.SystemTrack;
import org.vigil.core.track.Tracker;
import org.vigil.server.web.TrailPoint;

/**
 * What the console shows about one system track: a read-only snapshot (JSON keys in snake_case,
 * null components left out, so "unknown" never reads as zero, as in {@code AircraftView}).
 *
 * @param trackNumber     system track number, stable for the track's life, never reused in a run
 * @param status          "tentative" or "confirmed"
 * @param lat             latitude, degrees WGS-84, extrapolated to {@code timeMs}
 * @param lon             longitude, degrees
 * @param altitudeFt      barometric altitude, feet; null when no sensor reported one (primary only)
 * @param speedKt         ground speed, knots
 * @param trackDeg        course over ground, degrees true [0, 360)
 * @param verticalRateFpm vertical rate, ft/min; null without altitude
 * @param icao            ICAO address, 6 upper-case hex digits, or null
 * @param callsign        callsign heard, trimmed, or null
 * @param squawk          Mode 3/A code heard, 4 octal digits, or null
 * @param sensors         names of the sensors contributing now (radar names, "ADS-B")
 * @param disagreement    ADS-B and radar disagree beyond their accuracies (possible spoofing)
 * @param primaryOnly     only primary radar has ever seen it (no transponder)
 * @param positionSigmaM  one-sigma position error of the estimate, metres
 * @param ageS            seconds since the track was started
 * @param coastingS       seconds since the last update
 * @param timeMs          data time the position refers to, epoch ms
 * @param trail           past positions, oldest first, ending with the current one
 * @param identity        STANAG 1241 standard identity from identification ({@code pending}, {@code unknown},
 *                        {@code assumed-friend}, {@code friend}, {@code neutral}, {@code suspect}, {@code hostile}),
 *                        or null when the track is not identified (tentative, or no identification running)
 * @param lostSensors     the sensors this track was depending on that are now lost (docs/HEALTH.md): it
 *                        coasts on the others or on its prediction; null when none
 * @param errorMajorM     one-sigma semi-major axis of the horizontal position error ellipse (the position
 *                        covariance's larger eigenvalue, square-rooted), metres
 * @param errorMinorM     ... its semi-minor axis, metres
 * @param errorAxisDeg    direction of the major axis, degrees true [0, 180)
 * @param gnss            the GNSS trouble of the track's aircraft inside an interference area (docs/GNSS.md
 *                        "The tracker"): {@code degraded}, {@code position-lost} or {@code spoofed}; its ADS-B
 *                        positions are then trusted less or not at all and the track leans on radar and Mode S;
 *                        null otherwise
 * @param interferenceArea the number of that interference area, or null
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SystemTrackView(
        int trackNumber,
        String status,
        double lat,
        double lon,
        Integer altitudeFt,
        double speedKt,
        double trackDeg,
        Integer verticalRateFpm,
        String icao,
        String callsign,
        String squawk,
        List<String> sensors,
        boolean disagreement,
        boolean primaryOnly,
        double positionSigmaM,
        double ageS,
        double coastingS,
        long timeMs,
        List<TrailPoint> trail,
        String identity,
        List<String> lostSensors,
        double errorMajorM,
        double errorMinorM,
        double errorAxisDeg,
        String gnss,
        Integer interferenceArea) {

    /** A view without a GNSS mark. */
    public SystemTrackView(
            int trackNumber,
            String status,
            double lat,
            double lon,
            Integer altitudeFt,
            double speedKt,
            double trackDeg,
            Integer verticalRateFpm,
            String icao,
            String callsign,
            String squawk,
            List<String> sensors,
            boolean disagreement,
            boolean primaryOnly,
            double positionSigmaM,
            double ageS,
            double coastingS,
            long timeMs,
            List<TrailPoint> trail,
            String identity,
            List<String> lostSensors,
            double errorMajorM,
            double errorMinorM,
            double errorAxisDeg) {
        this(
                trackNumber,
                status,
                lat,
                lon,
                altitudeFt,
                speedKt,
                trackDeg,
                verticalRateFpm,
                icao,
                callsign,
                squawk,
                sensors,
                disagreement,
                primaryOnly,
                positionSigmaM,
                ageS,
                coastingS,
                timeMs,
                trail,
                identity,
                lostSensors,
                errorMajorM,
                errorMinorM,
                errorAxisDeg,
                null,
                null);
    }

    /** This view marked with its aircraft's GNSS trouble in interference area {@code area} (docs/GNSS.md). */
    public SystemTrackView withGnss(String gnssStatus, int area) {
        return new SystemTrackView(
                trackNumber,
                status,
                lat,
                lon,
                altitudeFt,
                speedKt,
                trackDeg,
                verticalRateFpm,
                icao,
                callsign,
                squawk,
                sensors,
                disagreement,
                primaryOnly,
                positionSigmaM,
                ageS,
                coastingS,
                timeMs,
                trail,
                identity,
                lostSensors,
                errorMajorM,
                errorMinorM,
                errorAxisDeg,
                gnssStatus,
                area);
    }

    public SystemTrackView {
        sensors = List.copyOf(sensors);
        trail = trail == null ? null : List.copyOf(trail);
        lostSensors = lostSensors == null || lostSensors.isEmpty() ? null : List.copyOf(lostSensors);
    }

    /** This view marked as depending on the lost {@code sensors}. */
    public SystemTrackView withLostSensors(List<String> sensors) {
        return new SystemTrackView(
                trackNumber,
                status,
                lat,
                lon,
                altitudeFt,
                speedKt,
                trackDeg,
                verticalRateFpm,
                icao,
                callsign,
                squawk,
                this.sensors,
                disagreement,
                primaryOnly,
                positionSigmaM,
                ageS,
                coastingS,
                timeMs,
                trail,
                identity,
                sensors,
                errorMajorM,
                errorMinorM,
                errorAxisDeg,
                gnss,
                interferenceArea);
    }

    /** Whether a sensor this track was depending on is lost (it coasts); the API's {@code sensor_lost}. */
    @com.fasterxml.jackson.annotation.JsonProperty("sensor_lost")
    public boolean sensorLost() {
        return lostSensors != null;
    }

    /** Snapshot of {@code t} extrapolated to {@code now}; appends to and reads {@code trail} (may be null). */
    static SystemTrackView of(SystemTrack t, Tracker tracker, long now, TrackingPipeline.Trail trail, String identity) {
        long at = Math.max(now, t.timeNanos());
        AreaProjection p = tracker.projection();
        p.inverse(t.xAt(at), t.yAt(at));
        double lat = p.latDeg, lon = p.lonDeg;
        double alt = t.altitude();
        double[] ellipse = errorEllipse(t, tracker, lat, lon);
        List<TrailPoint> points = null;
        if (trail != null) {
            trail.offer(at, lat, lon, alt);
            points = new ArrayList<>(trail.count);
            for (int i = 0; i < trail.count; i++) {
                int k = (trail.next - trail.count + i + TrackingPipeline.TRAIL_POINTS) % TrackingPipeline.TRAIL_POINTS;
                points.add(new TrailPoint(
                        trail.lon[k],
                        trail.lat[k],
                        Double.isNaN(trail.alt[k]) ? null : (int) Math.round(trail.alt[k] / FT)));
            }
        }
        return new SystemTrackView(
                t.trackNumber(),
                t.confirmed() ? "confirmed" : "tentative",
                lat,
                lon,
                Double.isNaN(alt) ? null : (int) Math.round(alt / FT),
                t.groundSpeed() / KT,
                trueCourse(t, tracker, lat, lon),
                Double.isNaN(alt) ? null : (int) Math.round(t.verticalRate() / FT * 60),
                icao(t.icao()),
                callsign(t.callsign()),
                squawk(t.mode3A()),
                sensorNames(t.sensorsNow(), tracker),
                t.disagreement(),
                t.primaryOnly(),
                t.positionSigma(),
                t.ageSeconds(at),
                t.coastingSeconds(at),
                Math.floorDiv(at, 1_000_000L),
                points,
                identity,
                null,
                ellipse[0],
                ellipse[1],
                ellipse[2]);
    }

    /**
     * {semi-major, semi-minor (one sigma, m), major axis (° true, [0, 180))} of the track's horizontal
     * position covariance: the eigen decomposition of its 2x2 block, turned from grid to true north.
     */
    static double[] errorEllipse(SystemTrack t, Tracker tracker, double lat, double lon) {
        var k = t.kinematics();
        double a = k.cov(0, 0), b = k.cov(0, 1), c = k.cov(1, 1);
        double mid = 0.5 * (a + c), half = Math.hypot(0.5 * (a - c), b);
        double major = Math.sqrt(Math.max(0, mid + half)), minor = Math.sqrt(Math.max(0, mid - half));
        // the major axis's angle counter-clockwise from grid east, as a bearing from grid north, then true
        double fromEast = 0.5 * Math.toDegrees(Math.atan2(2 * b, a - c));
        double axis = 90 - fromEast - Math.toDegrees(tracker.projection().convergenceRad(lat, lon));
        axis %= 180;
        return new double[] {major, minor, axis < 0 ? axis + 180 : axis};
    }

    /** Course over ground, true: the plane's grid course less the grid convergence at the position. */
    static double trueCourse(SystemTrack t, Tracker tracker, double lat, double lon) {
        double c = t.courseDeg() - Math.toDegrees(tracker.projection().convergenceRad(lat, lon));
        c %= 360;
        return c < 0 ? c + 360 : c;
    }

    static String icao(int icao) {
        return icao == SystemTrack.ABSENT ? null : String.format("%06X", icao);
    }

    static String callsign(long packed) {
        if (packed == 0) return null;
        String s = Callsigns.unpack(packed).trim();
        return s.isEmpty() ? null : s;
    }

    static String squawk(int mode3A) {
        return mode3A == SystemTrack.ABSENT ? null : String.format("%04o", mode3A);
    }

    static List<String> sensorNames(long mask, Tracker tracker) {
        List<String> out = new ArrayList<>(Long.bitCount(mask));
        while (mask != 0) {
            int i = Long.numberOfTrailingZeros(mask);
            mask &= mask - 1;
            out.add(tracker.sensor(i).name());
        }
        return out;
    }
}
