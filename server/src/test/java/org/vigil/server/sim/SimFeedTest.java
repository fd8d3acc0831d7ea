package org.vigil.server.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.codec.modes.ModeSDecoder;
import org.vigil.codec.modes.ModeSMessage;
import org.vigil.core.sim.Scenario;

/** The live feed gives the pipeline decodable frames in time order, with scenario-based timestamps. */
class SimFeedTest {
    @Test
    void liveFramesDecodeInTimeOrderFromTheScenarioStart() throws Exception {
        Scenario sc = ScenarioLoader.load("black-sea-2022");
        SimFeed feed = new SimFeed(sc);
        long start = sc.startEpochSeconds() * 1_000_000_000L;
        long[] last = {start}, count = {0};
        Set<Integer> addresses = new HashSet<>();
        ModeSMessage m = new ModeSMessage();
        for (double t = 1; t <= 60; t += 1) {
            feed.advanceTo(t, (buf, off, len, nanos, mlat, signal) -> {
                assertThat(ModeSDecoder.decode(buf, off, len, nanos, m)).isTrue();
                assertThat(m.crcOk).isTrue();
                assertThat(nanos).isGreaterThanOrEqualTo(last[0]).isLessThan(start + 61_000_000_000L);
                last[0] = nanos;
                addresses.add(m.icao);
                count[0]++;
            });
        }
        assertThat(count[0]).isGreaterThan(5_000);
        assertThat(addresses).hasSizeGreaterThan(30).doesNotContain(0x155F01); // the dark aircraft stays dark
        assertThat(feed.simulation().time()).isEqualTo(60.0);
    }
}
