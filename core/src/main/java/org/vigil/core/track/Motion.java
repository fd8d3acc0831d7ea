package org.vigil.core.track;

/**
 * Which motion models the tracker runs ({@link TrackerConfig#motion}). Each carries the name used
 * on the command line, in configuration and in replay reports ("imm", "cv").
 */
public enum Motion {
    /** Interacting multiple models: constant velocity and coordinated turn. */
    IMM("imm"),
    /** A single constant-velocity Kalman filter: the baseline. */
    CV("cv");

    private final String label;

    Motion(String label) {
        this.label = label;
    }

    /** The external name ("imm", "cv"). */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** The motion of external name {@code label}; throws for anything else. */
    public static Motion of(String label) {
        for (Motion m : values()) {
            if (m.label.equals(label)) return m;
        }
        throw new IllegalArgumentException("motion must be imm or cv: " + label);
    }
}
