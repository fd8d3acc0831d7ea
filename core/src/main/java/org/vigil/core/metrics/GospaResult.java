package org.vigil.core.metrics;

/**
 * One GOSPA evaluation (α = 2) and its decomposition. The three parts are in the unit of the
 * distance raised to the order p (m² for p = 2) and add up to {@code distance^p}.
 *
 * @param distance     the GOSPA value, in the unit of the distances
 * @param localisation Σ d^p over assigned pairs (each closer than the cut-off c)
 * @param missed       (c^p / 2) × {@code missedCount}
 * @param falseTracks  (c^p / 2) × {@code falseCount}
 * @param assignedCount pairs assigned
 * @param missedCount  truths without an estimate
 * @param falseCount   estimates without a truth
 */
public record GospaResult(
        double distance,
        double localisation,
        double missed,
        double falseTracks,
        int assignedCount,
        int missedCount,
        int falseCount) {

    static GospaResult of(
            double localisation, int missedCount, int falseCount, int assignedCount, double cutoffPow, double order) {
        double missed = cutoffPow / 2 * missedCount;
        double falseTracks = cutoffPow / 2 * falseCount;
        double distance = Math.pow(localisation + missed + falseTracks, 1.0 / order);
        return new GospaResult(distance, localisation, missed, falseTracks, assignedCount, missedCount, falseCount);
    }
}
