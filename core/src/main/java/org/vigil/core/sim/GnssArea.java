package org.vigil.core.sim;

import java.util.Locale;
import java.util.Objects;
import org.vigil.core.geo.Sphere;
import org.vigil.core.geo.Units;

/**
 * A GNSS jammer or spoofer of a scenario (docs/SCENARIOS.md "GNSS interference"), acting on the
 * ADS-B the aircraft transmit.
 *
 * <p>Jamming: the jammer, on the ground at the centre, is {@code powerDb} above the level that just
 * degrades a receiver at 1 NM; free-space loss takes 20 log10(d) dB away at d NM. Within
 * {@code radiusNm} and the radio horizon (1.23 √h NM, h in feet: higher aircraft are reached from
 * further), a margin m ≥ 0 dB lowers NIC and NACp by one for every 2 dB (from 7 and 8 downwards),
 * and from {@link #LOSS_MARGIN_DB} the aircraft's position is lost (no position messages; velocity
 * and identification go on).
 *
 * <p>Spoofing: every aircraft within {@code radiusNm} reports one false position ({@code toLat},
 * {@code toLon}) or its true position shifted by {@code offsetNm} towards {@code bearingDeg}, with
 * good integrity, as spoofers make it.
 *
 * @param name        for messages
 * @param kind        jamming or spoofing
 * @param lat         centre, degrees
 * @param lon         centre, degrees
 * @param radiusNm    furthest reach
 * @param powerDb     jamming only: margin at 1 NM, dB
 * @param fromSeconds scenario time it starts
 * @param toSeconds   scenario time it ends (exclusive)
 * @param toLat       spoofing to one point: the point (NaN otherwise)
 * @param toLon       spoofing to one point: the point (NaN otherwise)
 * @param offsetNm    spoofing by a shift: how far (0 otherwise)
 * @param bearingDeg  spoofing by a shift: towards where
 */
public record GnssArea(
        String name,
        Kind kind,
        double lat,
        double lon,
        double radiusNm,
        double powerDb,
        double fromSeconds,
        double toSeconds,
        double toLat,
        double toLon,
        double offsetNm,
        double bearingDeg) {
    /** Jamming margin from which the position is lost, dB. */
    public static final double LOSS_MARGIN_DB = 12;
    /** Effect: no change. */
    public static final int NONE = 0;
    /** Effect: integrity degraded (the NIC/NACp out-values hold it). */
    public static final int DEGRADED = 1;
    /** Effect: no position at all. */
    public static final int LOST = 2;
    /** Effect: a false position (the out-values hold it). */
    public static final int SPOOFED = 3;

    public enum Kind {
        JAMMING,
        SPOOFING;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public GnssArea {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (!(radiusNm > 0)) throw new IllegalArgumentException("radius must be > 0");
        if (!(toSeconds > fromSeconds)) throw new IllegalArgumentException("an interference must end after it starts");
        if (kind == Kind.SPOOFING && Double.isNaN(toLat) == (offsetNm == 0))
            throw new IllegalArgumentException("spoofing needs either a point (to) or an offset, not both");
    }

    /** The default power of a jammer of {@code radiusNm}: 6 dB margin at the edge, position lost within half of it. */
    public static double defaultPowerDb(double radiusNm) {
        return 20 * Math.log10(radiusNm) + 6;
    }

    /** Whether it is in force at scenario time {@code t}. */
    public boolean activeAt(double t) {
        return t >= fromSeconds && t < toSeconds;
    }

    /**
     * What this area does at scenario time {@code t} to an aircraft at the position and altitude.
     * @param out for {@link #DEGRADED}: out[0] NIC, out[1] NACp; for {@link #SPOOFED}: out[0] lat, out[1] lon
     * @return {@link #NONE}, {@link #DEGRADED}, {@link #LOST} or {@link #SPOOFED}
     */
    public int effect(double t, double latDeg, double lonDeg, double altitudeFt, double[] out) {
        if (!activeAt(t)) return NONE;
        double dNm = Sphere.distanceM(lat, lon, latDeg, lonDeg) / Units.NM;
        if (dNm > radiusNm) return NONE;
        if (kind == Kind.SPOOFING) {
            if (!Double.isNaN(toLat)) {
                out[0] = toLat;
                out[1] = toLon;
            } else {
                Sphere.destination(latDeg, lonDeg, bearingDeg, offsetNm * Units.NM, out);
            }
            return SPOOFED;
        }
        if (dNm > 1.23 * Math.sqrt(Math.max(0, altitudeFt))) return NONE; // below the jammer's horizon
        double margin = powerDb - 20 * Math.log10(Math.max(1, dNm));
        if (margin < 0) return NONE;
        if (margin >= LOSS_MARGIN_DB) return LOST;
        int steps = 1 + (int) (margin / 2);
        out[0] = Math.max(0, 7 - steps);
        out[1] = Math.max(0, 8 - steps);
        return DEGRADED;
    }
}
