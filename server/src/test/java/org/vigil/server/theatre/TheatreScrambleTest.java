package org.vigil.server.theatre;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.qra.scramble.ScrambleConfig;

/** The scramble workflow's thresholds are theatre data ({@code scramble:}), with the documented defaults. */
class TheatreScrambleTest {
    @TempDir
    Path dir;

    private Path theatre(String... extra) throws Exception {
        return TestTheatres.smallTheatre(dir, "scrambles", "Scramble settings", extra);
    }

    @Test
    void aTheatreWithoutScrambleSettingsGetsTheDefaults() throws Exception {
        assertThat(TheatreLoader.load(theatre().toString()).scrambles()).isEqualTo(ScrambleConfig.defaults());
        assertThat(TheatreLoader.load("baltic").scrambles()).isEqualTo(ScrambleConfig.defaults());
    }

    @Test
    void theTheatresScrambleSettingsOverrideTheDefaultsFieldByField() throws Exception {
        ScrambleConfig c = TheatreLoader.load(theatre(
                                "scramble:", // 6
                                "  causes: [no-transponder, squawk-7500]", // 7
                                "  max-priority: 2", // 8
                                "  trail-nm: 0.5", // 9
                                "  subsonic-only: true", // 10
                                "  hold-nm: 5", // 11
                                "  landed-agl-ft: 1500") // 12
                        .toString())
                .scrambles();
        ScrambleConfig d = ScrambleConfig.defaults();
        assertThat(c.causes()).containsExactlyInAnyOrder("no-transponder", "squawk-7500");
        assertThat(c.maxPriority()).isEqualTo(2);
        assertThat(c.options().trailNm()).isEqualTo(0.5);
        assertThat(c.options().subsonicOnly()).isTrue();
        assertThat(c.holdNm()).isEqualTo(5);
        assertThat(c.landedAglFt()).isEqualTo(1500);
        // not given: the defaults
        assertThat(c.resolveS()).isEqualTo(d.resolveS());
        assertThat(c.interceptNm()).isEqualTo(d.interceptNm());
        assertThat(c.shadowAfterS()).isEqualTo(d.shadowAfterS());
        assertThat(c.landedNm()).isEqualTo(d.landedNm());
        assertThat(c.warrants("no-flight-plan", 3)).isFalse();
        assertThat(c.warrants("anything", 2)).isTrue();
    }

    @Test
    void badScrambleSettingsAreNamedWithFileLineAndField() throws Exception {
        Path t = theatre(
                "scramble:", // 6
                "  max-priority: 1.5", // 7
                "  trail-nm: far", // 8
                "  subsonic-only: perhaps", // 9
                "  hold-nm: 1", // 10: below the default intercept-nm 1.5
                "  resolv-s: 10"); // 11: misspelt
        List<TheatreProblem> problems = TheatreLoader.check(t.toString());
        assertThat(problems)
                .extracting(p -> p.line() + " " + p.field())
                .contains(
                        "7 scramble.max-priority",
                        "8 scramble.trail-nm",
                        "9 scramble.subsonic-only",
                        "10 scramble.hold-nm",
                        "11 scramble.resolv-s");
        assertThat(problems).allMatch(p -> p.file().endsWith("theatre.yaml"));
    }
}
