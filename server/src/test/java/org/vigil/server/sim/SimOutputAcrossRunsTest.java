package org.vigil.server.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigil sim black-sea-2022 --out A} and {@code --out B}, each in its own JVM, give
 * byte-identical directories, manifest.json included. Separate JVMs matter: some orders (Map.of,
 * identity hash codes) are the same within one JVM and change from one JVM to the next, so an
 * in-process comparison (SimDeterminismTest) cannot see them. Three runs make a chance agreement
 * of such an order unlikely.
 */
class SimOutputAcrossRunsTest {
    @Test
    void threeProcessesWriteTheSameBytes(@TempDir Path tmp) throws Exception {
        Path a = sim(tmp.resolve("a")), b = sim(tmp.resolve("b")), c = sim(tmp.resolve("c"));
        List<String> names = names(a);
        assertThat(names).contains("manifest.json", "truth.jsonl", "flightplans.txt");
        assertThat(names(b)).isEqualTo(names);
        assertThat(names(c)).isEqualTo(names);
        for (String n : names) {
            byte[] first = Files.readAllBytes(a.resolve(n));
            assertThat(first).as(n).isNotEmpty();
            assertThat(Files.readAllBytes(b.resolve(n))).as(n + " of run b").isEqualTo(first);
            assertThat(Files.readAllBytes(c.resolve(n))).as(n + " of run c").isEqualTo(first);
        }
    }

    /** Runs {@code vigil sim} in a fresh JVM with this test's class path; a short duration keeps it fast. */
    private static Path sim(Path out) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.vigil.server.cli.Vigil",
                "sim",
                "black-sea-2022",
                "--out",
                out.toString(),
                "--duration",
                "30s"));
        Path log = out.resolveSibling(out.getFileName() + ".log");
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("vigil sim finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(log)).isZero();
        return out;
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
