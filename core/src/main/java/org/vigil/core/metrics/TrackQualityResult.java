package org.vigil.core.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of a {@link TrackQualityEvaluator} run. Immutable.
 *
 * @param overall     figures over all truths and tracks
 * @param bySituation figures per truth situation label, in label order; false tracks that were
 *                    never on any truth are listed under {@link TrackQualityEvaluator#NO_TRUTH}
 * @param rejections  inputs refused, by reason, in a fixed order (see the evaluator)
 */
public record TrackQualityResult(
        QualityFigures overall, Map<String, QualityFigures> bySituation, Map<String, Long> rejections) {

    public TrackQualityResult {
        bySituation = Collections.unmodifiableMap(new LinkedHashMap<>(bySituation));
        rejections = Collections.unmodifiableMap(new LinkedHashMap<>(rejections));
    }

    /**
     * The metrics JSON object of issue #5 as nested maps (LinkedHashMap, deterministic order) for
     * any JSON writer: the overall keys, then {@code by_situation: {label: {same keys}}}, then
     * {@code rejected: {reason: count}}. Undefined means are null.
     */
    public Map<String, Object> toJsonMap() {
        Map<String, Object> m = overall.toJsonMap();
        Map<String, Object> situations = new LinkedHashMap<>();
        bySituation.forEach((label, f) -> situations.put(label, f.toJsonMap()));
        m.put("by_situation", situations);
        m.put("rejected", new LinkedHashMap<>(rejections));
        return m;
    }
}
