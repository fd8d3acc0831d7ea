package org.vigil.server.theatre;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.gnss.GnssRules;
import org.vigil.server.picture.Picture;

/** The GNSS interference thresholds and area alert are theatre data ({@code gnss:}, docs/GNSS.md), with the defaults. */
class TheatreGnssTest {
    @TempDir
    Path dir;

    private Path theatre(String... extra) throws Exception {
        return TestTheatres.smallTheatre(dir, "gnss", "GNSS settings", extra);
    }

    @Test
    void aTheatreWithoutGnssSettingsGetsTheDefaults() throws Exception {
        assertThat(TheatreLoader.load(theatre().toString()).gnss()).isEqualTo(GnssRules.defaults());
        assertThat(TheatreLoader.load("black-sea-2022").gnss()).isEqualTo(GnssRules.defaults());
    }

    @Test
    void theTheatresGnssSettingsReachThePicture() throws Exception {
        var theatre = TheatreLoader.load(theatre(
                        "gnss:", // 6
                        "  alertOverlapKm2: 800", // 7
                        "  alertAfterSeconds: 60", // 8
                        "  qraBaseKm: 150") // 9
                .toString());
        GnssRules r = theatre.gnss();
        assertThat(r.alertOverlapKm2()).isEqualTo(800);
        assertThat(r.alertAfterSeconds()).isEqualTo(60);
        assertThat(r.qraBaseKm()).isEqualTo(150);
        assertThat(r.cellKm()).isEqualTo(GnssRules.defaults().cellKm());
        assertThat(Picture.builder(theatre).build().gnss().estimator().rules()).isEqualTo(r);
    }

    @Test
    void badGnssSettingsAreProblems() throws Exception {
        List<TheatreProblem> problems = TheatreLoader.check(theatre(
                        "gnss:", // 6
                        "  alertOverlap: 800") // 7: misspelt
                .toString());
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("unknown gnss key: alertOverlap"));
        assertThat(TheatreLoader.check(theatre("gnss: {alertOverlapKm2: -1}").toString()))
                .anySatisfy(p -> assertThat(p.message()).contains("alertOverlapKm2"));
    }
}
