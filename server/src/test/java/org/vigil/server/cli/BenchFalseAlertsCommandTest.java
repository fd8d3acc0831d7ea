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
}
