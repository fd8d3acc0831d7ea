package org.vigil.core.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tracking-quality figures of a run, overall or for one sensor situation. Means are NaN when
 * nothing was there to average (written as JSON null). Definitions: docs/METRICS.md.
 *
 * @param ospaMeanM               mean per-instant OSPA, metres
 * @param gospaMean               mean per-instant GOSPA (α = 2), metres
 * @param trackBreaks             changes of the track assigned to a truth, the first assignment excluded
 * @param swaps                   changes of the truth assigned to a track, the first assignment excluded
 * @param falseTracks             tracks unassigned at more than the configured share of their instants
 * @param missedTruth             truth instants without an assigned track while detectable
 * @param positionErrorMeanM      mean distance of assigned track-truth pairs, metres
 * @param initiationLatencyMeanS  mean time from a truth's first detectable instant to its first
 *                                assigned track, seconds, over truths that got one
 * @param initiationLatencyMaxS   the longest of those latencies, seconds
 * @param instantsScored          instants averaged into the OSPA/GOSPA means
 * @param truthInstants           truth states scored
 * @param truthsNeverTracked      detectable truths that never got a track
 */
public record QualityFigures(
        double ospaMeanM,
        double gospaMean,
        long trackBreaks,
        long swaps,
        long falseTracks,
        long missedTruth,
        double positionErrorMeanM,
        double initiationLatencyMeanS,
        double initiationLatencyMaxS,
        long instantsScored,
        long truthInstants,
        long truthsNeverTracked) {

    /** The JSON object of the issue (#5): named keys first, then the counts behind the means. */
    public Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ospa_mean_m", finiteOrNull(ospaMeanM));
        m.put("gospa_mean", finiteOrNull(gospaMean));
        m.put("track_breaks", trackBreaks);
        m.put("swaps", swaps);
        m.put("false_tracks", falseTracks);
        m.put("missed_truth", missedTruth);
        m.put("position_error_mean_m", finiteOrNull(positionErrorMeanM));
        m.put("initiation_latency_mean_s", finiteOrNull(initiationLatencyMeanS));
        m.put("initiation_latency_max_s", finiteOrNull(initiationLatencyMaxS));
        m.put("instants_scored", instantsScored);
        m.put("truth_instants", truthInstants);
        m.put("truths_never_tracked", truthsNeverTracked);
        return m;
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
