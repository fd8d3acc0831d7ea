package org.vigil.server.qra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigil.server.cli.VigilRun;

/** {@code vigil theatre responsiveness}: the weekly report of the Baltic rotations, and a bad period refused. */
class WeeklyResponsivenessCommandTest {
    @Test
    void weeklyReportOfTheBalticRotations() {
        VigilRun r = VigilRun.of(
                "theatre",
                "responsiveness",
                "baltic",
                "--from",
                "2015-04-27",
                "--to",
                "2015-05-10",
                "--level",
                "350",
                "--speed",
                "300",
                "--resolution",
                "25");
        System.out.println(r.out());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("2015-04-27..2015-05-03", "2015-05-04..2015-05-10")
                .contains("rotation change 2015-05-01:")
                .contains("EEEI=[GB EUFI x2 QRA-15]");
    }

    @Test
    void aPeriodEndingBeforeItStartsIsAnErrorNotACrash() {
        VigilRun r = VigilRun.of("theatre", "responsiveness", "baltic", "--from", "2015-05-10", "--to", "2015-04-27");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("before it starts").doesNotContain("\tat ");
    }
}
