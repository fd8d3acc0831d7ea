package org.vigil.server.output.cot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.server.tracking.SystemTrackView;

/** The CoT output's filters: area (a latitude/longitude box) and identities ("none": not identified). */
class CotFiltersTest {
    private static SystemTrackView track(double lat, double lon, String identity) {
        return new SystemTrackView(
                1,
                "confirmed",
                lat,
                lon,
                null,
                300,
                0,
                null,
                null,
                null,
                null,
                List.of("r"),
                false,
                true,
                100,
                10,
                0,
                0,
                null,
                identity,
                null,
                100,
                100,
                0);
    }

    private static CotOutput output(CotOutput.Area area, Set<String> identities) {
        return new CotOutput(null, new CotOutput.Settings(false, 1, area, identities, false, null, null, null));
    }

    @Test
    void area() {
        CotOutput o = output(new CotOutput.Area(42, 27, 46, 34), null);
        assertThat(o.passes(track(43, 28, "hostile"))).isTrue();
        assertThat(o.passes(track(41.9, 28, "hostile"))).isFalse();
        assertThat(o.passes(track(43, 34.1, "hostile"))).isFalse();
    }

    @Test
    void identities() {
        CotOutput o = output(null, Set.of("hostile", "suspect", "none"));
        assertThat(o.passes(track(43, 28, "hostile"))).isTrue();
        assertThat(o.passes(track(43, 28, "suspect"))).isTrue();
        assertThat(o.passes(track(43, 28, null))).isTrue();
        assertThat(o.passes(track(43, 28, "friend"))).isFalse();
        assertThat(o.passes(track(43, 28, "pending"))).isFalse();
        assertThat(output(null, Set.of()).passes(track(43, 28, "friend"))).isTrue(); // empty: all
    }
}
