package org.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.ident.Cause;
import picocli.CommandLine;

/**
 * {@code vigil bench false-alerts} end to end on a few minutes of light traffic (the real figures
 * come from the command itself, docs/IDENTIFICATION.md): the busy scenario is simulated, replayed
 * through the picture, and the report has every rule, the civil flight-hours and the scripted alerts.
 */
class BenchFalseAlertsCommandTest {
    @TempDir
    Path dir;

    @Test
    void benchReportsEveryRuleAndTheScriptedAlerts() throws Exception {
        Path out = dir.resolve("report.md");
        int code = new CommandLine(new Vigil())
                .execute(
                        "bench",
                        "false-alerts",
                        "--theatre",
                        "black-sea-2022",
                        "--seeds",
                        "1",
                        "--hours",
                        "0.12",
                        "--per-hour",
                        "20",
                        "--ga-per-hour",
                        "20",
                        "--work",
                        dir.toString(),
                        "--out",
                        out.toString());
        assertThat(code).isZero();
        String report = Files.readString(out);
        for (Cause c : Cause.values()) assertThat(report).contains("| `" + c.id + "` |");
        assertThat(report).contains("per 1,000 civil flight-hours", "| black-sea-2022 | 1 | 0.12 |");
        // the default scenario's first scripted alerts fall in the first 7 minutes: LZDBS without a plan, the Il-20
        assertThat(report)
                .contains("LZDBS/450A11 | `no-flight-plan` | appears |", "/155F01 | `no-transponder` | appears |");
        assertThat(Files.isDirectory(dir.resolve("black-sea-2022-1"))).isTrue();
    }

    /** The report of two seeds of a few minutes of light traffic, on {@code jobs} threads, without its wall-time column. */
    private String twoSeeds(int jobs) throws Exception {
        Path out = dir.resolve("report-" + jobs + ".md");
        int code = new CommandLine(new Vigil())
                .execute(
                        "bench",
                        "false-alerts",
                        "--seeds",
                        "2",
                        "--hours",
                        "0.05",
                        "--per-hour",
                        "20",
                        "--ga-per-hour",
                        "10",
                        "--jobs",
                        Integer.toString(jobs),
                        "--out",
                        out.toString());
        assertThat(code).isZero();
        // | theatre | seed | hours | flights | flight-hours | airports | radars | inputs | wall s | false alerts |
        return Files.readString(out)
                .replaceAll("(?m)^(\\| black-sea-2022 \\| \\d \\| (?:[^|]*\\|){6})[^|]*\\|", "$1 |");
    }

    @Test
    void parallelRunsGiveTheSameReportInTheSameOrder() throws Exception {
        String parallel = twoSeeds(2);
        assertThat(parallel).contains("--jobs 2`"); // the command line is in the report
        assertThat(parallel.indexOf("| black-sea-2022 | 1 |"))
                .isPositive()
                .isLessThan(parallel.indexOf("| black-sea-2022 | 2 |"));
        assertThat(parallel.replace(" --jobs 2", "")).isEqualTo(twoSeeds(1));
    }
}
