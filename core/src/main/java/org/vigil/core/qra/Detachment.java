package org.vigil.core.qra;

/**
 * A QRA unit: aircraft of one type at one base under one readiness state. Immutable; the
 * {@link Posture} replaces it on every change.
 *
 * @param id                     stable identifier ("NL-F35-LBPG")
 * @param nation                 ISO 3166 alpha-2 code of the operating nation
 * @param base                   where it launches from (and returns to)
 * @param aircraftType           key of its {@link AircraftProfile}
 * @param count                  aircraft on alert; 0 makes it unavailable
 * @param readiness              readiness state
 * @param cap                    CAP station when {@code readiness} is AIRBORNE_CAP, otherwise null
 * @param rotation               deployment period, or null for a permanent national QRA
 * @param timeToAirborneOverrideS if finite, replaces the readiness state's default launch time
 */
public record Detachment(
        String id,
        String nation,
        Base base,
        String aircraftType,
        int count,
        Readiness readiness,
        CapStation cap,
        Rotation rotation,
        double timeToAirborneOverrideS) {
    public Detachment {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("detachment needs an id");
        if (base == null) throw new IllegalArgumentException("detachment " + id + " needs a base");
        if (aircraftType == null || aircraftType.isBlank())
            throw new IllegalArgumentException("detachment " + id + " needs an aircraft type");
        if (count < 0) throw new IllegalArgumentException("detachment " + id + ": negative aircraft count");
        if (readiness == null) throw new IllegalArgumentException("detachment " + id + " needs a readiness state");
        if (readiness == Readiness.AIRBORNE_CAP && cap == null) {
            throw new IllegalArgumentException("detachment " + id + " is AIRBORNE-CAP but has no CAP station");
        }
        if (readiness != Readiness.AIRBORNE_CAP) cap = null;
        if (!Double.isNaN(timeToAirborneOverrideS) && !(timeToAirborneOverrideS >= 0)) {
            throw new IllegalArgumentException("detachment " + id + ": time to airborne must be >= 0 s");
        }
    }

    /** Convenience for a permanent detachment with the readiness state's default launch time. */
    public static Detachment of(String id, String nation, Base base, String type, int count, Readiness readiness) {
        return new Detachment(id, nation, base, type, count, readiness, null, null, Double.NaN);
    }

    /** Time from scramble order to airborne, seconds; NaN when unavailable. */
    public double timeToAirborneS() {
        if (readiness == Readiness.UNAVAILABLE) return Double.NaN;
        return Double.isNaN(timeToAirborneOverrideS) ? readiness.timeToAirborneS() : timeToAirborneOverrideS;
    }

    /** Why it cannot be tasked at {@code epochMs}, or null if it can. */
    public NoInterceptReason unavailability(long epochMs) {
        if (readiness == Readiness.UNAVAILABLE) return NoInterceptReason.UNIT_UNAVAILABLE;
        if (count == 0) return NoInterceptReason.NO_AIRCRAFT;
        if (rotation != null && !rotation.covers(epochMs)) return NoInterceptReason.OUTSIDE_ROTATION;
        return null;
    }

    public Detachment withBase(Base newBase) {
        return new Detachment(
                id, nation, newBase, aircraftType, count, readiness, cap, rotation, timeToAirborneOverrideS);
    }

    public Detachment withReadiness(Readiness r, CapStation station) {
        return new Detachment(id, nation, base, aircraftType, count, r, station, rotation, timeToAirborneOverrideS);
    }

    public Detachment withCount(int n) {
        return new Detachment(id, nation, base, aircraftType, n, readiness, cap, rotation, timeToAirborneOverrideS);
    }
}
