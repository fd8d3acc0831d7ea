package org.vigil.core.airspace;

import java.util.Arrays;
import org.locationtech.jts.geom.Geometry;

/**
 * One configured airspace zone: a lon/lat area, a vertical band and the periods when it is active.
 *
 * <p>Vertical band: {@code lowerFt <= altitude <= upperFt}, in feet (flight levels converted at
 * 100 ft per FL; the model does not distinguish pressure altitude from AMSL, see
 * docs/AIRSPACE.md). SFC/GND is {@code -infinity} so that a track reporting a slightly negative
 * altitude is still inside; UNL is {@code +infinity}. A NaN altitude (not reported) is treated as
 * inside the band: an unknown altitude must not hide an aircraft from a zone.
 *
 * <p>Activation: half-open periods {@code [from, to)} in Unix epoch nanoseconds (UTC), sorted and
 * non-overlapping; no periods means permanently active (H24). Immutable.
 */
public final class Zone {
    private final String id;
    private final String name;
    private final ZoneKind kind;
    private final double lowerFt;
    private final double upperFt;
    private final long[] activeFrom;
    private final long[] activeTo;
    private final Geometry area;

    public Zone(
            String id,
            String name,
            ZoneKind kind,
            double lowerFt,
            double upperFt,
            long[] activeFrom,
            long[] activeTo,
            Geometry area) {
        if (!(lowerFt <= upperFt)) throw new AirspaceDataException("zone " + id + ": lower limit above upper limit");
        if (activeFrom.length != activeTo.length) throw new IllegalArgumentException("period arrays differ in length");
        for (int i = 0; i < activeFrom.length; i++) {
            if (activeFrom[i] >= activeTo[i])
                throw new AirspaceDataException("zone " + id + ": period " + i + " ends before it starts");
            if (i > 0 && activeFrom[i] < activeTo[i - 1]) {
                throw new AirspaceDataException("zone " + id + ": periods must be in order and not overlap");
            }
        }
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.lowerFt = lowerFt;
        this.upperFt = upperFt;
        this.activeFrom = activeFrom.clone();
        this.activeTo = activeTo.clone();
        this.area = area;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public ZoneKind kind() {
        return kind;
    }

    public double lowerFt() {
        return lowerFt;
    }

    public double upperFt() {
        return upperFt;
    }
    /** Lon/lat polygon(s), x = lon. */
    public Geometry area() {
        return area;
    }

    public int periodCount() {
        return activeFrom.length;
    }

    public long periodFromNanos(int i) {
        return activeFrom[i];
    }

    public long periodToNanos(int i) {
        return activeTo[i];
    }

    /** Active at this instant (always, when no periods are configured). Allocation-free. */
    public boolean isActive(long timeNanos) {
        if (activeFrom.length == 0) return true;
        for (int i = 0; i < activeFrom.length; i++) {
            if (timeNanos < activeFrom[i]) return false; // sorted: nothing later can contain it
            if (timeNanos < activeTo[i]) return true;
        }
        return false;
    }

    @Override
    public String toString() {
        return "Zone[" + id + " " + kind + " " + lowerFt + ".." + upperFt + " ft, periods "
                + Arrays.toString(activeFrom) + "]";
    }
}
