package org.vigil.server.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.sim.Scenario;

/**
 * The per-message path (kinematics, ADS-B and radar encoding, truth lines) allocates nothing: the
 * allocation of a long run minus that of a short one, divided by the extra frames, is well under
 * a byte per frame (what remains is per-flight: events of flights appearing and landing).
 */
class SimAllocationTest {
    @Test
    void marginalAllocationPerFrameIsNearZero(@TempDir Path tmp) throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        Scenario sc = ScenarioLoader.load("black-sea-2022");
        SimRunner.run(sc, tmp.resolve("warm"), 300, null); // JIT warm-up
        long a0 = mx.getThreadAllocatedBytes(id);
        SimRunner.Result shortRun = SimRunner.run(sc, tmp.resolve("short"), 300, null);
        long a1 = mx.getThreadAllocatedBytes(id);
        SimRunner.Result longRun = SimRunner.run(sc, tmp.resolve("long"), 1500, null);
        long a2 = mx.getThreadAllocatedBytes(id);
        long extraFrames = longRun.adsbFrames() - shortRun.adsbFrames();
        double perFrame = ((a2 - a1) - (a1 - a0)) / (double) extraFrames;
        assertThat(extraFrames).isGreaterThan(500_000);
        assertThat(perFrame).isLessThan(1.0);
    }
}
