package org.vigil.server.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.server.cli.SimCommand;
import picocli.CommandLine;

/** {@code vigil sim SCENARIO --out DIR [--duration] [--seed]}: outputs and manifest; bad files rejected with their line. */
class SimCommandTest {
    @Test
    void writesOutputsAndManifest(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        int code = new CommandLine(new SimCommand())
                .execute("black-sea-2022", "--out", out.toString(), "--duration", "30s", "--seed", "5");
        assertThat(code).isZero();
        JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertThat(m.get("format").asText()).isEqualTo("vigil-sim/1");
        assertThat(m.get("seed").asLong()).isEqualTo(5);
        assertThat(m.get("durationSeconds").asDouble()).isEqualTo(30.0);
        assertThat(m.get("start").asText()).isEqualTo("2022-04-20T09:00:00Z");
        for (JsonNode f : m.get("files"))
            assertThat(out.resolve(f.get("path").asText())).exists();
        assertThat(m.get("qra")).hasSize(4);
        assertThat(Files.readString(out.resolve("flightplans.txt")))
                .contains("(FPL-ROT263/A4521-IS")
                .doesNotContain("LZDBS");
    }

    @Test
    void theEuropeLoadScenarioIsSimulatedFromItsSeed(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("europe");
        int code = new CommandLine(new SimCommand())
                .execute("--europe-load", "300", "--seed", "7", "--out", out.toString(), "--duration", "5s");
        assertThat(code).isZero();
        JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertThat(m.get("scenario").asText()).isEqualTo("europe-300");
        assertThat(m.get("seed").asLong()).isEqualTo(7);
        assertThat(m.get("files")).hasSizeGreaterThan(100); // 54 receivers, 54 radars, flight plans
        assertThat(m.get("flights").asInt()).isGreaterThanOrEqualTo(300);
        // a scenario and --europe-load together are refused
        assertThat(new CommandLine(new SimCommand())
                        .execute(
                                "black-sea-2022",
                                "--europe-load",
                                "300",
                                "--out",
                                tmp.resolve("x").toString()))
                .isEqualTo(2);
    }

    @Test
    void badScenarioFileIsRejectedWithItsLine(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("bad.yaml");
        Files.writeString(file, """
                name: bad
                start: 2022-04-20T09:00:00Z
                duration: 10m
                area: {south: 40, north: 47, west: 21, east: 36}
                radars:
                  - {name: R, sac: 1, sic: 1, position: [43, 27], range: 100, rotation: 5s, secondary: mode-x}
                """);
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = new CommandLine(new SimCommand())
                    .execute(file.toString(), "--out", tmp.resolve("o").toString());
        } finally {
            System.setErr(err);
        }
        assertThat(code).isEqualTo(2);
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains(file + ":6: radars[0].secondary: expected one of none, ssr, mode-s, got 'mode-x'");
        assertThat(tmp.resolve("o")).doesNotExist();
    }
}
