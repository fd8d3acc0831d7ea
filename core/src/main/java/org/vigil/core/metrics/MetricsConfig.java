package org.vigil.core.metrics;

import java.util.Set;

/**
 * Parameters of a tracking-quality evaluation. Immutable; change with the {@code with…} methods.
 *
 * @param cutoffM   OSPA/GOSPA cut-off c in metres, also the gate of the per-instant
 *                  track-to-truth assignment (a pair at c or more is never assigned)
 * @param order     OSPA/GOSPA order p ≥ 1
 * @param distance  how separations are measured
 * @param falseTrackUnassignedFraction a track is false when it was assigned to no truth at more
 *                  than this fraction of the evaluation instants at which it existed, in [0, 1)
 * @param undetectableSituations situation labels under which a truth cannot be seen by any
 *                  sensor: it is then not counted as missed, its initiation clock does not start,
 *                  and it is left out of the run-wide OSPA/GOSPA unless
 *                  {@code setMetricsIncludeUndetectable}
 * @param setMetricsIncludeUndetectable score undetectable truths (and tracks on them) in the
 *                  run-wide OSPA/GOSPA too
 */
public record MetricsConfig(
        double cutoffM,
        double order,
        DistanceMode distance,
        double falseTrackUnassignedFraction,
        Set<String> undetectableSituations,
        boolean setMetricsIncludeUndetectable) {

    /** The situation label of a truth that no sensor covers. */
    public static final String UNCOVERED = "uncovered";

    public MetricsConfig {
        CutoffAssignment.checkParameters(cutoffM, order);
        if (distance == null) throw new IllegalArgumentException("distance mode missing");
        if (!(falseTrackUnassignedFraction >= 0 && falseTrackUnassignedFraction < 1)) {
            throw new IllegalArgumentException(
                    "false-track fraction must be in [0, 1): " + falseTrackUnassignedFraction);
        }
        undetectableSituations = Set.copyOf(undetectableSituations);
    }

    /** c = 10 km, p = 2 (the scoring), horizontal distances, false above 50 % unassigned. */
    public static MetricsConfig defaults() {
        return new MetricsConfig(10_000.0, 2.0, DistanceMode.HORIZONTAL, 0.5, Set.of(UNCOVERED), false);
    }

    public MetricsConfig withCutoffM(double c) {
        return new MetricsConfig(
                c,
                order,
                distance,
                falseTrackUnassignedFraction,
                undetectableSituations,
                setMetricsIncludeUndetectable);
    }

    public MetricsConfig withOrder(double p) {
        return new MetricsConfig(
                cutoffM,
                p,
                distance,
                falseTrackUnassignedFraction,
                undetectableSituations,
                setMetricsIncludeUndetectable);
    }

    public MetricsConfig withDistance(DistanceMode d) {
        return new MetricsConfig(
                cutoffM, order, d, falseTrackUnassignedFraction, undetectableSituations, setMetricsIncludeUndetectable);
    }

    public MetricsConfig withFalseTrackUnassignedFraction(double f) {
        return new MetricsConfig(cutoffM, order, distance, f, undetectableSituations, setMetricsIncludeUndetectable);
    }

    public MetricsConfig withUndetectableSituations(Set<String> labels) {
        return new MetricsConfig(
                cutoffM, order, distance, falseTrackUnassignedFraction, labels, setMetricsIncludeUndetectable);
    }

    public MetricsConfig withSetMetricsIncludeUndetectable(boolean include) {
        return new MetricsConfig(
                cutoffM, order, distance, falseTrackUnassignedFraction, undetectableSituations, include);
    }
}
