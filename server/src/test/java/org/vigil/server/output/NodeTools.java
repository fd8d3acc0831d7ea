package org.vigil.server.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Third-party parsers the output tests run with the machine's Node.js: the packages of
 * {@code src/test/node/package.json} (test scope only, never shipped), installed with {@code npm ci}
 * when node_modules does not match package-lock.json, as the console's build does. Without node the
 * calling test is skipped, saying why.
 */
public final class NodeTools {
    public static final Path DIR = Path.of("src/test/node").toAbsolutePath();
    private static boolean installed;

    private NodeTools() {}

    /** Skips the calling test when node or npm is absent; installs the test packages once per JVM. */
    public static synchronized void require() throws IOException, InterruptedException {
        Assumptions.assumeTrue(
                works("node", "--version") && works("npm", "--version"),
                "Node.js (node and npm) is not on the PATH: the third-party TAK/Prometheus parsers cannot run");
        if (installed) return;
        Path stamp = DIR.resolve("node_modules/.vigil-lock-sha256");
        String want = sha256(Files.readAllBytes(DIR.resolve("package-lock.json")));
        if (!Files.exists(stamp) || !Files.readString(stamp).trim().equals(want)) {
            Process p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                    .directory(DIR.toFile())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("npm ci finished").isTrue();
            assertThat(p.exitValue()).as("npm ci in %s: %s", DIR, out).isZero();
            Files.writeString(stamp, want + "\n");
        }
        installed = true;
    }

    /** Runs {@code node script args...} in {@link #DIR} with {@code stdin}; its standard output (exit 0 asserted). */
    public static String run(String script, byte[] stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("node", script));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile("vigil-node", ".err");
        try {
            Process p = new ProcessBuilder(cmd)
                    .directory(DIR.toFile())
                    .redirectError(err.toFile())
                    .start();
            // the script reads all of stdin before it writes: no dead-lock on the pipes
            try (var in = p.getOutputStream()) {
                in.write(stdin);
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(2, TimeUnit.MINUTES))
                    .as("node %s finished", script)
                    .isTrue();
            assertThat(p.exitValue())
                    .as("node %s: %s", script, Files.readString(err))
                    .isZero();
            return out;
        } finally {
            Files.deleteIfExists(err);
        }
    }

    private static boolean works(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
