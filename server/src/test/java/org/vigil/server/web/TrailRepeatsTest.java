package org.vigil.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Several receivers merged: each fix arrives once per receiver; the console's trail shows it once. */
class TrailRepeatsTest {
    @Test
    void repeatedFixesFromSeveralReceiversAreShownOnce() {
        TrailPoint a = new TrailPoint(28.0, 43.0, 35_000),
                b = new TrailPoint(28.001, 43.0, 35_000),
                c = new TrailPoint(28.002, 43.0, 35_025);
        // three receivers, the third one late: a a b a b c b c c
        List<TrailPoint> merged = List.of(a, a, b, a, b, c, b, c, c);
        AircraftView v = AircraftView.builder("4BA9C1")
                .position(43.0, 28.002)
                .trail(merged)
                .build();
        assertThat(v.trail()).containsExactly(a, b, c);
        // the same coordinates at another altitude are another fix
        TrailPoint a2 = new TrailPoint(28.0, 43.0, 35_100);
        assertThat(AircraftView.withoutRepeats(List.of(a, a2))).containsExactly(a, a2);
    }
}
