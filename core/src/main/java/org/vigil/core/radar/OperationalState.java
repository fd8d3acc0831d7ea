package org.vigil.core.radar;

/** A radar's state as operators see it, from its CAT034 system status (I034/050). */
public enum OperationalState {
    /** No system status received yet. */
    UNKNOWN("unknown"),
    /** Released for operational use, no overload or monitoring problem reported. */
    OPERATIONAL("operational"),
    /** Released, but reporting overload, lost monitoring or an invalid time source. */
    DEGRADED("degraded"),
    /** Operational use inhibited (NOGO): do not trust its plots. */
    NOGO("nogo");

    public final String label;

    OperationalState(String label) {
        this.label = label;
    }
}
