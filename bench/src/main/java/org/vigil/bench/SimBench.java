package org.vigil.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.vigil.core.sim.Scenario;
import org.vigil.server.sim.ScenarioLoader;
import org.vigil.server.sim.SimRunner;

/**
 * Scenario simulator throughput: runs each named scenario (default black-sea-2022 for 1 h and
 * load-5000 for 10 min) {@code passes} times writing all outputs into a temporary directory and
 * reports simulated seconds per wall second. Needs vigil-server on the bench classpath.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.vigil.bench.SimBench [passes]</pre>
 */
public final class SimBench {
    private SimBench() {}

    public static void main(String[] args) throws Exception {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        run("black-sea-2022", 3600, passes);
        run("load-5000", 600, passes);
    }

    private static void run(String name, double seconds, int passes) throws Exception {
        Scenario sc = ScenarioLoader.load(name);
        for (int p = 0; p < passes; p++) {
            Path dir = Files.createTempDirectory("vigil-simbench");
            long t0 = System.nanoTime();
            SimRunner.Result r = SimRunner.run(sc, dir, seconds, null);
            double wall = (System.nanoTime() - t0) / 1e9;
            System.out.printf(
                    "%s pass %d: %.0f s simulated in %.2f s = %.0f simulated s per wall s (%d ADS-B frames, %d plots)%n",
                    name, p + 1, seconds, wall, seconds / wall, r.adsbFrames(), r.radarPlots());
            try (var files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) Files.delete(f);
            }
            Files.delete(dir);
        }
    }
}
