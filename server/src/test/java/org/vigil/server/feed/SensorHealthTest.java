package org.vigil.server.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.core.event.SensorEvent;
import org.vigil.core.event.VigilEvent;

/** The health rules one by one, on a clock given by hand (docs/HEALTH.md). */
class SensorHealthTest {
    static final long S = 1_000_000_000L;

    @Test
    void crcErrorsAboveTheShareDegradeAFeedAndItRecoversWhenTheyStop() {
        List<VigilEvent> events = new ArrayList<>();
        SensorHealth h = new SensorHealth(new SensorHealth.Config(30, 0.5, 50, 20), events::add);
        int rx = h.source("rx", SensorHealth.ADSB);
        long t = 0;
        for (; t < 10 * S; t += S) {
            for (int i = 0; i < 10; i++) {
                h.heard(rx, t);
                h.frame(rx, true);
            }
            for (int i = 0; i < 30; i++) h.frame(rx, false); // 75 % fail their CRC
            h.evaluate(t);
        }
        assertThat(h.state(rx)).isEqualTo(SensorHealth.DEGRADED);
        assertThat(h.statuses().get(0).reason()).isEqualTo("CRC errors 75 %");
        for (; t < 40 * S; t += S) {
            for (int i = 0; i < 10; i++) {
                h.heard(rx, t);
                h.frame(rx, true);
            }
            h.evaluate(t);
        }
        assertThat(h.state(rx)).isEqualTo(SensorHealth.UP);
        assertThat(events)
                .extracting(e -> ((SensorEvent.StatusChanged) e).state())
                .containsExactly("degraded", "up");
    }

    @Test
    void aRadarMissingTwoRotationsIsDegradedThenLostAfterTheTimeoutAndBackWithItsData() {
        List<VigilEvent> events = new ArrayList<>();
        SensorHealth h = new SensorHealth(SensorHealth.Config.DEFAULTS, events::add);
        int r = h.source("Varna", SensorHealth.RADAR, 10 << 8 | 2, 5);
        h.heard(r, 0);
        h.evaluate(9 * S);
        assertThat(h.state(r)).isEqualTo(SensorHealth.UP);
        h.evaluate(11 * S);
        assertThat(h.state(r)).isEqualTo(SensorHealth.DEGRADED);
        h.evaluate(30 * S);
        assertThat(h.state(r)).isEqualTo(SensorHealth.DEGRADED);
        h.evaluate(31 * S);
        assertThat(h.state(r)).isEqualTo(SensorHealth.LOST);
        h.heard(r, 40 * S);
        h.evaluate(41 * S);
        assertThat(h.state(r)).isEqualTo(SensorHealth.UP);
        assertThat(events)
                .extracting(e -> ((SensorEvent.StatusChanged) e).reason())
                .containsExactly("rotation period missed", "no data for 30 s", null);
        // nothing heard, nothing judged: a sensor enters with its first input
        h.source("quiet", SensorHealth.ADSB);
        h.evaluate(100 * S);
        assertThat(h.statuses()).extracting(SensorHealth.Status::sensor).containsExactly("Varna");
    }
}
