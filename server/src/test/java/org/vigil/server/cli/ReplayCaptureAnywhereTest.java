package org.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.server.sim.ScenarioLoader;
import org.vigil.server.sim.SimRunner;
import picocli.CommandLine;

/**
 * {@code vigil replay capture.beast} without {@code --radar-config}: ADS-B is tracked wherever the
 * traffic is (issue 20 item 4: it once refused every position as outside the tracker's area).
 */
class ReplayCaptureAnywhereTest {
    @TempDir
    Path dir;

    @Test
    void aBeastCaptureWithoutRadarConfigurationIsTracked() throws Exception {
        SimRunner.run(ScenarioLoader.load("black-sea-2022"), dir, 180, null);
        List<Path> beast;
        try (Stream<Path> s = Files.list(dir)) {
            beast = s.filter(p -> p.toString().endsWith(".beast")).sorted().toList();
        }
        assertThat(beast).isNotEmpty();
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = new CommandLine(new ReplayCommand())
                    .execute(beast.stream().map(Path::toString).toArray(String[]::new));
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(code).as(out).isZero();
        Matcher m = Pattern.compile("(\\d+) tracks live, (\\d+) confirmed").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        assertThat(Integer.parseInt(m.group(2))).as(out).isGreaterThan(10);
        Matcher refused = Pattern.compile("modes_out_of_area=(\\d+)").matcher(out);
        if (refused.find()) assertThat(Long.parseLong(refused.group(1))).as(out).isZero();
    }
}
