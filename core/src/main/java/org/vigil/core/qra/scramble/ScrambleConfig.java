package org.vigil.core.qra.scramble;

import java.util.Set;
import org.vigil.core.qra.InterceptOptions;

/**
 * What makes an alert worth a scramble recommendation and how the intercept is followed.
 *
 * @param causes          alert causes (rule names, e.g. "no-transponder") that warrant a recommendation
 * @param maxPriority     any alert at this priority or more urgent (1 = most urgent) also warrants one
 * @param options         intercept planning options (trail behind the target, supersonic rules)
 * @param resolveS        how often a flying scramble is re-solved against the target's latest track, seconds
 * @param interceptNm     the fighter counts as "in trail" (INTERCEPT) within this distance behind the target's beam
 * @param shadowAfterS    held within {@code holdNm} for this long after the intercept: SHADOW
 * @param holdNm          distance to the target that counts as holding station
 * @param landedNm        within this distance of its base and below {@code landedAglFt}: LANDED
 * @param landedAglFt     height above the base that counts as landed
 * @param replan          when a target's change re-plans its recommendations and scrambles (docs/QRA.md "Re-planning")
 * @param uncertainty     how the intercept time's interval is worked out
 * @param primaryOnlyLevelFt the level a target without an altitude (primary radar only) is planned at
 */
public record ScrambleConfig(
        Set<String> causes,
        int maxPriority,
        InterceptOptions options,
        double resolveS,
        double interceptNm,
        double shadowAfterS,
        double holdNm,
        double landedNm,
        double landedAglFt,
        Replan replan,
        Uncertainty uncertainty,
        double primaryOnlyLevelFt) {
    /** Classpath resource of the default workflow settings. */
    public static final String DEFAULT_SETTINGS = "/qra/scramble.yaml";

    /**
     * Re-planning thresholds: a target change of {@code courseDeg}, {@code speedKt} or {@code levelFt}
     * from the state of the last plan, or {@code everyS} since it, re-plans; a re-plan is announced
     * when the intercept time moved by {@code announceS}, its point by {@code announceNm}, the best
     * unit changed or feasibility flipped.
     */
    public record Replan(
            double courseDeg, double speedKt, double levelFt, double everyS, double announceS, double announceNm) {
        public Replan {
            if (!(courseDeg > 0) || !(speedKt > 0) || !(levelFt > 0) || !(everyS > 0))
                throw new IllegalArgumentException("re-plan thresholds must be > 0");
            if (!(announceS >= 0) || !(announceNm >= 0))
                throw new IllegalArgumentException("announce thresholds must be >= 0");
        }
    }

    /**
     * The interval an intercept time carries: {@code sigmas} times the spread of the intercept over
     * the target track's covariance, widened (root sum of squares) by {@code modelFloor} times the
     * intercept time and by {@code conversionS}, what the plan's point model leaves out of the
     * flown intercept whatever its length (the turn to the target's stern, the capture distance)
     * (docs/QRA.md "Uncertainty").
     */
    public record Uncertainty(double sigmas, double modelFloor, double conversionS) {
        public Uncertainty {
            if (!(sigmas > 0) || !(modelFloor >= 0 && modelFloor < 1) || !(conversionS >= 0 && conversionS <= 600))
                throw new IllegalArgumentException(
                        "uncertainty needs sigmas > 0, 0 <= model floor < 1 and 0 <= conversion s <= 600");
        }
    }

    public ScrambleConfig {
        causes = Set.copyOf(causes);
        if (options == null) throw new IllegalArgumentException("intercept options required");
        if (!(resolveS > 0)) throw new IllegalArgumentException("re-solve interval must be > 0 s");
        if (!(interceptNm > 0) || !(holdNm >= interceptNm))
            throw new IllegalArgumentException("need 0 < intercept NM <= hold NM");
        if (replan == null) throw new IllegalArgumentException("re-plan thresholds required");
        if (uncertainty == null) throw new IllegalArgumentException("uncertainty settings required");
        if (!(primaryOnlyLevelFt >= 0 && primaryOnlyLevelFt <= 60_000))
            throw new IllegalArgumentException("primary-only level must be in 0..60000 ft");
    }

    /**
     * The causes of domain brief 1.2 (no transponder, no flight plan, no radio contact) plus the
     * airspace and hijack rules; priority 1 always; 1 NM in trail, planned as flown: subsonic with a
     * supersonic dash at the end as far as the fuel allows;
     * re-planning and the primary-only level from {@link #DEFAULT_SETTINGS}.
     */
    public static ScrambleConfig defaults() {
        return new ScrambleConfig(
                Set.of(
                        "no-transponder",
                        "no-flight-plan",
                        "radio-contact-lost",
                        "no-reply-to-controller",
                        "approaching-national-airspace",
                        "inside-national-airspace",
                        "military-without-clearance",
                        "squawk-7500"),
                1,
                InterceptOptions.defaults().withDashAtEnd(true),
                10,
                1.5,
                60,
                3,
                3,
                2000,
                SETTINGS.replan(),
                SETTINGS.uncertainty(),
                SETTINGS.primaryOnlyLevelFt());
    }

    /** The settings file's part of the configuration (read once). */
    private static final ScrambleSettings SETTINGS = ScrambleSettings.resource(DEFAULT_SETTINGS);

    /** True when an alert of this cause and priority gets a recommendation. */
    public boolean warrants(String cause, int priority) {
        return causes.contains(cause) || (priority > 0 && priority <= maxPriority);
    }
}
