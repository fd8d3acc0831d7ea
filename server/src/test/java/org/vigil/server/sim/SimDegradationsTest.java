package org.vigil.server.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.codec.feed.FrameSink;
import org.vigil.core.sim.Degradation;
import org.vigil.core.sim.Scenario;

/** The degradations one by one on scenario time (docs/SCENARIOS.md "Degradations"). */
class SimDegradationsTest {
    static final long S = 1_000_000_000L;
    final byte[] frame = new byte[14];

    @Test
    void latencyReorderStaleAndDrop() throws Exception {
        Scenario base = ScenarioLoader.load("black-sea-2022");
        String rx = base.receivers().get(0).name(); // index 0
        String radar = base.radars().get(1).name();
        Scenario sc = base.withDegradations(List.of(
                new Degradation(rx, Degradation.Kind.LATENCY, 10, 20, 3),
                new Degradation(rx, Degradation.Kind.REORDER, 30, 40, 1),
                new Degradation(rx, Degradation.Kind.STALE, 50, 60, 30),
                new Degradation(radar, Degradation.Kind.DROP, 70, 80, 0)));
        long start = sc.startEpochSeconds() * S;
        SimDegradations d = new SimDegradations(sc);
        List<Long> out = new ArrayList<>(), stale = new ArrayList<>();
        FrameSink[] sinks = new FrameSink[sc.receivers().size()], staleSinks = new FrameSink[sinks.length];
        sinks[0] = (b, o, l, t, m, s) -> out.add((t - start) / 1_000_000);
        staleSinks[0] = (b, o, l, t, m, s) -> stale.add((t - start) / 1_000_000);

        // latency: held 3 s, then delivered with its own time
        assertThat(d.hold(0, frame, 0, 14, start + 5 * S, 0, 0)).isFalse(); // before the period: through
        assertThat(d.hold(0, frame, 0, 14, start + 10 * S, 0, 0)).isTrue();
        d.release(start + 12 * S, sinks, staleSinks);
        assertThat(out).isEmpty();
        d.release(start + 13 * S, sinks, staleSinks);
        assertThat(out).containsExactly(10_000L);

        // reorder: a 1 s window's frames come at its end, newest first
        out.clear();
        for (long ms : new long[] {30_100, 30_500, 30_900})
            assertThat(d.hold(0, frame, 0, 14, start + ms * 1_000_000, 0, 0)).isTrue();
        d.release(start + 30_950_000_000L, sinks, staleSinks);
        assertThat(out).isEmpty();
        d.release(start + 31 * S, sinks, staleSinks);
        assertThat(out).containsExactly(30_900L, 30_500L, 30_100L);

        // stale: delivered now by the caller, and repeated 30 s later, stamped as new, on the stale feed
        assertThat(d.hold(0, frame, 0, 14, start + 50 * S, 0, 0)).isFalse();
        d.release(start + 79 * S, sinks, staleSinks);
        assertThat(stale).isEmpty();
        d.release(start + 80 * S, sinks, staleSinks);
        assertThat(stale).containsExactly(80_000L);
        assertThat(d.hasStaleFeed(0)).isTrue();
        assertThat(d.hasStaleFeed(1)).isFalse();

        // drop: a radar sends nothing in its period
        assertThat(d.radarDropped(1, 69.9)).isFalse();
        assertThat(d.radarDropped(1, 70)).isTrue();
        assertThat(d.radarDropped(0, 75)).isFalse();
        assertThat(d.radarDropped(1, 80)).isFalse();
        assertThat(d.delayed()).isEqualTo(4);
        assertThat(d.repeated()).isEqualTo(1);
    }

    @Test
    void theLoaderReadsDegradationsAndRefusesBadOnes() throws Exception {
        String yaml = new String(
                SimDegradationsTest.class
                        .getResourceAsStream("/scenarios/black-sea-2022.yaml")
                        .readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        Scenario sc = ScenarioLoader.parse(
                yaml + "\ndegradations:\n  - {sensor: Varna, kind: drop, from: 5m, to: 10m}\n"
                        + "  - {sensor: burgas, kind: latency, from: 2m, to: 4m, delay: 3s}\n",
                "test.yaml");
        assertThat(sc.degradations())
                .containsExactly(
                        new Degradation("Varna", Degradation.Kind.DROP, 300, 600, 0),
                        new Degradation("burgas", Degradation.Kind.LATENCY, 120, 240, 3));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScenarioLoader.parse(
                        yaml + "\ndegradations:\n  - {sensor: Varna, kind: latency, delay: 1s}\n", "test.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("radars can only be dropped");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScenarioLoader.parse(
                        yaml + "\ndegradations:\n  - {sensor: nowhere, kind: drop}\n", "test.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("radar or receiver");
    }
}
