package org.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.server.sim.ScenarioLoader;
import org.vigil.server.sim.SimRunner;
import picocli.CommandLine;

/** `vigil replay DIR` on two minutes of `vigil sim` output prints what came through. */
class ReplayCommandTest {
    @TempDir
    Path dir;

    @Test
    void replaysASimDirectoryAndPrintsTheSummary() throws Exception {
        SimRunner.Result sim = SimRunner.run(ScenarioLoader.load("black-sea-2022"), dir, 120, null);
        JsonNode manifest =
                new ObjectMapper().readTree(dir.resolve(SimRunner.MANIFEST).toFile());
        long markers = 0, plots = 0;
        for (JsonNode f : manifest.get("files")) {
            markers += f.path("northMarkers").asLong();
            plots += f.path("plots").asLong() + f.path("clutterPlots").asLong(); // clutter decodes as plots too
        }

        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = new CommandLine(new ReplayCommand()).execute(dir.toString());
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(code).as(out).isZero();
        assertThat(out).contains("Replay of scenario black-sea-2022 from 2022-04-20T09:00:00Z");
        assertThat(out)
                .contains(String.format(Locale.ROOT, "%,d radar plots, %,d radar service messages", plots, markers));
        // every frame written is decoded once or counted as a copy of one heard by another receiver
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "([\\d,]+) frames decoded \\(([\\d,]+) copies from other receivers\\)")
                .matcher(out);
        assertThat(m.find()).as(out).isTrue();
        long decoded = Long.parseLong(m.group(1).replace(",", ""));
        long copies = Long.parseLong(m.group(2).replace(",", ""));
        assertThat(decoded + copies).isEqualTo(sim.adsbFrames());
        assertThat(copies)
                .as("six receivers with overlapping cover hear the same transmissions")
                .isPositive();
        assertThat(out).containsPattern("adsb-\\S+\\.beast +adsb +beast");
        assertThat(out).containsPattern("\\d+ flight plans active");
        assertThat(out).doesNotContain("rejected");
    }

    @Test
    void aMissingManifestIsReportedNotThrown() {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = new CommandLine(new ReplayCommand()).execute(dir.toString());
        } finally {
            System.setErr(old);
        }
        assertThat(code).isEqualTo(2);
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("no manifest.json");
    }
}
