package org.vigil.server.tracking;

import static org.vigil.core.geo.Units.FT;
import static org.vigil.core.geo.Units.NM;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vigil.core.geo.Sphere;

/**
 * Which sensors could see an aircraft, from the sensor list of a {@code vigil sim} manifest, with
 * the simulator's own coverage rule (server/.../sim/RadarSensor and AdsbSensor): within the
 * instrumented range and within the radio horizon 1.23 (√h_aircraft + √h_antenna) NM (heights in
 * feet); radar against slant range, ADS-B receivers against ground distance. Pd and frame loss are
 * not part of coverage: a covered aircraft may still go unseen on a scan.
 *
 * <p>Situation labels for the metrics (docs/TRACKING.md "Measured quality"), per truth state:
 * <ul>
 * <li>{@code radar+adsb}: some radar sees it (primary, or secondary with the transponder on) and an
 *   ADS-B receiver hears it (transponder and ADS-B on);</li>
 * <li>{@code radar-only}: no ADS-B, but a secondary radar gets replies (SSR/Mode S without ADS-B);</li>
 * <li>{@code primary-only}: only primary radar can see it (transponder off, or no secondary radar in
 *   cover);</li>
 * <li>{@code adsb-only}: heard on ADS-B, outside every radar's cover;</li>
 * <li>{@code uncovered}: no sensor can see it (not detectable: never a miss).</li>
 * </ul>
 */
public final class SensorCoverage {
    public static final String RADAR_ADSB = "radar+adsb",
            RADAR_ONLY = "radar-only",
            PRIMARY_ONLY = "primary-only",
            ADSB_ONLY = "adsb-only",
            UNCOVERED = "uncovered";

    /** One sensor: position, antenna height (m), range (m); for radars primary and secondary capability. */
    public record Sensor(
            String name,
            boolean radar,
            double latDeg,
            double lonDeg,
            double heightM,
            double rangeM,
            boolean primary,
            boolean secondary) {}

    private final List<Sensor> sensors;

    public SensorCoverage(List<Sensor> sensors) {
        this.sensors = List.copyOf(sensors);
    }

    /** From a manifest: radar files (lat, lon, heightM, rangeNm, primary, secondary) and ADS-B files (lat, lon, rangeNm; height 30 m, the sim's default). */
    public static SensorCoverage fromManifest(Path manifest) throws IOException {
        JsonNode m = new ObjectMapper().readTree(manifest.toFile());
        List<Sensor> out = new ArrayList<>();
        for (JsonNode f : m.path("files")) {
            String kind = f.path("kind").asText("");
            if (kind.equals("radar")) {
                out.add(new Sensor(
                        f.path("name").asText("radar"),
                        true,
                        f.path("lat").asDouble(),
                        f.path("lon").asDouble(),
                        f.path("heightM").asDouble(0),
                        f.path("rangeNm").asDouble(0) * NM,
                        f.path("primary").asBoolean(true),
                        !"none".equals(f.path("secondary").asText("mode-s"))));
            } else if (kind.equals("adsb")) {
                out.add(new Sensor(
                        f.path("receiver").asText("receiver"),
                        false,
                        f.path("lat").asDouble(),
                        f.path("lon").asDouble(),
                        f.path("heightM").asDouble(30),
                        f.path("rangeNm").asDouble(0) * NM,
                        false,
                        false));
            }
        }
        return new SensorCoverage(out);
    }

    public List<Sensor> sensors() {
        return sensors;
    }

    /** The situation label of an aircraft at this position with these transponder/ADS-B states. */
    public String situation(double latDeg, double lonDeg, double altFt, boolean transponder, boolean adsb) {
        boolean radar = false, ssr = false, heard = false;
        double h = Math.max(0, Double.isNaN(altFt) ? 0 : altFt);
        for (Sensor s : sensors) {
            double ground = groundDistance(latDeg, lonDeg, s.latDeg, s.lonDeg);
            double horizon = 1.23 * (Math.sqrt(h) + Math.sqrt(Math.max(0, s.heightM / FT))) * NM;
            if (s.radar) {
                double dh = h * FT - s.heightM;
                double slant = Math.sqrt(ground * ground + dh * dh);
                if (slant > s.rangeM || slant > horizon) continue;
                boolean replies = transponder && s.secondary;
                if (s.primary || replies) radar = true;
                if (replies) ssr = true;
            } else if (transponder && adsb && ground <= s.rangeM && ground <= horizon) {
                heard = true;
            }
        }
        if (radar && heard) return RADAR_ADSB;
        if (radar) return ssr ? RADAR_ONLY : PRIMARY_ONLY;
        return heard ? ADSB_ONLY : UNCOVERED;
    }

    /** Great-circle distance on the mean earth sphere (core.geo, the one place for it). */
    static double groundDistance(double lat1, double lon1, double lat2, double lon2) {
        return Sphere.distanceM(lat1, lon1, lat2, lon2);
    }
}
