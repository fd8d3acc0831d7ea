package org.vigil.server.kafka;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vigil.server.cli.Vigil;

/** `vigil node` roles started as separate JVMs by the Kafka tests, their output in files of {@code dir}. */
final class NodeProcesses {
    private final Path dir;

    NodeProcesses(Path dir) {
        this.dir = dir;
    }

    /** Starts {@code vigil node ARGS} as its own JVM; stdout to NAME.out, stderr to NAME.err. */
    Process start(String name, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + System.getProperty("vigil.node.xmx", "384m"),
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                Vigil.class.getName(),
                "node"));
        cmd.addAll(List.of(args));
        // to files: a child holding the test JVM's pipes would keep Maven waiting
        return new ProcessBuilder(cmd)
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile())
                .start();
    }

    /** The node's standard output so far. */
    List<String> out(String name) throws Exception {
        Path p = dir.resolve(name + ".out");
        return Files.exists(p) ? Files.readAllLines(p, StandardCharsets.UTF_8) : List.of();
    }

    /** The node's standard error so far (for failure messages). */
    String err(String name) throws Exception {
        Path p = dir.resolve(name + ".err");
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }

    static String[] concat(String[] a, String... b) {
        String[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
