package org.vigil.core.ident;

/** Alert lifecycle. Only forward: RAISED → ACKNOWLEDGED → ASSIGNED → RESOLVED (steps may be skipped, never undone). */
public enum AlertState {
    RAISED,
    ACKNOWLEDGED,
    ASSIGNED,
    RESOLVED;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
